import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/db.js';
import { CopyWriter, escapeCopyText, toCopyRows } from './copy-rows.js';
import { copyInTransaction, queryRows } from './database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.rawTransaction((raw) => raw.query(`CREATE TABLE copy_probe (n int PRIMARY KEY, t text, j jsonb, b boolean, big bigint)`));
});
afterAll(async () => {
  await database?.destroy();
});

type ProbeRow = { n: number; t: string | null; j: unknown; b: boolean | null; big: number | string | null };

// Every value a bulk write hands to COPY must come back as it went in.
const cases: { name: string; t: string | null; j?: unknown }[] = [
  { name: 'NULL stays NULL', t: null },
  { name: 'an empty string stays empty, not NULL', t: '' },
  { name: 'Chinese text', t: '青海省西宁市城东区 低保户' },
  { name: 'a tab inside a value', t: 'a\tb' },
  { name: 'a newline and a carriage return', t: '第一行\n第二行\r\n' },
  { name: 'backslashes, including the end-of-data marker and \\N', t: '\\.\\N C:\\temp\\' },
  { name: 'quotes and commas (CSV specials, plain in text format)', t: '"引号", 逗号,' },
  { name: 'leading and trailing spaces', t: '  空格  ' },
  { name: 'JSON with escaped quotes and newlines', t: 'json', j: { text: '他说："好"\n', path: 'a\\b', list: [1, null, '\t'] } },
];

describe('COPY text format (copy-rows.ts)', () => {
  it('escapes only backslash, tab, newline and carriage return', () => {
    expect(escapeCopyText('plain "quoted", text')).toBe('plain "quoted", text');
    expect(escapeCopyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });

  it.each([
    ['a backslash', '说明\\', '说明\\\\'],
    ['a tab', '说明\t', '说明\\t'],
    ['a newline', '说明\n', '说明\\n'],
    ['a carriage return', '说明\r', '说明\\r'],
  ])('escapes a string whose only special character is %s', (_name, raw, escaped) => {
    expect(escapeCopyText(raw)).toBe(escaped);
  });

  it('round-trips every kind of value through COPY in a transaction, on either database', async () => {
    const rows = cases.map((c, i) => [i + 1, c.t, c.j ?? null, i % 2 === 0, i === 0 ? null : 2 ** 40 + i]);
    await database.db.transaction(async (tx) => {
      await copyInTransaction(tx, 'copy_probe', ['n', 't', 'j', 'b', 'big'], toCopyRows(rows));
    });
    const got = await queryRows<ProbeRow>(database.db, sql`SELECT n, t, j, b, big FROM copy_probe ORDER BY n`);
    expect(got.map((r) => r.t)).toEqual(cases.map((c) => c.t));
    expect(got.map((r) => r.j)).toEqual(cases.map((c) => c.j ?? null));
    expect(got.map((r) => r.b)).toEqual(cases.map((_, i) => i % 2 === 0));
    expect(got.map((r) => (r.big === null ? null : Number(r.big)))).toEqual(cases.map((_, i) => (i === 0 ? null : 2 ** 40 + i)));
  });

  it('writes across block boundaries and through RawTx.copy without splitting a value', async () => {
    const long = '长'.repeat(400_000); // 1.2 MB of UTF-8: more than one 1 MB block
    const w = new CopyWriter();
    for (let i = 0; i < 3; i++) w.field(100 + i).field(`${i}${long}`).null().field(false).null().endLine();
    const blocks = w.finish();
    expect(blocks.length).toBeGreaterThan(1);
    await database.rawTransaction((raw) => raw.copy('copy_probe', ['n', 't', 'j', 'b', 'big'], blocks));
    const got = await queryRows<{ n: number; len: number; head: string }>(
      database.db,
      sql`SELECT n, length(t) AS len, left(t, 1) AS head FROM copy_probe WHERE n >= 100 ORDER BY n`,
    );
    expect(got.map((r) => [r.n, Number(r.len), r.head])).toEqual([
      [100, 400_001, '0'],
      [101, 400_001, '1'],
      [102, 400_001, '2'],
    ]);
  });

  it('writes nothing when a COPY fails: the transaction rolls back', async () => {
    const bad = toCopyRows([[200, 'ok', null, true, null], [201, 'x', '{not json', true, null]]);
    await expect(database.db.transaction((tx) => copyInTransaction(tx, 'copy_probe', ['n', 't', 'j', 'b', 'big'], bad))).rejects.toThrow();
    const got = await queryRows<{ n: number }>(database.db, sql`SELECT n FROM copy_probe WHERE n >= 200`);
    expect(got).toEqual([]);
  });
});
