/**
 * When a recipient household being paid normally is due for its periodic review (POLICY.md
 * R42): the township reviews its finances once every P07 months (12 in the shipped set) when
 * they change little, and every P08 months (6) when its income is unstable and members can
 * work. Which of the two applies is an officer's judgment, recorded on the household's status
 * (its 复核类别); the platform does not guess it from the facts. The review counts from the
 * officer's last 核算 of the household; without one, from the day the platform registered the
 * household as a recipient (a roster loaded on go-live says nothing of when each household was
 * last reviewed on paper, and reading years of "overdue" into that would bury the real work);
 * and only for a status older than that record, from its first benefit month.
 * A 渐退 household is reviewed at the end of its period instead (gradual-exit-review.rules.ts).
 *
 * While a major emergency is declared for the county (P61 in force today names one, and allows
 * extensions), the interval is extended by P61's months: reviews fall due that much later for as
 * long as the declaration stands, and as before once a later P61 version ends it.
 *
 * Pure: `today` is the caller's date in Asia/Shanghai. R42's "no adjustment when nothing
 * changed" is the engine's (an unchanged 核算 changes nothing).
 */
import { dayNumber } from './income.rules.js';
import { addMonths } from './gradual-exit-schedule.js';
import { GRADUAL_EXIT_NOTICE_DAYS, lastDayOfMonth } from './gradual-exit-review.rules.js';
import type { ParameterInForce } from './assessment.types.js';

/** STABLE — finances change little (P07); UNSTABLE — unstable income, members able to work (P08). */
export type ReviewClass = 'STABLE' | 'UNSTABLE';

export const REVIEW_CLASSES: readonly ReviewClass[] = ['STABLE', 'UNSTABLE'];

export const REVIEW_CLASS_LABELS: Record<ReviewClass, string> = {
  STABLE: '收入基本稳定',
  UNSTABLE: '收入不稳定且有劳动能力',
};

/** The parameter that gives each class its interval. */
export const REVIEW_INTERVAL_PARAMETER: Record<ReviewClass, 'P07' | 'P08'> = { STABLE: 'P07', UNSTABLE: 'P08' };

/** R85's notice, as for the end of a 渐退 period: reviews due within it are listed as due. */
export const PERIODIC_REVIEW_NOTICE_DAYS = GRADUAL_EXIT_NOTICE_DAYS;

/** R42 / P61: reviews extended while a declared major emergency stands. */
export interface ReviewExtension {
  months: number;
  /** the emergency as P61 names it (重大突发事件) */
  emergency: string;
  /** the P61 version that declares it */
  effectiveFrom: string;
  regionCode: string;
}

/**
 * P61 in force → the extension it grants, or null: only when it allows extensions, names the
 * declared emergency and gives a whole number of months.
 */
export function reviewExtensionOf(p61: Pick<ParameterInForce, 'value' | 'effectiveFrom' | 'regionCode'> | undefined): ReviewExtension | null {
  const v = p61?.value as { allowed?: unknown; defaultExtensionMonths?: unknown; emergency?: unknown } | null | undefined;
  if (!p61 || !v || v.allowed !== true) return null;
  const months = v.defaultExtensionMonths;
  const emergency = typeof v.emergency === 'string' ? v.emergency.trim() : '';
  if (typeof months !== 'number' || !Number.isInteger(months) || months <= 0 || emergency === '') return null;
  return { months, emergency, effectiveFrom: p61.effectiveFrom, regionCode: p61.regionCode };
}

/** NOT_DUE — more than the notice days left; DUE_SOON — due within them; OVERDUE — past the due day, not reviewed. */
export type PeriodicReviewStage = 'NOT_DUE' | 'DUE_SOON' | 'OVERDUE';

export const PERIODIC_REVIEW_STAGE_LABELS: Record<PeriodicReviewStage, string> = {
  NOT_DUE: '未到复核期',
  DUE_SOON: '复核到期',
  OVERDUE: '逾期未复核',
};

export interface PeriodicReview {
  stage: PeriodicReviewStage;
  reviewClass: ReviewClass;
  /** P07 or P08 as configured */
  intervalMonths: number;
  /** the P61 extension in force, or null */
  extension: ReviewExtension | null;
  /** the day of the officer's last 核算, or null when there was none */
  lastReviewedOn: string | null;
  /** the day the review counts from: lastReviewedOn, else the registration, else the first benefit month */
  countsFrom: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  /** days from today to dueOn (negative once it is past) */
  daysLeft: number;
  /** what the officer should do, in Chinese */
  text: string;
}

/** `date` ('YYYY-MM-DD') plus `months`, on the same day of the month or that month's last day. */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  const last = lastDayOfMonth(month);
  return date.slice(8, 10) <= last.slice(8, 10) ? `${month}-${date.slice(8, 10)}` : last;
}

function dateOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export interface PeriodicReviewInput {
  reviewClass: ReviewClass;
  /** P07 or P08 in force, by class */
  intervalMonths: number;
  /** P61 in force today (reviewExtensionOf), extending the interval */
  extension?: ReviewExtension | null;
  lastReviewedOn: string | null;
  /** the day the platform registered the household as a recipient, when known */
  registeredOn: string | null;
  /** first benefit month, 'YYYY-MM' or 'YYYY-MM-DD' */
  sinceMonth: string;
  today: string;
  noticeDays?: number;
}

/** Where an ACTIVE recipient stands against its next periodic review (R42). */
export function reviewPeriodic(i: PeriodicReviewInput): PeriodicReview {
  const baseline = i.lastReviewedOn ?? i.registeredOn ?? `${i.sinceMonth.slice(0, 7)}-01`;
  const extension = i.extension ?? null;
  const dueOn = addMonthsToDate(baseline, i.intervalMonths + (extension?.months ?? 0));
  const daysLeft = dayNumber(dueOn) - dayNumber(i.today);
  const code = REVIEW_INTERVAL_PARAMETER[i.reviewClass];
  const extended = extension ? `；因重大突发事件“${extension.emergency}”延期${extension.months}个月（P61，${extension.effectiveFrom}起）` : '';
  const every = `${REVIEW_CLASS_LABELS[i.reviewClass]}，每${i.intervalMonths}个月复核一次（${code}）${extended}`;
  const since = i.lastReviewedOn
    ? `上次复核${i.lastReviewedOn}`
    : i.registeredOn
      ? `尚无人工复核，自${i.registeredOn}登记为低保对象起算`
      : `尚无人工复核，自享受起始月${baseline.slice(0, 7)}起算`;
  const base = { reviewClass: i.reviewClass, intervalMonths: i.intervalMonths, extension, lastReviewedOn: i.lastReviewedOn, countsFrom: baseline, dueOn, daysLeft };
  if (daysLeft < 0) {
    return { ...base, stage: 'OVERDUE', text: `定期复核已于${dueOn}到期，尚未复核（${since}；${every}）；应入户核查家庭经济状况并重新核算（R42）` };
  }
  if (daysLeft <= (i.noticeDays ?? PERIODIC_REVIEW_NOTICE_DAYS)) {
    return { ...base, stage: 'DUE_SOON', text: `定期复核将于${dueOn}到期（${since}；${every}），应入户核查家庭经济状况并重新核算（R42）` };
  }
  return { ...base, stage: 'NOT_DUE', text: `下次定期复核${dueOn}（${since}；${every}）` };
}

/**
 * The latest baseline (PeriodicReview.countsFrom) whose review falls due on or
 * before `by`: lists select `baseline <= this`. It inverts `addMonthsToDate`: a baseline late
 * in a month lands on the last day of a shorter month, so when `by` is a month's last day
 * every day of the month `months` before is due.
 */
export function latestBaselineDueBy(by: string, months: number): string {
  const month = addMonths(by.slice(0, 7), -months);
  const last = lastDayOfMonth(month);
  if (by === lastDayOfMonth(by.slice(0, 7))) return last;
  return by.slice(8, 10) <= last.slice(8, 10) ? `${month}-${by.slice(8, 10)}` : last;
}

/** Baselines due within the notice days of `today` (stage DUE_SOON or OVERDUE). */
export function latestDueBaseline(today: string, months: number, noticeDays = PERIODIC_REVIEW_NOTICE_DAYS): string {
  return latestBaselineDueBy(dateOfDayNumber(dayNumber(today) + noticeDays), months);
}

/** Baselines whose review day is already past on `today` (stage OVERDUE). */
export function latestOverdueBaseline(today: string, months: number): string {
  return latestBaselineDueBy(dateOfDayNumber(dayNumber(today) - 1), months);
}
