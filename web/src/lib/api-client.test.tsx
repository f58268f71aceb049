import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildQuery, createApiClient } from './api-client';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers });
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

describe('api-client', () => {
  it('sends the CSRF token from the session on POST, PUT, PATCH and DELETE, not on GET', async () => {
    const f = fakeFetch(200, { ok: true });
    const api = createApiClient({ fetch: f.fn });
    api.setCsrfToken('tok-123');
    await api.get('/api/x');
    await api.post('/api/x', { a: 1 });
    await api.put('/api/x', { a: 1 });
    await api.patch('/api/x', { a: 1 });
    await api.delete('/api/x');
    expect(f.calls.map((c) => [c.init.method, header(c, 'x-csrf-token')])).toEqual([
      ['GET', undefined],
      ['POST', 'tok-123'],
      ['PUT', 'tok-123'],
      ['PATCH', 'tok-123'],
      ['DELETE', 'tok-123'],
    ]);
    for (const c of f.calls) expect(c.init.credentials).toBe('same-origin');
    expect(header(f.calls[1]!, 'content-type')).toBe('application/json');
    expect(f.calls[1]!.init.body).toBe('{"a":1}');
  });

  it('sends the CSRF header with a multipart upload and lets the browser set the boundary', async () => {
    const f = fakeFetch(200, { id: 'b1' });
    const api = createApiClient({ fetch: f.fn });
    api.setCsrfToken('tok-9');
    const form = new FormData();
    form.append('file', new Blob(['a,b']), 'x.csv');
    await api.upload('/api/imports', form);
    expect(header(f.calls[0]!, 'x-csrf-token')).toBe('tok-9');
    expect(header(f.calls[0]!, 'content-type')).toBeUndefined();
    expect(f.calls[0]!.init.body).toBe(form);
  });

  it('sends no body and no content type for a POST without a body', async () => {
    const f = fakeFetch(200, { ok: true });
    const api = createApiClient({ fetch: f.fn });
    await api.post('/api/auth/logout');
    expect(f.calls[0]!.init.body).toBeUndefined();
    expect(header(f.calls[0]!, 'content-type')).toBeUndefined();
  });

  it('parses the error body into an ApiError with status, code, details and requestId', async () => {
    const f = fakeFetch(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'body/head/idNumber bad',
        details: [{ path: 'head.idNumber', code: 'ID_NUMBER_CHECK', params: { expected: 'X' } }],
      },
      requestId: 'req-7',
    });
    const api = createApiClient({ fetch: f.fn });
    const err = await api.post('/api/households', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      requestId: 'req-7',
      details: [{ path: 'head.idNumber', code: 'ID_NUMBER_CHECK', params: { expected: 'X' } }],
    });
  });

  it('turns an error without the standard body into a coded ApiError', async () => {
    const f = fakeFetch(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' });
    const api = createApiClient({ fetch: f.fn });
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 502, code: 'INTERNAL', details: [] });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const api = createApiClient({ fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch });
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('calls the auth-failure handler on 401 AUTH_SESSION_EXPIRED / AUTH_REQUIRED and 403 AUTH_PASSWORD_CHANGE_REQUIRED', async () => {
    const onAuthFailure = vi.fn();
    for (const [status, code] of [
      [401, 'AUTH_SESSION_EXPIRED'],
      [401, 'AUTH_REQUIRED'],
      [403, 'AUTH_PASSWORD_CHANGE_REQUIRED'],
    ] as const) {
      const f = fakeFetch(status, { error: { code, message: code }, requestId: 'r' });
      const api = createApiClient({ fetch: f.fn, onAuthFailure });
      await expect(api.get('/api/households')).rejects.toMatchObject({ code });
    }
    expect(onAuthFailure.mock.calls.map((c) => c[0])).toEqual(['AUTH_SESSION_EXPIRED', 'AUTH_REQUIRED', 'AUTH_PASSWORD_CHANGE_REQUIRED']);
  });

  it('does not redirect for wrong credentials, a plain 403, or when authRedirect is false', async () => {
    const onAuthFailure = vi.fn();
    const cases: [number, string, boolean][] = [
      [401, 'AUTH_INVALID_CREDENTIALS', true],
      [403, 'FORBIDDEN', true],
      [401, 'AUTH_REQUIRED', false],
    ];
    for (const [status, code, redirect] of cases) {
      const f = fakeFetch(status, { error: { code, message: code }, requestId: 'r' });
      const api = createApiClient({ fetch: f.fn, onAuthFailure });
      await expect(api.post('/api/auth/login', {}, { authRedirect: redirect })).rejects.toMatchObject({ code });
    }
    expect(onAuthFailure).not.toHaveBeenCalled();
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: '张三', page: 2, region: undefined, category: '', status: null })).toBe('?q=%E5%BC%A0%E4%B8%89&page=2');
    expect(buildQuery({})).toBe('');
  });
});
