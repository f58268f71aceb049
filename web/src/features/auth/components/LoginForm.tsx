import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { errorMessage } from '../../../lib/errors';
import type { Session } from '../api';
import { useLogin } from '../hooks/useLogin';

interface LoginValues {
  username: string;
  password: string;
}

/** 用户名 + 密码; server errors (wrong password, locked for N minutes, disabled) shown above the button. */
export function LoginForm({ onSuccess }: { onSuccess: (s: Session) => void }) {
  const [form] = Form.useForm<LoginValues>();
  const loginMutation = useLogin();

  const submit = (v: LoginValues) => {
    loginMutation.mutate({ username: v.username.trim(), password: v.password }, { onSuccess });
  };

  return (
    <Form<LoginValues> form={form} name="login" layout="vertical" requiredMark={false} onFinish={submit} size="large">
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
      </Form.Item>
      {loginMutation.isError && (
        <Form.Item>
          <Alert type="error" showIcon title={errorMessage(loginMutation.error)} data-testid="login-error" />
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
          登录
        </Button>
      </Form.Item>
    </Form>
  );
}
