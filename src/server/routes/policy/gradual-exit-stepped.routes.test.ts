/**
 * R44.2 stepped down (P62 = STEPPED_DOWN, P77) on a real database: worked example 3's household
 * enters 渐退 through an officer's 核算 in a county that steps the amount down; the schedule is
 * kept on its status, and as the months pass the household page, the 低保对象 list, its total
 * and its export pay each month's amount, while a 核算 inside the period changes nothing.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { createWorkedExample3 } from '../../../../test/builders/households.js';
import { FakeClock } from '../../../../test/clock.js';
import { approveWorkedExampleParameters } from '../../../../test/builders/policy.js';

let database: TestDatabase;
let t: TestApp;
let clock: FakeClock;
let clerk: Client; // 乡镇经办, 城东区 (630102)
let clerkName: string;
const VILLAGE = '630102001004';
const DAY = 86_400_000;
let id: string;

/** 2022-02 … 2022-07 in full (148.00), then half (74.00) to the period's end 2023-01. */
const SCHEDULE = [
  { fromMonth: '2022-02', untilMonth: '2022-07', amountFen: 14_800 },
  { fromMonth: '2022-08', untilMonth: '2023-01', amountFen: 7_400 },
];

async function recipients() {
  const r = await clerk.get(`/api/benefit-recipients?region=${VILLAGE}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    counts: { gradualExit: number; monthlyTotalFen: number };
    items: { householdId: string; monthlyAmountFen: number; gradualExitSchedule: unknown }[];
  };
}

async function householdTab() {
  const r = await clerk.get(`/api/households/${id}/assessments`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    benefit: { status: string; monthlyAmountFen: number; gradualExitSchedule: unknown };
    events: { toStatus: string; monthlyAmountFen: number; reason: string }[];
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new FakeClock('2022-01-15T02:00:00.000Z');
  t = await buildTestApp(database, { clock });
  clerkName = (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username;
  clerk = await loginAs(t.app, clerkName);
  // Fictional figures: worked example 1's standard and property rule, and a county that steps
  // the 渐退 amount down (half after six months in full).
  await approveWorkedExampleParameters(database, [
    { code: 'P62', value: 'STEPPED_DOWN' },
    { code: 'P77', value: { fullMonths: 6, stepMonths: 6, stepRate: 0.5, floorRate: 0.5 } },
  ]);
  // Worked example 3: a 低保 household (148 元) whose head's new job lifts it over the line.
  id = (await createWorkedExample3(clerk, VILLAGE)).id;
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('渐退 stepped down (R44.2, P62, P77)', () => {
  it('the 核算 decides the schedule, explains it, tells the household each amount and keeps it on the status', async () => {
    const r = await clerk.post(`/api/households/${id}/assessments`, {});
    expect(r.statusCode, r.body).toBe(200);
    const steps = r.json().explanation as { rule: string; text: string; figures: { parameter?: { code: string } }[] }[];
    const rule = steps.find((s) => s.rule === 'R44.2');
    expect(rule?.text).toBe('渐退期内逐步减发：前6个月按原金额发放，此后每6个月减发原金额的50%，最低按原金额的50%发放，即2022-02至2022-07每月148.00元，2022-08至2023-01每月74.00元');
    expect(rule?.figures.map((f) => f.parameter?.code).filter(Boolean)).toEqual(expect.arrayContaining(['P62', 'P77']));

    const tab = await householdTab();
    expect(tab.benefit).toMatchObject({ status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: SCHEDULE });
    expect(tab.events[0]).toMatchObject({ toStatus: 'GRADUAL_EXIT', monthlyAmountFen: 14_800 });
    expect(tab.events[0]!.reason).toContain('期内逐步减发：2022-02至2022-07每月148.00元，2022-08至2023-01每月74.00元，期满重新核定');
    const [row] = await database.rawTransaction((raw) =>
      raw.query<{ gradual_exit_schedule: unknown; monthly_amount_fen: string | number }>('SELECT gradual_exit_schedule, monthly_amount_fen FROM benefit_statuses WHERE household_id = $1', [id]),
    );
    expect(row!.gradual_exit_schedule).toEqual(SCHEDULE);
    expect(Number(row!.monthly_amount_fen)).toBe(14_800);

    const list = await recipients();
    expect(list.items).toEqual([expect.objectContaining({ householdId: id, monthlyAmountFen: 14_800, gradualExitSchedule: SCHEDULE })]);
    expect(list.counts).toMatchObject({ gradualExit: 1, monthlyTotalFen: 14_800 });
  });

  it('in a stepped-down month the page, the list, its total and its export pay the lower amount; a 核算 then changes nothing', async () => {
    clock.advance(238 * DAY); // 2022-09-10
    clerk = await loginAs(t.app, clerkName);
    expect((await householdTab()).benefit).toMatchObject({ status: 'GRADUAL_EXIT', monthlyAmountFen: 7_400 });
    const list = await recipients();
    expect(list.items[0]).toMatchObject({ monthlyAmountFen: 7_400 });
    expect(list.counts.monthlyTotalFen).toBe(7_400);

    const r = await clerk.get(`/api/benefit-recipients/export?region=${VILLAGE}`);
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const cells = Object.fromEntries(header.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(cells).toMatchObject({ '月保障金(元)': 74, 渐退期逐步减发: '2022-02至2022-07每月148.00元，2022-08至2023-01每月74.00元' });

    const again = await clerk.post(`/api/households/${id}/assessments`, {});
    expect(again.statusCode, again.body).toBe(200);
    const texts = (again.json().explanation as { rule: string; text: string }[]).filter((s) => s.rule === 'R44.2').map((s) => s.text);
    expect(texts).toEqual([expect.stringContaining('本月74.00元，2023-01重新核定')]);
    const tab = await householdTab();
    expect(tab.events).toHaveLength(2);
    expect(tab.benefit.gradualExitSchedule).toEqual(SCHEDULE);
  });
});
