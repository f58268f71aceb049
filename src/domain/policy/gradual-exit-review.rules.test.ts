import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lastDayOfMonth,
  latestDueUntilMonth,
  latestOverdueUntilMonth,
  reviewGradualExit,
  type GradualExitStage,
} from './gradual-exit-review.rules.js';
import { addMonths } from './gradual-exit-schedule.js';

describe('reviewGradualExit (R44.3 end-of-period re-assessment, R85 30-day notice)', () => {
  // Worked example 3: 渐退 2021-08 … 2022-07; the re-assessment of 2022-07 decides from 2022-08.
  const rows: { rule: string; until: string; today: string; stage: GradualExitStage; periodEnd: string; daysLeft: number; says: string }[] = [
    { rule: 'R44.3 in period', until: '2022-07', today: '2022-03-10', stage: 'IN_PERIOD', periodEnd: '2022-07-31', daysLeft: 143, says: '期满时重新核算' },
    { rule: 'R85 31 days left', until: '2022-07', today: '2022-06-30', stage: 'IN_PERIOD', periodEnd: '2022-07-31', daysLeft: 31, says: '渐退期至2022-07' },
    { rule: 'R85 30 days left, last month not begun', until: '2022-02', today: '2022-01-29', stage: 'ENDING_SOON', periodEnd: '2022-02-28', daysLeft: 30, says: '2022-02内重新核算' },
    { rule: 'R44.3 first day of the last month', until: '2022-07', today: '2022-07-01', stage: 'REVIEW_DUE', periodEnd: '2022-07-31', daysLeft: 30, says: '结果自2022-08起执行' },
    { rule: 'R44.3 last day of the period', until: '2022-07', today: '2022-07-31', stage: 'REVIEW_DUE', periodEnd: '2022-07-31', daysLeft: 0, says: '应于2022-07-31前' },
    { rule: 'R44.3 the day after: still in 渐退', until: '2022-07', today: '2022-08-01', stage: 'OVERDUE', periodEnd: '2022-07-31', daysLeft: -1, says: '仍按渐退期金额发放' },
    { rule: 'R44.3 a leap February', until: '2024-02', today: '2024-02-10', stage: 'REVIEW_DUE', periodEnd: '2024-02-29', daysLeft: 19, says: '2024-02-29' },
    { rule: 'R44.3 across a year end', until: '2026-12', today: '2027-01-15', stage: 'OVERDUE', periodEnd: '2026-12-31', daysLeft: -15, says: '已于2026-12-31期满' },
  ];
  it.each(rows)('$rule: until $until seen on $today → $stage', (r) => {
    const got = reviewGradualExit(r.until, r.today);
    expect(got.stage).toBe(r.stage);
    expect(got.periodEnd).toBe(r.periodEnd);
    expect(got.daysLeft).toBe(r.daysLeft);
    expect(got.text).toContain(r.says);
    expect(got.text).toContain('R44.3');
  });

  it('accepts the stored form of the month (YYYY-MM-01)', () => {
    expect(reviewGradualExit('2022-07-01', '2022-07-20').stage).toBe('REVIEW_DUE');
  });

  it('lastDayOfMonth: 30/31 days, February in and out of leap years', () => {
    expect(['2023-02', '2024-02', '2100-02', '2000-02', '2026-04', '2026-12'].map(lastDayOfMonth)).toEqual([
      '2023-02-28', '2024-02-29', '2100-02-28', '2000-02-29', '2026-04-30', '2026-12-31',
    ]);
  });
});

describe('the month bounds a list selects by agree with reviewGradualExit (R85)', () => {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('due (any stage but IN_PERIOD) exactly when until ≤ latestDueUntilMonth; overdue exactly when until ≤ latestOverdueUntilMonth', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -14, max: 14 }), (today, shift) => {
        const until = addMonths(today, shift);
        const stage = reviewGradualExit(until, today).stage;
        expect(stage !== 'IN_PERIOD').toBe(until <= latestDueUntilMonth(today));
        expect(stage === 'OVERDUE').toBe(until <= latestOverdueUntilMonth(today));
      }),
      { numRuns: 2000 },
    );
  });
});
