/**
 * The periodic review of households paid normally (R42) on a real database: an officer's 核算
 * is the review and dates it; a household never reviewed counts from its first benefit month;
 * the review class an officer records picks P07 or P08, each resolved for the household's county;
 * the 低保对象 list says who is due and who is overdue, and a review takes a household off it.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { createWorkedExample1 } from '../../../../test/builders/households.js';
import { FakeClock } from '../../../../test/clock.js';
import { approveTestVersions, approveWorkedExampleParameters } from '../../../../test/builders/policy.js';
import { auditEvents, benefitStatuses } from '../../../db/schema/index.js';

let database: TestDatabase;
let t: TestApp;
let clock: FakeClock;
let clerk: Client; // 乡镇经办, 城东区 (630102)
let clerkName: string;
let assistant: Client; // 村级协理员: reads, may not run a 核算
const VILLAGE = '630102001005';
const DAY = 86_400_000;

interface Review { stage: string; reviewClass: string; intervalMonths: number; extension: Record<string, unknown> | null; lastReviewedOn: string | null; dueOn: string; daysLeft: number; text: string }
interface ListBody {
  today: string;
  counts: { active: number; periodicDue: number; periodicOverdue: number };
  total: number;
  items: { householdId: string; status: string; periodicReview: Review | null }[];
}

async function list(query = ''): Promise<ListBody> {
  const r = await clerk.get(`/api/benefit-recipients?region=${VILLAGE}${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ListBody;
}

async function reviewOf(id: string): Promise<Review | null> {
  return (await clerk.get(`/api/households/${id}/assessments`)).json().benefit.periodicReview;
}

async function advanceDays(days: number) {
  clock.advance(days * DAY);
  clerk = await loginAs(t.app, clerkName);
}

/** Worked example 1 registered as 低保 from 2021 and assessed by the clerk today: 正常享受, 148 元. */
async function reviewedRecipient(): Promise<string> {
  const { id } = await createWorkedExample1(clerk, VILLAGE);
  expect((await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
  const r = await clerk.post(`/api/households/${id}/assessments`, {});
  expect(r.statusCode, r.body).toBe(200);
  return id;
}

let reviewed: string; // STABLE, reviewed 2022-01-15
let unstable: string; // UNSTABLE, reviewed 2022-01-15
let neverReviewed: string; // a status older than its registration record: paid since 2021-03, no officer's 核算
let notRecipient: string;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new FakeClock('2022-01-15T02:00:00.000Z');
  t = await buildTestApp(database, { clock });
  clerkName = (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username;
  clerk = await loginAs(t.app, clerkName);
  assistant = await loginAs(t.app, (await createTestUser(database, { roles: ['VILLAGE_ASSISTANT'], regionCode: '630102' })).username);
  // 城东区 reviews unstable households every 3 months; P07 stays the province's 12 (the seed).
  await approveWorkedExampleParameters(database, [{ code: 'P08', value: 3 }]);
  reviewed = await reviewedRecipient();
  unstable = await reviewedRecipient();
  neverReviewed = (await createWorkedExample1(clerk, VILLAGE)).id;
  // A status written before the platform kept registration days (migration 20261201024826 found no
  // transition for it): no officer's 核算 behind it, no registration day.
  await database.db.insert(benefitStatuses).values({ householdId: neverReviewed, countyCode: '630102', status: 'ACTIVE', monthlyAmountFen: 14_800, sinceMonth: '2021-03-01' });
  notRecipient = (await createWorkedExample1(clerk, VILLAGE)).id;
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('periodic review (R42, P07 / P08)', () => {
  it('an officer’s 核算 dates the review: due P07 months later; a household never reviewed counts from its first benefit month', async () => {
    expect(await reviewOf(reviewed)).toMatchObject({ stage: 'NOT_DUE', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2022-01-15', countsFrom: '2022-01-15', dueOn: '2023-01-15' });
    const [row] = await database.db.select().from(benefitStatuses).where(eq(benefitStatuses.householdId, reviewed));
    expect(row).toMatchObject({ registeredOn: '2022-01-15', lastReviewedOn: '2022-01-15', reviewClass: 'STABLE' });
    const never = await reviewOf(neverReviewed);
    expect(never).toMatchObject({ stage: 'NOT_DUE', lastReviewedOn: null, dueOn: '2022-03-01', daysLeft: 45 });
    expect(never!.text).toContain('自享受起始月2021-03起算');
    const body = await list();
    expect(body.counts).toMatchObject({ active: 3, periodicDue: 0, periodicOverdue: 0 });
  });

  it('the review class is the officer’s, with a reason in the audit trail; UNSTABLE takes the county’s own P08', async () => {
    const r = await clerk.put(`/api/households/${unstable}/benefit-status/review-class`, { reviewClass: 'UNSTABLE', reason: '户主季节性外出务工' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().benefit).toMatchObject({ reviewClass: 'UNSTABLE', periodicReview: { reviewClass: 'UNSTABLE', intervalMonths: 3, dueOn: '2022-04-15' } });
    expect(r.json().benefit.periodicReview.text).toContain('每3个月复核一次（P08）');
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'benefit.review-class'), eq(auditEvents.householdId, unstable)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { reviewClass: 'STABLE' }, after: { reviewClass: 'UNSTABLE', reason: '户主季节性外出务工' } });
    // and on the household's timeline, who and why
    const timeline = (await clerk.get(`/api/households/${unstable}/timeline`)).json();
    expect((timeline.items as { summary: string }[]).map((i) => i.summary)).toContain('设定定期复核类别：收入基本稳定 → 收入不稳定且有劳动能力，理由：户主季节性外出务工');
    // The same class again writes nothing.
    expect((await clerk.put(`/api/households/${unstable}/benefit-status/review-class`, { reviewClass: 'UNSTABLE', reason: '再次确认' })).statusCode).toBe(200);
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'benefit.review-class'), eq(auditEvents.householdId, unstable)))).toHaveLength(1);
  });

  it('refuses a household without a status, a blank reason, an unknown class and an officer who may not run a 核算', async () => {
    const none = await clerk.put(`/api/households/${notRecipient}/benefit-status/review-class`, { reviewClass: 'UNSTABLE', reason: '测试理由' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('POLICY_NOT_RECIPIENT');
    for (const body of [{ reviewClass: 'UNSTABLE', reason: '   ' }, { reviewClass: 'MONTHLY', reason: '测试理由' }, { reviewClass: 'UNSTABLE' }]) {
      const bad = await clerk.put(`/api/households/${reviewed}/benefit-status/review-class`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await assistant.put(`/api/households/${reviewed}/benefit-status/review-class`, { reviewClass: 'UNSTABLE', reason: '测试理由' })).statusCode).toBe(403);
    expect((await reviewOf(reviewed))!.reviewClass).toBe('STABLE');
  });

  it('R85: the list names who is due within 30 days and who is overdue, by due day; an officer’s 核算 takes a household off it', async () => {
    await advanceDays(20); // 2022-02-04: the never-reviewed household is due on 2022-03-01
    let due = await list('&review=PERIODIC_DUE');
    expect(due.counts).toMatchObject({ periodicDue: 1, periodicOverdue: 0 });
    expect(due.items.map((i) => [i.householdId, i.periodicReview?.stage, i.periodicReview?.daysLeft])).toEqual([[neverReviewed, 'DUE_SOON', 25]]);

    await advanceDays(44); // 2022-03-20: it is overdue; the unstable one falls due on 2022-04-15
    due = await list('&review=PERIODIC_DUE');
    expect(due.counts).toMatchObject({ periodicDue: 2, periodicOverdue: 1 });
    expect(due.items.map((i) => [i.householdId, i.periodicReview?.stage])).toEqual([
      [neverReviewed, 'OVERDUE'],
      [unstable, 'DUE_SOON'],
    ]);
    expect((await list('&review=PERIODIC_OVERDUE')).items.map((i) => i.householdId)).toEqual([neverReviewed]);
    expect((await list('&review=PERIODIC_OVERDUE&pageSize=1&page=2')).items).toEqual([]);

    const r = await clerk.post(`/api/households/${neverReviewed}/assessments`, { referenceDate: '2022-01-15' });
    expect(r.statusCode, r.body).toBe(200);
    expect(await reviewOf(neverReviewed)).toMatchObject({ stage: 'NOT_DUE', lastReviewedOn: '2022-03-20', dueOn: '2023-03-20' });
    // Moving a status keeps the day it was registered (here: none on record).
    const [row] = await database.db.select().from(benefitStatuses).where(eq(benefitStatuses.householdId, neverReviewed));
    expect(row).toMatchObject({ registeredOn: null, lastReviewedOn: '2022-03-20' });
    due = await list('&review=PERIODIC_DUE');
    expect(due.items.map((i) => i.householdId)).toEqual([unstable]);
    expect(due.counts).toMatchObject({ periodicDue: 1, periodicOverdue: 0 });
  });

  it('P61: while the county declares a major emergency its reviews fall due P61 months later; ended, they are due again', async () => {
    // 2022-03-20: the unstable household (P08 = 3 months) is due on 2022-04-15.
    await approveTestVersions(database, [{ code: 'P61', effectiveFrom: '2022-03-01', value: { allowed: true, defaultExtensionMonths: 3, emergency: '新冠肺炎疫情' } }]);
    const extended = await reviewOf(unstable);
    expect(extended).toMatchObject({ stage: 'NOT_DUE', intervalMonths: 3, dueOn: '2022-07-15', extension: { months: 3, emergency: '新冠肺炎疫情', effectiveFrom: '2022-03-01', regionCode: '630102' } });
    expect(extended!.text).toContain('因重大突发事件“新冠肺炎疫情”延期3个月（P61，2022-03-01起）');
    let due = await list('&review=PERIODIC_DUE');
    expect(due.counts).toMatchObject({ periodicDue: 0, periodicOverdue: 0 });
    expect(due.items).toEqual([]);

    // A later version ends the declaration: the review is due as before.
    await approveTestVersions(database, [{ code: 'P61', effectiveFrom: '2022-03-20', value: { allowed: true, defaultExtensionMonths: 3 } }]);
    expect(await reviewOf(unstable)).toMatchObject({ stage: 'DUE_SOON', dueOn: '2022-04-15', extension: null });
    due = await list('&review=PERIODIC_DUE');
    expect(due.items.map((i) => i.householdId)).toEqual([unstable]);
  });
});
