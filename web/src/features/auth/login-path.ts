/** Where to send someone who must sign in, and where to go back afterwards. */
export function loginPath(next: string, reason?: 'expired'): string {
  const sp = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) sp.set('next', next);
  if (reason) sp.set('reason', reason);
  const s = sp.toString();
  return s ? `/login?${s}` : '/login';
}

/** Only same-origin paths: '/households?page=2' yes; '//evil.example', 'https://…' no. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/change-password')) return '/';
  return next;
}
