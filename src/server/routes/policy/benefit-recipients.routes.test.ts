/**
 * 低保对象 and the end of a 渐退 period (R44.3, R85) on a real database: two households of worked
 * example 3 enter 渐退 through an officer's 核算; as the months pass the list says when their
 * period is due for its end-of-period 核算 and which one was let run past it.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { createWorkedExample1 } from '../../../../test/builders/households.js';
import { FakeClock } from '../../../../test/clock.js';
import { approveWorkedExampleParameters } from '../../../../test/builders/policy.js';
import { auditEvents, users } from '../../../db/schema/index.js';
import { toActor } from '../../../services/access/auth.js';
import { exportBenefitRecipients } from '../../../services/policy/find-benefit-recipients.js';

let database: TestDatabase;
let t: TestApp;
let clock: FakeClock;
let clerk: Client; // 乡镇经办, 城东区 (630102)
let otherCounty: Client; // 乡镇经办, 城中区 (630103)
let clerkName: string;
let otherCountyName: string;
// A village of its own, so that this file's households are the only recipients listed under it.
const VILLAGE = '630102001004';
const DAY = 86_400_000;

interface Item {
  householdId: string;
  householdNo: string;
  headIdNumber: string | null;
  status: string;
  monthlyAmountFen: number;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  review: { stage: string; periodEnd: string; daysLeft: number; text: string } | null;
  lastAssessedOn: string | null;
}
interface ListBody {
  today: string;
  counts: { active: number; gradualExit: number; stopped: number; due: number; overdue: number; monthlyTotalFen: number };
  total: number;
  items: Item[];
}

/** Moves the clock on by whole days; the sessions of the day before have lapsed, so both officers log in again. */
async function advanceDays(days: number) {
  clock.advance(days * DAY);
  clerk = await loginAs(t.app, clerkName);
  otherCounty = await loginAs(t.app, otherCountyName);
}

async function list(c: Client, query = ''): Promise<ListBody> {
  const r = await c.get(`/api/benefit-recipients?region=${VILLAGE}${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ListBody;
}

/** Worked example 3: a 低保 household (148 元) whose son's job lifts it over the line → 渐退 2022-02 … 2023-01. */
async function householdInGradualExit(): Promise<string> {
  const { id, headId } = await createWorkedExample1(clerk, VILLAGE);
  expect((await clerk.post(`/api/households/${id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
  expect((await clerk.post(`/api/households/${id}/assessments`, {})).statusCode).toBe(200);
  const wage = { personId: headId, incomeType: 'WAGE', amountFen: 1_200_000, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'INVESTIGATED' };
  expect((await clerk.post(`/api/households/${id}/incomes`, wage)).statusCode).toBe(200);
  expect((await clerk.post(`/api/households/${id}/assessments`, {})).statusCode).toBe(200);
  return id;
}

let a: string;
let b: string;
let c: string; // 正常享受

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new FakeClock('2022-01-15T02:00:00.000Z');
  t = await buildTestApp(database, { clock });
  clerkName = (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username;
  otherCountyName = (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630103' })).username;
  clerk = await loginAs(t.app, clerkName);
  otherCounty = await loginAs(t.app, otherCountyName);
  // Fictional test standard (worked example 1) and a configured property rule for 城东区.
  await approveWorkedExampleParameters(database);
  a = await householdInGradualExit();
  b = await householdInGradualExit();
  c = (await createWorkedExample1(clerk, VILLAGE)).id;
  expect((await clerk.post(`/api/households/${c}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
  expect((await clerk.post(`/api/households/${c}/assessments`, {})).statusCode).toBe(200);
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('低保对象 (R44 life cycle, R85)', () => {
  it('lists the households being paid, 渐退 first, with their period and identity numbers masked', async () => {
    const body = await list(clerk);
    expect(body.today).toBe('2022-01-15');
    expect(body.counts).toMatchObject({ active: 1, gradualExit: 2, stopped: 0, due: 0, overdue: 0, monthlyTotalFen: 44_400 });
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.householdId).slice(0, 2).sort()).toEqual([a, b].sort());
    expect(body.items[2]).toMatchObject({ householdId: c, status: 'ACTIVE', review: null, gradualExitFrom: null });
    // Page by page the 渐退 households come first, in household-number order, then the others.
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push((await list(clerk, `&pageSize=1&page=${page}`)).items.map((i) => i.householdId));
    expect(pages).toEqual([[body.items[0]!.householdId], [body.items[1]!.householdId], [c], []]);
    expect(body.items[0]!.householdNo < body.items[1]!.householdNo).toBe(true);
    expect((await list(clerk, '&status=ACTIVE')).items.map((i) => i.householdId)).toEqual([c]);
    for (const i of body.items.slice(0, 2)) {
      expect(i).toMatchObject({ status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitFrom: '2022-02', gradualExitUntil: '2023-01' });
      expect(i.lastAssessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.review).toMatchObject({ stage: 'IN_PERIOD', periodEnd: '2023-01-31', daysLeft: 381 });
      expect(i.headIdNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    }
  });

  it('R44.3: in the period’s last month both are due; the one re-assessed leaves the list, stopped from the next month', async () => {
    await advanceDays(355); // 2023-01-05
    const due = await list(clerk, '&review=DUE');
    expect(due.counts).toMatchObject({ gradualExit: 2, due: 2, overdue: 0 });
    expect(due.items.map((i) => i.review?.stage)).toEqual(['REVIEW_DUE', 'REVIEW_DUE']);
    expect(due.items[0]!.review!.text).toContain('结果自2023-02起执行');
    // The end-of-period 核算 on the 2021 incomes (still above the line) stops the benefit from 2023-02.
    const r = await clerk.post(`/api/households/${a}/assessments`, { referenceDate: '2022-01-15' });
    expect(r.statusCode, r.body).toBe(200);
    const page = (await clerk.get(`/api/households/${a}/assessments`)).json();
    expect(page.benefit).toMatchObject({ status: 'STOPPED', review: null });
    expect(page.events[0]).toMatchObject({ fromStatus: 'GRADUAL_EXIT', toStatus: 'STOPPED', effectiveMonth: '2023-02', decidedOn: '2023-01-05' });
    const after = await list(clerk, '&review=DUE');
    expect(after.items.map((i) => i.householdId)).toEqual([b]);
    expect(after.counts).toMatchObject({ gradualExit: 1, stopped: 1, due: 1, monthlyTotalFen: 29_600 });
    const stopped = await list(clerk, '&status=STOPPED');
    expect(stopped.items.map((i) => i.householdId)).toEqual([a]);
  });

  it('R44.3: a period let run past its end is overdue, on the list and on the household page', async () => {
    await advanceDays(29); // 2023-02-03
    const overdue = await list(clerk, '&review=OVERDUE');
    expect(overdue.items.map((i) => i.householdId)).toEqual([b]);
    expect(overdue.items[0]!.review).toMatchObject({ stage: 'OVERDUE', periodEnd: '2023-01-31', daysLeft: -3 });
    expect(overdue.items[0]!.review!.text).toContain('仍按渐退期金额发放');
    expect(overdue.counts).toMatchObject({ due: 1, overdue: 1 });
    const page = (await clerk.get(`/api/households/${b}/assessments`)).json();
    expect(page.benefit.review).toMatchObject({ stage: 'OVERDUE', daysLeft: -3 });
  });

  it('exports the list as filtered to Excel, every row in the list\'s order, masked, and audits it', async () => {
    // 2023-02-03: b's 渐退 period is overdue, c is paid normally (a has stopped).
    const rowsOf = async (c: Client, query: string) => {
      const r = await c.get(`/api/benefit-recipients/export?region=${VILLAGE}${query}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent(`低保对象_${VILLAGE}_2023-02-03.xlsx`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as never);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      ws.eachRow((row, n) => {
        if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
      });
      return rows;
    };
    const listed = await list(clerk);
    const all = await rowsOf(clerk, '');
    expect(all.map((r) => r['户编号'])).toEqual(listed.items.map((i) => i.householdNo));
    expect(all[0]).toMatchObject({ 待遇状态: '渐退期', '月保障金(元)': 148, 渐退期: '2022-02 至 2023-01', 城乡: '农村', 家庭人口: 4 });
    expect(String(all[0]!['期满复核'])).toContain('仍按渐退期金额发放');
    expect(String(all[0]!['户主身份证号'])).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    // c was last reviewed on 2022-01-15: its periodic review (P07, 12 months) is overdue.
    expect(all[1]).toMatchObject({ 户编号: listed.items[1]!.householdNo, 待遇状态: '正常享受', 复核类别: '收入基本稳定', 定期复核到期日: '2023-01-15', 最近结论: '低保' });
    expect(String(all[1]!['定期复核'])).toMatch(/^逾期未复核：定期复核已于2023-01-15到期/);
    expect((await rowsOf(clerk, '&review=OVERDUE')).map((r) => r['户编号'])).toEqual([listed.items[0]!.householdNo]);
    expect(await rowsOf(otherCounty, '')).toEqual([]);
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'benefit.export'), eq(auditEvents.entityType, 'benefit_status')));
    expect(audit.map((e) => e.after)).toEqual(expect.arrayContaining([{ filter: { region: VILLAGE, status: null, review: 'OVERDUE' }, households: 1 }]));
    expect(audit.length).toBe(3);

    // Read one row at a time, each after the last one's key: the same rows in the same order,
    // across the 渐退 and the 正常享受 segments and by due day for the periodic filter.
    const actor = toActor((await database.db.select().from(users).where(eq(users.username, clerkName)))[0]!);
    const ctx = { database, clock, requestId: 'test' };
    const exported = async (q: Record<string, string>, readSize?: number) => {
      const r = await exportBenefitRecipients(ctx, actor, q, readSize ? { readSize } : {});
      const chunks: Buffer[] = [];
      for await (const chunk of r.stream) chunks.push(chunk as Buffer);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.concat(chunks) as never);
      const nos: string[] = [];
      wb.worksheets[0]!.eachRow((row, n) => void (n > 1 && nos.push(String(row.getCell(1).value))));
      return nos;
    };
    const queries: Record<string, string>[] = [{ region: '630102' }, { region: '630102', review: 'PERIODIC_OVERDUE' }, { region: '630102', status: 'GRADUAL_EXIT' }];
    for (const q of queries) {
      const inPages = (await clerk.get(`/api/benefit-recipients?${new URLSearchParams({ ...q, pageSize: '200' })}`)).json() as ListBody;
      const one = await exported(q, 1);
      expect(one, JSON.stringify(q)).toEqual(inPages.items.map((i) => i.householdNo));
      expect(one.length).toBeGreaterThan(0);
      expect(await exported(q)).toEqual(one);
    }
  });

  it('is scoped: another county sees none of these households, and a region outside the scope lists nothing', async () => {
    const other = await list(otherCounty);
    expect(other.total).toBe(0);
    expect(other.counts).toMatchObject({ active: 0, gradualExit: 0, stopped: 0 });
    const own = (await otherCounty.get('/api/benefit-recipients')).json() as ListBody;
    expect(own.items.map((i) => i.householdId)).not.toContain(b);
    // The clerk's own county, township and village list the same households.
    for (const region of ['630102', '630102001', VILLAGE]) {
      const r = (await clerk.get(`/api/benefit-recipients?region=${region}&pageSize=200`)).json() as ListBody;
      expect(r.items.map((i) => i.householdId)).toEqual(expect.arrayContaining([b, c])); // a is stopped by now
    }
  });

  it('refuses a malformed filter with VALIDATION_FAILED', async () => {
    const r = await clerk.get('/api/benefit-recipients?review=SOON');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('在册待核定: on the 低保 roster without a recipient status', () => {
  const V2 = '630102002008';

  it('lists a roster household whose first 核算 did not confirm it and one never assessed; ending the category takes it off', async () => {
    // Worked example 1 with the son's wage: above the line, so its first decision registers nothing (lifecycle.rules.ts).
    const x = await createWorkedExample1(clerk, V2);
    expect((await clerk.post(`/api/households/${x.id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' })).statusCode).toBe(200);
    const wage = { personId: x.headId, incomeType: 'WAGE', amountFen: 1_200_000, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'INVESTIGATED' };
    expect((await clerk.post(`/api/households/${x.id}/incomes`, wage)).statusCode).toBe(200);
    const decided = await clerk.post(`/api/households/${x.id}/assessments`, { referenceDate: '2022-01-15' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await clerk.get(`/api/households/${x.id}/assessments`)).json()).toMatchObject({ benefit: null, unregisteredOnRoster: true });
    const y = await createWorkedExample1(clerk, V2);
    const withCategory = (await clerk.post(`/api/households/${y.id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-06-01' })).json();

    const body = (await clerk.get(`/api/benefit-recipients?region=${V2}&status=UNREGISTERED`)).json();
    expect(body.counts).toMatchObject({ unregistered: 2, active: 0, gradualExit: 0 });
    expect(body.total).toBe(2);
    const byId = new Map((body.items as { householdId: string; lastClassification: string | null }[]).map((i) => [i.householdId, i]));
    expect(byId.get(x.id)).toMatchObject({ status: 'UNREGISTERED', monthlyAmountFen: 0, sinceMonth: '2021-01', lastAssessmentId: decided.json().id });
    expect(byId.get(x.id)!.lastClassification).not.toBe('DIBAO');
    expect(byId.get(y.id)).toMatchObject({ status: 'UNREGISTERED', sinceMonth: '2021-06', lastAssessmentId: null, lastClassification: null, review: null, periodicReview: null });
    // Not among the households being paid; not visible to another county.
    expect((await clerk.get(`/api/benefit-recipients?region=${V2}`)).json().total).toBe(0);
    expect((await otherCounty.get(`/api/benefit-recipients?region=${V2}&status=UNREGISTERED`)).json()).toMatchObject({ total: 0, counts: { unregistered: 0 } });

    // Checked and found not to qualify: the category is ended, and the household leaves the list.
    const catId = withCategory.categoryHistory[0].id;
    expect((await clerk.post(`/api/households/${y.id}/categories/${catId}/end`, { effectiveTo: '2023-02-03', reason: '入户核实不符合条件' })).statusCode).toBe(200);
    const after = (await clerk.get(`/api/benefit-recipients?region=${V2}&status=UNREGISTERED`)).json();
    expect(after.items.map((i: { householdId: string }) => i.householdId)).toEqual([x.id]);
    expect(after.counts.unregistered).toBe(1);
    // The household page says the same: on the roster without a status, or not.
    expect((await clerk.get(`/api/households/${y.id}/assessments`)).json()).toMatchObject({ benefit: null, unregisteredOnRoster: false });
    expect((await clerk.get(`/api/households/${c}/assessments`)).json()).toMatchObject({ benefit: { status: 'ACTIVE' }, unregisteredOnRoster: false });
  });
});
