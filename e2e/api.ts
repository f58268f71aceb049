/** A minimal API client for setting up e2e data the way another user would (cookie + CSRF). */
export interface ApiSession {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** multipart/form-data POST: text fields plus one file under `file` */
  upload(path: string, fields: Record<string, string>, file: { name: string; content: Buffer; type: string }): Promise<{ status: number; json: any }>;
}

export async function apiLogin(base: string, username: string, password: string, newPassword?: string): Promise<ApiSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await res.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  };
  if (session.user.mustChangePassword && newPassword) {
    const r = await call('POST', '/api/auth/password', { currentPassword: password, newPassword });
    if (r.status !== 200) throw new Error(`change password ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  }
  const upload = async (path: string, fields: Record<string, string>, file: { name: string; content: Buffer; type: string }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const r = await fetch(`${base}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken }, body: form });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  };
  return { call, upload };
}
