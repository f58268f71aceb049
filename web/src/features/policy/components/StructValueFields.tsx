import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldSpec, ParameterDefinition } from '../../../../../src/domain/policy/parameter-catalog';
import { fieldLabel, optionLabel } from '../../../../../src/domain/policy/parameter-text';

/** Field types a form control edits directly (a structured value of only these gets a form, not JSON). */
const SIMPLE = new Set(['MULTIPLIER', 'RATE', 'MONTHS', 'DAYS', 'WORKING_DAYS', 'HOURS', 'BOOLEAN', 'ENUM', 'INTEGER', 'FEN', 'DATE', 'TEXT']);
const UNITS: Record<string, string> = { MULTIPLIER: '倍', RATE: '%', MONTHS: '个月', DAYS: '天', WORKING_DAYS: '个工作日', HOURS: '小时', FEN: '元' };
const WHOLE = new Set(['MONTHS', 'DAYS', 'WORKING_DAYS', 'HOURS', 'INTEGER']);

/** A rate is typed as a percentage (30 for 0.3): how officials read it. */
export function rateToPercent(rate: number): number {
  return Number((rate * 100).toPrecision(12));
}
export function percentToRate(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** What a form control holds for one field: numbers (元 for FEN, % for RATE), a switch, an option, a date, a text. */
export type StructFormValue = Record<string, number | boolean | string | Dayjs | null | undefined>;

/** The fields of a STRUCT parameter whose every field is a plain figure, option, switch or date; else null. */
export function simpleStructFields(def: ParameterDefinition | undefined): [string, FieldSpec][] | null {
  if (def?.kind !== 'STRUCT' || !def.fields) return null;
  const fields = Object.entries(def.fields);
  return fields.length > 0 && fields.every(([, f]) => SIMPLE.has(f.type)) ? fields : null;
}

/** Stored value → form controls (fen shown in 元, dates as dayjs). */
export function structToForm(fields: [string, FieldSpec][], value: unknown): StructFormValue {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: StructFormValue = {};
  for (const [name, f] of fields) {
    const x = v[name];
    if (x === null || x === undefined) out[name] = f.type === 'BOOLEAN' ? false : null;
    else if (f.type === 'FEN' && typeof x === 'number') out[name] = x / 100;
    else if (f.type === 'RATE' && typeof x === 'number') out[name] = rateToPercent(x);
    else if (f.type === 'DATE' && typeof x === 'string') out[name] = dayjs(x);
    else out[name] = x as number | boolean | string;
  }
  return out;
}

/** Form controls → the value to propose: 元 back to integer fen; an empty optional field left out, an empty nullable one null. */
export function structFromForm(fields: [string, FieldSpec][], form: StructFormValue | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of fields) {
    const x = form?.[name];
    if (f.type === 'BOOLEAN') {
      out[name] = x === true;
      continue;
    }
    if (x === null || x === undefined || x === '') {
      if (f.nullable) out[name] = null;
      continue;
    }
    if (f.type === 'FEN') out[name] = Math.round(Number(x) * 100);
    else if (f.type === 'RATE') out[name] = percentToRate(Number(x));
    else if (f.type === 'DATE') out[name] = dayjs.isDayjs(x) ? x.format('YYYY-MM-DD') : x;
    else if (f.type === 'TEXT') {
      const text = String(x).trim();
      if (text) out[name] = text;
      else if (f.nullable) out[name] = null;
    } else out[name] = x;
  }
  return out;
}

/** One labelled control per field, under the form's `struct` value. */
export function StructValueFields({ code, fields }: { code: string; fields: [string, FieldSpec][] }) {
  return (
    <>
      {fields.map(([name, f]) => {
        const label = fieldLabel(code, name);
        const required = !f.nullable && !f.optional && f.type !== 'BOOLEAN';
        const rules = required ? [{ required: true, message: `请填写${label}` }] : [];
        const common = { 'data-testid': `propose-struct-${name}`, 'aria-label': label };
        if (f.type === 'BOOLEAN') {
          return (
            <Form.Item key={name} label={label} name={['struct', name]} valuePropName="checked">
              <Switch {...common} checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          );
        }
        if (f.type === 'ENUM') {
          return (
            <Form.Item key={name} label={label} name={['struct', name]} rules={rules}>
              <Select {...common} allowClear={!required} options={f.options.map((o) => ({ value: o, label: optionLabel(o) }))} />
            </Form.Item>
          );
        }
        if (f.type === 'DATE') {
          return (
            <Form.Item key={name} label={label} name={['struct', name]} rules={rules} extra={f.nullable ? '不填表示未设置' : undefined}>
              <DatePicker {...common} style={{ width: 200 }} />
            </Form.Item>
          );
        }
        if (f.type === 'TEXT') {
          return (
            <Form.Item key={name} label={label} name={['struct', name]} rules={rules} extra={required ? undefined : '不填表示未设置'}>
              <Input {...common} maxLength={100} style={{ maxWidth: 400 }} />
            </Form.Item>
          );
        }
        const extra = f.nullable ? '不填表示未设置' : undefined;
        return (
          <Form.Item key={name} label={label} name={['struct', name]} rules={rules} extra={extra}>
            <InputNumber
              {...common}
              style={{ width: 200 }}
              min={f.type === 'INTEGER' ? f.min : 0}
              max={f.type === 'INTEGER' ? f.max : f.type === 'RATE' ? 100 : undefined}
              step={WHOLE.has(f.type) || f.type === 'FEN' || f.type === 'RATE' ? 1 : 0.1}
              precision={WHOLE.has(f.type) ? 0 : f.type === 'FEN' ? 2 : undefined}
              suffix={UNITS[f.type]}
            />
          </Form.Item>
        );
      })}
    </>
  );
}
