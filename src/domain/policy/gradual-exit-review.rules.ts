/**
 * Where a recipient household in 渐退 stands against the end of its period (POLICY.md R44.3,
 * R85). The period's last month is the month of the end-of-period re-assessment: a 核算 made
 * in it (or later) stops the benefit or restores the household from the next month (R4,
 * lifecycle.rules.ts); one made earlier keeps paying. If nobody re-assesses, the household goes
 * on being paid the 渐退 amount after its period: the platform must say so, not stop it on facts
 * nobody has checked. Pure: `today` is the caller's date in Asia/Shanghai.
 */
import { dayNumber } from './income.rules.js';
import { addMonths } from './gradual-exit-schedule.js';

/** R85: gradual exits ending within this many days are listed as due. */
export const GRADUAL_EXIT_NOTICE_DAYS = 30;

/**
 * IN_PERIOD — more than the notice days left;
 * ENDING_SOON — the period ends within the notice days, its last month not yet begun;
 * REVIEW_DUE — this is the period's last month: re-assess now (R44.3);
 * OVERDUE — the period is over and the household is still in 渐退 (not re-assessed).
 */
export type GradualExitStage = 'IN_PERIOD' | 'ENDING_SOON' | 'REVIEW_DUE' | 'OVERDUE';

export const GRADUAL_EXIT_STAGE_LABELS: Record<GradualExitStage, string> = {
  IN_PERIOD: '渐退期中',
  ENDING_SOON: '即将期满',
  REVIEW_DUE: '本月期满复核',
  OVERDUE: '期满未复核',
};

export interface GradualExitReview {
  stage: GradualExitStage;
  /** last day of the period, 'YYYY-MM-DD' */
  periodEnd: string;
  /** days from today to periodEnd (0 on its last day, negative once it is over) */
  daysLeft: number;
  /** what the officer should do, in Chinese */
  text: string;
}

/** 'YYYY-MM' → its last day, 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

function dateOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stage of a 渐退 period ending with `untilMonth` ('YYYY-MM' or 'YYYY-MM-DD'), seen on
 * `today` ('YYYY-MM-DD').
 */
export function reviewGradualExit(untilMonth: string, today: string, noticeDays = GRADUAL_EXIT_NOTICE_DAYS): GradualExitReview {
  const until = untilMonth.slice(0, 7);
  const periodEnd = lastDayOfMonth(until);
  const daysLeft = dayNumber(periodEnd) - dayNumber(today);
  const effective = addMonths(until, 1);
  if (daysLeft < 0) {
    return {
      stage: 'OVERDUE', periodEnd, daysLeft,
      text: `渐退期已于${periodEnd}期满，尚未重新核算，仍按渐退期金额发放；应即入户核查并重新核算（R44.3）`,
    };
  }
  if (today.slice(0, 7) === until) {
    return {
      stage: 'REVIEW_DUE', periodEnd, daysLeft,
      text: `渐退期本月（${until}）期满，应于${periodEnd}前入户核查并重新核算，结果自${effective}起执行（R44.3）`,
    };
  }
  if (daysLeft <= noticeDays) {
    return {
      stage: 'ENDING_SOON', periodEnd, daysLeft,
      text: `渐退期将于${periodEnd}期满，${until}内重新核算（R44.3）`,
    };
  }
  return { stage: 'IN_PERIOD', periodEnd, daysLeft, text: `渐退期至${until}，期满时重新核算（R44.3）` };
}

/**
 * The latest period-end month that is due on `today` (stage other than IN_PERIOD): lists
 * select `gradual_exit_until <= this month`. A period ends within the notice days when its
 * last day is at most today + noticeDays, that is, when its month is before the month of the
 * day after that.
 */
export function latestDueUntilMonth(today: string, noticeDays = GRADUAL_EXIT_NOTICE_DAYS): string {
  return addMonths(dateOfDayNumber(dayNumber(today) + noticeDays + 1), -1);
}

/** The latest period-end month already over on `today` (stage OVERDUE). */
export function latestOverdueUntilMonth(today: string): string {
  return addMonths(today, -1);
}
