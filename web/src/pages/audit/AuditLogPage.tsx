import { DataTable } from '../../components/DataTable';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Form, Input, Select, Typography, type TableProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import type { AuditEvent, AuditQuery } from '../../features/audit/api';
import { useAuditList } from '../../features/audit/hooks/useAuditList';
import { useVerifyAudit } from '../../features/audit/hooks/useVerifyAudit';
import { dayjs, formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { CHANGE_SOURCE_LABELS, labelOf } from '../../lib/labels';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS, auditActionLabel } from '../../../../src/domain/audit-actions';

/** The filter's suggestions: every action, found by its Chinese name or its code. */
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));


const FILTER_KEYS = ['actorId', 'action', 'entityType', 'householdId', 'from', 'to'] as const;

function readQuery(sp: URLSearchParams): AuditQuery {
  const int = (v: string | null, d: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = v && /^\d+$/.test(v) ? Number(v) : 0;
    return n >= 1 ? Math.min(n, max) : d;
  };
  const q: AuditQuery = { page: int(sp.get('page'), 1), pageSize: int(sp.get('pageSize'), 50, 200) };
  for (const k of FILTER_KEYS) {
    const v = sp.get(k)?.trim();
    if (v) q[k] = v;
  }
  return q;
}

function writeQuery(q: AuditQuery): URLSearchParams {
  const sp = new URLSearchParams();
  for (const k of FILTER_KEYS) if (q[k]) sp.set(k, q[k]!);
  if (q.page !== 1) sp.set('page', String(q.page));
  if (q.pageSize !== 50) sp.set('pageSize', String(q.pageSize));
  return sp;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">无</Typography.Text>;
  return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(value, null, 2)}</pre>;
}

interface FilterValues {
  actorId?: string;
  action?: string;
  entityType?: string;
  householdId?: string;
  range?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
}

/** 审计日志: search the append-only trail and 「校验哈希链」. */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const list = useAuditList(query);
  const verify = useVerifyAudit();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    form.setFieldsValue({
      actorId: query.actorId ?? '',
      action: query.action ?? '',
      entityType: query.entityType,
      householdId: query.householdId ?? '',
      range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null,
    });
  }, [query, form]);

  const search = (v: FilterValues) => {
    const q: AuditQuery = { page: 1, pageSize: query.pageSize };
    if (v.actorId?.trim()) q.actorId = v.actorId.trim();
    if (v.action?.trim()) q.action = v.action.trim();
    if (v.entityType) q.entityType = v.entityType;
    if (v.householdId?.trim()) q.householdId = v.householdId.trim();
    if (v.range?.[0]) q.from = v.range[0].format('YYYY-MM-DD');
    if (v.range?.[1]) q.to = v.range[1].format('YYYY-MM-DD');
    setParams(writeQuery(q));
  };

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: '序号', dataIndex: 'seq', width: 80, fixed: 'left' },
    { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 100,
      render: (v: string | null, r) =>
        r.actorId ? (
          <Button type="link" size="small" style={{ padding: 0 }} title="只看此人的操作" onClick={() => setParams(writeQuery({ ...query, actorId: r.actorId!, page: 1 }))}>
            {v ?? r.actorId}
          </Button>
        ) : (
          (v ?? '系统')
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 200,
      render: (v: string) => (
        <>
          <div>{auditActionLabel(v)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </>
      ),
    },
    { title: '对象类型', dataIndex: 'entityType', width: 100, render: (v: string) => labelOf(AUDIT_ENTITY_TYPE_LABELS, v) },
    { title: '对象ID', dataIndex: 'entityId', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '家庭',
      dataIndex: 'householdId',
      width: 90,
      render: (v: string | null) => (v ? <Link to={`/households/${v}`}>查看家庭</Link> : '—'),
    },
    { title: '县区', dataIndex: 'countyCode', width: 80, render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', width: 90, render: (v: string | null) => labelOf(CHANGE_SOURCE_LABELS, v) },
    { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <PageContainer
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          校验哈希链
        </Button>
      }
    >
      {verify.isError && <Alert type="error" showIcon closable style={{ marginBottom: 12 }} title={`校验失败：${errorMessage(verify.error)}`} />}
      {verify.data && (
        <Alert
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 12 }}
          data-testid="audit-verify-result"
          title={
            verify.data.ok
              ? `哈希链完整：已校验 ${verify.data.checked} 条记录`
              : `哈希链在第 ${verify.data.firstBrokenSeq ?? '?'} 条记录处断开（已校验 ${verify.data.checked} 条）`
          }
          description={!verify.data.ok && verify.data.reason ? `原因：${verify.data.reason}` : undefined}
        />
      )}
      <Form<FilterValues> form={form} name="audit-filters" layout="inline" onFinish={search} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label="操作人ID" name="actorId">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <AutoComplete
            allowClear
            style={{ width: 240 }}
            placeholder="输入中文名称或代码"
            options={ACTION_OPTIONS}
            filterOption={(input, o) => String(o?.label ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item label="对象类型" name="entityType">
          <Select allowClear style={{ width: 140 }} options={Object.entries(AUDIT_ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="家庭ID" name="householdId">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="时间" name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
        </Form.Item>
      </Form>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <DataTable<AuditEvent>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 12 }}>
              <div>
                <Typography.Text strong>变更前</Typography.Text>
                <Json value={r.before} />
              </div>
              <div>
                <Typography.Text strong>变更后</Typography.Text>
                <Json value={r.after} />
              </div>
              <div>
                <Typography.Text strong>请求ID</Typography.Text>
                <div style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.requestId ?? '—'}</div>
                <Typography.Text strong>哈希</Typography.Text>
                <div style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{r.hash}</div>
              </div>
            </div>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (page, pageSize) => setParams(writeQuery({ ...query, page: pageSize !== query.pageSize ? 1 : page, pageSize })),
        }}
      />
    </PageContainer>
  );
}
