import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { hasPermission, type Permission } from '../../domain/access/roles.js';
import { resolveSession, toActor, type AuthPolicy } from '../../services/access/auth.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import { authenticateDeptApiKey, type DeptKeyPrincipal } from '../../services/monitoring/dept-keys.js';
import type { UserRow } from '../../db/repos/users.repo.js';

export const SESSION_COOKIE = 'jz_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Route access, declared on every route in `config.access` (the authorisation matrix test
 * reads it): 'public', 'session' (any signed-in user, even one who must change the
 * password), a permission that the user's roles must grant, or a non-empty list of
 * permissions of which the user's roles must grant at least one (any-of); or
 * 'dept-api-key': a department system pushing data with header `x-api-key` (no session, no
 * CSRF token since no cookie is involved); the key is on `request.deptKey`.
 */
export type RouteAccess = 'public' | 'session' | 'dept-api-key' | Permission | readonly [Permission, ...Permission[]];
export const DEPT_API_KEY_HEADER = 'x-api-key';

/** Do these roles satisfy a permission access (one permission, or any of a list)? */
export function isGranted(roles: readonly string[], access: Permission | readonly Permission[]): boolean {
  const wanted: readonly Permission[] = typeof access === 'string' ? [access] : access;
  return wanted.some((p) => hasPermission(roles, p));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: UserRow | null;
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    deptKey: DeptKeyPrincipal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, deps: { ctx: (req: FastifyRequest) => ServiceContext; policy: AuthPolicy }) {
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('deptKey', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    if (Array.isArray(access) && access.length === 0) throw new Error(`route ${route.method} ${route.url} declares an empty config.access`);
  });

  // preValidation, not preHandler: Fastify validates params/query/body between the two, so
  // checking here answers 401/403 before a caller without access learns anything from
  // validation errors.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (access === 'dept-api-key') {
      const key = request.headers[DEPT_API_KEY_HEADER];
      if (typeof key !== 'string' || key === '') throw new AppError('AUTH_REQUIRED');
      request.deptKey = await authenticateDeptApiKey(deps.ctx(request), key);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('AUTH_REQUIRED');
    const s = await resolveSession(deps.ctx(request), deps.policy, token);
    request.user = s.user;
    request.actor = toActor(s.user);
    request.sessionTokenHash = s.tokenHash;
    request.csrfToken = s.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== s.csrfToken) {
      throw new AppError('AUTH_CSRF_INVALID');
    }
    if (access === 'session') return;
    if (s.user.mustChangePassword) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    if (!isGranted(s.user.roles, access)) throw new AppError('FORBIDDEN');
  });
}

/** The signed-in actor of a route whose access is not 'public'. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}

/** The department key of a route whose access is 'dept-api-key'. */
export function deptKeyOf(request: FastifyRequest): DeptKeyPrincipal {
  if (!request.deptKey) throw new AppError('AUTH_REQUIRED');
  return request.deptKey;
}
