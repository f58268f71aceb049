/**
 * A batch run's yearly figure (issue 3 §6) counts each household's months, not 12 × this month:
 * a what-if on adopting 逐步减发 for 渐退 (R44.2, P62 = STEPPED_DOWN, P77) pays a household
 * about to enter 渐退 the same this month but less later, which 12 × the monthly change (0)
 * would hide. Applying the versions then gives the same figures.
 */
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { createWorkedExample3 } from '../../../../test/builders/households.js';
import { FakeClock } from '../../../../test/clock.js';
import { approveTestVersions, approveWorkedExampleParameters } from '../../../../test/builders/policy.js';
import { policyParameters } from '../../../db/schema/index.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client; // 乡镇经办, 城东区 (630102)
let policyAdmin: Client;
let id: string;

async function draft(code: string, value: unknown, urbanRural: 'ALL' | 'RURAL' = 'ALL'): Promise<string> {
  const [r] = await database.db
    .insert(policyParameters)
    .values({ code, name: code, regionCode: '630102', urbanRural, effectiveFrom: '2021-01-01', value, confidence: 'PLACEHOLDER', basis: 'test', status: 'DRAFT', isDefault: false })
    .returning({ id: policyParameters.id });
  return r!.id;
}

async function run(mode: 'WHAT_IF' | 'APPLY', versions: string[]) {
  const started = await policyAdmin.post('/api/policy/reassessments', { mode, parameterVersionIds: versions });
  expect(started.statusCode, started.body).toBe(200);
  await t.jobs.drain();
  const r = (await policyAdmin.get(`/api/policy/reassessments/${started.json().id}`)).json();
  expect(r.status).toBe('DONE');
  const changes = (await policyAdmin.get(`/api/policy/reassessments/${r.id}/changes`)).json().items as { householdId: string; change: string; beforeAmountFen: number; afterAmountFen: number; yearlyDiffFen: number }[];
  return { summary: r.summary, changes, mine: changes.find((c) => c.householdId === id) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database, { clock: new FakeClock('2022-01-15T02:00:00.000Z') });
  clerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  policyAdmin = await loginAs(t.app, (await createTestUser(database, { roles: ['POLICY_ADMIN'], regionCode: '630102' })).username);
  // Fictional figures: worked example 1's standard and property rule; 渐退 pays the amount unchanged (P62's default).
  await approveWorkedExampleParameters(database);
  // Worked example 3: a 低保 household (148 元) whose head's new job lifts it over the line, not yet re-assessed.
  id = (await createWorkedExample3(clerk)).id;
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('the yearly figure of a batch run (§6, R44.2, R44.3)', () => {
  it('adopting 逐步减发: the same this month, 444.00 元 less over the year, the household listed as 减少; applied alike', async () => {
    const versions = [
      await draft('P62', 'STEPPED_DOWN'),
      await draft('P77', { fullMonths: 6, stepMonths: 6, stepRate: 0.5, floorRate: 0.5 }),
    ];
    const w = await run('WHAT_IF', versions);
    // Both sides enter 渐退 from 2022-02 at 148.00 for 12 months (R44.1); stepped down, the last
    // six months pay 74.00: 6 × 74.00 = 444.00 less over 2022-02 … 2023-01.
    expect(w.mine).toMatchObject({ change: 'AMOUNT_DOWN', beforeAmountFen: 14_800, afterAmountFen: 14_800, yearlyDiffFen: -44_400 });
    expect(w.summary).toMatchObject({ monthlyDiffFen: 0, yearlyDiffFen: -44_400 });
    expect(w.summary.totals.AMOUNT_DOWN).toBe(1);
    expect(w.summary.byCounty).toEqual([expect.objectContaining({ countyCode: '630102', monthlyDiffFen: 0, yearlyDiffFen: -44_400 })]);

    await database.db.update(policyParameters).set({ status: 'APPROVED' }).where(inArray(policyParameters.id, versions));
    const a = await run('APPLY', versions);
    expect(a.summary).toEqual(w.summary);
    const tab = (await clerk.get(`/api/households/${id}/assessments`)).json();
    expect(tab.benefit).toMatchObject({ status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: [
      { fromMonth: '2022-02', untilMonth: '2022-07', amountFen: 14_800 },
      { fromMonth: '2022-08', untilMonth: '2023-01', amountFen: 7_400 },
    ] });
  });

  it('a 渐退 shorter than the year counts only its months (R44.3); a household paid its schedule is not counted as 12 × this month', async () => {
    // A county whose 渐退 lasts 6 months (fictional), and a second household whose head's new job lifts it over the line.
    await approveTestVersions(database, [{ code: 'P09', urbanRural: 'RURAL', value: { lengthMonths: 6, minimumMonths: 6 } }]);
    const b = await createWorkedExample3(clerk);

    // A new standard high enough to keep it eligible.
    const raise = await draft('P01', { monthlyFen: 80_000, published: { amount: 800, unit: 'YUAN_PER_PERSON_MONTH' } }, 'RURAL');
    const w = await run('WHAT_IF', [raise]);
    const mineB = w.changes.find((c) => c.householdId === b.id)!;
    // Without it: 渐退 2022-02 … 2022-07 at 148.00 (6 months in full under P77), then stopped;
    // with it: the new amount every month of 2022-02 … 2023-01.
    expect(mineB).toMatchObject({ change: 'AMOUNT_UP', beforeAmountFen: 14_800 });
    const x = mineB.afterAmountFen;
    expect(x).toBeGreaterThan(14_800);
    // The first household, in its stepped 渐退 until 2023-01 (decided above), is paid its
    // schedule on both sides: nothing changes for it this month or over the year.
    expect(w.mine).toMatchObject({ change: 'UNCHANGED', beforeAmountFen: 14_800, afterAmountFen: 14_800 });
    expect(w.summary.monthlyDiffFen).toBe(x - 14_800);
    expect(w.summary.yearlyDiffFen).toBe(12 * x - 6 * 14_800);
    expect(mineB.yearlyDiffFen).toBe(12 * x - 6 * 14_800);
    expect(w.mine!.yearlyDiffFen).toBe(0);
  });
});
