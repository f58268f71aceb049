import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { testConfig, type AppConfig } from '../src/server/config.js';
import { InlineQueue } from '../src/services/jobs/queue.js';
import { registerJobHandlers } from '../src/services/jobs/handlers.js';
import type { Clock } from '../src/services/context.js';
import type { App } from '../src/server/routes/types.js';
import { FakeClock } from './clock.js';
import { TEST_PASSWORD } from './builders/users.js';

export interface TestApp {
  app: App;
  clock: FakeClock;
  jobs: InlineQueue;
  config: AppConfig;
}

/** The real app over a test database, an inline job queue and a fake clock. */
export async function buildTestApp(database: Database, opts: { clock?: FakeClock; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const clock = opts.clock ?? new FakeClock();
  const jobs = new InlineQueue();
  const config = testConfig({ webDist: '/nonexistent', ...opts.config });
  const app = await buildApp({ config, database, clock: clock as Clock, jobs });
  const noLog = { error: () => undefined, info: () => undefined };
  await registerJobHandlers(jobs, { database, clock, jobs }, noLog);
  await app.ready();
  return { app, clock, jobs, config };
}

/** A signed-in client: carries the session cookie and the CSRF header like the web app. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jz_session')!;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `jz_session=${cookie.value}`;
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
    csrfToken,
    cookie: cookieHeader,
  };
}
