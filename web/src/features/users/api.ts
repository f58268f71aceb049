/**
 * 用户与角色. No contract file exists for these routes yet (src/contracts has no
 * users.schemas.ts); the shapes follow the users table and issue 2 §16.
 */
import { apiClient } from '../../lib/api-client';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  regionName?: string | null;
  roles: string[];
  phone?: string | null;
  disabled: boolean;
  lockedUntil?: string | null;
  locked?: boolean;
  mustChangePassword?: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
}

export interface UserListQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface RoleView {
  code: string;
  label: string;
  permissions: string[];
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  regionCode: string;
  phone?: string;
}

export interface UpdateUserBody {
  displayName?: string;
  regionCode?: string;
  disabled?: boolean;
  phone?: string | null;
}

export interface OneTimePasswordResult {
  oneTimePassword: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserListQuery) => ['users', 'list', q] as const,
  roles: () => ['users', 'roles'] as const,
};

export function fetchUsers(q: UserListQuery): Promise<{ items: UserView[]; total: number }> {
  return apiClient.get('/api/users', { query: { ...q } });
}

export function createUser(body: CreateUserBody): Promise<OneTimePasswordResult & { user?: UserView }> {
  return apiClient.post('/api/users', body);
}

export function updateUser(id: string, body: UpdateUserBody): Promise<UserView> {
  return apiClient.patch(`/api/users/${encodeURIComponent(id)}`, body);
}

export function resetPassword(id: string): Promise<OneTimePasswordResult> {
  return apiClient.post(`/api/users/${encodeURIComponent(id)}/reset-password`, {});
}

export function unlockUser(id: string): Promise<unknown> {
  return apiClient.post(`/api/users/${encodeURIComponent(id)}/unlock`, {});
}

export function setUserRoles(id: string, roles: string[]): Promise<UserView> {
  return apiClient.put(`/api/users/${encodeURIComponent(id)}/roles`, { roles });
}

export async function fetchRoles(): Promise<RoleView[]> {
  const r = await apiClient.get<RoleView[] | { items: RoleView[] }>('/api/roles');
  return Array.isArray(r) ? r : r.items;
}

/** Locked now? (`locked` if the server says so, else `lockedUntil` in the future). */
export function isUserLocked(u: UserView, now = Date.now()): boolean {
  if (typeof u.locked === 'boolean') return u.locked;
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > now;
}
