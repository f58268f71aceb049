import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/errors';
import { useSession } from '../hooks/useSession';
import { loginPath } from '../login-path';

/**
 * Renders its children only for a signed-in user. Not signed in → 登录 (with `next`);
 * a user who must change the password → 修改密码, unless this is that page.
 */
export function RequireAuth({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  const { data, error, isPending, refetch } = useSession();
  const location = useLocation();

  if (isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (error || !data) {
    if (isApiError(error) && (error.status === 401 || error.code === 'AUTH_ACCOUNT_DISABLED')) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={loginPath(next, error.code === 'AUTH_SESSION_EXPIRED' ? 'expired' : undefined)} replace />;
    }
    return (
      <Result
        status="error"
        title="无法获取登录状态"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (data.user.mustChangePassword && !passwordChangePage) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
