/**
 * The periodic-review intervals in force (R42: P07 for STABLE, P08 for UNSTABLE households) for
 * the counties of a region, and the cutoffs a recipient list selects by. Each county may have
 * its own version of P07 / P08 (province → 市州 → county, issue 3 §1), resolved for today.
 */
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import {
  latestDueBaseline,
  latestOverdueBaseline,
  REVIEW_CLASSES,
  REVIEW_INTERVAL_PARAMETER,
  reviewPeriodic,
  type PeriodicReview,
  type ReviewClass,
} from '../../domain/policy/periodic-review.rules.js';
import type { Executor } from '../../db/database.js';
import { listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import type { ReviewCutoff } from '../../db/repos/benefit-recipients.repo.js';
import { listCountyCodes } from '../../db/repos/regions.repo.js';

/** county code → months by review class; a class whose parameter is not configured is absent. */
export type ReviewIntervals = Map<string, Partial<Record<ReviewClass, number>>>;

const CODES = new Set(Object.values(REVIEW_INTERVAL_PARAMETER));

/** Intervals for every county under `regionCode` (or its county, for a township or village). */
export async function loadReviewIntervals(db: Executor, regionCode: string, today: string): Promise<ReviewIntervals> {
  const root = regionCode.slice(0, 6);
  const [counties, versions] = await Promise.all([listCountyCodes(db, root), listParameterVersionsForSubtree(db, root)]);
  const relevant = versions.filter((v) => CODES.has(v.code as 'P07' | 'P08'));
  const out: ReviewIntervals = new Map();
  for (const county of counties) {
    const set = resolveParameterSet(relevant, county, 'ALL', today);
    const months: Partial<Record<ReviewClass, number>> = {};
    for (const cls of REVIEW_CLASSES) {
      const v = set[REVIEW_INTERVAL_PARAMETER[cls]]?.value;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) months[cls] = v;
    }
    out.set(county, months);
  }
  return out;
}

/** The cutoffs of `intervals` on `today` (periodic-review.rules.ts). */
export function reviewCutoffs(intervals: ReviewIntervals, today: string): ReviewCutoff[] {
  const out: ReviewCutoff[] = [];
  for (const [countyCode, months] of intervals) {
    for (const cls of REVIEW_CLASSES) {
      const m = months[cls];
      if (m === undefined) continue;
      out.push({ countyCode, reviewClass: cls, months: m, dueBy: latestDueBaseline(today, m), overdueBy: latestOverdueBaseline(today, m) });
    }
  }
  return out;
}

/**
 * Where a recipient stands against its periodic review on `today`: ACTIVE only (a 渐退 household
 * is reviewed at the end of its period), null when its county has no interval for its class.
 */
export function periodicReviewOf(
  intervals: ReviewIntervals,
  b: { countyCode: string; status: string; reviewClass: string; lastReviewedOn: string | null; registeredOn: string | null; sinceMonth: string },
  today: string,
): PeriodicReview | null {
  const reviewClass = b.reviewClass as ReviewClass;
  const months = b.status === 'ACTIVE' ? intervals.get(b.countyCode)?.[reviewClass] : undefined;
  if (months === undefined) return null;
  return reviewPeriodic({ reviewClass, intervalMonths: months, lastReviewedOn: b.lastReviewedOn, registeredOn: b.registeredOn, sinceMonth: b.sinceMonth, today });
}
