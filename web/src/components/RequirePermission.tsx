import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/roles';
import { usePermissions } from '../features/auth/hooks/usePermissions';

/** A page the user's roles do not open: say so instead of showing empty tables. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { canAny } = usePermissions();
  if (!canAny(...anyOf)) return <Result status="403" title="没有访问此页面的权限" subTitle="如需使用，请联系安全管理员分配角色。" />;
  return <>{children}</>;
}
