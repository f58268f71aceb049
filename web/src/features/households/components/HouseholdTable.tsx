import { DataTable } from '../../../components/DataTable';
import { Tag, type TableProps } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates';
import { CATEGORY_LABELS, HOUSEHOLD_STATUS_LABELS, labelOf, URBAN_RURAL_LABELS } from '../../../lib/labels';
import type { HouseholdListItem } from '../api';

export function CategoryTags({ categories }: { categories: string[] }) {
  if (categories.length === 0) return <>—</>;
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color="volcano" style={{ marginInlineEnd: 4 }}>
          {labelOf(CATEGORY_LABELS, c)}
        </Tag>
      ))}
    </>
  );
}

export function HouseholdStatusTag({ status }: { status: string }) {
  return <Tag color={status === 'ACTIVE' ? 'green' : 'default'}>{labelOf(HOUSEHOLD_STATUS_LABELS, status)}</Tag>;
}

const columns: TableProps<HouseholdListItem>['columns'] = [
  {
    title: '户编号',
    dataIndex: 'householdNo',
    fixed: 'left',
    width: 150,
    render: (no: string, r) => <Link to={`/households/${r.id}`}>{no}</Link>,
  },
  { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
  { title: '身份证号', dataIndex: 'headIdNumber', width: 180, render: (v: string | null) => v ?? '—' },
  { title: '所属区域', dataIndex: 'regionPath', width: 220, ellipsis: true },
  { title: '城乡', dataIndex: 'urbanRural', width: 70, render: (v: string) => labelOf(URBAN_RURAL_LABELS, v) },
  { title: '类别', dataIndex: 'categories', width: 200, render: (v: string[]) => <CategoryTags categories={v} /> },
  { title: '人数', dataIndex: 'memberCount', width: 60, align: 'right' },
  { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => <HouseholdStatusTag status={v} /> },
  { title: '更新时间', dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
];

/** Server-side paged table of households (identity numbers come masked from the server). */
export function HouseholdTable(props: {
  items: HouseholdListItem[];
  total: number;
  /** more households match than `total` (the server counts up to a cap) */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  return (
    <DataTable<HouseholdListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      scroll={{ x: 1190 }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => (props.totalCapped ? `超过 ${t.toLocaleString('zh-CN')} 户，请增加查询条件缩小范围` : `共 ${t} 户`),
        onChange: props.onPageChange,
      }}
    />
  );
}
