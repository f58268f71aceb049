import { ADMIN_ROLES, type Role } from './roles.js';

/**
 * What a holder of user:manage (the 系统管理员) may do to an account (issue 2 §12).
 *
 * - Nobody disables, re-scopes or resets the password of their own account through user
 *   management (they change their own password on the password screen).
 * - 三员分立: an account that holds an administrator role the actor does not hold (a 安全管理员
 *   or 审计管理员, seen from a 系统管理员) is protected from password reset, disabling and
 *   re-scoping. Otherwise the system administrator could take over the account that checks
 *   on him (a reset hands him its one-time password) or silence it. To recover such an
 *   account, the security administrator first removes its administrator role, so that two
 *   people must act together. Unlocking and editing name or phone stay allowed.
 */
export type AccountChange = 'edit' | 'disable' | 'enable' | 'rescope' | 'reset-password' | 'unlock';
export type AccountChangeViolation = 'USER_SELF_CHANGE' | 'USER_ADMIN_PROTECTED';

const GUARDED: readonly AccountChange[] = ['disable', 'rescope', 'reset-password'];

export function checkAccountChange(
  actor: { id: string; roles: readonly string[] },
  target: { id: string; roles: readonly string[] },
  change: AccountChange,
): AccountChangeViolation | null {
  if (!GUARDED.includes(change)) return null;
  if (actor.id === target.id) return 'USER_SELF_CHANGE';
  const protectedRole = target.roles.some((r) => ADMIN_ROLES.includes(r as Role) && !actor.roles.includes(r));
  return protectedRole ? 'USER_ADMIN_PROTECTED' : null;
}

/** The county an account event is filed under in the audit log (null above county level). */
export function countyOfRegion(regionCode: string): string | null {
  return regionCode.length >= 6 ? regionCode.slice(0, 6) : null;
}
