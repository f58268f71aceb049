import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { checkPasswordStrength } from '../../domain/access/password.rules.js';
import { scopeOf } from '../../domain/access/scope.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserForLogin,
  insertSession,
  touchSession,
  updateUser,
  type UserRow,
} from '../../db/repos/users.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { hashPassword, newToken, verifyPassword } from './passwords.js';

export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  passwordMinLength: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toActor(u: UserRow): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, scope: scopeOf(u) };
}

// A fixed hash to verify against when the user does not exist, so timing does not tell.
let dummyHash: Promise<string> | null = null;

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
}

export async function login(
  ctx: ServiceContext,
  policy: AuthPolicy,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const user = await findUserForLogin(db, input.username.trim());
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('AUTH_ACCOUNT_LOCKED', { details: [{ path: 'username', code: 'AUTH_ACCOUNT_LOCKED', params: { minutes } }] });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const audit = (action: string, after: unknown) => ({
    at: now.toISOString(),
    actorId: user.id,
    actorName: user.displayName,
    action,
    entityType: 'user',
    entityId: user.id,
    after,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.loginMaxFailures;
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : user.lockedUntil,
      });
      await appendAudit(tx, [audit(lock ? 'auth.locked' : 'auth.login-failed', { failures })]);
    });
    if (lock) {
      throw new AppError('AUTH_ACCOUNT_LOCKED', {
        details: [{ path: 'username', code: 'AUTH_ACCOUNT_LOCKED', params: { minutes: policy.lockoutMinutes } }],
      });
    }
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const token = newToken();
  const csrfToken = newToken();
  const updated = await db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.sessionMaxHours * 3_600_000),
      ip: ctx.ip ?? null,
    });
    const u = await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await appendAudit(tx, [audit('auth.login', null)]);
    return u;
  });
  return { token, csrfToken, user: updated };
}

export interface ResolvedSession {
  user: UserRow;
  csrfToken: string;
  tokenHash: string;
}

/** Resolve a cookie token; expired (idle or absolute) sessions are removed and refused. */
export async function resolveSession(ctx: ServiceContext, policy: AuthPolicy, token: string): Promise<ResolvedSession> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const row = await findSession(db, tokenHash);
  if (!row) throw new AppError('AUTH_REQUIRED');
  const idleLimit = row.session.lastSeenAt.getTime() + policy.sessionIdleMinutes * 60_000;
  if (row.session.expiresAt <= now || idleLimit <= now.getTime()) {
    await deleteSession(db, tokenHash);
    throw new AppError('AUTH_SESSION_EXPIRED');
  }
  if (row.user.disabled) {
    await deleteSession(db, tokenHash);
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }
  // Refresh the idle clock at most once a minute to keep reads cheap.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash, now);
  return { user: row.user, csrfToken: row.session.csrfToken, tokenHash };
}

export async function logout(ctx: ServiceContext, tokenHash: string, actor: Actor): Promise<void> {
  const { db } = ctx.database;
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, [
      {
        at: ctx.clock.now().toISOString(),
        actorId: actor.id,
        actorName: actor.displayName,
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.id,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      },
    ]);
  });
}

export async function changePassword(
  ctx: ServiceContext,
  policy: AuthPolicy,
  user: UserRow,
  tokenHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<UserRow> {
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('PASSWORD_CURRENT_WRONG', { details: [{ path: 'currentPassword', code: 'PASSWORD_CURRENT_WRONG' }] });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('PASSWORD_REUSED', { details: [{ path: 'newPassword', code: 'PASSWORD_REUSED' }] });
  }
  const weak = checkPasswordStrength(input.newPassword, user.username, { minLength: policy.passwordMinLength });
  if (weak) {
    throw new AppError(weak, {
      details: [{ path: 'newPassword', code: weak, params: { minLength: policy.passwordMinLength } }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const u = await updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now });
    // Other sessions of this account end: whoever knew the old password is out.
    await deleteUserSessions(tx, user.id, tokenHash);
    await appendAudit(tx, [
      {
        at: now.toISOString(),
        actorId: user.id,
        actorName: user.displayName,
        action: 'auth.change-password',
        entityType: 'user',
        entityId: user.id,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      },
    ]);
    return u;
  });
}
