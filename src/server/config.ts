/**
 * All settings in one place (STYLE §8), read once from the environment, frozen and passed
 * down. Nothing else reads process.env. Variables use the APP_ prefix; DATABASE_URL and
 * PORT are also honoured because operators expect them.
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** postgres://… switches from embedded PGlite to a PostgreSQL server. */
  readonly databaseUrl: string | undefined;
  /** Root of local state: PGlite lives in `${dataDir}/pglite`. */
  readonly dataDir: string;
  readonly logLevel: string;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly loginMaxFailures: number;
  readonly lockoutMinutes: number;
  readonly passwordMinLength: number;
  /** Send cookies with Secure (behind HTTPS in production). */
  readonly cookieSecure: boolean;
  /** Directory of the built web app (vite build output). */
  readonly webDist: string;
  /** Start the background job worker in this process. */
  readonly runJobs: boolean;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`config: ${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`config: ${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = env.APP_DATABASE_URL || env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('config: DATABASE_URL must start with postgres:// or postgresql://');
  }
  return Object.freeze({
    port: int(env, env.APP_PORT ? 'APP_PORT' : 'PORT', 8080, 0, 65535),
    host: env.APP_HOST || '0.0.0.0',
    databaseUrl,
    dataDir: env.APP_DATA_DIR || './data',
    logLevel: env.APP_LOG_LEVEL || 'info',
    sessionIdleMinutes: int(env, 'APP_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: int(env, 'APP_SESSION_MAX_HOURS', 12, 1, 24 * 7),
    loginMaxFailures: int(env, 'APP_LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutMinutes: int(env, 'APP_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    passwordMinLength: int(env, 'APP_PASSWORD_MIN_LENGTH', 10, 8, 128),
    cookieSecure: bool(env, 'APP_COOKIE_SECURE', false),
    webDist: env.APP_WEB_DIST || './web/dist',
    runJobs: bool(env, 'APP_RUN_JOBS', true),
  });
}

/** Test config: the real defaults with explicit overrides (STYLE §8). */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return Object.freeze({ ...loadConfig({}), logLevel: 'silent', runJobs: false, ...overrides });
}
