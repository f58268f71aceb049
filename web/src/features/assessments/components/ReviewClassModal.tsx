import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { REVIEW_CLASS_LABELS, REVIEW_CLASSES, REVIEW_INTERVAL_PARAMETER, type ReviewClass } from '../../../../../src/domain/policy/periodic-review.rules';
import { errorMessage } from '../../../lib/errors';
import { useSetReviewClass } from '../hooks';

interface Values {
  reviewClass: ReviewClass;
  reason: string;
}

/**
 * 调整复核类别 (R42): the officer's judgment of whether the household's income is stable, which
 * sets how often it is reviewed; the reason goes into the audit trail.
 */
export function ReviewClassModal({ householdId, current, open, onClose }: { householdId: string; current: ReviewClass; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSetReviewClass(householdId);
  const { message } = App.useApp();
  useEffect(() => {
    if (open) form.setFieldsValue({ reviewClass: current, reason: '' });
  }, [open, current, form]);

  const submit = (v: Values) =>
    save.mutate(
      { reviewClass: v.reviewClass, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success('复核类别已保存');
          onClose();
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <Modal
      open={open}
      title="调整定期复核类别"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'review-class-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="review-class-form">
        <Form.Item label="复核类别" name="reviewClass" rules={[{ required: true }]}>
          <Radio.Group
            options={REVIEW_CLASSES.map((c) => ({ value: c, label: `${REVIEW_CLASS_LABELS[c]}（按${REVIEW_INTERVAL_PARAMETER[c]}周期复核）` }))}
          />
        </Form.Item>
        <Form.Item
          label="理由"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: '请说明理由（至少2个字）' }]}
          extra="如：户主外出务工，收入随季节变化；记入审计日志"
        >
          <Input.TextArea rows={3} maxLength={200} showCount aria-label="理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
