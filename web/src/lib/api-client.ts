/**
 * The one fetch wrapper of the web app (STYLE §9): same-origin requests with the session
 * cookie, the CSRF header on every state-changing request, and the server's error body
 * `{ error: { code, message, details? }, requestId }` turned into an ApiError.
 *
 * Session failures are reported to handlers installed by main.tsx (which knows the
 * router): 401 AUTH_REQUIRED / AUTH_SESSION_EXPIRED → login page, 403
 * AUTH_PASSWORD_CHANGE_REQUIRED → change-password page.
 */
import type { ErrorBody } from '../../../src/contracts/common.schemas';

export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], requestId: string | null = null) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

export interface RequestOptions {
  query?: QueryParams | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** false for the login call and the session probe: a 401 there is an answer, not a redirect. */
  authRedirect?: boolean;
}

export type AuthFailure = 'AUTH_REQUIRED' | 'AUTH_SESSION_EXPIRED' | 'AUTH_PASSWORD_CHANGE_REQUIRED';

/** `idleMs`: time since the previous answer from the server, before this request. */
export type AuthFailureHandler = (kind: AuthFailure, info: { idleMs: number }) => void;

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time (tests replace it). */
  fetch?: typeof fetch;
  baseUrl?: string;
  onAuthFailure?: AuthFailureHandler;
  now?: () => number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** `?a=1&b=x` from a params object; undefined, null and '' are left out; arrays repeat the key. */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const values = Array.isArray(v) ? v : [v];
    for (const one of values as QueryValue[]) {
      if (one === undefined || one === null || one === '') continue;
      sp.append(k, String(one));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

function isErrorBody(x: unknown): x is ErrorBody {
  if (!x || typeof x !== 'object') return false;
  const e = (x as { error?: unknown }).error;
  return !!e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string';
}

/** Read an error response into an ApiError, whatever its shape. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    return new ApiError(res.status, body.error.code, body.error.message ?? '', details, body.requestId ?? null);
  }
  const code = res.status === 401 ? 'AUTH_REQUIRED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : res.status === 409 ? 'CONFLICT' : 'INTERNAL';
  return new ApiError(res.status, code, `HTTP ${res.status}`);
}

export function createApiClient(options: ApiClientOptions = {}) {
  let csrfToken: string | null = null;
  let onAuthFailure = options.onAuthFailure;
  const now = options.now ?? (() => Date.now());
  let lastActivityAt = now();
  const baseUrl = options.baseUrl ?? '';
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const m = method.toUpperCase();
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) {
      body = opts.body; // the browser sets the multipart boundary
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (UNSAFE.has(m) && csrfToken) headers[CSRF_HEADER] = csrfToken;

    const previousActivityAt = lastActivityAt;
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}${buildQuery(opts.query)}`, {
        method: m,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (e) {
      if ((e as { name?: string })?.name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
    }
    lastActivityAt = now();

    if (!res.ok) {
      const err = await toApiError(res);
      if (opts.authRedirect !== false && onAuthFailure) {
        const info = { idleMs: lastActivityAt - previousActivityAt };
        if (err.status === 401 && (err.code === 'AUTH_REQUIRED' || err.code === 'AUTH_SESSION_EXPIRED')) onAuthFailure(err.code, info);
        else if (err.status === 403 && err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') onAuthFailure(err.code, info);
      }
      throw err;
    }
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await res.text()) as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PATCH', path, { ...opts, body }),
    delete: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, opts),
    /** multipart/form-data upload (CSRF header included). */
    upload: <T>(path: string, form: FormData, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body: form }),
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    getCsrfToken: () => csrfToken,
    setAuthFailureHandler(handler: AuthFailureHandler | undefined) {
      onAuthFailure = handler;
    },
    /** Time (ms) of the last answer from the server: the server's idle clock restarts with each request. */
    getLastActivityAt: () => lastActivityAt,
    markActivity() {
      lastActivityAt = now();
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client. main.tsx installs the auth-failure handler; api.ts files use this. */
export const apiClient = createApiClient();

/** Same-origin URL for a download link (export, templates, reports), with the query string. */
export function apiUrl(path: string, query?: QueryParams): string {
  return `${path}${buildQuery(query)}`;
}
