import { Alert, App, Checkbox, Modal, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ADMIN_ROLES } from '../../../../../src/domain/access/roles';
import { QueryError } from '../../../components/QueryError';
import { errorMessage } from '../../../lib/errors';
import type { UserView } from '../api';
import { useRoles } from '../hooks/useRoles';
import { useUserMutations } from '../hooks/useUserMutations';

/** 设置角色 (PUT /api/users/:id/roles). 三员分立: at most one administrator role. */
export function RolesModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const roles = useRoles(!!user);
  const m = useUserMutations();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);

  useEffect(() => {
    if (user) setSelected(user.roles);
  }, [user]);

  const adminCount = selected.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r)).length;

  const save = () => {
    if (!user) return;
    m.setRoles.mutate(
      { id: user.id, roles: selected },
      {
        onSuccess: () => {
          void message.success('角色已更新');
          onClose();
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };

  return (
    <Modal
      title={user ? `设置角色：${user.displayName}（${user.username}）` : '设置角色'}
      open={!!user}
      onCancel={onClose}
      onOk={save}
      okText="保存"
      okButtonProps={{ disabled: adminCount > 1 }}
      confirmLoading={m.setRoles.isPending}
      destroyOnHidden
    >
      {roles.isPending && <Skeleton active />}
      {roles.isError && <QueryError error={roles.error} onRetry={() => void roles.refetch()} />}
      {roles.data && (
        <Checkbox.Group value={selected} onChange={(v) => setSelected(v as string[])} style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {roles.data.map((r) => (
              <Checkbox key={r.code} value={r.code}>
                {r.label}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {r.permissions.join('、')}
                </Typography.Text>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      )}
      {adminCount > 1 && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title="系统管理员、安全管理员、审计管理员三者不能由同一账号兼任（三员分立）" />
      )}
    </Modal>
  );
}
