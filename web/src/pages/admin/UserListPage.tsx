import { DataTable } from '../../components/DataTable';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Space, Tag, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../../src/domain/access/roles';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { useSession } from '../../features/auth/hooks/useSession';
import { isUserLocked, type UserView } from '../../features/users/api';
import { OneTimePasswordModal } from '../../features/users/components/OneTimePasswordModal';
import { RolesModal } from '../../features/users/components/RolesModal';
import { UserFormModal } from '../../features/users/components/UserFormModal';
import { useUserList } from '../../features/users/hooks/useUserList';
import { useUserMutations } from '../../features/users/hooks/useUserMutations';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';

function positiveInt(v: string | null, d: number) {
  const n = v && /^\d+$/.test(v) ? Number(v) : 0;
  return n >= 1 ? Math.min(n, 200) : d;
}

/** 用户与角色: list and search; actions shown only with user:manage or user:assign-roles. */
export default function UserListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(
    () => ({ q: params.get('q') || undefined, page: positiveInt(params.get('page'), 1), pageSize: positiveInt(params.get('pageSize'), 20) }),
    [params],
  );
  const list = useUserList(query);
  const { can } = usePermissions();
  const { data: session } = useSession();
  const canManage = can('user:manage');
  const canAssign = can('user:assign-roles');
  const m = useUserMutations();
  const { message } = App.useApp();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [rolesFor, setRolesFor] = useState<UserView | null>(null);
  const [otp, setOtp] = useState<{ username: string; value: string } | null>(null);

  const setQuery = (q: { q?: string | undefined; page?: number; pageSize?: number }) => {
    const next = { ...query, ...q };
    const sp = new URLSearchParams();
    if (next.q) sp.set('q', next.q);
    if (next.page !== 1) sp.set('page', String(next.page));
    if (next.pageSize !== 20) sp.set('pageSize', String(next.pageSize));
    setParams(sp);
  };

  const resetPassword = (u: UserView) =>
    m.resetPassword.mutateAsync(u.id).then(
      (r) => setOtp({ username: u.username, value: r.oneTimePassword }),
      (e: unknown) => void message.error(errorMessage(e)),
    );

  const unlock = (u: UserView) =>
    m.unlock.mutateAsync(u.id).then(
      () => void message.success('已解锁'),
      (e: unknown) => void message.error(errorMessage(e)),
    );

  const columns: TableProps<UserView>['columns'] = [
    { title: '用户名', dataIndex: 'username', fixed: 'left', width: 120 },
    { title: '姓名', dataIndex: 'displayName', width: 100 },
    { title: '所属区域', key: 'region', width: 160, render: (_, u) => u.regionName ?? u.regionCode },
    {
      title: '角色',
      dataIndex: 'roles',
      width: 220,
      render: (roles: string[]) =>
        roles.length === 0 ? '—' : roles.map((r) => <Tag key={r}>{ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}</Tag>),
    },
    {
      title: '状态',
      key: 'state',
      width: 110,
      render: (_, u) => (
        <>
          {u.disabled ? <Tag>已停用</Tag> : isUserLocked(u) ? <Tag color="red">已锁定</Tag> : <Tag color="green">正常</Tag>}
          {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
        </>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 140, render: (v: string | null | undefined) => formatDateTime(v) },
  ];
  if (canManage || canAssign) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 260,
      render: (_, u) => {
        const self = u.id === session?.user.id;
        return (
          <Space size={0} wrap>
            {canManage && (
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setEditing(u);
                  setFormOpen(true);
                }}
              >
                编辑
              </Button>
            )}
            {canManage && (
              <Popconfirm title={`确定重置 ${u.username} 的密码？`} description="将生成新的初始密码，原密码立即失效。" okText="重置" cancelText="取消" onConfirm={() => resetPassword(u)}>
                <Button type="link" size="small">
                  重置密码
                </Button>
              </Popconfirm>
            )}
            {canManage && isUserLocked(u) && (
              <Button type="link" size="small" onClick={() => void unlock(u)}>
                解锁
              </Button>
            )}
            {canAssign && !self && (
              <Button type="link" size="small" onClick={() => setRolesFor(u)}>
                设置角色
              </Button>
            )}
          </Space>
        );
      },
    });
  }

  return (
    <PageContainer
      title="用户与角色"
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            新建用户
          </Button>
        )
      }
    >
      <Form layout="inline" name="user-search" style={{ marginBottom: 12 }}>
        <Form.Item label="查找用户" htmlFor="user-search-q" style={{ minWidth: 280 }}>
          <Input.Search
            id="user-search-q"
            placeholder="用户名 / 姓名"
            allowClear
            enterButton="查询"
            defaultValue={query.q}
            key={query.q ?? ''}
            onSearch={(q) => setQuery({ q: q.trim() || undefined, page: 1 })}
          />
        </Form.Item>
      </Form>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <DataTable<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 个用户`,
          onChange: (page, pageSize) => setQuery({ page: pageSize !== query.pageSize ? 1 : page, pageSize }),
        }}
      />
      {canManage && (
        <UserFormModal
          open={formOpen}
          user={editing}
          onClose={() => setFormOpen(false)}
          onCreated={(username, value) => setOtp({ username, value })}
        />
      )}
      {canAssign && <RolesModal user={rolesFor} onClose={() => setRolesFor(null)} />}
      <OneTimePasswordModal value={otp?.value ?? null} username={otp?.username ?? ''} onClose={() => setOtp(null)} />
    </PageContainer>
  );
}
