import { Col, Form, Input, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { parseIdNumber } from '../../../../../src/domain/registry/id-number';
import { todayInChina } from '../../../lib/dates';
import { messageForDetail } from '../../../lib/errors';
import {
  DISABILITY_CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  LABOUR_CAPACITY_LABELS,
  optionsOf,
  SEX_LABELS,
  STUDENT_STAGE_LABELS,
} from '../../../lib/labels';

type Path = (string | number)[];

/** antd validator over the domain's identity-number rules (R9), today in China time. */
export const idNumberRule: Rule = {
  validator(_, value: unknown) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') return Promise.resolve();
    const r = parseIdNumber(text, { today: todayInChina() });
    return r.ok ? Promise.resolve() : Promise.reject(new Error(messageForDetail(r.violations[0]!)));
  },
};

/** 性别/出生日期 derived from a valid identity number, or null. */
export function deriveFromIdNumber(value: unknown): { sex: string; birthDate: string } | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const r = parseIdNumber(value.trim(), { today: todayInChina() });
  return r.ok ? { sex: SEX_LABELS[r.value.sex] ?? r.value.sex, birthDate: r.value.birthDate } : null;
}

const GRADE_OPTIONS = Object.entries(DISABILITY_GRADE_LABELS).map(([k, label]) => ({ value: Number(k), label }));

export interface PersonFieldsProps {
  /** Name prefix relative to the enclosing Form / Form.List field ('head', or a list index). */
  prefix?: Path;
  /** Absolute name prefix, to watch the identity number (differs from `prefix` inside a Form.List). */
  watchPrefix?: Path;
  /** Put before every label, e.g. '户主' → 户主姓名, 户主身份证号. */
  labelPrefix?: string;
  /** false when editing a person: the identity number is not editable (personPatch). */
  withIdNumber?: boolean;
  /** Number of columns on wide screens (always one on phones). */
  columns?: 1 | 2 | 3;
}

/**
 * The person fields of personInput (src/contracts/households.schemas.ts): 姓名, 身份证号
 * (checked in the browser, 性别/出生日期 shown), and the optional situation fields.
 */
export function PersonFields({ prefix = [], watchPrefix, labelPrefix = '', withIdNumber = true, columns = 3 }: PersonFieldsProps) {
  const form = Form.useFormInstance();
  const idValue = Form.useWatch([...(watchPrefix ?? prefix), 'idNumber'], form) as unknown;
  const derived = withIdNumber ? deriveFromIdNumber(idValue) : null;
  const span = { xs: 24, sm: columns >= 2 ? 12 : 24, lg: columns === 3 ? 8 : columns === 2 ? 12 : 24 };
  const n = (k: string): Path => [...prefix, k];
  const l = (t: string) => `${labelPrefix}${t}`;

  return (
    <Row gutter={16}>
      <Col {...span}>
        <Form.Item label={l('姓名')} name={n('name')} rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      {withIdNumber && (
        <Col {...span}>
          <Form.Item
            label={l('身份证号')}
            name={n('idNumber')}
            validateFirst
            rules={[{ required: true, whitespace: true, message: '请输入身份证号' }, idNumberRule]}
            extra={
              derived ? (
                <Typography.Text type="secondary" data-testid="id-derived">
                  性别：{derived.sex}　出生日期：{derived.birthDate}
                </Typography.Text>
              ) : undefined
            }
          >
            <Input maxLength={20} autoComplete="off" inputMode="text" />
          </Form.Item>
        </Col>
      )}
      <Col {...span}>
        <Form.Item label={l('民族')} name={n('ethnicity')} rules={[{ max: 16 }]}>
          <Input maxLength={16} placeholder="如：汉族、藏族、回族" />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('电话')} name={n('phone')} rules={[{ max: 32 }]}>
          <Input maxLength={32} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('劳动能力')} name={n('labourCapacity')}>
          <Select allowClear options={optionsOf(LABOUR_CAPACITY_LABELS)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('健康状况')} name={n('healthStatus')}>
          <Select allowClear options={optionsOf(HEALTH_LABELS)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('重病名称')} name={n('seriousIllness')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('残疾类别')} name={n('disabilityCategory')}>
          <Select allowClear options={optionsOf(DISABILITY_CATEGORY_LABELS)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('残疾等级')} name={n('disabilityGrade')}>
          <Select allowClear options={GRADE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('就业状况')} name={n('employment')}>
          <Select allowClear options={optionsOf(EMPLOYMENT_LABELS)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('在校情况')} name={n('studentStage')}>
          <Select allowClear options={optionsOf(STUDENT_STAGE_LABELS)} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('开户银行')} name={n('bankName')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col {...span}>
        <Form.Item label={l('银行账号')} name={n('bankAccount')} rules={[{ max: 40 }]}>
          <Input maxLength={40} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}

const OPTIONAL_TEXT = ['ethnicity', 'phone', 'seriousIllness', 'bankName', 'bankAccount'] as const;
const OPTIONAL_CODES = ['labourCapacity', 'healthStatus', 'disabilityCategory', 'disabilityGrade', 'employment', 'studentStage'] as const;

/** Form values → personInput: trimmed, empty optional fields left out. */
export function toPersonInput(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: String(v.name ?? '').trim() };
  if (v.idNumber !== undefined) out.idNumber = String(v.idNumber ?? '').trim();
  for (const k of OPTIONAL_TEXT) {
    const t = typeof v[k] === 'string' ? (v[k] as string).trim() : '';
    if (t) out[k] = t;
  }
  for (const k of OPTIONAL_CODES) if (v[k] !== undefined && v[k] !== null && v[k] !== '') out[k] = v[k];
  return out;
}

/** Form values → personPatch: like toPersonInput, but a cleared field is sent as null. */
export function toPersonPatch(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: String(v.name ?? '').trim() };
  for (const k of OPTIONAL_TEXT) {
    const t = typeof v[k] === 'string' ? (v[k] as string).trim() : '';
    out[k] = t === '' ? null : t;
  }
  for (const k of OPTIONAL_CODES) out[k] = v[k] === undefined || v[k] === '' ? null : v[k];
  return out;
}
