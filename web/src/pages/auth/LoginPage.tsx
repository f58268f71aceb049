import { Alert } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/LoginForm';
import { safeNext } from '../../features/auth/login-path';
import { messageForCode } from '../../lib/errors';
import { AuthCard } from '../../components/AuthCard';

/** 登录. After signing in: 修改密码 when the password must change, else `next` or 工作台. */
export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const expired = params.get('reason') === 'expired';

  return (
    <AuthCard title="用户登录">
      {expired && <Alert type="warning" showIcon title={messageForCode('AUTH_SESSION_EXPIRED')} style={{ marginBottom: 16 }} data-testid="session-expired" />}
      <LoginForm
        onSuccess={(s) => {
          if (s.user.mustChangePassword) void navigate(`/change-password${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true });
          else void navigate(next, { replace: true });
        }}
      />
    </AuthCard>
  );
}
