import type { ChangePasswordBody, CurrentUser, LoginBody, SessionBody } from '../../../../src/contracts/auth.schemas';
import { apiClient } from '../../lib/api-client';

export type Session = SessionBody;
export type { CurrentUser };

export const SESSION_KEY = ['auth', 'session'] as const;

function remember(s: Session): Session {
  apiClient.setCsrfToken(s.csrfToken);
  return s;
}

/** The current session; a 401 here means "not signed in" and is answered by the caller. */
export async function fetchSession(): Promise<Session> {
  return remember(await apiClient.get<Session>('/api/auth/session', { authRedirect: false }));
}

export async function login(body: LoginBody): Promise<Session> {
  return remember(await apiClient.post<Session>('/api/auth/login', body, { authRedirect: false }));
}

export async function logout(): Promise<void> {
  try {
    await apiClient.post('/api/auth/logout', undefined, { authRedirect: false });
  } finally {
    apiClient.setCsrfToken(null);
  }
}

export async function changePassword(body: ChangePasswordBody): Promise<Session> {
  return remember(await apiClient.post<Session>('/api/auth/password', body));
}
