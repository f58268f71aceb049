import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { FakeClock } from '../../../../test/clock.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { clues, policyParameters, warningRules } from '../../../db/schema/index.js';
import type { MonitoringBoard } from '../../../contracts/monitoring-board.schemas.js';

/*
 * 监测看板 on known data. Today is Friday 2026-04-10 (Asia/Shanghai); county A has a P39
 * calendar with 2026-04-06 a holiday, so a clue raised on Thursday 2026-03-26 is 10 working
 * days old (6–10), not 11. Default period: 2025-04-11 … 2026-04-10 by raising date.
 */
const COUNTY_A = '630102';
const COUNTY_B = '630103';
const A1 = '630102001001'; // 东关大街街道
const A2 = '630102002008'; // 清真巷街道
const B1 = '630103001003';

const DAY = 86_400_000;
/** 10:00 Asia/Shanghai on `date`, plus `days`. */
const at = (date: string, days = 0) => new Date(Date.parse(`${date}T02:00:00.000Z`) + days * DAY);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

let database: TestDatabase;
let t: TestApp;
let clock: FakeClock;
let userA: Client;
let userB: Client;
let cityUser: Client;
const rule = { r1: randomUUID(), r2: randomUUID(), r3: randomUUID() };
const code = { r1: `T_R1_${randomUUID().slice(0, 6)}`, r2: `T_R2_${randomUUID().slice(0, 6)}`, r3: `T_R3_${randomUUID().slice(0, 6)}` };

interface ClueSpec {
  village: string;
  level: 'RED' | 'ORANGE' | 'YELLOW';
  raised: string;
  due: string;
  status?: 'OPEN' | 'ASSIGNED' | 'VERIFYING' | 'CLOSED';
  channel?: string;
  ruleId?: string | null;
  escalationLevel?: number;
  outcome?: string;
  /** days from raising to closing */
  closedAfter?: number;
}

function clueRow(s: ClueSpec) {
  const raisedAt = at(s.raised);
  return {
    countyCode: s.village.slice(0, 6),
    regionCode: s.village,
    townshipCode: s.village.slice(0, 9),
    channel: s.channel ?? 'DATA_COMPARISON',
    ruleId: s.ruleId ?? null,
    causeKey: `test:${randomUUID()}`,
    level: s.level,
    targetCategory: 'DIBAO',
    title: '测试线索',
    evidence: {},
    status: s.status ?? (s.outcome ? 'CLOSED' : 'OPEN'),
    raisedAt,
    dueDate: s.due,
    escalationLevel: s.escalationLevel ?? 0,
    lastSeenAt: raisedAt,
    outcome: s.outcome ?? null,
    closedAt: s.closedAfter === undefined ? null : new Date(raisedAt.getTime() + s.closedAfter * DAY),
  };
}

/** A clue closed `days` after 2026-01-05 with `outcome`, due 14 days after raising. */
const closed = (village: string, ruleId: string | null, outcome: string, days: number, channel = 'DATA_COMPARISON'): ClueSpec => ({
  village, level: 'YELLOW', raised: '2026-01-05', due: addDays('2026-01-05', 14), ruleId, outcome, closedAfter: days, channel,
});

async function board(client: Client, query = ''): Promise<MonitoringBoard> {
  const res = await client.get(`/api/monitoring/board${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonitoringBoard;
}

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new FakeClock('2026-04-10T02:00:00.000Z');
  t = await buildTestApp(database, { clock });
  const { db } = database;

  await db.insert(warningRules).values([
    { id: rule.r1, code: code.r1, name: '医疗支出骤增', kind: 'TEST', params: {}, level: 'RED', targetCategory: 'DIBAO', deadlineWorkingDays: 10 },
    { id: rule.r2, code: code.r2, name: '失业登记', kind: 'TEST', params: {}, level: 'ORANGE', targetCategory: 'TEMPORARY', deadlineWorkingDays: 10 },
    { id: rule.r3, code: code.r3, name: '乙县规则', kind: 'TEST', params: {}, level: 'YELLOW', targetCategory: 'DIBAO', deadlineWorkingDays: 10 },
  ]);
  await db.insert(policyParameters).values({
    code: 'P39', name: '工作日历', regionCode: COUNTY_A, urbanRural: 'ALL', effectiveFrom: '2021-01-01',
    value: { coveredYears: [2026], holidays: ['2026-04-06'], makeUpWorkdays: [] }, confidence: 'PLACEHOLDER', basis: 'test', status: 'APPROVED', isDefault: false,
  });

  const specs: ClueSpec[] = [
    // open, county A
    { village: A1, level: 'RED', raised: '2026-04-03', due: '2026-04-17', ruleId: rule.r1 }, // 4 wd, not overdue
    { village: A2, level: 'ORANGE', raised: '2026-03-26', due: '2026-04-09', status: 'VERIFYING', ruleId: rule.r2, escalationLevel: 1 }, // 10 wd, overdue
    { village: A1, level: 'YELLOW', raised: '2026-02-02', due: '2026-02-13', status: 'ASSIGNED', channel: 'HOTLINE', escalationLevel: 2 }, // >20, overdue
    { village: A1, level: 'RED', raised: '2025-03-03', due: '2025-03-14' }, // before the period: open and overdue still
    // closed in the period, county A: days to closing 4 10 2 | 6 20 3 | 8
    closed(A1, rule.r1, 'DIBAO', 4),
    closed(A1, rule.r1, 'TEKUN', 10),
    closed(A1, rule.r1, 'EXCLUDED', 2),
    closed(A1, rule.r2, 'TEMPORARY', 6),
    closed(A2, rule.r2, 'REFERRED', 20),
    closed(A2, rule.r2, 'RISK_ELIMINATED', 3),
    closed(A2, null, 'MONITORING', 8, 'SELF_REPORT'),
    // closed, raised before the period: counted nowhere but the snapshot (it is not open)
    { village: A2, level: 'RED', raised: '2025-01-06', due: '2025-01-20', ruleId: rule.r1, outcome: 'DIBAO', closedAfter: 100 },
    // county B
    { village: B1, level: 'RED', raised: '2026-04-01', due: '2026-04-02', ruleId: rule.r3 },
    { village: B1, level: 'RED', raised: '2026-04-01', due: '2026-04-15', ruleId: rule.r3 },
    closed(B1, rule.r3, 'EXCLUDED', 1),
    closed(B1, rule.r3, 'DIBAO', 30),
  ];
  await db.insert(clues).values(specs.map(clueRow));

  userA = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: COUNTY_A })).username);
  userB = await loginAs(t.app, (await createTestUser(database, { roles: ['COUNTY_APPROVER'], regionCode: COUNTY_B })).username);
  cityUser = await loginAs(t.app, (await createTestUser(database, { roles: ['CITY_VIEWER'], regionCode: '6301' })).username);
});

afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('GET /api/monitoring/board', () => {
  it("gives a county user its county's figures: open by level × age in working days, overdue, status, channel, outcomes", async () => {
    const b = await board(userA);
    expect(b).toMatchObject({ regionCode: COUNTY_A, regionName: '城东区', from: '2025-04-11', to: '2026-04-10', today: '2026-04-10', ageUnit: 'WORKING_DAYS' });
    // The 2025 clue's age touches 2025, which county A's calendar does not cover.
    expect(b.calendarUncoveredYears).toEqual([2025]);
    expect(b.totals).toEqual({ open: 4, overdue: 3, raised: 10, closed: 7, closedWithinDeadline: 6, withinDeadlineRate: 6 / 7 });
    expect(b.openByLevelAge).toEqual([
      { level: 'RED', byBucket: { D0_5: 1, D6_10: 0, D11_20: 0, D21_PLUS: 1 }, total: 2 },
      // raised 2026-03-26: 11 weekdays to 2026-04-10, 10 working days with the 04-06 holiday
      { level: 'ORANGE', byBucket: { D0_5: 0, D6_10: 1, D11_20: 0, D21_PLUS: 0 }, total: 1 },
      { level: 'YELLOW', byBucket: { D0_5: 0, D6_10: 0, D11_20: 0, D21_PLUS: 1 }, total: 1 },
    ]);
    expect(b.overdueByLevel).toEqual([{ level: 'RED', count: 1 }, { level: 'ORANGE', count: 1 }, { level: 'YELLOW', count: 1 }]);
    expect(b.overdueByEscalation).toEqual([{ escalationLevel: 0, count: 1 }, { escalationLevel: 1, count: 1 }, { escalationLevel: 2, count: 1 }]);
    expect(Object.fromEntries(b.byStatus.map((s) => [s.status, s.count]))).toEqual({ OPEN: 1, ASSIGNED: 1, VERIFYING: 1, CLOSED: 7 });
    expect(Object.fromEntries(b.byChannel.map((s) => [s.channel, s.count]))).toMatchObject({ DATA_COMPARISON: 8, HOTLINE: 1, SELF_REPORT: 1, DEPT_FLAG: 0 });
    expect(Object.fromEntries(b.byOutcome.map((s) => [s.outcome, s.count]))).toEqual({
      DIBAO: 1, TEKUN: 1, TEMPORARY: 1, REFERRED: 1, MONITORING: 1, RISK_ELIMINATED: 1, EXCLUDED: 1,
    });
  });

  it('computes median and P90 of days from warning to assistance (percentile_cont) and of days to closing', async () => {
    const b = await board(userA);
    // assistance outcomes: 4 6 8 10 20 → median 8, P90 = 10 + 0.6 × (20 − 10) = 16
    expect(b.daysToAssistance).toEqual({ count: 5, median: 8, p90: 16 });
    // every closed clue: 2 3 4 6 8 10 20 → median 6, P90 = 10 + 0.4 × 10 = 14
    expect(b.daysToClose).toEqual({ count: 7, median: 6, p90: 14 });
  });

  it('gives each rule its precision = (closed − excluded) / closed', async () => {
    const b = await board(userA);
    expect(b.rules).toEqual([
      { ruleId: rule.r1, code: code.r1, name: '医疗支出骤增', level: 'RED', raised: 4, closed: 3, confirmed: 2, excluded: 1, precision: 2 / 3 },
      { ruleId: rule.r2, code: code.r2, name: '失业登记', level: 'ORANGE', raised: 4, closed: 3, confirmed: 3, excluded: 0, precision: 1 },
    ]);
  });

  it('breaks the county down by township (every township listed, zeros included)', async () => {
    const b = await board(userA);
    const byCode = new Map(b.byChildRegion.map((r) => [r.code, r]));
    expect(byCode.get('630102001')).toEqual({ code: '630102001', name: '东关大街街道', open: 3, overdue: 2, closed: 4 });
    expect(byCode.get('630102002')).toEqual({ code: '630102002', name: '清真巷街道', open: 1, overdue: 1, closed: 3 });
    expect(byCode.get('630102003')).toMatchObject({ open: 0, overdue: 0, closed: 0 });
    expect(b.byChildRegion.every((r) => r.code.startsWith(COUNTY_A) && r.code.length === 9)).toBe(true);
  });

  it('narrows to a township and to a period', async () => {
    const township = await board(userA, 'regionCode=630102002');
    expect(township.totals).toMatchObject({ open: 1, overdue: 1, closed: 3 });
    expect(township.byChildRegion.map((r) => r.code)).toContain(A2);
    const q1 = await board(userA, 'from=2026-01-01&to=2026-03-31');
    // the seven closed clues and the open one of 2026-02-02 and 2026-03-26; the open snapshot is unchanged
    expect(q1.totals).toMatchObject({ open: 4, overdue: 3, raised: 9, closed: 7 });
    const none = await board(userA, 'from=2026-04-01&to=2026-04-10');
    expect(none.totals).toMatchObject({ raised: 1, closed: 0, withinDeadlineRate: null });
    expect(none.daysToAssistance).toEqual({ count: 0, median: null, p90: null });
  });

  it("keeps county A's clues from county B's user, and county B's from county A's", async () => {
    const b = await board(userB);
    expect(b.regionCode).toBe(COUNTY_B);
    expect(b.totals).toMatchObject({ open: 2, overdue: 1, raised: 4, closed: 2 });
    expect(b.rules.map((r) => r.ruleId)).toEqual([rule.r3]);
    expect(b.rules[0]).toMatchObject({ closed: 2, excluded: 1, precision: 0.5 });
    expect(JSON.stringify(b)).not.toContain(rule.r1);
    const a = await board(userA);
    expect(JSON.stringify(a)).not.toContain(rule.r3);
  });

  it('answers 404 REGION_NOT_FOUND for a region outside the scope, and 400 for a period that ends before it starts', async () => {
    for (const region of [COUNTY_B, '6301', '63']) {
      const res = await userA.get(`/api/monitoring/board?regionCode=${region}`);
      expect(res.statusCode, region).toBe(404);
      expect(res.json().error.code).toBe('REGION_NOT_FOUND');
    }
    const res = await userA.get('/api/monitoring/board?from=2026-03-01&to=2026-02-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('gives a 市州 user both counties, by county, with weekday ages where no calendar is set', async () => {
    const b = await board(cityUser);
    expect(b.regionCode).toBe('6301');
    expect(b.totals).toMatchObject({ open: 6, overdue: 4, closed: 9 });
    const byCode = new Map(b.byChildRegion.map((r) => [r.code, r]));
    expect(byCode.get(COUNTY_A)).toMatchObject({ open: 4, overdue: 3, closed: 7 });
    expect(byCode.get(COUNTY_B)).toMatchObject({ open: 2, overdue: 1, closed: 2 });
    // The shipped P39 (province) lists no holiday: the 2026-03-26 clue is 11 working days old here.
    expect(b.openByLevelAge.find((r) => r.level === 'ORANGE')!.byBucket).toMatchObject({ D6_10: 0, D11_20: 1 });
  });

  // Last: moving the clock ends the other sessions (idle timeout).
  it('counts overdue clues against the clock: eight days later the 2026-04-17 clue is overdue too', async () => {
    clock.advance(8 * DAY);
    const later = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_REVIEWER'], regionCode: COUNTY_A })).username);
    const b = await board(later);
    expect(b.today).toBe('2026-04-18');
    expect(b.totals.overdue).toBe(4);
    expect(b.overdueByLevel.find((l) => l.level === 'RED')!.count).toBe(2);
    expect(b.overdueByEscalation.find((l) => l.escalationLevel === 0)!.count).toBe(2);
  });
});
