import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/dates';
import { FIELD_LABELS } from '../../../lib/errors';
import {
  ASSET_TYPE_LABELS,
  CATEGORY_LABELS,
  CHANGE_SOURCE_LABELS,
  DISABILITY_CATEGORY_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  INCOME_TYPE_LABELS,
  LABOUR_CAPACITY_LABELS,
  labelOf,
  RELATIONSHIP_LABELS,
  STUDENT_STAGE_LABELS,
  URBAN_RURAL_LABELS,
} from '../../../lib/labels';
import { fenToYuan } from '../../../lib/money';
import type { TimelineItem } from '../api';
import { useHouseholdTimeline } from '../hooks/useHouseholdTimeline';

const VALUE_TABLES: Record<string, Record<string, string>> = {
  urbanRural: URBAN_RURAL_LABELS,
  status: HOUSEHOLD_STATUS_LABELS,
  category: CATEGORY_LABELS,
  relationship: RELATIONSHIP_LABELS,
  labourCapacity: LABOUR_CAPACITY_LABELS,
  healthStatus: HEALTH_LABELS,
  disabilityCategory: DISABILITY_CATEGORY_LABELS,
  employment: EMPLOYMENT_LABELS,
  studentStage: STUDENT_STAGE_LABELS,
  incomeType: INCOME_TYPE_LABELS,
  assetType: ASSET_TYPE_LABELS,
  source: CHANGE_SOURCE_LABELS,
  sex: { M: '男', F: '女' },
};

function lastSegment(field: string): string {
  const parts = field.split(/[.[\]/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

/** A changed value as officers read it: labels for codes, 元 for 分, 空 for nothing. */
export function formatChangeValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  const key = lastSegment(field);
  if (typeof v === 'number' && /Fen$/.test(key)) return `${fenToYuan(v)}元`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => formatChangeValue(field, x)).join('、') || '空';
  if (typeof v === 'object') return JSON.stringify(v);
  const table = VALUE_TABLES[key];
  return table ? labelOf(table, String(v)) : String(v);
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[lastSegment(field)] ?? field;
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="timeline-at">
        {formatDateTime(item.at)}
      </Typography.Text>
      <div>
        <Typography.Text strong>{item.actorName ?? '系统'}</Typography.Text>
        <Typography.Text style={{ marginInline: 8 }}>{item.summary}</Typography.Text>
        {item.source && <Tag color="blue">{labelOf(CHANGE_SOURCE_LABELS, item.source)}</Tag>}
      </div>
      {item.changes.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, color: '#555' }}>
          {item.changes.map((c, i) => (
            <li key={`${c.field}-${i}`}>
              {fieldLabel(c.field)}：{formatChangeValue(c.field, c.before)} → {formatChangeValue(c.field, c.after)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 变更记录: who changed what and when (Asia/Shanghai), with the source of each change. */
export function HouseholdTimeline({ householdId }: { householdId: string }) {
  const q = useHouseholdTimeline(householdId);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <Empty description="暂无变更记录" />;
  return (
    <Timeline
      items={q.data.items.map((item) => ({
        key: item.seq,
        content: <TimelineEntry item={item} />,
      }))}
    />
  );
}
