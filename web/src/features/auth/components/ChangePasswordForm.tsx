import { Alert, Button, Form, Input } from 'antd';
import { checkPasswordStrength } from '../../../../../src/domain/access/password.rules';
import { applyFieldErrors, errorMessage, messageForCode } from '../../../lib/errors';
import { isApiError } from '../../../lib/api-client';
import type { Session } from '../api';
import { useChangePassword } from '../hooks/useChangePassword';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_RULE_HINT = '至少10位，包含大写字母、小写字母、数字、符号中的至少三类';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Codes that belong to one field rather than to the whole form. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  PASSWORD_CURRENT_WRONG: 'currentPassword',
  PASSWORD_TOO_WEAK: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

export function ChangePasswordForm({ username, onSuccess }: { username: string; onSuccess: (s: Session) => void }) {
  const [form] = Form.useForm<Values>();
  const mutation = useChangePassword();

  const submit = (v: Values) => {
    mutation.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess,
        onError: (e) => {
          if (!isApiError(e)) return;
          const field = FIELD_OF_CODE[e.code];
          if (field) form.setFields([{ name: field, errors: [errorMessage(e)] }]);
          else applyFieldErrors(form, e);
        },
      },
    );
  };

  const showFormError = mutation.isError && !(isApiError(mutation.error) && FIELD_OF_CODE[mutation.error.code]);

  return (
    <Form<Values> form={form} name="change-password" layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={PASSWORD_RULE_HINT}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const code = checkPasswordStrength(value, username, { minLength: PASSWORD_MIN_LENGTH });
              return code ? Promise.reject(new Error(messageForCode(code, { minLength: PASSWORD_MIN_LENGTH }))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
      {showFormError && (
        <Form.Item>
          <Alert type="error" showIcon title={errorMessage(mutation.error)} />
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          确认修改
        </Button>
      </Form.Item>
    </Form>
  );
}
