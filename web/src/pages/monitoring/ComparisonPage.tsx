import { App as AntApp, Button, DatePicker, Progress, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { useComparisons, useStartComparison } from '../../features/monitoring-rules/hooks';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';

const STATUS: Record<string, { label: string; color: string }> = {
  QUEUED: { label: '排队中', color: 'default' },
  RUNNING: { label: '比对中', color: 'processing' },
  DONE: { label: '已完成', color: 'success' },
  FAILED: { label: '失败', color: 'error' },
};

/** 月度比对 (issue 4 §6): start the comparison of my region, watch its progress and figures. */
export default function ComparisonPage() {
  const { can } = usePermissions();
  const { message } = AntApp.useApp();
  const q = useComparisons();
  const start = useStartComparison();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const onStart = () =>
    start.mutate(month ? month.format('YYYY-MM') : undefined, {
      onSuccess: (r) => void message.success(`已启动${r.period}比对（${r.regionName ?? r.regionCode}，共${r.total}户）`),
      onError: (e) => void message.error(errorMessage(e)),
    });
  return (
    <PageContainer
      title="月度数据比对"
      extra={
        can('monitoring:manage') && (
          <>
            <DatePicker picker="month" placeholder="比对月份（默认本月）" value={month} onChange={setMonth} aria-label="比对月份" />
            <Button type="primary" loading={start.isPending} onClick={onStart}>
              启动比对
            </Button>
          </>
        )
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            { title: '月份', dataIndex: 'period' },
            { title: '地区', key: 'region', render: (_, r) => r.regionName ?? r.regionCode },
            { title: '状态', dataIndex: 'status', render: (v: string, r) => <Tag color={STATUS[v]?.color} title={r.error ?? undefined}>{STATUS[v]?.label ?? v}</Tag> },
            {
              title: '进度',
              key: 'progress',
              render: (_, r) => (
                <Progress size="small" status={r.status === 'FAILED' ? 'exception' : undefined} percent={r.total ? Math.min(100, Math.floor((r.processed / r.total) * 100)) : r.status === 'DONE' ? 100 : 0} format={() => `${r.processed}/${r.total}户`} />
              ),
            },
            { title: '新增预警', dataIndex: 'raised' },
            { title: '合并（再次触发）', dataIndex: 'merged' },
            { title: '发起人', dataIndex: 'createdByName', render: (v: string | null) => v ?? '系统' },
            { title: '发起时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: '完成时间', dataIndex: 'finishedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          ]}
        />
      )}
    </PageContainer>
  );
}
