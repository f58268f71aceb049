import { DataTable } from '../../../components/DataTable';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Popconfirm, Row, Select, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { dayjs, formatDate, formatDateTime } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { INCOME_SOURCE_LABELS, INCOME_TYPE_LABELS, labelOf, optionsOf } from '../../../lib/labels';
import { fenToYuan, formatFen, parseYuan, yuanRule } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { IncomeInput, IncomeView } from '../api';
import { useAddIncome } from '../hooks/useAddIncome';
import { useRemoveIncome } from '../hooks/useRemoveIncome';
import { memberOptions, personIdOrNull } from './member-options';

interface IncomeValues {
  personId: string;
  incomeType: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  amountYuan: string;
  source: string;
  sourceDetail?: string;
  note?: string;
}

/** Map server paths of incomeInput onto this form's fields. */
const INCOME_PATHS: Record<string, string> = { amountFen: 'amountYuan', periodStart: 'period', periodEnd: 'period' };

/** 收入: list (amounts in 元, 2 decimals) and 登记收入 (entered in 元, sent as integer 分). */
export function IncomeTab({ householdId, incomes, members, canWrite }: { householdId: string; incomes: IncomeView[]; members: MemberView[]; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IncomeValues>();
  const add = useAddIncome(householdId);
  const remove = useRemoveIncome(householdId);
  const { message } = App.useApp();
  const totalFen = incomes.reduce((s, i) => s + i.amountFen, 0);

  const submit = (v: IncomeValues) => {
    const amount = parseYuan(String(v.amountYuan).trim());
    if (!amount.ok) {
      form.setFields([{ name: 'amountYuan', errors: [amount.message] }]);
      return;
    }
    const body: IncomeInput = {
      personId: personIdOrNull(v.personId),
      incomeType: v.incomeType as IncomeInput['incomeType'],
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      amountFen: amount.fen,
      source: v.source as IncomeInput['source'],
      sourceDetail: v.sourceDetail?.trim() || null,
      note: v.note?.trim() || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success('已登记收入');
        form.resetFields();
        setOpen(false);
      },
      onError: (e) => {
        applyFieldErrors(form, e, { mapPath: (p) => [INCOME_PATHS[String(p[0])] ?? String(p[0])] });
        void message.error(errorMessage(e));
      },
    });
  };

  const columns: TableProps<IncomeView>['columns'] = [
    { title: '成员', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    { title: '收入类型', dataIndex: 'incomeType', width: 180, render: (v: string) => labelOf(INCOME_TYPE_LABELS, v) },
    { title: '收入期间', key: 'period', width: 200, render: (_, r) => `${formatDate(r.periodStart)} 至 ${formatDate(r.periodEnd)}` },
    { title: '金额（元）', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => fenToYuan(v) },
    { title: '来源', dataIndex: 'source', width: 90, render: (v: string) => labelOf(INCOME_SOURCE_LABELS, v) },
    { title: '来源说明', dataIndex: 'sourceDetail', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '备注', dataIndex: 'note', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '登记人', dataIndex: 'recordedByName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, r) => (
        <Popconfirm
          title="确定删除这条收入记录？"
          okText="删除"
          cancelText="取消"
          onConfirm={() =>
            remove.mutateAsync({ itemId: r.id }).then(
              () => void message.success('已删除'),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          合计：<Typography.Text strong data-testid="income-total">{formatFen(totalFen)}</Typography.Text> 元
        </Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记收入
          </Button>
        )}
      </Flex>
      <DataTable<IncomeView> rowKey="id" size="small" columns={columns} dataSource={incomes} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal
        title="登记收入"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={add.isPending}
        destroyOnHidden
        width={640}
      >
        <Form<IncomeValues> form={form} name="income-add" layout="vertical" onFinish={submit} initialValues={{ personId: '', source: 'DECLARED' }}>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label="成员" name="personId">
                <Select options={memberOptions(members)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="收入类型" name="incomeType" rules={[{ required: true, message: '请选择收入类型' }]}>
                <Select options={optionsOf(INCOME_TYPE_LABELS)} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="收入期间" name="period" rules={[{ required: true, message: '请选择收入期间' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="金额（元）" name="amountYuan" rules={[yuanRule(true, '金额')]} extra="单位：元，最多两位小数">
                <Input inputMode="decimal" placeholder="如 1234.56" suffix="元" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="来源" name="source" rules={[{ required: true, message: '请选择来源' }]}>
                <Select options={optionsOf(INCOME_SOURCE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="来源说明" name="sourceDetail" rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder="如：人社局 2026 年 3 月工资数据" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="备注" name="note" rules={[{ max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
