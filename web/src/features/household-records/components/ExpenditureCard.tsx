import { DataTable } from '../../../components/DataTable';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Popconfirm, Row, Select, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useIsPhone } from '../../../components/useIsPhone';
import { dayjs, formatDate, formatDateTime } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { EXPENDITURE_TYPE_LABELS, INCOME_SOURCE_LABELS, labelOf, optionsOf } from '../../../lib/labels';
import { fenToYuan, formatFen, parseYuan, yuanRule } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { ExpenditureInput, ExpenditureView } from '../api';
import { useAddExpenditure } from '../hooks/useAddExpenditure';
import { useRemoveExpenditure } from '../hooks/useRemoveExpenditure';
import { memberOptions, personIdOrNull } from './member-options';

interface ExpenditureValues {
  personId: string;
  expenditureType: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  amountYuan: string;
  source: string;
  sourceDetail?: string;
  note?: string;
}

/** Map server paths of expenditureInput onto this form's fields. */
const EXPENDITURE_PATHS: Record<string, string> = { amountFen: 'amountYuan', periodStart: 'period', periodEnd: 'period' };

/** Received assistance and donations are subtracted from rigid expenditure (R47). */
const SUBTRACTED = 'ASSISTANCE_RECEIVED';

/**
 * 刚性支出 (R47): list (amounts in 元, 2 decimals) and 添加刚性支出 (entered in 元, sent as
 * integer 分). The policy engine reads the items of the 12 months before the reference date.
 */
export function ExpenditureCard({
  householdId,
  expenditures,
  members,
  canWrite,
}: {
  householdId: string;
  expenditures: ExpenditureView[];
  members: MemberView[];
  canWrite: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ExpenditureValues>();
  const add = useAddExpenditure(householdId);
  const remove = useRemoveExpenditure(householdId);
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const spentFen = expenditures.filter((e) => e.expenditureType !== SUBTRACTED).reduce((s, e) => s + e.amountFen, 0);
  const receivedFen = expenditures.filter((e) => e.expenditureType === SUBTRACTED).reduce((s, e) => s + e.amountFen, 0);

  const submit = (v: ExpenditureValues) => {
    const amount = parseYuan(String(v.amountYuan).trim());
    if (!amount.ok) {
      form.setFields([{ name: 'amountYuan', errors: [amount.message] }]);
      return;
    }
    const body: ExpenditureInput = {
      personId: personIdOrNull(v.personId),
      expenditureType: v.expenditureType as ExpenditureInput['expenditureType'],
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      amountFen: amount.fen,
      source: v.source as ExpenditureInput['source'],
      sourceDetail: v.sourceDetail?.trim() || null,
      note: v.note?.trim() || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success('已添加刚性支出');
        form.resetFields();
        setOpen(false);
      },
      onError: (e) => {
        applyFieldErrors(form, e, { mapPath: (p) => [EXPENDITURE_PATHS[String(p[0])] ?? String(p[0])] });
        void message.error(errorMessage(e));
      },
    });
  };

  const columns: TableProps<ExpenditureView>['columns'] = [
    { title: '成员', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    { title: '支出类型', dataIndex: 'expenditureType', width: 180, render: (v: string) => labelOf(EXPENDITURE_TYPE_LABELS, v) },
    { title: '支出期间', key: 'period', width: 200, render: (_, r) => `${formatDate(r.periodStart)} 至 ${formatDate(r.periodEnd)}` },
    {
      title: '金额（元）',
      dataIndex: 'amountFen',
      width: 120,
      align: 'right',
      render: (v: number, r) => (r.expenditureType === SUBTRACTED ? `-${fenToYuan(v)}` : fenToYuan(v)),
    },
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
          title="确定删除这条刚性支出记录？"
          okText="删除"
          cancelText="取消"
          onConfirm={() =>
            remove.mutateAsync(r.id).then(
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
    <Card
      title="刚性支出"
      style={{ marginTop: 12 }}
      styles={{ body: { paddingInline: isPhone ? 12 : undefined } }}
      extra={
        canWrite && (
          <Button type="primary" size={isPhone ? 'small' : 'middle'} icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            添加刚性支出
          </Button>
        )
      }
      data-testid="expenditure-card"
    >
      <Flex wrap gap={16} style={{ marginBottom: 12 }}>
        <Typography.Text>
          支出合计：<Typography.Text strong data-testid="expenditure-total">{formatFen(spentFen)}</Typography.Text> 元
        </Typography.Text>
        <Typography.Text>
          已获救助和捐赠：<Typography.Text strong>{formatFen(receivedFen)}</Typography.Text> 元
        </Typography.Text>
      </Flex>
      <DataTable<ExpenditureView> rowKey="id" size="small" columns={columns} dataSource={expenditures} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal
        title="添加刚性支出"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={add.isPending}
        destroyOnHidden
        width={640}
      >
        <Form<ExpenditureValues> form={form} name="expenditure-add" layout="vertical" onFinish={submit} initialValues={{ personId: '', source: 'DECLARED' }}>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label="成员" name="personId">
                <Select options={memberOptions(members)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="支出类型" name="expenditureType" rules={[{ required: true, message: '请选择支出类型' }]}>
                <Select options={optionsOf(EXPENDITURE_TYPE_LABELS)} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="支出期间" name="period" rules={[{ required: true, message: '请选择支出期间' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="金额（元）" name="amountYuan" rules={[yuanRule(true, '金额')]} extra="单位：元，最多两位小数；医疗费用填报销后个人负担部分">
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
                <Input maxLength={200} placeholder="如：医保局 2026 年 3 月结算数据" />
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
    </Card>
  );
}
