import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  latestDueBaseline,
  latestOverdueBaseline,
  reviewExtensionOf,
  reviewPeriodic,
  type PeriodicReviewInput,
  type PeriodicReviewStage,
} from './periodic-review.rules.js';

describe('reviewPeriodic (R42 periodic review, P07 / P08; R85 30-day notice)', () => {
  // Worked example 3's household: approved 2021-01, reviewed on 2021-07-20.
  const rows: (Omit<PeriodicReviewInput, 'noticeDays'> & { rule: string; stage: PeriodicReviewStage; dueOn: string; daysLeft: number; says: string })[] = [
    { rule: 'R42 P07 a stable household, 12 months after its last review', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-03-01', stage: 'NOT_DUE', dueOn: '2022-07-20', daysLeft: 141, says: '下次定期复核2022-07-20' },
    { rule: 'R42 P08 an unstable household, 6 months', reviewClass: 'UNSTABLE', intervalMonths: 6, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-01-10', stage: 'DUE_SOON', dueOn: '2022-01-20', daysLeft: 10, says: '每6个月复核一次（P08）' },
    { rule: 'R85 exactly 30 days left', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-06-20', stage: 'DUE_SOON', dueOn: '2022-07-20', daysLeft: 30, says: '应入户核查' },
    { rule: 'R85 31 days left', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-06-19', stage: 'NOT_DUE', dueOn: '2022-07-20', daysLeft: 31, says: '（P07）' },
    { rule: 'R42 the due day itself', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-07-20', stage: 'DUE_SOON', dueOn: '2022-07-20', daysLeft: 0, says: '将于2022-07-20到期' },
    { rule: 'R42 the day after, not reviewed', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: '2021-07-20', registeredOn: '2021-01-20', sinceMonth: '2021-01', today: '2022-07-21', stage: 'OVERDUE', dueOn: '2022-07-20', daysLeft: -1, says: '已于2022-07-20到期，尚未复核' },
    { rule: 'R42 never reviewed: from the registration as a recipient', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: null, registeredOn: '2021-09-30', sinceMonth: '2019-01-01', today: '2022-02-01', stage: 'NOT_DUE', dueOn: '2022-09-30', daysLeft: 241, says: '自2021-09-30登记为低保对象起算' },
    { rule: 'R42 never reviewed, registration unknown: from the first benefit month', reviewClass: 'STABLE', intervalMonths: 12, lastReviewedOn: null, registeredOn: null, sinceMonth: '2021-01-01', today: '2022-02-01', stage: 'OVERDUE', dueOn: '2022-01-01', daysLeft: -31, says: '自享受起始月2021-01起算' },
    { rule: 'R42 a review on 31 August falls due on the last day of February', reviewClass: 'UNSTABLE', intervalMonths: 6, lastReviewedOn: '2023-08-31', registeredOn: null, sinceMonth: '2021-01', today: '2024-02-01', stage: 'DUE_SOON', dueOn: '2024-02-29', daysLeft: 28, says: '2024-02-29' },
  ];
  it.each(rows)('$rule → $stage', ({ rule: _rule, stage, dueOn, daysLeft, says, ...input }) => {
    const got = reviewPeriodic(input);
    expect(got.stage).toBe(stage);
    expect(got.dueOn).toBe(dueOn);
    expect(got.daysLeft).toBe(daysLeft);
    expect(got.text).toContain(says);
    expect(got.text).toContain(input.reviewClass === 'STABLE' ? 'P07' : 'P08');
  });

  it('addMonthsToDate keeps the day, or takes the month’s last', () => {
    expect(['2021-07-20', '2023-08-31', '2024-01-31', '2023-12-31', '2024-02-29'].map((d) => addMonthsToDate(d, 6))).toEqual([
      '2022-01-20', '2024-02-29', '2024-07-31', '2024-06-30', '2024-08-29',
    ]);
    expect(addMonthsToDate('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('R42 / P61: reviews extended while a declared major emergency stands', () => {
  const p61 = (value: unknown) => ({ value, effectiveFrom: '2023-12-19', regionCode: '6302' });
  it.each<[string, unknown, number | null]>([
    ['P61 as shipped: allowed, no emergency declared', { allowed: true, defaultExtensionMonths: 3 }, null],
    ['P61 an emergency declared, 3 months', { allowed: true, defaultExtensionMonths: 3, emergency: '积石山6.2级地震' }, 3],
    ['P61 declared but extensions not allowed', { allowed: false, defaultExtensionMonths: 3, emergency: '积石山6.2级地震' }, null],
    ['P61 an empty name declares nothing', { allowed: true, defaultExtensionMonths: 3, emergency: '  ' }, null],
    ['P61 no months', { allowed: true, defaultExtensionMonths: 0, emergency: '积石山6.2级地震' }, null],
  ])('%s', (_rule, value, months) => {
    expect(reviewExtensionOf(p61(value))?.months ?? null).toBe(months);
  });
  it('P61 not configured: no extension', () => expect(reviewExtensionOf(undefined)).toBeNull());

  it('R42 an overdue review is due 3 months later while the emergency stands, and says why', () => {
    const input = { reviewClass: 'STABLE' as const, intervalMonths: 12, lastReviewedOn: '2023-01-10', registeredOn: null, sinceMonth: '2021-01', today: '2024-01-20' };
    expect(reviewPeriodic(input)).toMatchObject({ stage: 'OVERDUE', dueOn: '2024-01-10', extension: null });
    const extension = reviewExtensionOf(p61({ allowed: true, defaultExtensionMonths: 3, emergency: '积石山6.2级地震' }))!;
    const got = reviewPeriodic({ ...input, extension });
    expect(got).toMatchObject({ stage: 'NOT_DUE', dueOn: '2024-04-10', intervalMonths: 12, extension: { months: 3, emergency: '积石山6.2级地震' } });
    expect(got.text).toBe('下次定期复核2024-04-10（上次复核2023-01-10；收入基本稳定，每12个月复核一次（P07）；因重大突发事件“积石山6.2级地震”延期3个月（P61，2023-12-19起））');
  });
});

describe('the baselines a list selects by agree with reviewPeriodic (R42, R85)', () => {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('due (DUE_SOON or OVERDUE) exactly when baseline ≤ latestDueBaseline; overdue exactly when baseline ≤ latestOverdueBaseline', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -500, max: 500 }), fc.constantFrom(1, 3, 6, 12, 24), fc.constantFrom(0, 1, 3, 6), (today, shift, months, extra) => {
        const baseline = new Date(Date.parse(`${today}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
        // a P61 extension lengthens the interval the cutoffs are computed for (reviewCutoffs)
        const extension = extra > 0 ? { months: extra, emergency: '演练', effectiveFrom: '2000-01-01', regionCode: '63' } : null;
        const stage = reviewPeriodic({ reviewClass: 'STABLE', intervalMonths: months, extension, lastReviewedOn: baseline, registeredOn: null, sinceMonth: '2000-01', today }).stage;
        expect(stage !== 'NOT_DUE').toBe(baseline <= latestDueBaseline(today, months + extra));
        expect(stage === 'OVERDUE').toBe(baseline <= latestOverdueBaseline(today, months + extra));
      }),
      { numRuns: 5000 },
    );
  });
});
