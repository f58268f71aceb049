import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { appendAudit, type AuditInput } from '../../../db/repos/audit.repo.js';

let database: TestDatabase;
let t: TestApp;

interface Item {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityId: string | null;
  householdId: string | null;
  countyCode: string | null;
  after: { filters?: Record<string, unknown>; total?: number } | null;
  hash: string;
}

/** A set of events of one made-up actor, so each test asserts only on its own rows. */
const actorId = randomUUID();
const householdId = randomUUID();
const entityA = randomUUID();
const entityB = randomUUID();

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  const base = { actorId, actorName: '乡镇经办甲', requestId: null, ip: null } satisfies Partial<AuditInput>;
  await database.db.transaction((tx) =>
    appendAudit(tx, [
      // 2026-03-01 10:00 China time
      { ...base, at: '2026-03-01T02:00:00.000Z', action: 'household.create', entityType: 'household', entityId: entityA, householdId, countyCode: '630102', after: { no: 'A' } },
      // 2026-03-02 09:00 China time
      { ...base, at: '2026-03-02T01:00:00.000Z', action: 'household.update', entityType: 'household', entityId: entityA, householdId, countyCode: '630102', before: { address: 'a' }, after: { address: 'b' } },
      // 2026-03-03 07:59 China time
      { ...base, at: '2026-03-02T23:59:00.000Z', action: 'person.reveal', entityType: 'person', entityId: entityB, householdId, countyCode: '630102', after: { field: 'idNumber' } },
      // Another county, same actor id
      { ...base, at: '2026-03-02T03:00:00.000Z', action: 'household.create', entityType: 'household', entityId: randomUUID(), countyCode: '630103' },
    ]),
  );
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

async function auditAdmin(regionCode = '63') {
  const u = await createTestUser(database, { roles: ['AUDIT_ADMIN'], regionCode });
  return { id: u.id, client: await loginAs(t.app, u.username) };
}

async function search(client: Client, query: string): Promise<{ items: Item[]; total: number }> {
  const res = await client.get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/audit (issue 2 §15)', () => {
  it('filters by actor, action, entity type, entity, household and time', async () => {
    const { client } = await auditAdmin();
    const all = await search(client, `actorId=${actorId}`);
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.action)).toEqual(['household.create', 'person.reveal', 'household.update', 'household.create']);
    expect(all.items[0]!.seq).toBeGreaterThan(all.items[1]!.seq);
    expect(all.items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await search(client, `actorId=${actorId}&action=household.create`)).total).toBe(2);
    expect((await search(client, `actorId=${actorId}&entityType=person`)).items.map((i) => i.entityId)).toEqual([entityB]);
    expect((await search(client, `entityId=${entityA}`)).items.map((i) => i.action)).toEqual(['household.update', 'household.create']);
    expect((await search(client, `householdId=${householdId}`)).total).toBe(3);

    // Dates are days in China time; `to` includes its whole day.
    const day2 = await search(client, `actorId=${actorId}&from=2026-03-02&to=2026-03-02`);
    expect(day2.items.map((i) => i.action).sort()).toEqual(['household.create', 'household.update']);
    const exact = await search(client, `actorId=${actorId}&from=2026-03-02T23:00:00Z`);
    expect(exact.items.map((i) => i.action)).toEqual(['person.reveal']);
    expect(exact.items[0]!.at).toBe('2026-03-02T23:59:00.000Z');

    const page2 = await search(client, `actorId=${actorId}&pageSize=3&page=2`);
    expect(page2).toMatchObject({ total: 4, items: [{ action: 'household.create', countyCode: '630102' }] });
  });

  it('shows a county auditor only the events of his county', async () => {
    const { client } = await auditAdmin('630102');
    const mine = await search(client, `actorId=${actorId}`);
    expect(mine.total).toBe(3);
    expect(mine.items.every((i) => i.countyCode === '630102')).toBe(true);
  });

  it('records every search of the audit log as an audit event', async () => {
    const { id, client } = await auditAdmin();
    await search(client, `entityId=${entityA}&action=household.update`);
    const trail = await search(client, `actorId=${id}&action=audit.search`);
    // The first search, recorded with its filters and result count (the second is recorded after it runs).
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]!.after).toEqual({ filters: { entityId: entityA, action: 'household.update' }, page: 1, pageSize: 20, total: 1 });
    expect((await search(client, `actorId=${id}&action=audit.search`)).total).toBe(2);
  });

  it('rejects malformed filters', async () => {
    const { client } = await auditAdmin();
    expect((await client.get('/api/audit?from=yesterday')).statusCode).toBe(400);
    expect((await client.get('/api/audit?actorId=42')).statusCode).toBe(400);
    expect((await client.get('/api/audit?pageSize=1000')).statusCode).toBe(400);
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain and records the check', async () => {
    const { id, client } = await auditAdmin();
    const res = await client.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { ok: boolean; checked: number };
    expect(body).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(body.checked).toBeGreaterThanOrEqual(4);
    const trail = await search(client, `actorId=${id}&action=audit.verify`);
    expect(trail.items[0]!.after).toMatchObject({ ok: true, checked: body.checked });
  });
});
