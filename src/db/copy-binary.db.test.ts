import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/db.js';
import { BinaryCopyWriter, blockMemory, CopyBlockPool } from './copy-binary.js';
import { copyInTransaction, queryRows } from './database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.rawTransaction((raw) => raw.query(`CREATE TABLE copy_binary_probe (n int8 PRIMARY KEY, id uuid, t text, v varchar(12), j jsonb, d date)`));
});
afterAll(async () => {
  await database?.destroy();
});

type Row = { n: number | string; id: string | null; t: string | null; v: string | null; j: unknown; d: string | null };

// Each value a batch run's decisions hand to binary COPY must come back as it went in.
const cases: Omit<Row, 'n'>[] = [
  { id: null, t: null, v: null, j: null, d: null },
  { id: '0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b', t: '', v: '', j: {}, d: '2000-01-01' },
  { id: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', t: '青海省西宁市 低保\t第一行\n第二行\\.\\N', v: 'BATCH', j: { text: '他说："好"\n', list: [1, null, '\t'], n: 12.5 }, d: '1999-12-31' },
  { id: '00000000-0000-4000-8000-000000000000', t: '长'.repeat(400_000), v: '630102', j: [{ 说明: '长'.repeat(1000) }], d: '2026-02-28' },
  { id: '11111111-2222-4333-8444-555555555555', t: '😀 astral', v: 'x', j: 'a string', d: '1970-01-01' },
  // the same date twice running (the writer keeps the last one converted), then another
  { id: 'abcdef01-2345-4678-9abc-def012345678', t: 'a', v: 'b', j: 1, d: '2024-02-29' },
  { id: 'ABCDEF01-2345-4678-9ABC-DEF012345679', t: 'c', v: 'd', j: 2, d: '2024-02-29' },
  { id: '01234567-89ab-4cde-8f01-23456789abcd', t: 'e', v: 'f', j: 3, d: '2024-03-01' },
];
const ints = [0, 2 ** 53 - 1, -(2 ** 53 - 1), -1, 42, 7, 8, 9];

describe('COPY binary format (copy-binary.ts)', () => {
  it('round-trips uuids, text, varchar, jsonb, int8, dates and NULLs on either database, across block boundaries', async () => {
    const w = new BinaryCopyWriter();
    cases.forEach((c, i) => w.row(6).int8(ints[i]!).uuid(c.id).text(c.t).text(c.v).jsonb(c.j === null ? null : JSON.stringify(c.j)).date(c.d));
    expect(w.count).toBe(cases.length);
    const blocks = w.finish();
    expect(blocks.length).toBeGreaterThan(1); // the 1.2 MB value needed a block of its own
    await database.db.transaction(async (tx) => {
      await copyInTransaction(tx, 'copy_binary_probe', ['n', 'id', 't', 'v', 'j', 'd'], blocks, 'binary');
    });
    const got = await queryRows<Row>(database.db, sql`SELECT n, id::text AS id, t, v, j, d::text AS d FROM copy_binary_probe ORDER BY n`);
    const byN = new Map(got.map((r) => [Number(r.n), r]));
    cases.forEach((c, i) => {
      expect(byN.get(ints[i]!), `row ${i}`).toEqual({ ...c, n: byN.get(ints[i]!)!.n, id: c.id?.toLowerCase() ?? null });
    });
  });

  it('a pool gives blocks back to later writers, and what they write into that memory is stored as written', async () => {
    const pool = new CopyBlockPool();
    const encode = (from: number) => {
      const w = new BinaryCopyWriter(pool);
      // ≈ 1.6 MB of rows: two ordinary blocks
      for (let i = 0; i < 400; i++) w.row(6).int8(from + i).uuid(null).text(`${from + i}号`.padEnd(1300, '户')).text(null).jsonb(null).date(null);
      return w.finish();
    };
    const first = encode(1000);
    const memory = blockMemory(first);
    expect(memory.length).toBe(2);
    expect(pool.size).toBe(0);
    await database.db.transaction(async (tx) => copyInTransaction(tx, 'copy_binary_probe', ['n', 'id', 't', 'v', 'j', 'd'], first, 'binary'));
    pool.give(memory);
    pool.give(memory); // given twice: kept once
    expect(pool.size).toBe(2);
    const second = encode(2000);
    expect(new Set(blockMemory(second))).toEqual(new Set(memory));
    expect(pool.size).toBe(0);
    await database.db.transaction(async (tx) => copyInTransaction(tx, 'copy_binary_probe', ['n', 'id', 't', 'v', 'j', 'd'], second, 'binary'));
    const got = await queryRows<{ n: string | number; t: string }>(database.db, sql`SELECT n, t FROM copy_binary_probe WHERE n >= 1000 AND n < 3000 ORDER BY n`);
    expect(got).toHaveLength(800);
    for (const r of got) expect(r.t).toBe(`${Number(r.n)}号`.padEnd(1300, '户'));
  });

  it('a pool keeps only whole ordinary blocks, up to a limit', () => {
    const pool = new CopyBlockPool();
    const big = new BinaryCopyWriter();
    big.row(1).text('长'.repeat(400_000)); // a value bigger than a block gets a block of its own
    const [oversized] = blockMemory(big.finish()).filter((m) => m.byteLength > 1 << 20);
    expect(oversized).toBeDefined();
    const moved = new ArrayBuffer(1 << 20);
    structuredClone(moved, { transfer: [moved] }); // detached, as after a transfer to another thread
    pool.give([oversized!, moved, new ArrayBuffer(100)]);
    expect(pool.size).toBe(0);
    pool.give(Array.from({ length: 100 }, () => new ArrayBuffer(1 << 20)));
    expect(pool.size).toBe(64);
  });

  it.each([
    ['a uuid without dashes', (w: BinaryCopyWriter) => w.uuid('0192a3b45c6d7e8f9a0b1c2d3e4f5a6b')],
    ['a uuid with a non-hex digit', (w: BinaryCopyWriter) => w.uuid('0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6g')],
    ['a fractional int8', (w: BinaryCopyWriter) => w.int8(1.5)],
    ['an int8 beyond 2^53', (w: BinaryCopyWriter) => w.int8(2 ** 53)],
    ['a uuid with a dash out of place', (w: BinaryCopyWriter) => w.uuid('0192a3b45-c6d-7e8f-9a0b-1c2d3e4f5a6b')],
    ['a uuid with a non-ASCII character', (w: BinaryCopyWriter) => w.uuid('0192a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6中')],
    ['an impossible date', (w: BinaryCopyWriter) => w.date('2026-02-30')],
    ['an impossible date after a valid one', (w: BinaryCopyWriter) => w.date('2026-02-28').date('2026-02-30')],
    ['a date in another format', (w: BinaryCopyWriter) => w.date('2026/02/01')],
  ])('refuses %s instead of sending it', (_name, write) => {
    expect(() => write(new BinaryCopyWriter().row(1))).toThrow();
  });
});
