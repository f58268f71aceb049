import {
  AlertOutlined,
  AuditOutlined,
  BellOutlined,
  SyncOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FundOutlined,
  LogoutOutlined,
  MenuOutlined,
  KeyOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../../src/domain/access/roles';
import { ROLE_LABELS } from '../../../src/domain/access/roles';
import { IdleWatcher } from '../features/auth/components/IdleWatcher';
import { useLogout } from '../features/auth/hooks/useLogout';
import { useSession } from '../features/auth/hooks/useSession';
import { loginPath } from '../features/auth/login-path';

const { Header, Sider, Content } = Layout;

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user holds any of these; none listed → everyone. */
  anyOf?: Permission[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined /> },
  { path: '/households', label: '低收入人口', icon: <TeamOutlined />, anyOf: ['registry:read'] },
  { path: '/benefit-recipients', label: '低保对象', icon: <SafetyCertificateOutlined />, anyOf: ['registry:read'] },
  { path: '/imports', label: '数据导入', icon: <CloudUploadOutlined />, anyOf: ['registry:import'] },
  { path: '/households/duplicates', label: '疑似重复', icon: <SwapOutlined />, anyOf: ['registry:read'] },
  { path: '/monitoring/clues', label: '预警线索', icon: <AlertOutlined />, anyOf: ['monitoring:read'] },
  { path: '/monitoring/board', label: '监测看板', icon: <FundOutlined />, anyOf: ['monitoring:read'] },
  { path: '/monitoring/rules', label: '预警规则', icon: <BellOutlined />, anyOf: ['monitoring:read'] },
  { path: '/monitoring/comparisons', label: '比对任务', icon: <SyncOutlined />, anyOf: ['monitoring:read'] },
  { path: '/monitoring/dept-data', label: '部门数据', icon: <DatabaseOutlined />, anyOf: ['dept:upload', 'dept:keys'] },
  { path: '/admin/users', label: '用户与角色', icon: <UserOutlined />, anyOf: ['user:manage', 'user:assign-roles'] },
  { path: '/admin/regions', label: '区划属性', icon: <EnvironmentOutlined />, anyOf: ['region:manage'] },
  { path: '/policy/reassessments', label: '批量重新核算', icon: <CalculatorOutlined />, anyOf: ['policy:read'] },
  { path: '/policy/parameters', label: '政策参数', icon: <ControlOutlined />, anyOf: ['policy:read'] },
  { path: '/policy/proposals', label: '参数审批', icon: <CheckSquareOutlined />, anyOf: ['policy:manage'] },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit:read'] },
];

/** The menu entry for a path: the longest matching prefix ('/households/duplicates' beats '/households'). */
export function selectedNavKey(pathname: string, items: NavItem[]): string | undefined {
  let best: NavItem | undefined;
  for (const it of items) {
    const match = it.path === '/' ? pathname === '/' : pathname === it.path || pathname.startsWith(`${it.path}/`);
    if (match && (!best || it.path.length > best.path.length)) best = it;
  }
  // '/households/new' and '/households/:id' belong to 低收入人口, not to 疑似重复.
  return best?.path;
}

const APP_NAME = '救助';

/** antd Layout: Sider menu on desktops, a Drawer on phones (Grid.useBreakpoint), header with the user. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const logoutMutation = useLogout();

  const permissions = useMemo(() => new Set(session?.user.permissions ?? []), [session]);
  const items = useMemo(
    () => NAV_ITEMS.filter((it) => !it.anyOf || it.anyOf.some((p) => permissions.has(p))),
    [permissions],
  );
  const menuItems: MenuProps['items'] = items.map((it) => ({ key: it.path, icon: it.icon, label: it.label }));
  const selected = selectedNavKey(location.pathname, items);

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(key);
  };

  const onExpired = useCallback(() => {
    qc.clear();
    void navigate(loginPath(`${window.location.pathname}${window.location.search}`, 'expired'), { replace: true });
  }, [qc, navigate]);

  const doLogout = () => {
    logoutMutation.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  if (!session) return null;
  const user = session.user;
  const roleLabels = user.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r);

  const menu = (
    <Menu
      mode="inline"
      theme={isPhone ? 'light' : 'dark'}
      selectedKeys={selected ? [selected] : []}
      items={menuItems}
      onClick={onMenuClick}
      aria-label="主菜单"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={200}
          collapsedWidth={64}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, height: 56, lineHeight: '56px', textAlign: 'center', whiteSpace: 'nowrap' }}>
            <Link to="/" style={{ color: '#fff' }}>
              {collapsed ? APP_NAME : `${APP_NAME} · 低收入人口`}
            </Link>
          </div>
          {menu}
        </Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={`${APP_NAME} · 低收入人口`}
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: '12px 16px' }}>
            <Typography.Text type="secondary">{user.regionName}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {roleLabels.map((l) => (
                <Tag key={l}>{l}</Tag>
              ))}
            </div>
          </div>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          {isPhone && (
            <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />
          )}
          {isPhone && (
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {APP_NAME}
            </Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          <Space size={isPhone ? 4 : 12} wrap={false} style={{ lineHeight: 'normal' }}>
            <Typography.Text strong data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
              {user.displayName}
            </Typography.Text>
            {!isPhone && (
              <span data-testid="current-roles">
                {roleLabels.map((l) => (
                  <Tag key={l} color="blue" style={{ marginInlineEnd: 4 }}>
                    {l}
                  </Tag>
                ))}
              </span>
            )}
            {!isPhone && (
              <Typography.Text type="secondary" data-testid="current-region" style={{ whiteSpace: 'nowrap' }}>
                {user.regionName}
              </Typography.Text>
            )}
            <Link to="/change-password" style={{ whiteSpace: 'nowrap' }}>
              {isPhone ? <KeyOutlined aria-label="修改密码" /> : '修改密码'}
            </Link>
            <Button size="small" icon={<LogoutOutlined />} onClick={doLogout} loading={logoutMutation.isPending}>
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: isPhone ? 8 : 16, minWidth: 0 }}>
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <IdleWatcher idleTimeoutMinutes={session.idleTimeoutMinutes} onExpired={onExpired} />
    </Layout>
  );
}
