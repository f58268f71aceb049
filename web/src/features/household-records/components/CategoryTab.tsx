import { DataTable } from '../../../components/DataTable';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { dayjs, formatDate, formatDateTime } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import { CATEGORY_LABELS, CHANGE_SOURCE_LABELS, labelOf, optionsOf } from '../../../lib/labels';
import type { MemberView } from '../../households/api';
import type { CategoryInput, CategoryView } from '../api';
import { useAddCategory } from '../hooks/useAddCategory';
import { useEndCategory } from '../hooks/useEndCategory';
import { memberOptions, personIdOrNull } from './member-options';

/** 类别: history with effective dates; 认定类别 adds one, 终止 ends a current one. */
export function CategoryTab({ householdId, history, members, canWrite }: { householdId: string; history: CategoryView[]; members: MemberView[]; canWrite: boolean }) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CategoryView | null>(null);
  const [addForm] = Form.useForm();
  const [endForm] = Form.useForm();
  const add = useAddCategory(householdId);
  const end = useEndCategory(householdId);
  const { message } = App.useApp();

  const submitAdd = (v: { category: string; personId: string; effectiveFrom: dayjs.Dayjs; reason?: string }) => {
    const body: CategoryInput = {
      category: v.category as CategoryInput['category'],
      personId: personIdOrNull(v.personId),
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      reason: v.reason?.trim() || null,
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success('已认定类别');
        addForm.resetFields();
        setAdding(false);
      },
      onError: (e) => {
        applyFieldErrors(addForm, e);
        void message.error(errorMessage(e));
      },
    });
  };

  const submitEnd = (v: { effectiveTo: dayjs.Dayjs; reason: string }) => {
    if (!ending) return;
    end.mutate(
      { itemId: ending.id, body: { effectiveTo: v.effectiveTo.format('YYYY-MM-DD'), reason: v.reason.trim() } },
      {
        onSuccess: () => {
          void message.success('已终止');
          endForm.resetFields();
          setEnding(null);
        },
        onError: (e) => {
          applyFieldErrors(endForm, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  const columns: TableProps<CategoryView>['columns'] = [
    { title: '类别', dataIndex: 'category', width: 130, render: (v: string) => labelOf(CATEGORY_LABELS, v) },
    { title: '对象', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '全户' },
    { title: '生效日期', dataIndex: 'effectiveFrom', width: 110, render: (v: string) => formatDate(v) },
    { title: '终止日期', dataIndex: 'effectiveTo', width: 110, render: (v: string | null) => formatDate(v) },
    { title: '状态', dataIndex: 'current', width: 80, render: (v: boolean) => (v ? <Tag color="green">有效</Tag> : <Tag>已终止</Tag>) },
    { title: '原因', dataIndex: 'reason', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', width: 90, render: (v: string) => labelOf(CHANGE_SOURCE_LABELS, v) },
    { title: '登记人', dataIndex: 'recordedByName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'recordedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, r) =>
        r.current ? (
          <Button type="link" size="small" danger onClick={() => setEnding(r)}>
            终止
          </Button>
        ) : null,
    });
  }

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            认定类别
          </Button>
        </Flex>
      )}
      <DataTable<CategoryView> rowKey="id" size="small" columns={columns} dataSource={history} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal title="认定类别" open={adding} onCancel={() => setAdding(false)} onOk={() => addForm.submit()} okText="保存" confirmLoading={add.isPending} destroyOnHidden>
        <Form form={addForm} name="category-add" layout="vertical" onFinish={submitAdd} initialValues={{ personId: '', effectiveFrom: dayjs() }}>
          <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={optionsOf(CATEGORY_LABELS)} />
          </Form.Item>
          <Form.Item label="对象" name="personId">
            <Select options={memberOptions(members)} />
          </Form.Item>
          <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="认定原因" name="reason" rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={ending ? `终止类别：${labelOf(CATEGORY_LABELS, ending.category)}` : '终止类别'}
        open={!!ending}
        onCancel={() => setEnding(null)}
        onOk={() => endForm.submit()}
        okText="确认终止"
        okButtonProps={{ danger: true }}
        confirmLoading={end.isPending}
        destroyOnHidden
      >
        <Form form={endForm} name="category-end" layout="vertical" onFinish={submitEnd} initialValues={{ effectiveTo: dayjs() }}>
          <Form.Item label="终止日期" name="effectiveTo" rules={[{ required: true, message: '请选择终止日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => !!ending && d.isBefore(dayjs(ending.effectiveFrom), 'day')} />
          </Form.Item>
          <Form.Item label="终止原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写终止原因' }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
