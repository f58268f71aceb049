import { App, DatePicker, Form, Input, Modal } from 'antd';
import { dayjs } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import type { MemberView } from '../../households/api';
import { useRemoveMember } from '../hooks/useRemoveMember';

/** 移出: POST /api/households/:id/members/:memberId/remove {leftOn, reason}; history is kept. */
export function RemoveMemberModal({ householdId, member, onClose }: { householdId: string; member: MemberView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ leftOn: dayjs.Dayjs; reason: string }>();
  const remove = useRemoveMember(householdId);
  const { message } = App.useApp();

  const submit = (v: { leftOn: dayjs.Dayjs; reason: string }) => {
    if (!member) return;
    remove.mutate(
      { memberId: member.memberId, body: { leftOn: v.leftOn.format('YYYY-MM-DD'), reason: v.reason.trim() } },
      {
        onSuccess: () => {
          void message.success('已移出');
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          applyFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  return (
    <Modal
      title={member ? `移出成员：${member.person.name}` : '移出成员'}
      open={!!member}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认移出"
      okButtonProps={{ danger: true }}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Form form={form} name="member-remove" layout="vertical" onFinish={submit} initialValues={{ leftOn: dayjs() }}>
        <Form.Item label="移出日期" name="leftOn" rules={[{ required: true, message: '请选择移出日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="移出原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写移出原因' }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：死亡、分户、婚嫁迁出" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
