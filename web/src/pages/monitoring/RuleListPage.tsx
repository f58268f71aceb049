import { App as AntApp, Button, Drawer, Form, Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CLUE_LEVEL_LABELS, TARGET_CATEGORY_LABELS } from '../../../../src/domain/monitoring/clue.types';
import { kindSpec, type ParamSpec } from '../../../../src/domain/monitoring/warning-rules';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { useSession } from '../../features/auth/hooks/useSession';
import type { WarningRule } from '../../features/monitoring-rules/api';
import { useSwitchRule, useUpdateRule, useWarningRules } from '../../features/monitoring-rules/hooks';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { fenToYuan, formatFen, yuanRule, yuanToFen } from '../../lib/money';

const LEVEL_COLOR: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold' };
const label = (table: Record<string, string>, v: string) => table[v] ?? v;

function describeParam(p: ParamSpec, v: unknown): string {
  if (p.type === 'FEN') return typeof v === 'number' ? `${formatFen(v)}元` : '—';
  if (p.type === 'SHARE') return typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : '—';
  if (p.type === 'ENUM') return typeof v === 'string' ? (p.optionLabels[v] ?? v) : '—';
  return v === undefined || v === null ? '—' : String(v);
}

function paramSummary(r: WarningRule): string {
  const spec = kindSpec(r.kind);
  if (!spec) return '';
  const parts = Object.entries(spec.params).map(([k, p]) => `${p.label}：${describeParam(p, r.params[k])}`);
  return parts.length ? parts.join('；') : '无参数';
}

/** 预警规则 (issue 4 §3): thresholds edited at province level, switched on or off per region. */
export default function RuleListPage() {
  const { can } = usePermissions();
  const session = useSession();
  const myRegion = session.data?.user.regionCode ?? '';
  const isProvince = myRegion.length <= 2;
  const { message } = AntApp.useApp();
  const q = useWarningRules();
  const toggle = useSwitchRule();
  const [editing, setEditing] = useState<WarningRule | null>(null);
  return (
    <PageContainer title="预警规则">
      <Typography.Paragraph type="secondary">
        规则按部门数据触发预警线索（R81），阈值为各地示例，标注“示例阈值待确认”的须按青海规定调整。规则全省统一，由省级修改；各地可在本辖区启用或停用。准确率 = 已办结线索中未被排除的比例。
      </Typography.Paragraph>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={false}
          columns={[
            { title: '规则', key: 'name', render: (_, r) => (<><div>{r.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.kindLabel}（{r.code}，第{r.version}版）</Typography.Text></>) },
            { title: '参数', key: 'params', render: (_, r) => paramSummary(r) },
            { title: '等级', dataIndex: 'level', render: (v: string) => <Tag color={LEVEL_COLOR[v]}>{label(CLUE_LEVEL_LABELS, v)}</Tag> },
            { title: '指向', dataIndex: 'targetCategory', render: (v: string) => label(TARGET_CATEGORY_LABELS, v) },
            { title: '核实时限', dataIndex: 'deadlineWorkingDays', render: (v: number) => `${v}个工作日` },
            {
              title: '本辖区启用',
              key: 'on',
              render: (_, r) => (
                <Switch
                  checked={r.enabledForScope}
                  disabled={!can('monitoring:manage')}
                  loading={toggle.isPending && toggle.variables?.id === r.id}
                  aria-label={`${r.name}在本辖区启用`}
                  onChange={(enabled) =>
                    toggle.mutate({ id: r.id, regionCode: myRegion, enabled }, { onError: (e) => void message.error(errorMessage(e)) })
                  }
                />
              ),
            },
            {
              title: '准确率',
              key: 'precision',
              render: (_, r) => (r.stats.precision === null ? '—' : `${Math.round(r.stats.precision * 1000) / 10}%（${r.stats.closed - r.stats.excluded}/${r.stats.closed}）`),
            },
            { title: '在办', key: 'open', render: (_, r) => r.stats.open },
            ...(can('monitoring:manage') && isProvince
              ? [{ title: '操作', key: 'op', render: (_: unknown, r: WarningRule) => <Button size="small" onClick={() => setEditing(r)}>修改</Button> }]
              : []),
          ]}
        />
      )}
      {editing && <RuleDrawer rule={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}

interface FormValues {
  name: string;
  level: string;
  targetCategory: string;
  deadlineWorkingDays: number;
  description: string;
  params: Record<string, unknown>;
}

function RuleDrawer({ rule, onClose }: { rule: WarningRule; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = AntApp.useApp();
  const update = useUpdateRule();
  const spec = kindSpec(rule.kind);
  const params = spec?.params ?? {};
  const initialParams = Object.fromEntries(
    Object.entries(params).map(([k, p]) => [k, p.type === 'FEN' && typeof rule.params[k] === 'number' ? fenToYuan(rule.params[k] as number) : rule.params[k]]),
  );
  const onFinish = (v: FormValues) => {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(params)) out[k] = p.type === 'FEN' ? yuanToFen(String(v.params[k] ?? '')) : v.params[k];
    update.mutate(
      { id: rule.id, body: { version: rule.version, name: v.name, params: out, level: v.level, targetCategory: v.targetCategory, deadlineWorkingDays: v.deadlineWorkingDays, description: v.description } },
      {
        onSuccess: () => {
          void message.success('规则已保存');
          onClose();
        },
        onError: (e) => {
          const { unmapped } = applyFieldErrors(form, e);
          if (unmapped.length) void message.error(unmapped.join('；'));
          else if (!(e && typeof e === 'object' && 'details' in e)) void message.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <Drawer open title={`修改预警规则：${rule.name}`} width={520} onClose={onClose} destroyOnHidden
      extra={<Button type="primary" loading={update.isPending} onClick={() => form.submit()}>保存</Button>}>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ name: rule.name, level: rule.level, targetCategory: rule.targetCategory, deadlineWorkingDays: rule.deadlineWorkingDays, description: rule.description, params: initialParams }}
      >
        <Form.Item label="规则名称" name="name" rules={[{ required: true, message: '请填写规则名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        {Object.entries(params).map(([k, p]) => (
          <Form.Item key={k} label={p.label} name={['params', k]} rules={p.type === 'FEN' ? [yuanRule(true, p.label)] : [{ required: true, message: `请填写${p.label}` }]}>
            {p.type === 'FEN' ? (
              <Input suffix="元" inputMode="decimal" />
            ) : p.type === 'ENUM' ? (
              <Select options={p.options.map((o) => ({ value: o, label: p.optionLabels[o] ?? o }))} />
            ) : p.type === 'SHARE' ? (
              <InputNumber min={p.min} max={p.max} step={0.05} style={{ width: '100%' }} addonAfter="（1 = 100%）" />
            ) : (
              <InputNumber min={p.min} max={p.max} precision={0} style={{ width: '100%' }} />
            )}
          </Form.Item>
        ))}
        <Form.Item label="预警等级" name="level">
          <Select options={Object.entries(CLUE_LEVEL_LABELS).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item label="指向类别" name="targetCategory">
          <Select options={Object.entries(TARGET_CATEGORY_LABELS).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item label="核实处置时限（工作日）" name="deadlineWorkingDays" rules={[{ required: true, message: '请填写时限' }]}>
          <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="说明（依据、阈值来源）" name="description">
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
