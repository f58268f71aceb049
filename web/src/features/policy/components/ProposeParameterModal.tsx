import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { findParameterDefinition, type MoneyStandard, type ParameterDefinition } from '../../../../../src/domain/policy/parameter-catalog';
import { PARAMETER_URBAN_RURAL_LABELS, PUBLISHED_UNIT_LABELS } from '../../../../../src/domain/policy/parameter-proposal.rules';
import { optionLabel, parameterValueText } from '../../../../../src/domain/policy/parameter-text';
import { ApiError } from '../../../lib/api-client';
import { applyFieldErrors, errorMessage, messageForDetail } from '../../../lib/errors';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { ParameterListItem, ProposeParameterBody } from '../api';
import { useProposalMutations } from '../hooks/useProposalMutations';
import { MoneyStandardPreview } from './MoneyStandardPreview';
import { percentToRate, rateToPercent, simpleStructFields, StructValueFields, structFromForm, structToForm, type StructFormValue } from './StructValueFields';

interface Values {
  regionCode: string;
  urbanRural: 'ALL' | 'URBAN' | 'RURAL';
  effectiveFrom?: Dayjs;
  money?: { amount?: string; unit?: string };
  number?: number | null;
  bool?: boolean;
  enumValue?: string;
  struct?: StructFormValue;
  json?: string;
  reason: string;
  basisDocument?: string;
  confidence: 'OFFICIAL' | 'PLACEHOLDER';
  note?: string;
}

const NUMBER_KINDS = new Set(['MULTIPLIER', 'RATE', 'MONTHS', 'DAYS', 'WORKING_DAYS', 'HOURS']);
const INTEGER_KINDS = new Set(['MONTHS', 'DAYS', 'WORKING_DAYS', 'HOURS']);
const NUMBER_UNITS: Record<string, string> = { MULTIPLIER: '倍', RATE: '%', MONTHS: '个月', DAYS: '天', WORKING_DAYS: '个工作日', HOURS: '小时' };

/**
 * The form field that edits the value of a parameter: a control for a figure, a switch or an
 * option; one control per field for a structure of those; JSON for the rest (lists, tables).
 */
export function valueFieldOf(kind: string, def?: ParameterDefinition): keyof Values {
  if (kind === 'MONEY_STANDARD') return 'money';
  if (NUMBER_KINDS.has(kind)) return 'number';
  if (kind === 'BOOLEAN') return 'bool';
  if (kind === 'ENUM') return 'enumValue';
  if (simpleStructFields(def)) return 'struct';
  return 'json';
}

function initialValue(kind: string, def: ParameterDefinition | undefined, value: unknown): Partial<Values> {
  const structFields = simpleStructFields(def);
  if (structFields) return { struct: structToForm(structFields, value) };
  if (value === null || value === undefined) {
    return kind === 'MONEY_STANDARD' ? { money: { unit: 'YUAN_PER_PERSON_MONTH' } } : kind === 'BOOLEAN' ? { bool: false } : {};
  }
  switch (valueFieldOf(kind, def)) {
    case 'money': {
      const m = value as MoneyStandard;
      return { money: { amount: String(m.published?.amount ?? ''), unit: m.published?.unit ?? 'YUAN_PER_PERSON_MONTH' } };
    }
    case 'number':
      return { number: typeof value !== 'number' ? null : kind === 'RATE' ? rateToPercent(value) : value };
    case 'bool':
      return { bool: value === true };
    case 'enumValue':
      return { enumValue: String(value) };
    default:
      return { json: JSON.stringify(value, null, 2) };
  }
}

/**
 * 提议修改: a new version of one parameter for a region, in force only once another
 * administrator approves it. Money standards are typed as published (元/人·月 or 元/人·年);
 * the normalised monthly figure is previewed as the server will store it.
 */
export function ProposeParameterModal({
  open,
  item,
  regionCode,
  onClose,
}: {
  open: boolean;
  item: ParameterListItem | null;
  regionCode: string | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { propose } = useProposalMutations();
  const { message } = App.useApp();
  const def = item ? findParameterDefinition(item.code) : undefined;
  const kind = item?.kind ?? '';
  const field = valueFieldOf(kind, def);
  const structFields = simpleStructFields(def);
  const money = Form.useWatch('money', form);
  const json = Form.useWatch('json', form);
  const confidence = Form.useWatch('confidence', form);
  const enumValue = Form.useWatch('enumValue', form);

  useEffect(() => {
    if (!open || !item) return;
    form.resetFields();
    form.setFieldsValue({
      regionCode: item.scope === 'NATIONAL' ? regionCode?.slice(0, 2) : regionCode,
      urbanRural: item.urbanRural as Values['urbanRural'],
      confidence: 'PLACEHOLDER',
      ...initialValue(item.kind, findParameterDefinition(item.code), item.inForce?.value),
    });
  }, [open, item, regionCode, form]);

  if (!item) return null;

  /** Server paths under `value` go onto the value field, with the sub-path for JSON values. */
  const onError = (e: unknown) => {
    if (!(e instanceof ApiError)) return void message.error(errorMessage(e));
    const valueDetails = e.details.filter((d) => d.path === 'value' || d.path.startsWith('value.') || d.path.startsWith('value['));
    const others = new ApiError(e.status, e.code, e.message, e.details.filter((d) => !valueDetails.includes(d)), e.requestId);
    const { unmapped } = applyFieldErrors(form, others);
    const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const d of valueDetails) {
      const sub = d.path.replace(/^value\.?/, '');
      // about the value as a whole (e.g. the same as the version in force): no one field of a structure
      if (field === 'struct' && !structFields?.some(([n]) => n === sub)) {
        void message.error(messageForDetail(d));
        continue;
      }
      const name: (string | number)[] =
        field === 'money' ? ['money', sub === 'unit' ? 'unit' : 'amount'] : field === 'struct' ? ['struct', sub] : [field];
      const text = field === 'json' && sub ? `${sub}：${messageForDetail(d)}` : messageForDetail(d);
      const entry = byName.get(JSON.stringify(name)) ?? { name, errors: [] };
      entry.errors.push(text);
      byName.set(JSON.stringify(name), entry);
    }
    form.setFields([...byName.values()] as Parameters<typeof form.setFields>[0]);
    if (e.details.length === 0 || unmapped.length) void message.error(unmapped[0] ?? errorMessage(e));
  };

  const submit = (v: Values) => {
    let value: unknown;
    switch (field) {
      case 'money':
        value = { amount: v.money?.amount?.trim() ?? '', unit: v.money?.unit };
        break;
      case 'number':
        value = kind === 'RATE' && typeof v.number === 'number' ? percentToRate(v.number) : v.number;
        break;
      case 'bool':
        value = !!v.bool;
        break;
      case 'enumValue':
        value = v.enumValue;
        break;
      case 'struct':
        value = structFromForm(structFields ?? [], v.struct);
        break;
      default:
        try {
          value = JSON.parse(v.json ?? '');
        } catch {
          form.setFields([{ name: 'json', errors: ['不是有效的JSON，请检查括号、引号和逗号'] }]);
          return;
        }
    }
    const body: ProposeParameterBody = {
      code: item.code,
      regionCode: v.regionCode,
      urbanRural: item.byUrbanRural ? v.urbanRural : 'ALL',
      effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : '',
      value,
      confidence: v.confidence,
      reason: v.reason.trim(),
      basisDocument: v.basisDocument?.trim() || null,
      note: v.note?.trim() || null,
    };
    propose.mutate(body, {
      onSuccess: () => {
        void message.success('已提交，待另一名管理员审批后生效');
        onClose();
      },
      onError,
    });
  };

  return (
    <Modal
      open={open}
      title={`提议修改 ${item.code} ${item.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交审批"
      okButtonProps={{ loading: propose.isPending, 'data-testid': 'propose-submit' }}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="四眼原则：提交后须由另一名有权限的管理员批准才生效，本人不能审批自己的修改。"
      />
      <Form<Values> form={form} name="propose-parameter" layout="vertical" onFinish={submit} data-testid="propose-form">
        <Form.Item label="适用地区" name="regionCode" rules={[{ required: true, message: '请选择适用地区' }]} extra="可选省、市州或县（区）；下级未单独设置时沿用上级的值">
          <RegionTreeSelect id="propose-parameter_regionCode" aria-label="适用地区" allowClear={false} placeholder="选择省、市州或县（区）" />
        </Form.Item>
        {item.byUrbanRural && (
          <Form.Item label="城乡" name="urbanRural" rules={[{ required: true, message: '请选择城乡' }]}>
            <Select
              data-testid="propose-urban-rural"
              options={(['URBAN', 'RURAL', 'ALL'] as const).map((k) => ({ value: k, label: PARAMETER_URBAN_RURAL_LABELS[k] }))}
            />
          </Form.Item>
        )}
        <Form.Item label="施行日期" name="effectiveFrom" rules={[{ required: true, message: '请选择施行日期' }]}>
          <DatePicker data-testid="propose-effective-from" style={{ width: 200 }} placeholder="如 2027-01-01" />
        </Form.Item>

        {field === 'money' && (
          <Form.Item label="标准（按文件公布的金额和单位填写）" required extra={<MoneyStandardPreview amount={money?.amount} unit={money?.unit} />}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name={['money', 'amount']} noStyle rules={[{ required: true, message: '请填写金额' }]}>
                <Input data-testid="propose-amount" aria-label="标准金额" suffix="元" style={{ width: 200 }} inputMode="decimal" />
              </Form.Item>
              <Form.Item name={['money', 'unit']} noStyle rules={[{ required: true, message: '请选择单位' }]}>
                <Select
                  data-testid="propose-unit"
                  aria-label="公布单位"
                  style={{ width: 140 }}
                  options={Object.entries(PUBLISHED_UNIT_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </div>
          </Form.Item>
        )}
        {field === 'number' && (
          <Form.Item label="参数值" name="number" rules={[{ required: true, message: '请填写参数值' }]}>
            <InputNumber
              data-testid="propose-number"
              style={{ width: 200 }}
              min={0}
              max={kind === 'RATE' ? 100 : undefined}
              step={INTEGER_KINDS.has(kind) || kind === 'RATE' ? 1 : 0.1}
              precision={INTEGER_KINDS.has(kind) ? 0 : undefined}
              suffix={NUMBER_UNITS[kind]}
            />
          </Form.Item>
        )}
        {field === 'bool' && (
          <Form.Item label="参数值" name="bool" valuePropName="checked">
            <Switch data-testid="propose-switch" checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        )}
        {field === 'enumValue' && (
          <Form.Item label="参数值" name="enumValue" rules={[{ required: true, message: '请选择参数值' }]}>
            <Select data-testid="propose-enum" options={(def?.options ?? []).map((o) => ({ value: o, label: optionLabel(o) }))} />
          </Form.Item>
        )}
        {item.code === 'P62' && enumValue === 'STEPPED_DOWN' && (
          // R44.2 names no method: without P77 in force the engine leaves each 渐退 amount to an officer
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="propose-p62-needs-p77"
            title="逐步减发还须为本地区配置“渐退期逐步减发办法”（P77）：前期全额发放月数、每次减发间隔和比例、最低发放比例。未配置时，进入渐退期的家庭不自动确定金额，需人工确定。"
          />
        )}
        {field === 'struct' && structFields && <StructValueFields code={item.code} fields={structFields} />}
        {field === 'json' && (
          <Form.Item label="参数值（JSON）" name="json" rules={[{ required: true, message: '请填写参数值' }]} extra={<JsonPreview def={def} json={json} />}>
            <Input.TextArea data-testid="propose-json" rows={8} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}

        <Form.Item label="修改理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写修改理由' }]}>
          <Input.TextArea data-testid="propose-reason" rows={2} maxLength={2000} placeholder="调整原因，如：按省民政厅通知提高农村低保标准" />
        </Form.Item>
        <Form.Item label="数值性质" name="confidence" rules={[{ required: true }]}>
          <Radio.Group
            data-testid="propose-confidence"
            options={[
              { value: 'OFFICIAL', label: '官方（有正式文件）' },
              { value: 'PLACEHOLDER', label: '占位值，待确认' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="文件依据"
          name="basisDocument"
          rules={[{ required: confidence === 'OFFICIAL', whitespace: true, message: '标为“官方”的数值须填写文件依据' }]}
        >
          <Input data-testid="propose-basis-document" maxLength={500} placeholder="发文机关、文号或文件名称，如：青民发〔2026〕1号" />
        </Form.Item>
        {confidence === 'PLACEHOLDER' && (
          <Form.Item label="待确认事项" name="note">
            <Input.TextArea data-testid="propose-note" rows={2} maxLength={1000} placeholder="说明还需向哪个部门确认什么（不填则以修改理由代替）" />
          </Form.Item>
        )}
        {item.inForce && (
          <Typography.Text type="secondary">
            当前值：{item.inForce.valueText}（{item.inForce.regionName ?? item.inForce.regionCode}，{item.inForce.effectiveFrom}起）
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** What the typed JSON says in words, as the list will show it; the server checks it on submit. */
function JsonPreview({ def, json }: { def: ParameterDefinition | undefined; json: string | undefined }) {
  let text = '';
  try {
    text = json?.trim() ? parameterValueText(def, JSON.parse(json)) : '';
  } catch {
    return <span>结构化参数以JSON填写，提交时校验格式和取值（当前内容还不是有效的JSON）</span>;
  }
  return (
    <>
      <div>结构化参数以JSON填写，提交时校验格式和取值</div>
      {text && <div data-testid="propose-json-preview">即：{text}</div>}
    </>
  );
}
