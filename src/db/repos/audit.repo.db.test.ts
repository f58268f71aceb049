import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { scopeOf } from '../../domain/access/scope.js';
import { appendAudit, searchAudit, verifyAuditChain, type AuditInput } from './audit.repo.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

function event(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    at: '2026-03-02T02:00:00.000Z',
    actorId: randomUUID(),
    actorName: '测试员',
    action: 'test.event',
    entityType: 'test',
    entityId: randomUUID(),
    countyCode: '630102',
    before: { a: 1 },
    after: { a: 2, nested: { z: [1, 2, 3], b: '中文' } },
    requestId: 'req-test',
    ip: '127.0.0.1',
    ...overrides,
  };
}

/** The database's own message for a refused statement (drizzle wraps it in `cause`). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause;
    return cause?.message ?? (e as Error).message;
  }
  return 'accepted';
}

async function eventsOf(entityId: string) {
  const { items } = await searchAudit(database.db, scopeOf({ regionCode: '63' }), { entityId, limit: 100, offset: 0 });
  return items;
}

describe('audit log (issue 2 §15)', () => {
  it('appends events to a chain that verifies', async () => {
    const e = event();
    await database.db.transaction((tx) => appendAudit(tx, [e, event({ entityId: e.entityId, action: 'test.second' })]));
    const rows = await eventsOf(e.entityId!);
    expect(rows.map((r) => r.action)).toEqual(['test.second', 'test.event']);
    const [second, first] = rows;
    expect(second!.seq).toBe(first!.seq + 1);
    expect(second!.prevHash).toBe(first!.hash);
    expect(first!.after).toEqual(e.after);
    const check = await verifyAuditChain(database.db);
    expect(check).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(check.checked).toBeGreaterThanOrEqual(first!.seq + 1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const e = event();
    await database.db.transaction((tx) => appendAudit(tx, [e]));
    const [row] = await eventsOf(e.entityId!);
    expect(await refusal(database.db.execute(sql`UPDATE audit_events SET action = 'forged' WHERE seq = ${row!.seq}`))).toContain('AUDIT_APPEND_ONLY');
    expect(await refusal(database.db.execute(sql`DELETE FROM audit_events WHERE seq = ${row!.seq}`))).toContain('AUDIT_APPEND_ONLY');
    expect(await refusal(database.db.execute(sql`TRUNCATE audit_events`))).toContain('AUDIT_APPEND_ONLY');
    const [still] = await eventsOf(e.entityId!);
    expect(still!.action).toBe('test.event');
  });

  it('shows an auditor only the events of counties in his scope', async () => {
    const entityId = randomUUID();
    await database.db.transaction((tx) =>
      appendAudit(tx, [
        event({ entityId, countyCode: '630102', action: 'test.east' }),
        event({ entityId, countyCode: '630103', action: 'test.centre' }),
        event({ entityId, countyCode: null, action: 'test.platform' }),
      ]),
    );
    const actions = async (regionCode: string) =>
      (await searchAudit(database.db, scopeOf({ regionCode }), { entityId, limit: 10, offset: 0 })).items.map((r) => r.action).sort();
    expect(await actions('630102')).toEqual(['test.east']);
    expect(await actions('6301')).toEqual(['test.centre', 'test.east']);
    expect(await actions('63')).toEqual(['test.centre', 'test.east', 'test.platform']);
    expect(await actions('632321')).toEqual([]);
  });

  it('keeps one valid chain when several transactions append at once', async () => {
    const entityId = randomUUID();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await appendAudit(tx, [event({ entityId, action: `test.concurrent-${i}` }), event({ entityId, action: `test.concurrent-${i}` })]);
        }),
      ),
    );
    const rows = await eventsOf(entityId);
    expect(rows).toHaveLength(20);
    // The two events of one transaction are adjacent: the lock is held until commit.
    const seqs = rows.map((r) => r.seq).sort((a, b) => a - b);
    const byAction = new Map<string, number[]>();
    for (const r of rows) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r.seq]);
    for (const pair of byAction.values()) expect(Math.abs(pair[0]! - pair[1]!)).toBe(1);
    expect(new Set(seqs).size).toBe(20);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  // Last in the file: it leaves the chain broken on purpose.
  it('reports a tampered row as the first broken link', async () => {
    const e = event();
    await database.db.transaction((tx) => appendAudit(tx, [e, event(), event()]));
    const [row] = await eventsOf(e.entityId!);
    // Only a superuser/owner who switches the trigger off can do this; the chain still tells.
    await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    try {
      await database.db.execute(sql`UPDATE audit_events SET after = '{"a": 3}'::jsonb WHERE seq = ${row!.seq}`);
    } finally {
      await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    }
    const check = await verifyAuditChain(database.db);
    expect(check).toEqual({ ok: false, checked: row!.seq - 1, firstBrokenSeq: row!.seq, reason: 'content does not match hash' });
    // The trigger is back on.
    expect(await refusal(database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = ${row!.seq}`))).toContain('AUDIT_APPEND_ONLY');
  });
});
