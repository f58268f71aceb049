/**
 * Monthly comparison (issue 4 §6): a run raises the clue a matched person's department
 * records call for, due in P36 working days (P39 empty → weekends only); running again
 * merges; a run stopped mid-way and resumed never duplicates a warning.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../../test/builders/households.js';
import { clues, clueEvents, comparisonRuns, deptRecords } from '../../../db/schema/index.js';
import { insertComparisonRun } from '../../../db/repos/comparison-runs.repo.js';
import { runComparison } from '../../../services/monitoring/comparison-run.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client;
let admin: Client;

interface Made {
  id: string;
  personId: string;
  idNumber: string;
}

async function makeHousehold(regionCode: string): Promise<Made> {
  const idNumber = testIdNumber('630102', '1960-01-01');
  const res = await clerk.post('/api/households', householdBody({ regionCode, headId: idNumber, members: [] }));
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json();
  return { id: h.id, personId: h.members[0].person.id, idNumber };
}

/** Department records inserted as the batch helper would store matched rows. */
async function settle(h: Made, rows: { date: string; fen: number }[]) {
  const batchId = randomUUID();
  await database.db.insert(deptRecords).values(
    rows.map((r, i) => ({
      countyCode: '630102',
      batchId,
      sourceCode: 'MEDICAL_SETTLEMENT',
      rowNo: i + 1,
      idNumber: h.idNumber,
      personId: h.personId,
      householdId: h.id,
      matchStatus: 'MATCHED',
      eventDate: r.date,
      amountFen: r.fen,
      data: { settlementDate: r.date, outOfPocketFen: r.fen, totalFen: r.fen * 2, visitType: 'OUTPATIENT' },
      receivedAt: new Date('2026-03-01T00:00:00Z'),
    })),
  );
}

async function openClues(householdIds: string[], ruleCode: string) {
  return database.db
    .select()
    .from(clues)
    .where(and(inArray(clues.householdId, householdIds), eq(clues.status, 'OPEN')))
    .then((rows) => rows.filter((c) => c.causeKey.startsWith(`${ruleCode}:`)));
}

async function startAndFinish(client: Client) {
  const res = await client.post('/api/monitoring/comparisons', {});
  expect(res.statusCode, res.body).toBe(200);
  await t.jobs.drain();
  const got = await client.get(`/api/monitoring/comparisons/${res.json().id}`);
  expect(got.statusCode).toBe(200);
  return got.json();
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  clerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  admin = await loginAs(t.app, (await createTestUser(database, { roles: ['POLICY_ADMIN'], regionCode: '630102' })).username);
});

afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('monthly comparison', () => {
  it('raises the clue the records call for, due in 10 working days, and merges on a second run', async () => {
    const h = await makeHousehold('630102001001');
    // 12-month out-of-pocket 6 000 + 5 500 = 11 500 yuan > 10 000 (MEDICAL_ANNUAL_OOP default).
    await settle(h, [
      { date: '2025-11-10', fen: 600_000 },
      { date: '2026-02-20', fen: 550_000 },
    ]);
    const run = await startAndFinish(admin);
    expect(run).toMatchObject({ status: 'DONE', regionCode: '630102', period: '2026-03' });
    expect(run.processed).toBeGreaterThanOrEqual(1);
    expect(run.raised).toBeGreaterThanOrEqual(1);

    const [clue, ...more] = await openClues([h.id], 'MEDICAL_ANNUAL_OOP');
    expect(more).toEqual([]);
    expect(clue).toMatchObject({
      causeKey: `MEDICAL_ANNUAL_OOP:${h.personId}`,
      channel: 'DATA_COMPARISON',
      townshipCode: '630102001',
      countyCode: '630102',
      level: 'ORANGE',
      targetCategory: 'MEDICAL_ASSISTANCE',
      repeatCount: 0,
      // Raised Monday 2026-03-02 (Asia/Shanghai): ten working days later, weekends skipped.
      dueDate: '2026-03-16',
    });
    expect(clue!.title).toContain('11,500.00元');
    expect(clue!.evidence.calendarNote).toContain('2026');
    expect(clue!.evidence.outOfPocketFen).toBe(1_150_000);
    const events = await database.db.select().from(clueEvents).where(eq(clueEvents.clueId, clue!.id));
    expect(events.map((e) => e.action)).toEqual(['RAISED']);
    // The household timeline shows the warning in Chinese.
    const timeline = (await clerk.get(`/api/households/${h.id}/timeline`)).body;
    expect(timeline).toContain('11,500.00元');

    t.clock.advanceMinutes(5);
    const again = await startAndFinish(admin);
    expect(again.status).toBe('DONE');
    expect(again.merged).toBeGreaterThanOrEqual(1);
    const after = await openClues([h.id], 'MEDICAL_ANNUAL_OOP');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: clue!.id, repeatCount: 1, dueDate: '2026-03-16' });
    expect((after[0]!.evidence.history as unknown[]).length).toBe(2);
    const events2 = await database.db.select().from(clueEvents).where(eq(clueEvents.clueId, clue!.id));
    expect(events2.map((e) => e.action).sort()).toEqual(['MERGED', 'RAISED']);
  });

  it('does not raise again from records a closed clue already handled', async () => {
    const h = await makeHousehold('630102001004');
    await settle(h, [{ date: '2026-01-05', fen: 1_200_000 }]);
    await startAndFinish(admin);
    const [c] = await openClues([h.id], 'MEDICAL_ANNUAL_OOP');
    expect(c).toBeDefined();
    await database.db.update(clues).set({ status: 'CLOSED', outcome: 'EXCLUDED', closedAt: new Date() }).where(eq(clues.id, c!.id));
    await startAndFinish(admin);
    expect(await openClues([h.id], 'MEDICAL_ANNUAL_OOP')).toHaveLength(0);
    // A new settlement is a new reason to look again.
    await settle(h, [{ date: '2026-02-25', fen: 10_000 }]);
    await startAndFinish(admin);
    expect(await openClues([h.id], 'MEDICAL_ANNUAL_OOP')).toHaveLength(1);
  });

  it('resumes a run stopped mid-way without duplicating a clue', async () => {
    const made: Made[] = [];
    for (let i = 0; i < 5; i++) {
      const h = await makeHousehold('630102002008');
      await settle(h, [{ date: '2026-02-01', fen: 1_100_000 }]);
      made.push(h);
    }
    const ctx = { database, clock: t.clock };
    const row = await insertComparisonRun(database.db, { period: '2026-03', regionCode: '630102002', status: 'QUEUED', total: 5 });
    const mid = await runComparison(ctx, row.id, { chunkSize: 2, stopAfterChunks: 1 });
    expect(mid).toMatchObject({ status: 'RUNNING', processed: 2 });
    expect(mid.cursor).not.toBeNull();
    // A chunk done twice (crash after commit, job sent twice): the cursor makes it continue, merges keep one clue.
    const done = await runComparison(ctx, row.id, { chunkSize: 2 });
    expect(done).toMatchObject({ status: 'DONE', processed: 5 });
    // Each household: MEDICAL_ANNUAL_OOP (11 000 > 10 000 yuan) and MEDICAL_SHARE_OF_INCOME (no registered income).
    expect(done.raised).toBe(10);
    const open = await openClues(made.map((m) => m.id), 'MEDICAL_ANNUAL_OOP');
    expect(open).toHaveLength(5);
    expect(new Set(open.map((c) => c.householdId)).size).toBe(5);
    expect(open.every((c) => c.repeatCount === 0)).toBe(true);

    // Running the finished run again changes nothing; a new run merges.
    expect((await runComparison(ctx, row.id)).raised).toBe(10);
    const row2 = await insertComparisonRun(database.db, { period: '2026-03', regionCode: '630102002', status: 'QUEUED', total: 5 });
    const second = await runComparison(ctx, row2.id, { chunkSize: 3 });
    expect(second).toMatchObject({ status: 'DONE', raised: 0, merged: 10 });
    const reopened = await openClues(made.map((m) => m.id), 'MEDICAL_ANNUAL_OOP');
    expect(reopened).toHaveLength(5);
    expect(reopened.every((c) => c.repeatCount === 1)).toBe(true);
  });

  it('lists runs of the region and refuses a future period', async () => {
    const list = await admin.get('/api/monitoring/comparisons');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    const other = await loginAs(t.app, (await createTestUser(database, { roles: ['POLICY_ADMIN'], regionCode: '630103' })).username);
    const runs = await database.db.select({ id: comparisonRuns.id }).from(comparisonRuns).where(eq(comparisonRuns.regionCode, '630102'));
    expect((await other.get(`/api/monitoring/comparisons/${runs[0]!.id}`)).json().error.code).toBe('COMPARISON_NOT_FOUND');
    const future = await admin.post('/api/monitoring/comparisons', { period: '2027-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].code).toBe('COMPARISON_PERIOD_INVALID');
  });
});
