import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import type { CloseClueBody } from '../api';
import { useAssignClue, useClueAssignees, useCloseClue } from '../hooks';
import { CLUE_OUTCOME_LABELS } from '../labels';

/** 分派: users who may handle the clue's village. */
export function AssignClueModal({ clueId, open, onClose }: { clueId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ userId: string }>();
  const { message } = App.useApp();
  const assignees = useClueAssignees(clueId, open);
  const assign = useAssignClue(clueId);
  const submit = async () => {
    const { userId } = await form.validateFields();
    assign.mutate(userId, {
      onSuccess: () => {
        void message.success('已分派');
        onClose();
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e).mapped) void message.error(errorMessage(e));
      },
    });
  };
  return (
    <Modal open={open} title="分派线索" okText="分派" onOk={() => void submit()} onCancel={onClose} confirmLoading={assign.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="clue-assign-form">
        <Form.Item name="userId" label="核查人员" rules={[{ required: true, message: '请选择核查人员' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={assignees.isPending}
            options={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.regionCode}）` }))}
            data-testid="clue-assign-user"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 办结: outcome, reason, the department for 转办; 排除 for wrong data needs no visit. */
export function CloseClueModal({ clueId, open, onClose, hasVisit }: { clueId: string; open: boolean; onClose: () => void; hasVisit: boolean }) {
  const [form] = Form.useForm<CloseClueBody>();
  const { message } = App.useApp();
  const close = useCloseClue(clueId);
  const outcome = Form.useWatch('outcome', form);
  const submit = async () => {
    const v = await form.validateFields();
    close.mutate(
      { outcome: v.outcome, ...(v.reason ? { reason: v.reason } : {}), ...(v.referredTo ? { referredTo: v.referredTo } : {}), ...(v.invalidData ? { invalidData: true } : {}) },
      {
        onSuccess: () => {
          void message.success('已办结');
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e).mapped) void message.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <Modal open={open} title="办结线索" okText="办结" onOk={() => void submit()} onCancel={onClose} confirmLoading={close.isPending} destroyOnHidden>
      {!hasVisit && (
        <Typography.Paragraph type="warning">尚未入户核查：每条预警须先实地核查；仅数据有误的可选择“排除”并勾选“数据有误”。</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" data-testid="clue-close-form">
        <Form.Item name="outcome" label="办结结果" rules={[{ required: true, message: '请选择办结结果' }]}>
          <Select options={Object.entries(CLUE_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} data-testid="clue-close-outcome" />
        </Form.Item>
        {outcome === 'REFERRED' && (
          <Form.Item name="referredTo" label="转办部门" rules={[{ required: true, message: '请填写转办的部门' }]}>
            <Input maxLength={100} data-testid="clue-close-referred-to" />
          </Form.Item>
        )}
        {outcome === 'EXCLUDED' && (
          <Form.Item name="invalidData" valuePropName="checked">
            <Checkbox data-testid="clue-close-invalid-data">数据有误（无需入户核查）</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="reason" label="办结理由" rules={outcome === 'EXCLUDED' ? [{ required: true, message: '请填写办结理由' }] : []}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="clue-close-reason" />
        </Form.Item>
        {(outcome === 'DIBAO' || outcome === 'TEKUN') && (
          <Typography.Paragraph type="secondary">办结时将对该家庭进行政策核算并保存核算结果，同时生成待办救助申请。</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
