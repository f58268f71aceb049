import { Progress, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { useReassessments } from '../../features/assessments/hooks';
import { formatDateTime } from '../../lib/dates';
import { RUN_STATUS, yuanSigned } from './reassessment-labels';

/** 批量重新核算任务: what-if and applied runs, newest first. */
export default function ReassessmentListPage() {
  const q = useReassessments();
  return (
    <PageContainer title="批量重新核算">
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 1100 }}
          columns={[
            { title: '发起时间', dataIndex: 'createdAt', width: 150, render: (v: string, r) => <Link to={`/policy/reassessments/${r.id}`}>{formatDateTime(v)}</Link> },
            { title: '类型', dataIndex: 'mode', width: 100, render: (v: string) => (v === 'WHAT_IF' ? <Tag color="blue">试算</Tag> : <Tag color="green">正式应用</Tag>) },
            { title: '地区', key: 'region', width: 110, render: (_, r) => r.regionName ?? r.regionCode },
            { title: '参数', key: 'p', render: (_, r) => r.parameters.map((p) => `${p.code} ${p.name}（${p.regionCode}，${p.effectiveFrom}起）`).join('；') },
            { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={RUN_STATUS[v]?.color}>{RUN_STATUS[v]?.label ?? v}</Tag> },
            {
              title: '进度',
              key: 'progress',
              width: 160,
              render: (_, r) => <Progress size="small" style={{ width: 140 }} percent={r.total ? Math.floor((r.processed / r.total) * 100) : 100} status={r.status === 'FAILED' ? 'exception' : undefined} />,
            },
            { title: '新符合', key: 'n', width: 80, render: (_, r) => r.summary.totals.NEW_ELIGIBLE ?? 0 },
            { title: '每月资金变化', key: 'm', width: 130, render: (_, r) => yuanSigned(r.summary.monthlyDiffFen) },
            { title: '发起人', dataIndex: 'createdByName', width: 120, render: (v: string | null) => v ?? '系统' },
          ]}
        />
      )}
    </PageContainer>
  );
}
