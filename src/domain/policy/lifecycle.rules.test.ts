import { describe, expect, it } from 'vitest';
import seed from '../../db/seed/policy-parameters.json' with { type: 'json' };
import { isAppError } from '../errors.js';
import type { AssessmentResult, ParameterInForce, ParameterSet, RecipientState, Tri } from './assessment.types.js';
import type { ParameterSeedRow } from './parameter-catalog.js';
import {
  decideRecipientTransition,
  nextMonth,
  nextReviewDue,
  steppedDownSchedule,
  stepsRuleText,
  type TransitionInput,
} from './lifecycle.rules.js';
import type { GradualExitSteps } from './params.js';
import { addMonths } from './gradual-exit-schedule.js';

// ---------------------------------------------------------------------------------------
// Builders (by hand: no dependency on the household engine)

function seedParams(urbanRural: 'URBAN' | 'RURAL'): Record<string, ParameterInForce> {
  const out: Record<string, ParameterInForce> = {};
  for (const r of seed as unknown as ParameterSeedRow[]) {
    if (r.urbanRural !== 'ALL' && r.urbanRural !== urbanRural) continue;
    out[r.code] = {
      code: r.code, versionId: `seed-${r.code}-${r.urbanRural}`, regionCode: r.regionCode, urbanRural: r.urbanRural,
      effectiveFrom: r.effectiveFrom, confidence: r.confidence, value: r.value, status: 'ACTIVE',
    };
  }
  return out;
}

const RURAL = seedParams('RURAL');
const URBAN = seedParams('URBAN');

function withParam(params: ParameterSet, code: string, value: unknown): ParameterSet {
  return { ...params, [code]: { ...params[code]!, value } };
}

function without(params: ParameterSet, code: string): ParameterSet {
  const { [code]: _, ...rest } = params;
  return rest;
}

/**
 * Worked examples 1 and 3: rural standard 450, household of 4, 12-month window. Per-capita
 * 413 before (amount 148), 520 after the son took a job (wages up by 5 136 over the window).
 */
const BEFORE_BY_TYPE = { WAGE: 1_398_000, OPERATING: 360_000, TRANSFER: 224_400 };
const AFTER_JOB_BY_TYPE = { WAGE: 1_911_600, OPERATING: 360_000, TRANSFER: 224_400 };

function result(opts: {
  byType?: Record<string, number>;
  eligible?: Tri;
  amount?: number | null;
  property?: 'PASS' | 'FAIL' | 'NOT_CONFIGURED';
  urbanRural?: 'URBAN' | 'RURAL';
  size?: number;
} = {}): AssessmentResult {
  const byType = opts.byType ?? AFTER_JOB_BY_TYPE;
  const size = opts.size ?? 4;
  const counted = Object.values(byType).reduce((a, b) => a + b, 0);
  const perCapita = Math.round(counted / size / 12);
  const standard = 45_000;
  const eligible = opts.eligible ?? (perCapita < standard ? 'YES' : 'NO');
  const amount = opts.amount !== undefined ? opts.amount : eligible === 'YES' ? (standard - perCapita) * size : null;
  const property = opts.property ?? 'PASS';
  return {
    referenceDate: '2021-07-20',
    window: { from: '2020-07', to: '2021-06', months: 12 },
    householdSize: size,
    countedIncomeFen: counted,
    countedByType: byType,
    perCapitaMonthlyFen: perCapita,
    standardMonthlyFen: standard,
    urbanRural: opts.urbanRural ?? 'RURAL',
    property: {
      result: property,
      findings: property === 'FAIL' ? [{ check: 'VEHICLES', result: 'FAIL', text: '拥有机动车一辆' }] : [],
    },
    dibao: { eligible, monthlyAmountFen: amount, method: 'DIFFERENCE' },
    isNationalEdge: 'NO',
    isQhRuralLowIncome: 'NO',
    rigidExpenditure: 'NO',
    fangfanpin: false,
    members: [],
    classification: eligible === 'YES' ? 'DIBAO' : 'NONE',
    categories: [],
    referrals: [],
  };
}

function recipient(overrides: Partial<RecipientState> = {}): RecipientState {
  return {
    status: 'ACTIVE', monthlyAmountFen: 14_800, sinceMonth: '2021-02', gradualExitFrom: null, gradualExitUntil: null, gradualExitSchedule: null,
    previousCountedByType: BEFORE_BY_TYPE, previousPerCapitaMonthlyFen: 41_300, ...overrides,
  };
}

const inGradualExit = recipient({ status: 'GRADUAL_EXIT', gradualExitFrom: '2021-08', gradualExitUntil: '2022-07' });

function input(overrides: Partial<TransitionInput> = {}): TransitionInput {
  return {
    recipient: recipient(), result: result(), decisionDate: '2021-07-20', params: RURAL, hasDibaoCategory: true,
    ...overrides,
  };
}

const texts = (steps: Array<{ text: string }>): string => steps.map((s) => s.text).join('\n');

// ---------------------------------------------------------------------------------------

describe('nextMonth / addMonths (R4)', () => {
  it.each([
    ['R4 mid-year decision', '2021-07-20', '2021-08'],
    ['R4 last day of a month', '2021-01-31', '2021-02'],
    ['R4 December → January of the next year', '2021-12-31', '2022-01'],
    ['R4 month given as YYYY-MM', '2021-12', '2022-01'],
  ])('%s', (_rule, date, expected) => {
    expect(nextMonth(date)).toBe(expected);
  });

  it.each([
    ['R44.1 12-month period ends 11 months after its first month', '2021-08', 11, '2022-07'],
    ['R42 across a year end', '2021-07', 6, '2022-01'],
    ['backwards across a year end', '2022-01', -1, '2021-12'],
  ])('%s', (_rule, month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });
});

describe('nextReviewDue (R42, T15)', () => {
  it.each([
    ['T15 R42 stable household (P07 = 12): approved 2021-01 → 2022-01', true, '2022-01', 'P07'],
    ['T15 R42 unstable income, able to work (P08 = 6): approved 2021-01 → 2021-07', false, '2021-07', 'P08'],
  ])('%s', (_rule, stable, month, code) => {
    const r = nextReviewDue('2021-01', stable, RURAL);
    expect(r.month).toBe(month);
    expect(r.steps[0]).toMatchObject({ rule: 'R42' });
    expect(r.steps[0]!.figures.some((f) => f.parameter?.code === code)).toBe(true);
  });

  it('R42: a missing interval refuses to guess (POLICY_PARAMETER_MISSING)', () => {
    try {
      nextReviewDue('2021-01', true, without(RURAL, 'P07'));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('POLICY_PARAMETER_MISSING');
    }
  });
});

describe('decideRecipientTransition — entering the life cycle', () => {
  it('registry DIBAO household without a recipient state is recorded as ACTIVE from next month', () => {
    const r = decideRecipientTransition(input({ recipient: null, result: result({ byType: BEFORE_BY_TYPE }) }));
    expect(r.transition).toMatchObject({ from: null, to: 'ACTIVE', effectiveMonth: '2021-08', monthlyAmountFen: 14_800 });
  });

  it('registry DIBAO household, no state, not confirmed eligible → no transition, manual check', () => {
    const r = decideRecipientTransition(input({ recipient: null }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('人工核实');
  });

  it('R37 newly eligible non-recipient → no transition; needs application and approval', () => {
    const r = decideRecipientTransition(input({ recipient: null, hasDibaoCategory: false, result: result({ byType: BEFORE_BY_TYPE }) }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('新符合条件，需经申请审核确认后纳入');
  });

  it('non-recipient, not eligible → nothing', () => {
    const r = decideRecipientTransition(input({ recipient: null, hasDibaoCategory: false }));
    expect(r).toEqual({ transition: null, steps: [] });
  });

  it('§8.4 STOPPED is never reactivated automatically', () => {
    const r = decideRecipientTransition(input({ recipient: recipient({ status: 'STOPPED' }), result: result({ byType: BEFORE_BY_TYPE }) }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('重新申请');
  });
});

describe('decideRecipientTransition — ACTIVE recipients (R42, R43)', () => {
  it('R42 unchanged amount → no transition', () => {
    const r = decideRecipientTransition(input({ result: result({ byType: BEFORE_BY_TYPE }) }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('不作调整');
  });

  it('R42/R4 amount changed in December → ACTIVE with the new amount from January', () => {
    const r = decideRecipientTransition(input({ decisionDate: '2021-12-15', result: result({ byType: BEFORE_BY_TYPE, amount: 20_000 }) }));
    expect(r.transition).toMatchObject({ from: 'ACTIVE', to: 'ACTIVE', effectiveMonth: '2022-01', monthlyAmountFen: 20_000, rule: 'R42' });
    expect(r.transition!.reasonText).toContain('148.00元调整为200.00元');
  });

  it('R43 a member\'s own share cut for jobs refused → ACTIVE with the lower amount, and the household told why', () => {
    const cut = result({ byType: BEFORE_BY_TYPE, amount: 11_100 });
    cut.dibao.jobRefusals = [{ personId: 'p2', name: '卓玛', refusals: 3, reducedFen: 3_700 }];
    const r = decideRecipientTransition(input({ result: cut }));
    expect(r.transition).toMatchObject({ from: 'ACTIVE', to: 'ACTIVE', effectiveMonth: '2021-08', monthlyAmountFen: 11_100, rule: 'R43' });
    expect(r.transition!.reasonText).toBe(
      '复核减发：月低保金由148.00元调整为111.00元（含R43：卓玛连续3次无正当理由拒绝就业服务机构介绍的工作，减发其本人低保金37.00元），自2021-08起执行',
    );
    // the county to decide (P76 not configured): nothing cut, nothing said in the amount's reasons
    const open = result({ byType: BEFORE_BY_TYPE, amount: 20_000 });
    open.dibao.jobRefusals = [{ personId: 'p2', name: '卓玛', refusals: 3, reducedFen: null }];
    expect(decideRecipientTransition(input({ result: open })).transition).toMatchObject({ rule: 'R42', reasonText: expect.not.stringContaining('R43') });
  });

  it('R43 property no longer meets the rules → STOPPED from next month, with the finding', () => {
    const r = decideRecipientTransition(input({ result: result({ byType: BEFORE_BY_TYPE, property: 'FAIL', eligible: 'NO' }) }));
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2021-08', monthlyAmountFen: 0, rule: 'R43' });
    expect(r.transition!.reasonText).toContain('拥有机动车一辆');
  });

  it('R43 undetermined eligibility (property rules not configured) → no automatic stop', () => {
    const r = decideRecipientTransition(input({ result: result({ property: 'NOT_CONFIGURED', eligible: 'UNDETERMINED' }) }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('人工复核');
  });
});

describe('decideRecipientTransition — gradual exit (R44, T11, worked example 3)', () => {
  it('T11 R44.1 employment-driven rise decided 2021-07-20 → GRADUAL_EXIT 2021-08..2022-07, amount unchanged', () => {
    const r = decideRecipientTransition(input());
    expect(r.transition).toEqual({
      from: 'ACTIVE', to: 'GRADUAL_EXIT', effectiveMonth: '2021-08', monthlyAmountFen: 14_800,
      gradualExitFrom: '2021-08', gradualExitUntil: '2022-07', gradualExitSchedule: null, reasonText: expect.stringContaining('渐退期2021-08至2022-07'),
      rule: 'R44.1',
    });
    const compare = r.steps.find((s) => s.rule === 'R44.4' && s.compare);
    expect(compare?.compare?.result).toBe(true);
    expect(r.steps.some((s) => s.figures.some((f) => f.parameter?.code === 'P09'))).toBe(true);
  });

  it('R44.2 inside the period (2022-03) → no transition, benefit continues', () => {
    const r = decideRecipientTransition(input({ recipient: inGradualExit, decisionDate: '2022-03-15' }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('继续按148.00元/月发放');
  });

  it('T11 R44.3 re-assessment in 2022-07, income still 520 → STOPPED from 2022-08', () => {
    const r = decideRecipientTransition(input({ recipient: inGradualExit, decisionDate: '2022-07-10' }));
    expect(r.transition).toMatchObject({ from: 'GRADUAL_EXIT', to: 'STOPPED', effectiveMonth: '2022-08', monthlyAmountFen: 0, rule: 'R44.3' });
    expect(r.transition!.reasonText).toContain('仍不低于低保标准450.00元');
  });

  it('worked example 3 alternative: income back to 400 in 2022-07 → ACTIVE, amount recomputed (R29)', () => {
    const back = result({ byType: { WAGE: 1_560_000, OPERATING: 360_000, TRANSFER: 0 } }); // 400/person/month
    expect(back.perCapitaMonthlyFen).toBe(40_000);
    const r = decideRecipientTransition(input({ recipient: inGradualExit, decisionDate: '2022-07-10', result: back }));
    expect(r.transition).toMatchObject({ from: 'GRADUAL_EXIT', to: 'ACTIVE', effectiveMonth: '2022-08', monthlyAmountFen: 20_000, rule: 'R44.3' });
  });

  it('R44.3 a late re-assessment (after the period) still decides, from the next month', () => {
    const r = decideRecipientTransition(input({ recipient: inGradualExit, decisionDate: '2022-09-02' }));
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2022-10' });
  });

  it('R43 property fails during the gradual exit → STOPPED', () => {
    const r = decideRecipientTransition(input({ recipient: inGradualExit, decisionDate: '2022-03-15', result: result({ property: 'FAIL' }) }));
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2022-04' });
  });

  it('R44.1 urban household, P09 configured only for rural → no gradual exit, STOPPED from next month', () => {
    const r = decideRecipientTransition(input({ params: URBAN, result: result({ urbanRural: 'URBAN' }) }));
    expect(URBAN.P09).toBeUndefined();
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2021-08', rule: 'R43' });
    expect(texts(r.steps)).toContain('本地区城市低保家庭未配置渐退期（P09）');
  });

  it('R44.4/P63 rise not from work (transfer income up) → STOPPED with written reasons', () => {
    const transferUp = { ...BEFORE_BY_TYPE, TRANSFER: 224_400 + 513_600 };
    const r = decideRecipientTransition(input({ result: result({ byType: transferUp }) }));
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2021-08' });
    expect(r.transition!.reasonText).toContain('并非因就业创业');
  });

  it('R44.4/P63 small wage rise while other income pushed it over → not employment-driven', () => {
    const mixed = { WAGE: 1_398_000 + 10_000, OPERATING: 360_000, TRANSFER: 224_400 + 503_600 };
    const r = decideRecipientTransition(input({ result: result({ byType: mixed }) }));
    expect(r.transition?.to).toBe('STOPPED');
  });

  it('R44.4/P63 = ANY_INCOME_RISE → transfer-driven rise also gets the gradual exit', () => {
    const transferUp = { ...BEFORE_BY_TYPE, TRANSFER: 224_400 + 513_600 };
    const r = decideRecipientTransition(input({ params: withParam(RURAL, 'P63', 'ANY_INCOME_RISE'), result: result({ byType: transferUp }) }));
    expect(r.transition).toMatchObject({ to: 'GRADUAL_EXIT', gradualExitUntil: '2022-07' });
  });

  it('R44.4 previous income by type unknown → no automatic decision', () => {
    const r = decideRecipientTransition(input({ recipient: recipient({ previousCountedByType: null }) }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('人工复核');
  });

  it('R44.2/P62 = STEPPED_DOWN with P77 as seeded (no figure set) → refuses to invent an amount', () => {
    expect(RURAL.P77!.value).toEqual({ fullMonths: null, stepMonths: null, stepRate: null, floorRate: null });
    const r = decideRecipientTransition(input({ params: withParam(RURAL, 'P62', 'STEPPED_DOWN') }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('减发办法（P77）未配置或未配全');
    const without77 = decideRecipientTransition(input({ params: without(withParam(RURAL, 'P62', 'STEPPED_DOWN'), 'P77') }));
    expect(without77.transition).toBeNull();
    const half = decideRecipientTransition(input({ params: withParam(withParam(RURAL, 'P62', 'STEPPED_DOWN'), 'P77', { ...HALF_AFTER_SIX, floorRate: null }) }));
    expect(half.transition).toBeNull();
  });

  it('R44.2 a P62 value the engine does not know → no automatic gradual exit', () => {
    const r = decideRecipientTransition(input({ params: withParam(RURAL, 'P62', 'HALVED') }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('P62）的取值无法识别');
  });

  it('every step is Chinese, names a rule; comparisons carry compare objects', () => {
    for (const i of [input(), input({ recipient: inGradualExit, decisionDate: '2022-07-10' }), input({ params: URBAN, result: result({ urbanRural: 'URBAN' }) })]) {
      for (const s of decideRecipientTransition(i).steps) {
        expect(s.text).toMatch(/[\u4e00-\u9fff]/);
        expect(s.rule).toMatch(/^R\d+/);
        if (s.kind === 'COMPARE') expect(s.compare).toBeDefined();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------
// R44.2 stepped down (P62 = STEPPED_DOWN, P77)

const HALF_AFTER_SIX: GradualExitSteps = { fullMonths: 6, stepMonths: 6, stepRate: 0.5, floorRate: 0.5 };

describe('steppedDownSchedule (R44.2, P77)', () => {
  it.each<[string, number, number, GradualExitSteps, 'NO_ROUNDING' | 'ROUND_HALF_UP_YUAN', Array<[string, string, number]>]>([
    ['worked example 3, 6 months in full then half', 14_800, 12, HALF_AFTER_SIX, 'NO_ROUNDING',
      [['2021-08', '2022-01', 14_800], ['2022-02', '2022-07', 7_400]]],
    ['a step every 3 months of 20 %, after 3 in full', 50_000, 12, { fullMonths: 3, stepMonths: 3, stepRate: 0.2, floorRate: 0.3 }, 'NO_ROUNDING',
      [['2021-08', '2021-10', 50_000], ['2021-11', '2022-01', 40_000], ['2022-02', '2022-04', 30_000], ['2022-05', '2022-07', 20_000]]],
    ['the floor reached at the third step', 50_000, 12, { fullMonths: 3, stepMonths: 3, stepRate: 0.3, floorRate: 0.35 }, 'NO_ROUNDING',
      [['2021-08', '2021-10', 50_000], ['2021-11', '2022-01', 35_000], ['2022-02', '2022-04', 20_000], ['2022-05', '2022-07', 17_500]]],
    ['the floor holds: 20 % a month, at least 50 %', 10_000, 6, { fullMonths: 0, stepMonths: 1, stepRate: 0.2, floorRate: 0.5 }, 'NO_ROUNDING',
      [['2021-08', '2021-08', 8_000], ['2021-09', '2021-09', 6_000], ['2021-10', '2022-01', 5_000]]],
    ['down to nothing with no floor: a sixth a month', 12_000, 6, { fullMonths: 0, stepMonths: 1, stepRate: 1 / 6, floorRate: 0 }, 'NO_ROUNDING',
      [['2021-08', '2021-08', 10_000], ['2021-09', '2021-09', 8_000], ['2021-10', '2021-10', 6_000], ['2021-11', '2021-11', 4_000], ['2021-12', '2021-12', 2_000], ['2022-01', '2022-01', 0]]],
    ['P45 rounds each stepped amount (74.15元 → 74元)', 14_830, 12, HALF_AFTER_SIX, 'ROUND_HALF_UP_YUAN',
      [['2021-08', '2022-01', 14_830], ['2022-02', '2022-07', 7_400]]],
    ['full months covering the period: one amount', 14_800, 6, { fullMonths: 6, stepMonths: 1, stepRate: 0.5, floorRate: 0 }, 'NO_ROUNDING',
      [['2021-08', '2022-01', 14_800]]],
    ['a step of nothing: the amount stays', 14_800, 12, { fullMonths: 0, stepMonths: 1, stepRate: 0, floorRate: 0 }, 'NO_ROUNDING',
      [['2021-08', '2022-07', 14_800]]],
  ])('%s', (_name, base, length, rule, rounding, expected) => {
    const schedule = steppedDownSchedule(base, '2021-08', length, rule, rounding);
    expect(schedule.map((s) => [s.fromMonth, s.untilMonth, s.amountFen])).toEqual(expected);
    // the segments cover the period month after month, and every amount is whole fen, never above the base
    expect(schedule[0]!.fromMonth).toBe('2021-08');
    expect(schedule.at(-1)!.untilMonth).toBe(addMonths('2021-08', length - 1));
    for (let i = 1; i < schedule.length; i++) expect(schedule[i]!.fromMonth).toBe(nextMonth(schedule[i - 1]!.untilMonth));
    for (const s of schedule) {
      expect(Number.isInteger(s.amountFen)).toBe(true);
      expect(s.amountFen).toBeLessThanOrEqual(base);
    }
  });

  it('the rule in words', () => {
    expect(stepsRuleText(HALF_AFTER_SIX)).toBe('前6个月按原金额发放，此后每6个月减发原金额的50%，最低按原金额的50%发放');
    expect(stepsRuleText({ fullMonths: 0, stepMonths: 1, stepRate: 0.25, floorRate: 0 })).toBe('自渐退期第1个月起每月减发原金额的25%，减至停发为止');
  });
});

describe('decideRecipientTransition — stepped-down gradual exit (R44.2, P62, P77)', () => {
  const STEPPED = withParam(withParam(RURAL, 'P62', 'STEPPED_DOWN'), 'P77', HALF_AFTER_SIX);

  it('worked example 3 with P77: GRADUAL_EXIT 2021-08..2022-07, 148.00 for six months then 74.00, the household told each amount', () => {
    const r = decideRecipientTransition(input({ params: STEPPED }));
    expect(r.transition).toMatchObject({
      from: 'ACTIVE', to: 'GRADUAL_EXIT', effectiveMonth: '2021-08', monthlyAmountFen: 14_800,
      gradualExitFrom: '2021-08', gradualExitUntil: '2022-07', rule: 'R44.1',
      gradualExitSchedule: [
        { fromMonth: '2021-08', untilMonth: '2022-01', amountFen: 14_800 },
        { fromMonth: '2022-02', untilMonth: '2022-07', amountFen: 7_400 },
      ],
    });
    expect(r.transition!.reasonText).toContain('期内逐步减发：2021-08至2022-01每月148.00元，2022-02至2022-07每月74.00元，期满重新核定');
    const rule = r.steps.find((s) => s.rule === 'R44.2');
    expect(rule?.text).toContain('前6个月按原金额发放，此后每6个月减发原金额的50%，最低按原金额的50%发放');
    expect(rule?.figures.map((f) => f.parameter?.code).filter(Boolean)).toEqual(['P62', 'P77', 'P45']);
  });

  it('a first step at once: the transition carries the first month\'s amount', () => {
    const r = decideRecipientTransition(input({ params: withParam(STEPPED, 'P77', { fullMonths: 0, stepMonths: 3, stepRate: 0.25, floorRate: 0.25 }) }));
    expect(r.transition?.monthlyAmountFen).toBe(11_100);
    expect(r.transition?.gradualExitSchedule?.map((s) => [s.fromMonth, s.untilMonth, s.amountFen])).toEqual([
      ['2021-08', '2021-10', 11_100], ['2021-11', '2022-01', 7_400], ['2022-02', '2022-07', 3_700],
    ]);
  });

  it('inside the period the step says this month\'s amount (R44.2)', () => {
    const schedule = steppedDownSchedule(14_800, '2021-08', 12, HALF_AFTER_SIX, 'NO_ROUNDING');
    const r = decideRecipientTransition(input({ recipient: { ...inGradualExit, gradualExitSchedule: schedule }, decisionDate: '2022-03-15' }));
    expect(r.transition).toBeNull();
    expect(texts(r.steps)).toContain('期内逐步减发（2021-08至2022-01每月148.00元，2022-02至2022-07每月74.00元），本月74.00元，2022-07重新核定');
  });

  it('R44.3 at the end the household is re-assessed as with an unchanged amount', () => {
    const schedule = steppedDownSchedule(14_800, '2021-08', 12, HALF_AFTER_SIX, 'NO_ROUNDING');
    const r = decideRecipientTransition(input({ recipient: { ...inGradualExit, gradualExitSchedule: schedule }, decisionDate: '2022-07-10' }));
    expect(r.transition).toMatchObject({ to: 'STOPPED', effectiveMonth: '2022-08', gradualExitSchedule: null });
  });
});
