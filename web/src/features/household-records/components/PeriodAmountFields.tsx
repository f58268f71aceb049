import { Col, DatePicker, Form, Input, Select, type TableColumnsType } from 'antd';
import { formatDate } from '../../../lib/dates';
import { labelOf, optionsOf } from '../../../lib/labels';
import { formatFen, yuanRule } from '../../../lib/money';
import type { PeriodAmountKind } from '../period-amount';

interface PeriodAmountRow {
  periodStart: string;
  periodEnd: string;
  amountFen: number;
}

/** 类型, 期间 and 金额（元）; `renderAmount` for amounts shown otherwise than as they are. */
export function periodAmountColumns<T extends PeriodAmountRow>(
  { noun, typeField, typeLabels }: PeriodAmountKind<string>,
  renderAmount: (amountFen: number, r: T) => string = (v) => formatFen(v),
): TableColumnsType<T> {
  return [
    { title: `${noun}类型`, dataIndex: typeField, width: 180, render: (v: string) => labelOf(typeLabels, v) },
    { title: `${noun}期间`, key: 'period', width: 200, render: (_, r) => `${formatDate(r.periodStart)} 至 ${formatDate(r.periodEnd)}` },
    { title: '金额（元）', dataIndex: 'amountFen', width: 120, align: 'right', render: renderAmount },
  ];
}

/** The form fields between 成员 and 来源: 类型, 期间, 金额（元） with `amountExtra` as its help. */
export function PeriodAmountFields({ kind: { noun, typeField, typeLabels }, amountExtra }: { kind: PeriodAmountKind<string>; amountExtra: string }) {
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item label={`${noun}类型`} name={typeField} rules={[{ required: true, message: `请选择${noun}类型` }]}>
          <Select options={optionsOf(typeLabels)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label={`${noun}期间`} name="period" rules={[{ required: true, message: `请选择${noun}期间` }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="金额（元）" name="amountYuan" rules={[yuanRule(true, '金额')]} extra={amountExtra}>
          <Input inputMode="decimal" placeholder="如 1234.56" suffix="元" maxLength={20} />
        </Form.Item>
      </Col>
    </>
  );
}
