import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import type { CreateClueBody } from '../api';
import { useCreateClue } from '../hooks';
import {
  CLUE_CHANNEL_LABELS,
  CLUE_LEVEL_LABELS,
  DEFAULT_LEVEL_BY_CHANNEL,
  MANUAL_CHANNELS,
  TARGET_CATEGORY_LABELS,
} from '../labels';

const options = (t: Record<string, string>, keys: readonly string[] = Object.keys(t)) => keys.map((k) => ({ value: k, label: t[k] }));

/** 新增线索: staff entry for 自主申报 / 入户走访 / 热线反映 / 部门预警标识. */
export function ClueCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string, merged: boolean) => void }) {
  const [form] = Form.useForm<CreateClueBody>();
  const { message } = App.useApp();
  const create = useCreateClue();
  const channel = Form.useWatch('channel', form) as CreateClueBody['channel'] | undefined;
  const [unmapped, setUnmapped] = useState<string[]>([]);

  const submit = async () => {
    const values = await form.validateFields();
    setUnmapped([]);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as CreateClueBody;
    create.mutate(body, {
      onSuccess: (r) => {
        void message.success(r.merged ? '该对象已有同类未办结线索，已合并' : '线索已登记');
        form.resetFields();
        onCreated(r.clue.clue.id, r.merged);
      },
      onError: (e) => {
        const { mapped, unmapped: rest } = applyFieldErrors(form, e);
        if (!mapped) void message.error(errorMessage(e));
        setUnmapped(rest);
      },
    });
  };

  return (
    <Modal
      open={open}
      title="新增线索"
      okText="登记"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'clue-create-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'HOTLINE', targetCategory: 'DIBAO' }} data-testid="clue-create-form">
        <Form.Item name="channel" label="线索来源" rules={[{ required: true }]}>
          <Select options={options(CLUE_CHANNEL_LABELS, MANUAL_CHANNELS)} data-testid="clue-create-channel" />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]} extra="在低收入人口数据库中的人员将自动关联家庭和所在村">
          <Input maxLength={18} data-testid="clue-create-id-number" />
        </Form.Item>
        <Form.Item name="name" label="姓名" extra="不在数据库中时必填">
          <Input maxLength={50} data-testid="clue-create-name" />
        </Form.Item>
        <Form.Item name="regionCode" label="所在村（社区）" extra="不在数据库中时必填">
          <RegionTreeSelect selectableLevel={5} placeholder="选择村（社区）" aria-label="所在村（社区）" />
        </Form.Item>
        <Form.Item name="targetCategory" label="疑似情形" rules={[{ required: true }]}>
          <Select options={options(TARGET_CATEGORY_LABELS)} data-testid="clue-create-target" />
        </Form.Item>
        <Form.Item name="level" label="预警等级" extra={channel ? `不选则为${CLUE_LEVEL_LABELS[DEFAULT_LEVEL_BY_CHANNEL[channel]]}` : undefined}>
          <Select allowClear options={options(CLUE_LEVEL_LABELS)} data-testid="clue-create-level" />
        </Form.Item>
        <Form.Item name="description" label="情况描述" rules={[{ required: true, message: '请填写情况描述' }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="clue-create-description" />
        </Form.Item>
        <Form.Item name="reporterName" label="反映人">
          <Input maxLength={50} data-testid="clue-create-reporter" />
        </Form.Item>
        <Form.Item name="reporterPhone" label="反映人电话">
          <Input maxLength={20} inputMode="tel" data-testid="clue-create-reporter-phone" />
        </Form.Item>
        {channel === 'DEPT_FLAG' && (
          <Form.Item name="department" label="预警部门" rules={[{ required: true, message: '请填写预警部门' }]}>
            <Input maxLength={100} data-testid="clue-create-department" />
          </Form.Item>
        )}
        {unmapped.map((m) => (
          <div key={m} style={{ color: '#cf1322' }}>
            {m}
          </div>
        ))}
      </Form>
    </Modal>
  );
}
