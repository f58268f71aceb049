/** The only place that knows which database the tests run on (STYLE §10). */
export const TEMPLATE_DB = 'jiuzhu_test_template';

export function testDbKind(): 'pglite' | 'postgres' {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, got ${kind}`);
  if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://jiuzhu:jiuzhu@localhost:5432/postgres)');
  }
  return kind;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
