/**
 * Warning rules (issue 4 §3): the default rules are seeded and on for the province; a
 * province admin edits a threshold (version 2, audited, checked against the kind's spec);
 * a county switched off gets no clue; precision counts closed clues.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../../test/builders/households.js';
import { DEFAULT_RULES } from '../../../domain/monitoring/warning-rules.js';
import { auditEvents, clues, deptRecords } from '../../../db/schema/index.js';

let database: TestDatabase;
let t: TestApp;
let province: Client;
let countyA: Client;
let countyB: Client;
let clerkA: Client;
let clerkB: Client;

interface Rule {
  id: string;
  code: string;
  kind: string;
  params: Record<string, unknown>;
  level: string;
  targetCategory: string;
  deadlineWorkingDays: number;
  description: string;
  version: number;
  enabledForScope: boolean;
  switches: { regionCode: string; enabled: boolean }[];
  stats: { open: number; closed: number; excluded: number; confirmed: number; precision: number | null };
}

async function rules(client: Client): Promise<Rule[]> {
  const res = await client.get('/api/monitoring/rules');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const byCode = async (client: Client, code: string) => (await rules(client)).find((r) => r.code === code)!;

async function householdWithIllness(clerk: Client, regionCode: string) {
  const county = regionCode.slice(0, 6);
  const idNumber = testIdNumber(county, '1960-01-01');
  const res = await clerk.post('/api/households', householdBody({ regionCode, headId: idNumber, members: [] }));
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json();
  await database.db.insert(deptRecords).values({
    countyCode: county,
    batchId: randomUUID(),
    sourceCode: 'SERIOUS_ILLNESS',
    rowNo: 1,
    idNumber,
    personId: h.members[0].person.id,
    householdId: h.id,
    matchStatus: 'MATCHED',
    eventDate: '2026-02-10',
    data: { diseaseName: '恶性肿瘤', diagnosisDate: '2026-02-10' },
    receivedAt: new Date('2026-03-01T00:00:00Z'),
  });
  return { id: h.id as string, personId: h.members[0].person.id as string };
}

async function compare(client: Client) {
  const res = await client.post('/api/monitoring/comparisons', {});
  expect(res.statusCode, res.body).toBe(200);
  await t.jobs.drain();
  return (await client.get(`/api/monitoring/comparisons/${res.json().id}`)).json();
}

const cluesOf = (householdId: string, code: string) =>
  database.db
    .select()
    .from(clues)
    .where(eq(clues.householdId, householdId))
    .then((rows) => rows.filter((c) => c.causeKey.startsWith(`${code}:`)));

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  const login = async (roles: ['POLICY_ADMIN'] | ['TOWNSHIP_CLERK'], regionCode: string) =>
    loginAs(t.app, (await createTestUser(database, { roles, regionCode })).username);
  province = await login(['POLICY_ADMIN'], '63');
  countyA = await login(['POLICY_ADMIN'], '630102');
  countyB = await login(['POLICY_ADMIN'], '630103');
  clerkA = await login(['TOWNSHIP_CLERK'], '630102');
  clerkB = await login(['TOWNSHIP_CLERK'], '630103');
});

afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('warning rules', () => {
  it('seeds the default rules (P35/R81), on for the province, due in 10 working days (P36)', async () => {
    const list = await rules(province);
    expect(list.map((r) => r.code).sort()).toEqual(DEFAULT_RULES.map((r) => r.code).sort());
    for (const r of list) {
      expect(r, r.code).toMatchObject({ version: 1, deadlineWorkingDays: 10, enabledForScope: true });
      expect(r.switches).toEqual([expect.objectContaining({ regionCode: '63', enabled: true })]);
    }
    expect(list.find((r) => r.code === 'MEDICAL_SINGLE_STAY_LOW_INCOME')).toMatchObject({ params: { amountFen: 600_000, population: 'LOW_INCOME' } });
    expect(list.find((r) => r.code === 'MEDICAL_SINGLE_STAY_LOW_INCOME')!.description).toContain('示例阈值待确认');
    // A county user sees the rules on for his county, without the province switch itself.
    expect((await byCode(countyA, 'DEATH_OF_RECIPIENT')).switches).toEqual([]);
    expect((await byCode(countyA, 'DEATH_OF_RECIPIENT')).enabledForScope).toBe(true);
  });

  it('edits a threshold: version 2, audited; parameters checked against the kind', async () => {
    const r = await byCode(province, 'MEDICAL_ANNUAL_OOP');
    const body = { version: r.version, params: { amountFen: 800_000, months: 12 }, level: 'RED', targetCategory: r.targetCategory, deadlineWorkingDays: 10, description: r.description };
    const res = await province.put(`/api/monitoring/rules/${r.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, level: 'RED', params: { amountFen: 800_000, months: 12 } });
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'warning-rule.update')));
    expect(audit).toHaveLength(1);

    const stale = await province.put(`/api/monitoring/rules/${r.id}`, body);
    expect(stale.json().error.code).toBe('MONITORING_RULE_VERSION_CONFLICT');
    const bad = await province.put(`/api/monitoring/rules/${r.id}`, { ...body, version: 2, params: { amountFen: -5, months: 99, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['params.amountFen', 'params.extra', 'params.months']);
    const county = await countyA.put(`/api/monitoring/rules/${r.id}`, { ...body, version: 2 });
    expect(county.json().error.code).toBe('MONITORING_RULE_PROVINCE_ONLY');
    const reader = await loginAs(t.app, (await createTestUser(database, { roles: ['PROVINCE_VIEWER'], regionCode: '63' })).username);
    expect((await reader.put(`/api/monitoring/rules/${r.id}`, { ...body, version: 2 })).statusCode).toBe(403);
  });

  it('a county switched off gets no clue; the county switched on does', async () => {
    const rule = await byCode(countyB, 'CATASTROPHIC_ILLNESS_DIAGNOSIS');
    const off = await countyB.put(`/api/monitoring/rules/${rule.id}/regions/630103`, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabledForScope: false, switches: [expect.objectContaining({ regionCode: '630103', enabled: false })] });
    // Not in his scope.
    expect((await countyB.put(`/api/monitoring/rules/${rule.id}/regions/630102`, { enabled: false })).json().error.code).toBe('REGION_NOT_FOUND');

    const a = await householdWithIllness(clerkA, '630102001001');
    const b = await householdWithIllness(clerkB, '630103001003');
    await compare(countyA);
    await compare(countyB);
    const inA = await cluesOf(a.id, 'CATASTROPHIC_ILLNESS_DIAGNOSIS');
    expect(inA).toHaveLength(1);
    expect(inA[0]).toMatchObject({ causeKey: `CATASTROPHIC_ILLNESS_DIAGNOSIS:${a.personId}`, targetCategory: 'MEDICAL_ASSISTANCE', title: expect.stringContaining('恶性肿瘤') });
    expect(await cluesOf(b.id, 'CATASTROPHIC_ILLNESS_DIAGNOSIS')).toHaveLength(0);

    // A village switched back on inside the county: the most specific switch wins.
    const on = await countyB.put(`/api/monitoring/rules/${rule.id}/regions/630103001003`, { enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    await compare(countyB);
    expect(await cluesOf(b.id, 'CATASTROPHIC_ILLNESS_DIAGNOSIS')).toHaveLength(1);
  });

  it('reports precision over closed clues', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await householdWithIllness(clerkA, '630102001004'));
    await compare(countyA);
    const ids = made.map((m) => m.id);
    const raised = await database.db.select().from(clues).where(inArray(clues.householdId, ids)).then((rows) => rows.filter((c) => c.causeKey.startsWith('CATASTROPHIC_ILLNESS_DIAGNOSIS:')));
    expect(raised).toHaveLength(3);
    const before = (await byCode(countyA, 'CATASTROPHIC_ILLNESS_DIAGNOSIS')).stats;
    const close = (id: string, outcome: string) => database.db.update(clues).set({ status: 'CLOSED', outcome, closedAt: new Date() }).where(eq(clues.id, id));
    await close(raised[0]!.id, 'TEMPORARY');
    await close(raised[1]!.id, 'EXCLUDED');
    const after = (await byCode(countyA, 'CATASTROPHIC_ILLNESS_DIAGNOSIS')).stats;
    expect(after.closed - before.closed).toBe(2);
    expect(after.excluded - before.excluded).toBe(1);
    expect(after.confirmed - before.confirmed).toBe(1);
    expect(after.precision).toBeCloseTo((after.closed - after.excluded) / after.closed);
    // County B sees only its own clues' figures.
    expect((await byCode(countyB, 'CATASTROPHIC_ILLNESS_DIAGNOSIS')).stats.closed).toBe(0);
  });
});
