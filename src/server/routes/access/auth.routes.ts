import { changePasswordBody, loginBody, sessionBody } from '../../../contracts/auth.schemas.js';
import { errorResponses, okBody } from '../../../contracts/common.schemas.js';
import { changePassword, login, logout } from '../../../services/access/auth.js';
import { describeUser } from '../../../services/access/describe-user.js';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function authRoutes(app: App, deps: RouteDeps) {
  const policy = deps.config;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.cookieSecure,
    maxAge: deps.config.sessionMaxHours * 3600,
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['访问控制'], summary: '登录', body: loginBody, response: { 200: sessionBody, ...errorResponses, 423: errorResponses[401] } },
    },
    async (request, reply) => {
      const ctx = deps.ctx(request);
      const r = await login(ctx, policy, request.body);
      reply.setCookie(SESSION_COOKIE, r.token, cookieOptions);
      return { user: await describeUser(ctx, r.user), csrfToken: r.csrfToken, idleTimeoutMinutes: policy.sessionIdleMinutes };
    },
  );

  app.get(
    '/api/auth/session',
    { config: { access: 'session' }, schema: { tags: ['访问控制'], summary: '当前会话', response: { 200: sessionBody, ...errorResponses } } },
    async (request) => ({
      user: await describeUser(deps.ctx(request), request.user!),
      csrfToken: request.csrfToken!,
      idleTimeoutMinutes: policy.sessionIdleMinutes,
    }),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'session' }, schema: { tags: ['访问控制'], summary: '退出登录', response: { 200: okBody, ...errorResponses } } },
    async (request, reply) => {
      await logout(deps.ctx(request), request.sessionTokenHash!, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'session' },
      schema: { tags: ['访问控制'], summary: '修改密码', body: changePasswordBody, response: { 200: sessionBody, ...errorResponses } },
    },
    async (request) => {
      const ctx = deps.ctx(request);
      const u = await changePassword(ctx, policy, request.user!, request.sessionTokenHash!, request.body);
      return { user: await describeUser(ctx, u), csrfToken: request.csrfToken!, idleTimeoutMinutes: policy.sessionIdleMinutes };
    },
  );
}

