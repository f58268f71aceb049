import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../components/AppProviders';
import { apiClient } from '../../lib/api-client';
import LoginPage from './LoginPage';

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/change-password', element: <div>修改密码页</div> },
      { path: '/households', element: <div>低收入人口页</div> },
      { path: '/', element: <div>工作台页</div> },
    ],
    { initialEntries: [url] },
  );
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

function respondWith(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

const session = (mustChangePassword: boolean) => ({
  user: {
    id: 'u1',
    username: 'zhangsan',
    displayName: '张三',
    roles: ['TOWNSHIP_CLERK'],
    permissions: ['registry:read'],
    regionCode: '630102001',
    regionName: '东关大街街道',
    mustChangePassword,
  },
  csrfToken: 'csrf-abc',
  idleTimeoutMinutes: 30,
});

describe('LoginPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    apiClient.setCsrfToken(null);
  });

  it('shows the locked-account message with the minutes from the server', async () => {
    const fetchMock = respondWith(423, {
      error: { code: 'AUTH_ACCOUNT_LOCKED', message: 'locked', details: [{ path: 'username', code: 'AUTH_ACCOUNT_LOCKED', params: { minutes: 15 } }] },
      requestId: 'r1',
    });
    renderAt('/login');
    fillAndSubmit('zhangsan', 'wrong-password');
    expect(await screen.findByText('连续登录失败次数过多，账号已锁定，请15分钟后再试或联系安全管理员')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'zhangsan', password: 'wrong-password' });
  });

  it('shows wrong credentials in Chinese', async () => {
    respondWith(401, { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'bad' }, requestId: 'r2' });
    renderAt('/login');
    fillAndSubmit('zhangsan', 'nope');
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
  });

  it('requires both fields before calling the server', async () => {
    const fetchMock = respondWith(200, session(false));
    renderAt('/login');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('goes to 修改密码 when the password must change, and keeps the CSRF token', async () => {
    respondWith(200, session(true));
    const router = renderAt('/login');
    fillAndSubmit('zhangsan', 'Initial#Pass1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/change-password'));
    expect(apiClient.getCsrfToken()).toBe('csrf-abc');
  });

  it('goes back to `next` after signing in', async () => {
    respondWith(200, session(false));
    const router = renderAt('/login?next=%2Fhouseholds%3Fpage%3D2');
    fillAndSubmit('zhangsan', 'Good#Pass123');
    await waitFor(() => expect(router.state.location.pathname).toBe('/households'));
    expect(router.state.location.search).toBe('?page=2');
  });

  it('explains an idle logout', () => {
    renderAt('/login?reason=expired');
    expect(screen.getByText('长时间未操作，请重新登录')).toBeTruthy();
  });
});
