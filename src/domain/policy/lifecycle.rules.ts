/**
 * 低保对象动态管理 — POLICY.md §8.4 (R42 review intervals, R43 reduce/stop, R44 gradual
 * exit) and R4 (“from the next month”).
 *
 * Pure: the recipient's current state plus a fresh assessment in, the transition (or none)
 * and its explanation out. A transition is only proposed where the rules decide it;
 * whatever depends on a figure that is not configured is left to an officer (no automatic
 * stop on an undetermined result).
 *
 * MLA recipient state machine (§8.4) as implemented here:
 *   (registry DIBAO, no state) → ACTIVE              first assessment records the recipient
 *   ACTIVE → ACTIVE                                  amount changed after review (R42), a member's own
 *                                                    share cut for refused jobs among the reasons (R43;
 *                                                    POLICY.md's MEMBER_SHARE_REDUCED is this ACTIVE
 *                                                    with the cut in its amount and reasons)
 *   ACTIVE → GRADUAL_EXIT                            employment-driven income ≥ standard (R44)
 *   ACTIVE → STOPPED                                 other income rise, no P09, property fail (R43)
 *   GRADUAL_EXIT → ACTIVE | STOPPED                  re-assessment in the last month (R44.3)
 *   STOPPED → (new application only)
 */
import { AppError } from '../errors.js';
import type { AssessmentResult, ExplanationStep, Figure, GradualExitSegment, ParameterInForce, ParameterSet, RecipientState } from './assessment.types.js';
import { formatPercent } from './explain.js';
import { formatYuan as yuan, ROUNDING_LABELS, roundPayable, type RoundingMode } from './money.js';
import { addMonths, amountInMonth, scheduleText } from './gradual-exit-schedule.js';
import { readGradualExitAmountMode, readGradualExitSteps, readRounding, type GradualExitSteps, type ParamRef } from './params.js';

type Step = Omit<ExplanationStep, 'n' | 'section'>;
/** Steps being collected, or null in quiet mode: `steps?.push(…)` then builds nothing. */
type Steps = Step[] | null;

export interface TransitionInput {
  recipient: RecipientState | null;
  result: AssessmentResult;
  /** date the decision is made (YYYY-MM-DD) */
  decisionDate: string;
  params: ParameterSet;
  /** true when the household currently holds the DIBAO category in the registry */
  hasDibaoCategory: boolean;
  /** false: quiet mode, the same transition without building steps (`steps` is []). Default true. */
  explain?: boolean;
}

export interface Transition {
  from: string | null;
  to: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED';
  /** 'YYYY-MM' */
  effectiveMonth: string;
  monthlyAmountFen: number;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  /** GRADUAL_EXIT stepped down (R44.2, P77): the amount of each part of the period; else null */
  gradualExitSchedule: GradualExitSegment[] | null;
  /** written reasons (R43), shown to the household */
  reasonText: string;
  rule: string;
}

export interface TransitionDecision {
  transition: Transition | null;
  /** empty in quiet mode */
  steps: Step[];
}

/** Income types whose rise counts as “found work or started a business” (R44, P63). */
const EMPLOYMENT_INCOME_TYPES = ['WAGE', 'OPERATING'] as const;

// ---------------------------------------------------------------------------------------
// Months

/** R4: the calendar month after the month of `date` ('YYYY-MM-DD' or 'YYYY-MM'). */
export function nextMonth(date: string): string {
  return addMonths(date, 1);
}

// ---------------------------------------------------------------------------------------
// R44.2 stepped-down gradual exit (P62 = STEPPED_DOWN, P77)

const WHOLE_SHARE = 1_000_000;

/**
 * R44.2 / P77: what a stepped-down gradual exit pays, month by month over `lengthMonths` from
 * `fromMonth`, as segments of one amount. Month k of the period (from 1) pays `baseFen` ×
 * max(floorRate, 1 − n × stepRate), where n = 0 for k ≤ fullMonths and ⌈(k − fullMonths) ÷
 * stepMonths⌉ after; the shares are exact to a millionth and the amount is rounded by P45.
 * E.g. 148.00元, 12 months, 6 in full, then every 6 months −50 %, at least 50 %: 148.00 for
 * 6 months, 74.00 for 6.
 */
export function steppedDownSchedule(
  baseFen: number,
  fromMonth: string,
  lengthMonths: number,
  rule: GradualExitSteps,
  rounding: RoundingMode,
): GradualExitSegment[] {
  const step = Math.round(rule.stepRate * WHOLE_SHARE);
  const floor = Math.round(rule.floorRate * WHOLE_SHARE);
  const out: GradualExitSegment[] = [];
  for (let k = 1; k <= lengthMonths; k++) {
    const n = k <= rule.fullMonths ? 0 : Math.ceil((k - rule.fullMonths) / rule.stepMonths);
    const share = Math.max(floor, WHOLE_SHARE - n * step, 0);
    const amountFen = share >= WHOLE_SHARE ? baseFen : roundPayable(baseFen * share, WHOLE_SHARE, rounding);
    const month = addMonths(fromMonth, k - 1);
    const last = out[out.length - 1];
    if (last && last.amountFen === amountFen) last.untilMonth = month;
    else out.push({ fromMonth: month, untilMonth: month, amountFen });
  }
  return out;
}

/** P77 in words: '前6个月按原金额发放，此后每6个月减发原金额的50%，最低按原金额的50%发放'. */
export function stepsRuleText(rule: GradualExitSteps): string {
  const first = rule.fullMonths > 0 ? `前${rule.fullMonths}个月按原金额发放，此后` : '自渐退期第1个月起';
  const every = rule.stepMonths === 1 ? '每月' : `每${rule.stepMonths}个月`;
  const floor = rule.floorRate > 0 ? `最低按原金额的${formatPercent(rule.floorRate)}发放` : '减至停发为止';
  return `${first}${every}减发原金额的${formatPercent(rule.stepRate)}，${floor}`;
}

// ---------------------------------------------------------------------------------------
// R42 review interval

/**
 * R42: next periodic review month. Stable households every P07 months, households with
 * unstable income and members able to work every P08 months (T15: 2021-01 → 2022-01 / 2021-07).
 * The emergency extension (P61, a declared emergency in force today) is applied where a
 * household's standing is shown (periodic-review.rules.ts), not to this T15 month.
 */
export function nextReviewDue(lastReviewMonth: string, stable: boolean, params: ParameterSet): { month: string; steps: Step[] } {
  const code = stable ? 'P07' : 'P08';
  const p = params[code];
  if (!p || typeof p.value !== 'number') {
    throw new AppError('POLICY_PARAMETER_MISSING', {
      message: `${code} (review interval) is not configured`,
      details: [{ path: code, code: 'POLICY_PARAMETER_MISSING', params: { code } }],
    });
  }
  const months = p.value;
  const last = lastReviewMonth.slice(0, 7);
  const month = addMonths(last, months);
  const kind = stable ? '家庭经济状况短期内变化不大' : '收入来源不固定且有劳动能力';
  return {
    month,
    steps: [
      {
        kind: 'RULE', rule: 'R42',
        figures: [
          { label: '上次审核月份', text: last },
          { label: '复核周期（月）', number: months, parameter: paramRef(p) },
          { label: '下次复核月份', text: month },
        ],
        text: `${kind}，每${months}个月复核一次；上次审核${last}，下次复核应于${month}完成`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Helpers

function paramRef(p: ParameterInForce): ParamRef {
  return { code: p.code, versionId: p.versionId, effectiveFrom: p.effectiveFrom, regionCode: p.regionCode, confidence: p.confidence };
}

function employmentIncome(byType: Record<string, number>): number {
  let sum = 0;
  for (const t of EMPLOYMENT_INCOME_TYPES) sum += byType[t] ?? 0;
  return sum;
}

function manual(text: string, rule: string, figures: Figure[] = []): Step {
  return { kind: 'NOTE', rule, figures, text };
}

function incomeCompare(result: AssessmentResult): Step {
  const left: Figure = { label: '家庭人均月收入', fen: result.perCapitaMonthlyFen };
  const right: Figure = { label: '低保标准', fen: result.standardMonthlyFen };
  // the engine decides on exact figures; the rounded display figure follows its verdict
  const above = result.dibao.eligible !== 'YES';
  return {
    kind: 'COMPARE', rule: 'R26', figures: [left, right],
    text: `家庭人均月收入${yuan(result.perCapitaMonthlyFen)}，${above ? '不低于' : '低于'}低保标准${yuan(result.standardMonthlyFen)}`,
    compare: { left, op: '>=', right, result: above },
  };
}

function stop(from: string, effectiveMonth: string, reasonText: string, rule: string, steps: Steps): Transition {
  steps?.push({ kind: 'RESULT', rule, figures: [{ label: '停发月份', text: effectiveMonth }], text: reasonText });
  return {
    from, to: 'STOPPED', effectiveMonth, monthlyAmountFen: 0,
    gradualExitFrom: null, gradualExitUntil: null, gradualExitSchedule: null, reasonText, rule,
  };
}

function activate(from: string | null, effectiveMonth: string, amount: number, reasonText: string, rule: string, steps: Steps): Transition {
  steps?.push({
    kind: 'RESULT', rule,
    figures: [{ label: '月低保金', fen: amount }, { label: '执行月份', text: effectiveMonth }],
    text: reasonText,
  });
  return {
    from, to: 'ACTIVE', effectiveMonth, monthlyAmountFen: amount,
    gradualExitFrom: null, gradualExitUntil: null, gradualExitSchedule: null, reasonText, rule,
  };
}

// ---------------------------------------------------------------------------------------
// R44.4 / P63: was the rise driven by employment or business?

type Driven = 'YES' | 'NO' | 'UNKNOWN';

/**
 * EMPLOYMENT_OR_BUSINESS_ONLY: the rise counts as employment-driven when wage + operating
 * income rose and, without that increase, per-capita income would still be below the
 * standard (the new work is what lifted the household over the line). Compares totals over
 * the income windows, which the engine keeps at the same length (P04).
 */
function employmentDriven(result: AssessmentResult, recipient: RecipientState, params: ParameterSet, steps: Steps): Driven {
  const p63 = params.P63;
  const scope = (p63?.value as string | undefined) ?? 'EMPLOYMENT_OR_BUSINESS_ONLY';
  if (scope === 'ANY_INCOME_RISE') {
    steps?.push({ kind: 'RULE', rule: 'R44.4', figures: [scopeFigure(scope, p63)], text: '本地渐退适用于各类收入增加的家庭' });
    return 'YES';
  }
  if (!p63) steps?.push(manual('未配置渐退适用范围（P63），按全国规定仅适用于因就业创业收入增加的家庭', 'R44.4'));
  if (recipient.previousCountedByType === null) {
    steps?.push(manual('缺少上次核定的分项收入，无法判断收入增加是否因就业创业，需人工复核', 'R44.4', [scopeFigure(scope, p63)]));
    return 'UNKNOWN';
  }
  const before = employmentIncome(recipient.previousCountedByType);
  const now = employmentIncome(result.countedByType);
  const rise = now - before;
  const months = result.window.months;
  const withoutRise = result.countedIncomeFen - rise;
  const line = result.standardMonthlyFen * result.householdSize * months;
  const driven = rise > 0 && withoutRise < line;
  if (steps) {
    const left: Figure = { label: '扣除就业创业增收后的计算期收入', fen: withoutRise };
    const right: Figure = { label: `低保标准×${result.householdSize}人×${months}个月`, fen: line };
    steps.push({
      kind: 'COMPARE', rule: 'R44.4',
      figures: [scopeFigure(scope, p63), { label: '上次工资性和经营净收入', fen: before }, { label: '本次工资性和经营净收入', fen: now }, left, right],
      text:
        rise <= 0
          ? `工资性和经营净收入未增加（上次${yuan(before)}，本次${yuan(now)}），收入超标并非因就业创业`
          : driven
            ? `工资性和经营净收入增加${yuan(rise)}，扣除该增加后家庭收入${yuan(withoutRise)}低于${yuan(line)}，属因就业创业收入超标`
            : `工资性和经营净收入增加${yuan(rise)}，但扣除该增加后家庭收入${yuan(withoutRise)}仍不低于${yuan(line)}，收入超标并非主要因就业创业`,
      compare: { left, op: '<', right, result: driven },
    });
  }
  return driven ? 'YES' : 'NO';
}

function scopeFigure(scope: string, p63: ParameterInForce | undefined): Figure {
  const f: Figure = { label: '渐退适用范围', text: scope === 'ANY_INCOME_RISE' ? '各类收入增加' : '仅就业创业收入增加' };
  if (p63) f.parameter = paramRef(p63);
  return f;
}

// ---------------------------------------------------------------------------------------
// The transition

/**
 * Decide the recipient transition after an assessment (review or change report).
 * Returns no transition when nothing changes or when an officer must decide.
 */
export function decideRecipientTransition(input: TransitionInput): TransitionDecision {
  const steps: Steps = input.explain === false ? null : [];
  const transition = decide(input, steps);
  return { transition, steps: steps ?? [] };
}

function decide(input: TransitionInput, steps: Steps): Transition | null {
  const { recipient, result, decisionDate, params, hasDibaoCategory } = input;
  const effective = nextMonth(decisionDate);
  const eligible = result.dibao.eligible;
  const amount = result.dibao.monthlyAmountFen;

  if (recipient === null) {
    if (hasDibaoCategory) {
      if (eligible === 'YES' && amount !== null) {
        return activate(null, effective, amount, `在册低保户首次核定，月低保金${yuan(amount)}，自${effective}起按此发放`, 'R4', steps);
      }
      steps?.push(manual('在册低保户尚无待遇记录，本次核定未确认符合条件，需人工核实后建立待遇记录', 'R43'));
      return null;
    }
    if (eligible === 'YES') steps?.push(manual('新符合条件，需经申请审核确认后纳入', 'R37'));
    return null;
  }

  const from = recipient.status;
  if (from === 'STOPPED') {
    if (eligible === 'YES') steps?.push(manual('已停发低保，不自动恢复；重新纳入需重新申请', 'R43'));
    return null;
  }
  if (from !== 'ACTIVE' && from !== 'GRADUAL_EXIT') {
    steps?.push(manual(`待遇状态“${from}”无法自动处理，需人工复核`, 'R43'));
    return null;
  }

  // R25/R43: property no longer meets the rules — a lawful ground to stop in any state.
  if (result.property.result === 'FAIL') {
    const failed = result.property.findings.filter((f) => f.result === 'FAIL').map((f) => f.text).join('；');
    const why = failed ? `（${failed}）` : '';
    return stop(from, effective, `家庭财产不符合低保财产规定${why}，自${effective}起停发低保金`, 'R43', steps);
  }
  if (eligible === 'UNDETERMINED') {
    steps?.push(manual('本次核定结果待定（如财产规则未配置），不自动调整或停发，需人工复核', 'R43'));
    return null;
  }

  if (from === 'GRADUAL_EXIT') return decideInGradualExit(recipient, result, decisionDate, steps);

  // ACTIVE
  if (eligible === 'YES') {
    if (amount === null) {
      steps?.push(manual('符合低保条件但金额未能计算，需人工核定', 'R29'));
      return null;
    }
    if (amount === recipient.monthlyAmountFen) {
      steps?.push({
        kind: 'RULE', rule: 'R42', figures: [{ label: '月低保金', fen: amount }],
        text: `复核后月低保金仍为${yuan(amount)}，不作调整`,
      });
      return null;
    }
    const verb = amount > recipient.monthlyAmountFen ? '增发' : '减发';
    // R43: a decrease tells the household its reasons, a refused-jobs cut among them
    const cuts = (result.dibao.jobRefusals ?? []).filter((r) => r.reducedFen !== null && r.reducedFen > 0);
    const why = cuts.length > 0 ? `（含R43：${cuts.map((r) => `${r.name}连续${r.refusals}次无正当理由拒绝就业服务机构介绍的工作，减发其本人低保金${yuan(r.reducedFen!)}`).join('；')}）` : '';
    return activate(
      from, effective, amount,
      `复核${verb}：月低保金由${yuan(recipient.monthlyAmountFen)}调整为${yuan(amount)}${why}，自${effective}起执行`,
      cuts.length > 0 ? 'R43' : 'R42', steps,
    );
  }

  // ACTIVE, not eligible on income (property failures were handled above).
  steps?.push(incomeCompare(result));
  const driven = employmentDriven(result, recipient, params, steps);
  if (driven === 'UNKNOWN') return null;
  const above = `家庭人均月收入${yuan(result.perCapitaMonthlyFen)}，不低于低保标准${yuan(result.standardMonthlyFen)}`;
  if (driven === 'NO') {
    return stop(from, effective, `${above}，收入增加并非因就业创业，不适用渐退期，自${effective}起停发低保金`, 'R43', steps);
  }

  const p09 = params.P09;
  const p09Value = p09?.value as { lengthMonths?: unknown } | undefined;
  const length = p09Value?.lengthMonths;
  const area = result.urbanRural === 'URBAN' ? '城市' : '农村';
  const p09Applies = p09 !== undefined && (p09.urbanRural === 'ALL' || p09.urbanRural === result.urbanRural);
  if (!p09Applies || typeof length !== 'number' || !Number.isInteger(length) || length <= 0) {
    steps?.push(manual(`本地区${area}低保家庭未配置渐退期（P09），不适用渐退`, 'R44.1'));
    return stop(from, effective, `${above}，本地区${area}低保家庭未设渐退期，自${effective}起停发低保金`, 'R43', steps);
  }

  const p62 = readGradualExitAmountMode(params);
  if (!p62 && params.P62) {
    steps?.push(manual('渐退期救助金办法（P62）的取值无法识别，渐退期金额需人工确定', 'R44.2'));
    return null;
  }
  if (!p62) steps?.push(manual('未配置渐退期救助金办法（P62），按默认渐退期内金额不变', 'R44.2'));
  const base = recipient.monthlyAmountFen;
  const until = addMonths(effective, length - 1);
  let schedule: GradualExitSegment[] | null = null;
  if (p62?.value === 'STEPPED_DOWN') {
    const stepped: Figure = { label: '渐退期救助金', text: '逐步减发', parameter: p62.ref };
    const p77 = readGradualExitSteps(params);
    if (!p77) {
      steps?.push(manual('渐退期救助金为逐步减发（P62），但减发办法（P77）未配置或未配全，渐退期金额需人工确定', 'R44.2', [stepped]));
      return null;
    }
    const p45 = readRounding(params);
    schedule = steppedDownSchedule(base, effective, length, p77.value, p45?.value ?? 'NO_ROUNDING');
    steps?.push({
      kind: 'RULE', rule: 'R44.2',
      figures: [
        stepped,
        { label: '原月低保金', fen: base },
        { label: '减发办法', text: stepsRuleText(p77.value), parameter: p77.ref },
        ...(p45 ? [{ label: '取整规则', text: ROUNDING_LABELS[p45.value], parameter: p45.ref }] : []),
      ],
      text: `渐退期内逐步减发：${stepsRuleText(p77.value)}，即${scheduleText(schedule)}${p45 ? '' : '（取整规则P45未配置，按分计算）'}`,
    });
  }
  const paid = schedule ? `期内逐步减发：${scheduleText(schedule)}` : `期内按原金额${yuan(base)}/月发放`;
  const reasonText = `${above}，因就业创业收入增加，进入渐退期${effective}至${until}（${length}个月），${paid}，期满重新核定`;
  const first = schedule ? schedule[0]!.amountFen : base;
  steps?.push({
    kind: 'RESULT', rule: 'R44.1',
    figures: [
      { label: '渐退期（月）', number: length, parameter: paramRef(p09) },
      { label: '渐退期起', text: effective },
      { label: '渐退期止', text: until },
      { label: schedule ? '渐退期首月救助金' : '渐退期月救助金', fen: first, ...(p62 ? { parameter: p62.ref } : {}) },
    ],
    text: reasonText,
  });
  return {
    from, to: 'GRADUAL_EXIT', effectiveMonth: effective, monthlyAmountFen: first,
    gradualExitFrom: effective, gradualExitUntil: until, gradualExitSchedule: schedule, reasonText, rule: 'R44.1',
  };
}

/** R44.3: keep paying until the last month; the re-assessment made in (or after) it decides. */
function decideInGradualExit(recipient: RecipientState, result: AssessmentResult, decisionDate: string, steps: Steps): Transition | null {
  const until = recipient.gradualExitUntil;
  if (until === null) {
    steps?.push(manual('渐退期记录缺少截止月份，需人工复核', 'R44.3'));
    return null;
  }
  const period = `${recipient.gradualExitFrom ?? '?'}至${until}`;
  const decisionMonth = decisionDate.slice(0, 7);
  if (decisionMonth < until) {
    const now = amountInMonth(recipient, decisionMonth);
    const schedule = recipient.gradualExitSchedule;
    steps?.push({
      kind: 'RULE', rule: 'R44.2',
      figures: [{ label: '渐退期止', text: until }, { label: '本月渐退期救助金', fen: now }],
      text: schedule
        ? `处于渐退期（${period}），期内逐步减发（${scheduleText(schedule)}），本月${yuan(now)}，${until}重新核定`
        : `处于渐退期（${period}），期内继续按${yuan(now)}/月发放，${until}重新核定`,
    });
    return null;
  }
  const effective = nextMonth(decisionDate);
  steps?.push(incomeCompare(result));
  if (result.dibao.eligible === 'YES') {
    const amount = result.dibao.monthlyAmountFen;
    if (amount === null) {
      steps?.push(manual('渐退期满复核符合低保条件，但金额未能计算，需人工核定', 'R44.3'));
      return null;
    }
    return activate(
      'GRADUAL_EXIT', effective, amount,
      `渐退期（${period}）满复核，家庭人均月收入${yuan(result.perCapitaMonthlyFen)}低于低保标准${yuan(result.standardMonthlyFen)}，` +
        `恢复为正常保障对象，月低保金${yuan(amount)}，自${effective}起执行`,
      'R44.3', steps,
    );
  }
  return stop(
    'GRADUAL_EXIT', effective,
    `渐退期（${period}）满复核，家庭人均月收入${yuan(result.perCapitaMonthlyFen)}仍不低于低保标准${yuan(result.standardMonthlyFen)}，` +
      `自${effective}起停发低保金`,
    'R44.3', steps,
  );
}
