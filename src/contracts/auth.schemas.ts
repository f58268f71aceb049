import { Type, type Static } from 'typebox';

export const loginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof loginBody>;

export const currentUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  regionCode: Type.String(),
  regionName: Type.String(),
  mustChangePassword: Type.Boolean(),
});
export type CurrentUser = Static<typeof currentUser>;

export const sessionBody = Type.Object({
  user: currentUser,
  csrfToken: Type.String(),
  idleTimeoutMinutes: Type.Integer(),
});
export type SessionBody = Static<typeof sessionBody>;

export const changePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof changePasswordBody>;
