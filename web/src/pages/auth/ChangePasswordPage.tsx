import { Alert, App, Button } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ChangePasswordForm } from '../../features/auth/components/ChangePasswordForm';
import { useLogout } from '../../features/auth/hooks/useLogout';
import { useSession } from '../../features/auth/hooks/useSession';
import { safeNext } from '../../features/auth/login-path';
import { messageForCode } from '../../lib/errors';
import { AuthCard } from '../../components/AuthCard';

/** 修改密码; forced (强制修改密码) after the first sign-in or a reset. */
export default function ChangePasswordPage() {
  const { data } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const logout = useLogout();
  if (!data) return null;
  const forced = data.user.mustChangePassword;

  return (
    <AuthCard title={forced ? '强制修改密码' : '修改密码'}>
      {forced && <Alert type="info" showIcon title={messageForCode('AUTH_PASSWORD_CHANGE_REQUIRED')} style={{ marginBottom: 16 }} />}
      <ChangePasswordForm
        username={data.user.username}
        onSuccess={() => {
          void message.success('密码已修改');
          void navigate(safeNext(params.get('next')), { replace: true });
        }}
      />
      <div style={{ marginTop: 12, textAlign: 'center' }}>
        {forced ? (
          <Button type="link" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
            退出登录
          </Button>
        ) : (
          <Link to="/">返回工作台</Link>
        )}
      </div>
    </AuthCard>
  );
}
