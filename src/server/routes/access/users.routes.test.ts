import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser, TEST_PASSWORD } from '../../../../test/builders/users.js';
import type { Role } from '../../../domain/access/roles.js';

let database: TestDatabase;
let t: TestApp;
/** Province-level auditor: sees every audit event, used to check what writes recorded. */
let auditor: Client;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database, { config: { loginMaxFailures: 3, lockoutMinutes: 15 } });
  auditor = await signIn(['AUDIT_ADMIN'], '63');
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

async function signIn(roles: Role[], regionCode = '630102'): Promise<Client> {
  const u = await createTestUser(database, { roles, regionCode });
  return loginAs(t.app, u.username);
}

async function signInWithId(roles: Role[], regionCode = '630102') {
  const u = await createTestUser(database, { roles, regionCode });
  return { id: u.id, client: await loginAs(t.app, u.username) };
}

const newName = () => `n_${randomBytes(4).toString('hex')}`;

async function createAccount(admin: Client, body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/users', { username: newName(), displayName: '新账号', regionCode: '630102001', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: { id: string; username: string; roles: string[]; mustChangePassword: boolean; phone: string | null }; oneTimePassword: string };
}

async function auditOf(entityId: string) {
  const res = await auditor.get(`/api/audit?entityId=${entityId}&pageSize=50`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { action: string; before: unknown; after: unknown; countyCode: string | null }[] }).items;
}

describe('三员分立 (issue 2 §12)', () => {
  it('system admin creates an account without roles but cannot grant roles or read the audit log', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const { user, oneTimePassword } = await createAccount(sys, { phone: '13812345678' });
    expect(user.roles).toEqual([]);
    expect(user.mustChangePassword).toBe(true);
    expect(user.phone).toBe('138****5678');
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);

    const grant = await sys.put(`/api/users/${user.id}/roles`, { roles: ['TOWNSHIP_CLERK'] });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().error.code).toBe('FORBIDDEN');
    const audit = await sys.get('/api/audit');
    expect(audit.statusCode).toBe(403);
    expect(audit.json().error.code).toBe('FORBIDDEN');
    expect((await sys.get('/api/audit/verify')).statusCode).toBe(403);

    const [created] = await auditOf(user.id);
    expect(created).toMatchObject({ action: 'user.create', countyCode: '630102', after: { username: user.username, roles: [], regionCode: '630102001' } });
    expect(JSON.stringify(created)).not.toMatch(/passwordHash|argon2|13812345678/);
  });

  it('security admin sets roles of others but not his own, and cannot create accounts', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const sec = await signInWithId(['SECURITY_ADMIN']);
    const { user } = await createAccount(sys);

    const list = await sec.client.get(`/api/users?q=${user.username}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);

    const grant = await sec.client.put(`/api/users/${user.id}/roles`, { roles: ['TOWNSHIP_CLERK', 'VILLAGE_ASSISTANT'] });
    expect(grant.statusCode, grant.body).toBe(200);
    expect(grant.json().roles).toEqual(['TOWNSHIP_CLERK', 'VILLAGE_ASSISTANT']);

    const self = await sec.client.put(`/api/users/${sec.id}/roles`, { roles: ['SECURITY_ADMIN', 'TOWNSHIP_CLERK'] });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('USER_ROLE_SELF_GRANT');

    const create = await sec.client.post('/api/users', { username: newName(), displayName: 'x', regionCode: '630102' });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    for (const path of [`/api/users/${user.id}/reset-password`, `/api/users/${user.id}/unlock`]) {
      expect((await sec.client.post(path)).statusCode).toBe(403);
    }
    expect((await sec.client.patch(`/api/users/${user.id}`, { displayName: 'y' })).statusCode).toBe(403);

    const [roles] = await auditOf(user.id);
    expect(roles).toMatchObject({ action: 'user.set-roles', before: { roles: [] }, after: { roles: ['TOWNSHIP_CLERK', 'VILLAGE_ASSISTANT'] } });
  });

  it('security admin may grant any role, SECURITY_ADMIN included, to someone else', async () => {
    const sec = await signIn(['SECURITY_ADMIN']);
    const other = await createTestUser(database, { roles: [] });
    const res = await sec.put(`/api/users/${other.id}/roles`, { roles: ['SECURITY_ADMIN'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['SECURITY_ADMIN']);
  });

  it('audit admin reads the audit log and verifies it, and nothing else', async () => {
    const aud = await signIn(['AUDIT_ADMIN']);
    expect((await aud.get('/api/audit')).statusCode).toBe(200);
    const verify = await aud.get('/api/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    for (const url of ['/api/users', '/api/households']) {
      const res = await aud.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const someone = await createTestUser(database);
    expect((await aud.patch(`/api/users/${someone.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await aud.put(`/api/users/${someone.id}/roles`, { roles: [] })).statusCode).toBe(403);
  });

  it('refuses two administrator roles on one account', async () => {
    const sec = await signIn(['SECURITY_ADMIN']);
    const other = await createTestUser(database, { roles: [] });
    const res = await sec.put(`/api/users/${other.id}/roles`, { roles: ['SYSTEM_ADMIN', 'AUDIT_ADMIN'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'USER_ROLE_NOT_ALLOWED', details: [{ path: 'roles' }] });
    const unknown = await sec.put(`/api/users/${other.id}/roles`, { roles: ['SUPERUSER'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('a system admin cannot take over the security or audit admin (reset, disable, re-scope)', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const aud = await createTestUser(database, { roles: ['AUDIT_ADMIN'] });
    const reset = await sys.post(`/api/users/${aud.id}/reset-password`);
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.code).toBe('USER_ADMIN_PROTECTED');
    expect((await sys.patch(`/api/users/${aud.id}`, { disabled: true })).json().error.code).toBe('USER_ADMIN_PROTECTED');
    expect((await sys.patch(`/api/users/${aud.id}`, { regionCode: '630102001' })).json().error.code).toBe('USER_ADMIN_PROTECTED');
    // Name and phone stay editable; unlocking is harmless.
    expect((await sys.patch(`/api/users/${aud.id}`, { displayName: '审计员甲' })).statusCode).toBe(200);
    expect((await sys.post(`/api/users/${aud.id}/unlock`)).statusCode).toBe(200);
  });

  it('lists the roles with labels and permissions for any signed-in user', async () => {
    const clerk = await signIn(['VILLAGE_ASSISTANT']);
    const res = await clerk.get('/api/roles');
    expect(res.statusCode).toBe(200);
    const roles = res.json() as { code: string; label: string; permissions: string[] }[];
    expect(roles).toHaveLength(12);
    expect(roles.find((r) => r.code === 'AUDIT_ADMIN')).toEqual({ code: 'AUDIT_ADMIN', label: '审计管理员', permissions: ['audit:read'] });
  });
});

describe('accounts and passwords (issue 2 §13)', () => {
  it('a one-time password works once and forces a change', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const sec = await signIn(['SECURITY_ADMIN']);
    const { user, oneTimePassword } = await createAccount(sys);
    await sec.put(`/api/users/${user.id}/roles`, { roles: ['TOWNSHIP_CLERK'] });

    const first = await loginAs(t.app, user.username, oneTimePassword);
    const session = await first.get('/api/auth/session');
    expect(session.json().user.mustChangePassword).toBe(true);
    const blocked = await first.get('/api/households');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');

    const changed = await first.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Qinghai-2026-ok' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await first.get('/api/households')).statusCode).toBe(200);

    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: oneTimePassword } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    await loginAs(t.app, user.username, 'Qinghai-2026-ok');
  });

  it('a disabled account loses its sessions and cannot log in', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const victim = await createTestUser(database);
    const session = await loginAs(t.app, victim.username);
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);

    const res = await sys.patch(`/api/users/${victim.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    const after = await session.get('/api/auth/session');
    expect(after.statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: victim.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');

    const [disabled] = await auditOf(victim.id);
    expect(disabled).toMatchObject({ action: 'user.disable', before: { disabled: false }, after: { disabled: true, sessionsEnded: true } });

    expect((await sys.patch(`/api/users/${victim.id}`, { disabled: false })).json().disabled).toBe(false);
    await loginAs(t.app, victim.username);
  });

  it('nobody disables, re-scopes or resets himself', async () => {
    const sys = await signInWithId(['SYSTEM_ADMIN']);
    for (const patch of [{ disabled: true }, { regionCode: '630102001' }]) {
      const res = await sys.client.patch(`/api/users/${sys.id}`, patch);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('USER_SELF_CHANGE');
    }
    expect((await sys.client.post(`/api/users/${sys.id}/reset-password`)).json().error.code).toBe('USER_SELF_CHANGE');
    expect((await sys.client.patch(`/api/users/${sys.id}`, { displayName: '改名' })).statusCode).toBe(200);
  });

  it('resetting a password ends the sessions and issues a one-time password', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const user = await createTestUser(database);
    const session = await loginAs(t.app, user.username);
    const res = await sys.post(`/api/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { oneTimePassword } = res.json() as { oneTimePassword: string };
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const fresh = await loginAs(t.app, user.username, oneTimePassword);
    expect((await fresh.get('/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const reset = (await auditOf(user.id)).find((e) => e.action === 'user.reset-password');
    expect(reset).toMatchObject({ after: { mustChangePassword: true, sessionsEnded: true } });
    expect(JSON.stringify(reset)).not.toContain(oneTimePassword);
  });

  it('unlocks an account locked by failed logins', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const user = await createTestUser(database);
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong' } });
    }
    const listed = await sys.get(`/api/users?q=${user.username}`);
    expect(listed.json().items[0].lockedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const res = await sys.post(`/api/users/${user.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    await loginAs(t.app, user.username);
    const unlock = (await auditOf(user.id)).find((e) => e.action === 'user.unlock');
    expect(unlock).toMatchObject({ before: { failedLogins: 0 }, after: { lockedUntil: null, failedLogins: 0 } });
  });

  it('moves an account to another region of the scope, recording before → after', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const { user } = await createAccount(sys, { phone: '13900001111' });
    const res = await sys.patch(`/api/users/${user.id}`, { regionCode: '630102002', displayName: '调岗', phone: '13900002222' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: '630102002', regionName: '清真巷街道', displayName: '调岗', phone: '139****2222' });
    const [moved] = await auditOf(user.id);
    expect(moved).toEqual(
      expect.objectContaining({
        action: 'user.update',
        before: { regionCode: '630102001', displayName: '新账号', phone: '139****1111' },
        after: { regionCode: '630102002', displayName: '调岗', phone: '139****2222' },
      }),
    );
  });

  it('validates new accounts: name pattern, unique name, region inside the scope', async () => {
    const sys = await signIn(['SYSTEM_ADMIN']);
    const bad = await sys.post('/api/users', { username: 'a b', displayName: 'x', regionCode: '630102' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const { user } = await createAccount(sys);
    const taken = await sys.post('/api/users', { username: user.username, displayName: 'x', regionCode: '630102' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'USER_USERNAME_TAKEN', details: [{ path: 'username' }] });
    const outside = await sys.post('/api/users', { username: newName(), displayName: 'x', regionCode: '630103' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'USER_SCOPE_OUTSIDE', details: [{ path: 'regionCode' }] });
    const missing = await sys.post('/api/users', { username: newName(), displayName: 'x', regionCode: '630102999' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'regionCode', code: 'REGION_NOT_FOUND' });
    const moveOut = await sys.patch(`/api/users/${user.id}`, { regionCode: '630103' });
    expect(moveOut.json().error.code).toBe('USER_SCOPE_OUTSIDE');
  });
});

describe('region scope of user management', () => {
  it('a county admin cannot see or touch an account of another county', async () => {
    const eastSys = await signIn(['SYSTEM_ADMIN'], '630102');
    const eastSec = await signIn(['SECURITY_ADMIN'], '630102');
    const centre = await createTestUser(database, { regionCode: '630103' });
    const mine = await createTestUser(database, { regionCode: '630102001' });

    const list = await eastSys.get('/api/users?pageSize=200');
    const ids = (list.json().items as { id: string; regionCode: string }[]).map((u) => u.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(centre.id);
    expect((list.json().items as { regionCode: string }[]).every((u) => u.regionCode.startsWith('630102'))).toBe(true);

    const calls = [
      eastSys.patch(`/api/users/${centre.id}`, { displayName: 'x' }),
      eastSys.post(`/api/users/${centre.id}/reset-password`),
      eastSys.post(`/api/users/${centre.id}/unlock`),
      eastSec.put(`/api/users/${centre.id}/roles`, { roles: ['TOWNSHIP_CLERK'] }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('USER_NOT_FOUND');
    }
    // A city-level admin sees both counties.
    const city = await signIn(['SYSTEM_ADMIN'], '6301');
    const cityIds = (await city.get('/api/users?pageSize=200')).json().items.map((u: { id: string }) => u.id);
    expect(cityIds).toEqual(expect.arrayContaining([centre.id, mine.id]));
  });
});
