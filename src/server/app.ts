import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '../db/database.js';
import { systemClock, type Clock, type ServiceContext } from '../services/context.js';
import type { AppConfig } from './config.js';
import { registerAuth, type RouteAccess } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerRoutes } from './routes/index.js';
import type { App } from './routes/types.js';

export interface AppDeps {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  /** Extra hook for services that run beside the app (job queue). */
  jobs?: import('../services/jobs/queue.js').JobQueue | undefined;
}

/** One registered route as the authorisation matrix test sees it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on this app, in registration order (filled by an onRoute hook). */
    routeList: RegisteredRoute[];
  }
}

// Personal fields never reach the log (STYLE §8).
const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.idNumber',
  '*.phone',
  '*.bankAccount',
  '*.name',
];

/** Build the Fastify app without listening (tests use inject()). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: REDACT },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const webDist = path.resolve(config.webDist);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  registerErrorHandler(app, { spa: hasWeb });
  app.decorate('routeList', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    for (const method of [route.method].flat()) app.routeList.push({ method, url: route.url, access });
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.cookieSecure ? undefined : false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'JiuZhu 救助 API', description: '低收入人口动态监测与社会救助信息平台', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jz_session' },
          // Department systems pushing data (issue 4 §1): a key per department, see /api/dept/keys.
          deptApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: false },
  });

  const ctx = (req: FastifyRequest): ServiceContext => ({ database, clock, requestId: req.id, ip: req.ip, jobs: deps.jobs });
  registerAuth(app, { ctx, policy: config });
  await app.register(async (scoped) => registerRoutes(scoped as unknown as App, { config, ctx }));

  if (hasWeb) {
    // Hashed assets are cached for a year; index.html never (it names the current assets).
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, file) => {
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
