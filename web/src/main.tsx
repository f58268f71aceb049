import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders, createQueryClient } from './components/AppProviders';
import { SESSION_KEY, type Session } from './features/auth/api';
import { loginPath } from './features/auth/login-path';
import { apiClient } from './lib/api-client';
import { createAppRouter } from './routes';

const queryClient = createQueryClient();
const router = createAppRouter();

// Session failures from any request: to 登录 (「长时间未操作，请重新登录」 after idling) or to 修改密码.
apiClient.setAuthFailureHandler((kind, { idleMs }) => {
  const here = `${window.location.pathname}${window.location.search}`;
  if (kind === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    if (!here.startsWith('/change-password')) void router.navigate('/change-password', { replace: true });
    return;
  }
  if (here.startsWith('/login')) return;
  const session = queryClient.getQueryData<Session>(SESSION_KEY);
  const timeoutMs = (session?.idleTimeoutMinutes ?? Infinity) * 60_000;
  const expired = kind === 'AUTH_SESSION_EXPIRED' || idleMs >= timeoutMs;
  queryClient.clear();
  apiClient.setCsrfToken(null);
  void router.navigate(loginPath(here, expired ? 'expired' : undefined), { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
