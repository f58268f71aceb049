import { App, Button, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { useStartReassessment } from '../../assessments/hooks';
import { ENGINE_PARAMETER_CODES } from '../../../../../src/domain/policy/parameter-catalog';
import { parameterScopeText } from '../../../../../src/domain/policy/parameter-proposal.rules';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import type { ProposalItem } from '../api';
import { useProposalMutations } from '../hooks/useProposalMutations';
import { ConfidenceTag } from './ConfidenceTag';

const SELF_TIP = '不能审批本人提出的修改';

/** 待审批: pending proposals with 批准 / 驳回 (another admin) or 撤回 (the proposer). */
export function ProposalTable({ items, loading, onHistory }: { items: ProposalItem[]; loading: boolean; onHistory?: (p: ProposalItem) => void }) {
  const m = useProposalMutations();
  const { message, modal } = App.useApp();
  const [rejecting, setRejecting] = useState<ProposalItem | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const start = useStartReassessment();

  /** Issue 3 §6: what the proposal would change, before anyone approves it (changes nothing). */
  const whatIf = (p: ProposalItem) =>
    start.mutate(
      { mode: 'WHAT_IF', parameterVersionIds: [p.id] },
      {
        onSuccess: (run) => void navigate(`/policy/reassessments/${run.id}`),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  /** What approving does: the version comes into force, and an engine parameter re-assesses the region for real. */
  const approve = (p: ProposalItem) => {
    const engine = ENGINE_PARAMETER_CODES.has(p.code);
    const where = parameterScopeText(p);
    modal.confirm({
      title: `批准 ${p.code} ${p.name}？`,
      content: (
        <>
          <div data-testid="approve-confirm-value">
            {where}：{p.valueText}，{p.effectiveFrom}起施行
          </div>
          {engine && (
            <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }} data-testid="approve-confirm-reassess">
              批准后将立即按新值对{p.regionName ?? p.regionCode}的在册家庭正式重新核算：保存新的核算决定，低保待遇随之调整。请先查看试算结果。
            </Typography.Paragraph>
          )}
        </>
      ),
      okText: '批准',
      okButtonProps: { 'data-testid': 'approve-confirm' },
      onOk: () =>
        m.approve.mutateAsync({ id: p.id }).then(
          () => void message.success(engine ? '已批准，自施行日期起生效；已开始正式重新核算（见“批量重新核算”）' : '已批准，自施行日期起生效'),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });
  };

  const withdraw = (p: ProposalItem) =>
    modal.confirm({
      title: `撤回 ${p.code} ${p.name} 的修改提议？`,
      okText: '撤回',
      okButtonProps: { 'data-testid': 'withdraw-confirm' },
      onOk: () =>
        m.withdraw.mutateAsync(p.id).then(
          () => void message.success('已撤回'),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });

  const submitReject = (v: { note: string }) => {
    if (!rejecting) return;
    m.reject.mutate(
      { id: rejecting.id, note: v.note.trim() },
      {
        onSuccess: () => {
          void message.success('已驳回');
          setRejecting(null);
          form.resetFields();
        },
        onError: (e) => {
          const { mapped } = applyFieldErrors(form, e);
          if (!mapped) void message.error(errorMessage(e));
        },
      },
    );
  };

  const columns: ColumnsType<ProposalItem> = [
    {
      title: '参数',
      key: 'param',
      render: (_, p) =>
        onHistory ? (
          <Typography.Link onClick={() => onHistory(p)}>{`${p.code} ${p.name}`}</Typography.Link>
        ) : (
          `${p.code} ${p.name}`
        ),
    },
    {
      title: '适用地区',
      key: 'region',
      render: (_, p) => parameterScopeText(p),
    },
    {
      title: '提议值',
      key: 'value',
      width: 360,
      render: (_, p) => (
        <>
          <div data-testid={`proposal-value-${p.id}`}>{p.valueText}</div>
          {p.replaces && <Typography.Text type="secondary">原值：{p.replaces.valueText}</Typography.Text>}
        </>
      ),
    },
    { title: '施行日期', dataIndex: 'effectiveFrom' },
    { title: '性质', dataIndex: 'confidence', render: (c: string, p) => <ConfidenceTag confidence={c} note={p.note} /> },
    { title: '修改理由', dataIndex: 'reason', render: (r: string | null, p) => <>{r ?? '—'}{p.note && <div><Typography.Text type="secondary">{p.note}</Typography.Text></div>}</> },
    {
      title: '提议人',
      key: 'by',
      render: (_, p) => (
        <>
          <div>{p.createdByName ?? '—'}</div>
          <Typography.Text type="secondary">{formatDateTime(p.createdAt)}</Typography.Text>
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, p) => (
        <Space size={4} wrap>
          {can('reassessment:run') && ENGINE_PARAMETER_CODES.has(p.code) && (
            <Button size="small" onClick={() => whatIf(p)} loading={start.isPending} data-testid={`what-if-${p.id}`} aria-label={`试算 ${p.code}`}>
              试算影响
            </Button>
          )}
          <Tooltip title={p.mine ? SELF_TIP : undefined}>
            <span>
              <Button size="small" type="primary" disabled={p.mine} onClick={() => approve(p)} data-testid={`approve-${p.id}`} aria-label={`批准 ${p.code}`}>
                批准
              </Button>
            </span>
          </Tooltip>
          <Tooltip title={p.mine ? SELF_TIP : undefined}>
            <span>
              <Button size="small" danger disabled={p.mine} onClick={() => setRejecting(p)} data-testid={`reject-${p.id}`} aria-label={`驳回 ${p.code}`}>
                驳回
              </Button>
            </span>
          </Tooltip>
          {p.mine && (
            <Button size="small" onClick={() => withdraw(p)} data-testid={`withdraw-${p.id}`} aria-label={`撤回 ${p.code}`}>
              撤回
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <DataTable<ProposalItem>
        data-testid="proposal-table"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有待审批的修改' }}
      />
      <Modal
        open={!!rejecting}
        title={rejecting ? `驳回 ${rejecting.code} ${rejecting.name}` : '驳回'}
        okText="驳回"
        okButtonProps={{ danger: true, loading: m.reject.isPending, 'data-testid': 'reject-submit' }}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form form={form} name="reject-proposal" layout="vertical" onFinish={submitReject}>
          <Form.Item label="驳回理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写驳回理由' }]}>
            <Input.TextArea data-testid="reject-note" rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
