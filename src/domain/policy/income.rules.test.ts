import { describe, expect, it } from 'vitest';
import type { IncomeFact } from './assessment.types.js';
import { ageOn, assessIncome, countMembers, incomeWindow, prorate, totalIncome } from './income.rules.js';
import { buildFacts, buildIncome, buildMember, buildParams, DECLARED } from './test-fixtures.js';

const window2021 = incomeWindow('2022-01-15', 12);

function incomeOf(incomes: IncomeFact[], overrides: Record<string, unknown> = {}, employment = 'EMPLOYED') {
  const members = [
    buildMember({ personId: 'a', name: '甲', employment }),
    buildMember({ personId: 'b', name: '乙', employment: 'FARMING' }),
  ];
  const facts = buildFacts({ members, incomes });
  const r = assessIncome(facts, members, window2021, 45000, buildParams(overrides), {});
  return { ...r, ...totalIncome(r, null) };
}

describe('R18 income window', () => {
  it.each([
    ['R18: 12 months before the reference month', '2022-01-15', 12, '2021-01', '2021-12'],
    ['R18: reference on the 1st still excludes its own month', '2021-07-01', 12, '2020-07', '2021-06'],
    ['R18: a 6-month window (P04 = 6)', '2021-03-31', 6, '2020-09', '2021-02'],
  ])('%s', (_rule, date, months, from, to) => {
    const w = incomeWindow(date, months);
    expect([w.from, w.to, w.months]).toEqual([from, to, months]);
  });

  it.each([
    ['whole item inside', 36500, '2021-01-01', '2021-12-31', 36500],
    ['half a year outside (181 of 365 days in 2020-07…2021-06 fall in 2021)', 36500, '2020-07-01', '2021-06-30', 18100],
    ['no overlap', 1000, '2019-01-01', '2019-12-31', 0],
    ['rounding half up to fen', 100, '2020-12-31', '2021-01-01', 50],
  ])('R18 proration: %s', (_name, amount, start, end, expected) => {
    expect(prorate(amount, start, end, window2021.startDay, window2021.endDay).fen).toBe(expected);
  });

  it.each([
    ['R2: birthday reached', '1962-01-15', '2022-01-15', 60],
    ['R2: day before the birthday', '1962-01-16', '2022-01-15', 59],
    ['R2: 29 Feb birthday reached on 1 Mar in a common year', '2004-02-29', '2022-03-01', 18],
    ['R2: 29 Feb birthday not reached on 28 Feb', '2004-02-29', '2022-02-28', 17],
  ])('%s', (_rule, birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('R14/R15 counted members', () => {
  it.each([
    ['R15.2 prisoner not counted', 'PRISON', 1],
    ['R15.2 compulsory drug rehabilitation not counted', 'DRUG_REHABILITATION', 1],
    ['R15.1 clergy away 3 years not counted', 'CLERGY_AWAY_3Y', 1],
    ['R15.3 conscript not counted when listed in P48', 'CONSCRIPT_IN_ACTIVE_SERVICE', 1],
  ] as const)('%s', (_rule, exclusion, counted) => {
    const members = [buildMember({ personId: 'a' }), buildMember({ personId: 'b', exclusion })];
    expect(countMembers(members, buildParams(), {}).counted).toHaveLength(counted);
  });

  it('R15.3: conscript counted when P48 does not list it', () => {
    const members = [buildMember({ personId: 'a' }), buildMember({ personId: 'b', exclusion: 'CONSCRIPT_IN_ACTIVE_SERVICE' })];
    const r = countMembers(members, buildParams({ P48: [] }), {});
    expect(r.counted).toHaveLength(2);
    expect(r.steps.some((s) => s.text.includes('仍计入'))).toBe(true);
  });
});

describe('R19–R22 counted income', () => {
  const wage = (amountFen: number, extra: Partial<IncomeFact> = {}) => buildIncome({ id: 'w', personId: 'a', incomeType: 'WAGE', amountFen, ...extra });

  it('R21.1: 30 % of the standard per month of wage, capped at 1 × standard', () => {
    const r = incomeOf([wage(1_560_000)]);
    expect(r.totalFen).toBe(1_560_000 - 13_500 * 12);
    const step = r.steps.find((s) => s.rule === 'R21.1')!;
    expect(step.text).toContain('扣除必要就业成本1,620.00元');
    expect(step.text).toContain('占位值待确认');
  });

  it('R21.1: deduction counts only the window months the wage items cover', () => {
    const r = incomeOf([wage(300_000, { periodStart: '2021-10-01', periodEnd: '2021-12-31' })]);
    expect(r.totalFen).toBe(300_000 - 13_500 * 3);
  });

  it('R21.1: cap at capMultipleOfStandard × standard', () => {
    const r = incomeOf([wage(1_560_000)], {
      P05: { mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 0.2, documentedWorkersOnly: true },
    });
    expect(r.totalFen).toBe(1_560_000 - 9_000 * 12);
  });

  it('R21.3: the deduction never makes wages negative', () => {
    const r = incomeOf([wage(1_000, { periodStart: '2021-12-01', periodEnd: '2021-12-31' })]);
    expect(r.totalFen).toBe(0);
  });

  it.each([
    ['R21.1: P05 mode NONE → no deduction, explained', { P05: { mode: 'NONE', rate: 0, capMultipleOfStandard: 1, documentedWorkersOnly: false } }, '本地不扣除就业成本', false],
    ['R21.1: P05 absent → no deduction, explained', { P05: null }, 'P05）未配置', false],
    ['R21.1: minimum-wage mode without a minimum wage → flagged for review', { P05: { mode: 'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 1, documentedWorkersOnly: true } }, '最低工资标准未配置', true],
  ])('%s', (_rule, overrides, text, overstated) => {
    const r = incomeOf([wage(1_560_000)], overrides);
    expect(r.totalFen).toBe(1_560_000);
    expect(r.steps.find((s) => s.rule === 'R21.1')!.text).toContain(text);
    expect(r.mayBeOverstated).toBe(overstated);
  });

  it('R21.1: a member not recorded as employed gets no deduction, the step naming the status in Chinese', () => {
    const r = incomeOf([wage(1_560_000)], {}, 'FARMING');
    expect(r.totalFen).toBe(1_560_000);
    expect(r.steps.find((s) => s.rule === 'R21.1')!.text).toContain('就业状况登记为“务农”，不属于就业');
    expect(incomeOf([wage(1_560_000)], {}, 'NOT_APPLICABLE').steps.find((s) => s.rule === 'R21.1')!.text).toContain('就业状况登记为“不适用”');
  });

  it('R21.1: fixed amount per employed member', () => {
    const r = incomeOf([wage(1_560_000)], {
      P05: { mode: 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER', rate: 0, capMultipleOfStandard: 1, fixedMonthlyFen: 10_000, documentedWorkersOnly: true },
    });
    expect(r.totalFen).toBe(1_560_000 - 120_000);
  });

  const pension = (amountFen: number, extra: Partial<IncomeFact> = {}) =>
    buildIncome({ id: 'p', personId: 'b', incomeType: 'PENSION_RESIDENT_BASIC', amountFen, provenance: DECLARED, ...extra });

  it.each([
    ['R22.1 central part only (93 × 12)', {}, 216_000 - 111_600, false],
    ['R22.1 whole basic pension (ALL_BASIC_PENSION)', { P06: { scope: 'ALL_BASIC_PENSION', window: { from: '2021-01-01', to: '2025-12-31' }, centralMinimumByYear: {} } }, 0, false],
    ['R22.2 outside the exclusion window → counted', { P06: { scope: 'CENTRAL_MINIMUM', window: { from: '2026-01-01', to: null }, centralMinimumByYear: {} } }, 216_000, false],
    ['R22.2 window ends mid-year → only covered months', { P06: { scope: 'CENTRAL_MINIMUM', window: { from: '2021-01-01', to: '2021-06-30' }, centralMinimumByYear: { '2021': { monthlyFen: 9300, published: { amount: 93, unit: 'YUAN_PER_PERSON_MONTH' } } } } }, 216_000 - 9_300 * 6, false],
    ['R22.3 year without a central minimum → not deducted, flagged', { P06: { scope: 'CENTRAL_MINIMUM', window: { from: '2021-01-01', to: '2025-12-31' }, centralMinimumByYear: {} } }, 216_000, true],
    ['R22 P06 absent → counted in full, flagged', { P06: null }, 216_000, true],
  ])('%s', (_rule, overrides, expected, overstated) => {
    const r = incomeOf([pension(216_000)], overrides);
    expect(r.totalFen).toBe(expected);
    expect(r.mayBeOverstated).toBe(overstated);
  });

  it('R22: two pension records of the same months exclude the central minimum once', () => {
    const r = incomeOf([pension(216_000), pension(60_000, { id: 'p2' })]);
    expect(r.totalFen).toBe(276_000 - 111_600);
  });

  it.each([
    ['R20.1 scholarship', 'SCHOLARSHIP'],
    ['R20.1 family planning', 'FAMILY_PLANNING'],
    ['R20.1 preferential pension', 'PREFERENTIAL_PENSION'],
    ['R20.1 bravery award', 'BRAVERY_AWARD'],
    ['R20.2 social assistance', 'SOCIAL_ASSISTANCE'],
  ])('%s is never counted', (_rule, incomeType) => {
    expect(incomeOf([buildIncome({ id: 'x', personId: 'a', incomeType, amountFen: 50_000 })]).totalFen).toBe(0);
  });

  it.each([
    ['R100/P74 true: grassland subsidy counted', { P74: true }, 50_000],
    ['R100/P74 false: not counted', { P74: false }, 0],
    ['R100/P74 absent: not counted, explained', { P74: null }, 0],
    ['R20.4/P52 lists the type: not counted', { P52: ['GRASSLAND_SUBSIDY'] }, 0],
  ])('%s', (_rule, overrides, expected) => {
    expect(incomeOf([buildIncome({ id: 'g', incomeType: 'GRASSLAND_SUBSIDY', amountFen: 50_000 })], overrides).totalFen).toBe(expected);
  });

  it('R15: income of a person who is not counted is left out', () => {
    const members = [buildMember({ personId: 'a' })];
    const facts = buildFacts({ members: [...members, buildMember({ personId: 'p', name: '丙', exclusion: 'PRISON' })], incomes: [buildIncome({ id: 'x', personId: 'p', incomeType: 'WAGE', amountFen: 99_999 })] });
    const r = assessIncome(facts, members, window2021, 45000, buildParams(), {});
    expect(totalIncome(r, null).totalFen).toBe(0);
    expect(r.steps[0]!.text).toContain('丙');
  });

  it('R21.2/P53: rigid medical expenditure deducted only when switched on', () => {
    const members = [buildMember({ personId: 'a' })];
    const facts = buildFacts({
      members,
      incomes: [buildIncome({ id: 'x', personId: 'a', incomeType: 'OPERATING', amountFen: 500_000 })],
      expenditures: [{ id: 'e', personId: 'a', expenditureType: 'MEDICAL_OUT_OF_POCKET', periodStart: '2021-01-01', periodEnd: '2021-12-31', amountFen: 200_000, provenance: DECLARED }],
    });
    expect(totalIncome(assessIncome(facts, members, window2021, 45000, buildParams(), {}), null).totalFen).toBe(500_000);
    expect(totalIncome(assessIncome(facts, members, window2021, 45000, buildParams({ P53: true }), {}), null).totalFen).toBe(300_000);
  });
});
