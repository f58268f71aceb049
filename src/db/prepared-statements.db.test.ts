import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/db.js';
import { queryRows, queryRowsPrepared } from './database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.rawTransaction((raw) => raw.query(`CREATE TABLE prepared_probe (n int PRIMARY KEY, t text)`));
  await database.rawTransaction((raw) => raw.query(`INSERT INTO prepared_probe SELECT g, '第' || g || '行' FROM generate_series(1, 20) g`));
});
afterAll(async () => {
  await database?.destroy();
});

const between = (lo: number, hi: number) => sql`SELECT n, t FROM prepared_probe WHERE n BETWEEN ${lo} AND ${hi} ORDER BY n`;

describe('named prepared statements (queryRowsPrepared)', () => {
  it('gives each run the rows of its own values, past the runs after which the server keeps a generic plan', async () => {
    for (let lo = 1; lo <= 12; lo++) {
      const rows = await queryRowsPrepared<{ n: number; t: string }>(database.db, between(lo, lo + 2));
      expect(rows).toEqual([lo, lo + 1, lo + 2].map((n) => ({ n, t: `第${n}行` })));
    }
  });

  it('keeps two texts apart on one connection, and is prepared there under a name on PostgreSQL', async () => {
    await database.db.transaction(async (tx) => {
      expect(await queryRowsPrepared<{ n: number }>(tx, between(3, 4))).toHaveLength(2);
      const other = await queryRowsPrepared<{ c: number }>(tx, sql`SELECT count(*)::int AS c FROM prepared_probe WHERE n > ${10}`);
      expect(other).toEqual([{ c: 10 }]);
      expect(await queryRowsPrepared<{ n: number }>(tx, between(19, 30))).toEqual([{ n: 19, t: '第19行' }, { n: 20, t: '第20行' }]);
      if (database.kind !== 'postgres') return;
      const rows = await queryRows<{ name: string }>(tx, sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%prepared_probe%'`);
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.name).toMatch(/^q[0-9a-f]{24}$/);
    });
  });
});
