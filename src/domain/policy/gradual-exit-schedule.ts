/**
 * A stepped-down gradual exit's amounts (R44.2, P62 = STEPPED_DOWN, P77) as the status keeps
 * them: what a recipient is paid in a month, and the schedule in words. Pure; shared by the
 * engine, the lists and the web app (lifecycle.rules.ts works the schedule out).
 */
import type { GradualExitSegment, RecipientState } from './assessment.types.js';
import { formatYuan as yuan } from './money.js';

/** 'YYYY-MM' shifted by n months (n may be negative). Accepts 'YYYY-MM' or 'YYYY-MM-DD'. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/**
 * The amount a recipient is paid in `month` ('YYYY-MM'): a stepped-down gradual exit's segment
 * holding the month (its first before the period, its last after it, until the household is
 * re-assessed); otherwise the status's amount.
 */
export function amountInMonth(state: Pick<RecipientState, 'monthlyAmountFen' | 'gradualExitSchedule'>, month: string): number {
  const schedule = state.gradualExitSchedule;
  if (!schedule || schedule.length === 0) return state.monthlyAmountFen;
  let amount = schedule[0]!.amountFen;
  for (const s of schedule) if (s.fromMonth <= month) amount = s.amountFen;
  return amount;
}

/** '2021-08至2022-01每月148.00元，2022-02至2022-07每月74.00元' */
export function scheduleText(schedule: readonly GradualExitSegment[]): string {
  return schedule
    .map((s) => `${s.fromMonth === s.untilMonth ? s.fromMonth : `${s.fromMonth}至${s.untilMonth}`}每月${yuan(s.amountFen)}`)
    .join('，');
}

/** Months of a batch run's yearly figure (POLICY.md §0.3: a year is 12 months). */
export const YEAR_MONTHS = 12;

/** What a pay decision holds: a status kept on a household, or a transition's new one. */
export type PayState = Pick<RecipientState, 'status' | 'monthlyAmountFen' | 'gradualExitSchedule' | 'gradualExitUntil'>;

/**
 * What a recipient is paid over the year from `fromMonth` ('YYYY-MM'): each month's amount
 * (`amountInMonth`), and nothing after a gradual exit's last month, when the household is
 * re-assessed and, still above its line, stops (R44.3). An active status pays the same every
 * month, so 12 × its amount; a stopped one nothing. `gradualExitUntil` may be a month or a day.
 */
export function paidOverYear(state: PayState, fromMonth: string): number {
  if (state.status === 'STOPPED') return 0;
  const until = state.status === 'GRADUAL_EXIT' && state.gradualExitUntil ? state.gradualExitUntil.slice(0, 7) : null;
  if (!state.gradualExitSchedule && (until === null || until >= addMonths(fromMonth, YEAR_MONTHS - 1))) {
    return state.monthlyAmountFen * YEAR_MONTHS;
  }
  let fen = 0;
  for (let k = 0; k < YEAR_MONTHS; k++) {
    const month = addMonths(fromMonth, k);
    if (until !== null && month > until) break;
    fen += amountInMonth(state, month);
  }
  return fen;
}
