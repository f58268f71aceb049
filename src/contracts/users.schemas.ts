import { Type, type Static, type TSchema } from 'typebox';
import { ROLES } from '../domain/access/roles.js';
import { pageQuery } from './common.schemas.js';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A user account as the user-management screens see it: no password data, phone masked. */
export const userView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: nullable(Type.String({ description: 'ISO 时间；未锁定为 null' })),
  lastLoginAt: nullable(Type.String()),
  createdAt: Type.String(),
  phone: nullable(Type.String({ description: '脱敏，如 138****5678' })),
});
export type UserView = Static<typeof userView>;

export const userListQuery = Type.Object({
  /** Fragment of the user name or display name. */
  q: Type.Optional(Type.String({ maxLength: 64 })),
  ...pageQuery,
});
export type UserListQuery = Static<typeof userListQuery>;

export const userList = Type.Object({ items: Type.Array(userView), total: Type.Integer() });

export const userIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const regionCode = Type.String({ pattern: '^[0-9]{2,12}$' });
const phone = Type.String({ maxLength: 32, pattern: '^[0-9+()\\- ]*$' });

export const createUserBody = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  regionCode,
  phone: Type.Optional(nullable(phone)),
});
export type CreateUserBody = Static<typeof createUserBody>;

/** The new account and its one-time password, shown once to the administrator. */
export const createdUser = Type.Object({ user: userView, oneTimePassword: Type.String() });

export const updateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  regionCode: Type.Optional(regionCode),
  disabled: Type.Optional(Type.Boolean()),
  phone: Type.Optional(nullable(phone)),
});
export type UpdateUserBody = Static<typeof updateUserBody>;

export const oneTimePasswordBody = Type.Object({ oneTimePassword: Type.String() });

export const setRolesBody = Type.Object({
  roles: Type.Array(Type.Unsafe<(typeof ROLES)[number]>(Type.Union(ROLES.map((r) => Type.Literal(r)))), { maxItems: ROLES.length, uniqueItems: true }),
});
export type SetRolesBody = Static<typeof setRolesBody>;

export const roleInfo = Type.Object({
  code: Type.String(),
  label: Type.String(),
  permissions: Type.Array(Type.String()),
});
export const roleList = Type.Array(roleInfo);
