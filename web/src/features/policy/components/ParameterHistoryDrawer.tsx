import { Drawer, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { parameterScopeText, PROPOSAL_STATUS_LABELS } from '../../../../../src/domain/policy/parameter-proposal.rules';
import { DataTable } from '../../../components/DataTable';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/dates';
import type { ParameterVersion } from '../api';
import { useParameterHistory } from '../hooks/useParameterHistory';
import { ConfidenceTag } from './ConfidenceTag';

const STATUS_COLORS: Record<string, string> = { DRAFT: 'blue', APPROVED: 'green', REJECTED: 'red', WITHDRAWN: 'default' };

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status]}>{PROPOSAL_STATUS_LABELS[status as keyof typeof PROPOSAL_STATUS_LABELS] ?? status}</Tag>;
}

/** 历史版本: every version of one parameter on the region's path — who, when, why, status. */
export function ParameterHistoryDrawer({ code, regionCode, onClose }: { code: string | null; regionCode: string | undefined; onClose: () => void }) {
  const history = useParameterHistory(code, regionCode);
  const columns: ColumnsType<ParameterVersion> = [
    { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
    { title: '参数值', dataIndex: 'valueText', width: 360 },
    { title: '施行日期', dataIndex: 'effectiveFrom' },
    {
      title: '适用地区',
      key: 'region',
      render: (_, v) => parameterScopeText(v),
    },
    { title: '性质', dataIndex: 'confidence', render: (c: string, v) => <ConfidenceTag confidence={c} note={v.note} /> },
    {
      title: '提议',
      key: 'proposed',
      render: (_, v) =>
        v.isDefault ? (
          <Typography.Text type="secondary">系统预置</Typography.Text>
        ) : (
          <>
            <div>{v.createdByName ?? '—'}</div>
            <Typography.Text type="secondary">{formatDateTime(v.createdAt)}</Typography.Text>
          </>
        ),
    },
    { title: '理由', key: 'reason', render: (_, v) => v.reason ?? v.note ?? '—' },
    {
      title: '审批',
      key: 'reviewed',
      render: (_, v) =>
        v.reviewedAt ? (
          <>
            <div>{v.reviewedByName ?? (v.status === 'WITHDRAWN' ? '提议人撤回' : '—')}</div>
            <Typography.Text type="secondary">{formatDateTime(v.reviewedAt)}</Typography.Text>
            {v.reviewNote && <div>{v.reviewNote}</div>}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Drawer
      open={!!code}
      onClose={onClose}
      size={960}
      title={history.data ? `${history.data.code} ${history.data.name} · 历史版本（${history.data.regionName}）` : '历史版本'}
      data-testid="parameter-history"
    >
      {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      <DataTable<ParameterVersion>
        data-testid="history-table"
        rowKey="id"
        loading={history.isPending && !!code}
        columns={columns}
        dataSource={history.data?.items ?? []}
        pagination={false}
      />
    </Drawer>
  );
}
