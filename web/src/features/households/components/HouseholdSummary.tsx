import { Descriptions, type DescriptionsProps } from 'antd';
import { formatDateTime } from '../../../lib/dates';
import { labelOf, URBAN_RURAL_LABELS } from '../../../lib/labels';
import type { HouseholdDetail } from '../api';
import { CategoryTags, HouseholdStatusTag } from './HouseholdTable';

/** The household at a glance: 户编号, 区域 path, 地址, 城乡, 状态, 当前类别. */
export function HouseholdSummary({ household }: { household: HouseholdDetail }) {
  const head = household.members.find((m) => m.person.id === household.headPersonId);
  const items: DescriptionsProps['items'] = [
    { key: 'no', label: '户编号', children: <span data-testid="household-no">{household.householdNo}</span> },
    { key: 'head', label: '户主', children: head?.person.name ?? '—' },
    { key: 'region', label: '区域', span: 2, children: household.regionNames.map((r) => r.name).join(' / ') || household.regionCode },
    { key: 'address', label: '地址', span: 2, children: household.address || '—' },
    { key: 'urbanRural', label: '城乡', children: labelOf(URBAN_RURAL_LABELS, household.urbanRural) },
    { key: 'status', label: '状态', children: <HouseholdStatusTag status={household.status} /> },
    { key: 'categories', label: '当前类别', span: 2, children: <CategoryTags categories={household.categories} /> },
    { key: 'members', label: '在册人数', children: household.members.length },
    { key: 'updatedAt', label: '更新时间', children: formatDateTime(household.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />;
}
