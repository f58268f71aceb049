import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/app.js';
import { createTestUser, TEST_PASSWORD } from '../../../../test/builders/users.js';

let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database, { config: { loginMaxFailures: 3, lockoutMinutes: 15, sessionIdleMinutes: 30, logLevel: 'error' } });
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('login and sessions (issue 2 §13)', () => {
  it('sets an HTTP-only SameSite=Strict cookie and returns a CSRF token', async () => {
    const u = await createTestUser(database);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'jz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(body.user.username).toBe(u.username);
    expect(body.user.regionName).toBe('城东区');
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('refuses a wrong password with a stable code and locks after repeated failures', async () => {
    const u = await createTestUser(database);
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'wrong' } });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'wrong' } });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    // Even the right password is refused while locked …
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(locked.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    // … and accepted once the lockout has passed.
    t.clock.advanceMinutes(16);
    const after = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('gives an unknown user the same answer as a wrong password', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'x' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('requires the CSRF header on state-changing requests', async () => {
    const u = await createTestUser(database);
    const c = await loginAs(t.app, u.username);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('AUTH_CSRF_INVALID');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const u = await createTestUser(database);
    const c = await loginAs(t.app, u.username);
    t.clock.advanceMinutes(29);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const r = await c.get('/api/auth/session');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('forces a password change before any other work, with the complexity rule', async () => {
    const u = await createTestUser(database, { mustChangePassword: true });
    const c = await loginAs(t.app, u.username);
    const blocked = await c.get('/api/regions/630102');
    // regions are 'session' routes; a permission route is blocked:
    expect(blocked.statusCode).toBe(200);
    const weak = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({ path: 'newPassword', code: 'PASSWORD_TOO_WEAK' });
    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Brand-new-Pass1' });
    expect(wrong.json().error.code).toBe('PASSWORD_CURRENT_WRONG');
    const ok = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-Pass1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    await loginAs(t.app, u.username, 'Brand-new-Pass1');
  });

  it('sends security headers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-frame-options']).toBeDefined();
  });
});
