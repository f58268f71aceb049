/**
 * A stepped-down gradual exit's amounts (R44.2, P62 = STEPPED_DOWN, P77) as the status keeps
 * them: what a recipient is paid in a month, and the schedule in words. Pure; shared by the
 * engine, the lists and the web app (lifecycle.rules.ts works the schedule out).
 */
import type { GradualExitSegment, RecipientState } from './assessment.types.js';
import { formatYuan as yuan } from './money.js';

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
