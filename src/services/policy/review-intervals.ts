/**
 * The periodic-review intervals in force (R42: P07 for STABLE, P08 for UNSTABLE households) for
 * the counties of a region, and the cutoffs a recipient list selects by. Each county may have
 * its own version of P07 / P08 (province → 市州 → county, issue 3 §1), resolved for today, and
 * of P61, which extends them while it declares a major emergency.
 */
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import {
  latestDueBaseline,
  latestOverdueBaseline,
  REVIEW_CLASSES,
  REVIEW_INTERVAL_PARAMETER,
  reviewExtensionOf,
  reviewPeriodic,
  type PeriodicReview,
  type ReviewClass,
  type ReviewExtension,
} from '../../domain/policy/periodic-review.rules.js';
import type { Executor } from '../../db/database.js';
import { listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import type { ReviewCutoff } from '../../db/repos/benefit-recipients.repo.js';
import { listCountyCodes } from '../../db/repos/regions.repo.js';

/** A county's intervals: months by review class (a class whose parameter is not configured is absent) and P61's extension. */
export interface CountyReviewIntervals {
  months: Partial<Record<ReviewClass, number>>;
  extension: ReviewExtension | null;
}

/** county code → its intervals */
export type ReviewIntervals = Map<string, CountyReviewIntervals>;

const CODES = new Set<string>([...Object.values(REVIEW_INTERVAL_PARAMETER), 'P61']);

/** Intervals for every county under `regionCode` (or its county, for a township or village). */
export async function loadReviewIntervals(db: Executor, regionCode: string, today: string): Promise<ReviewIntervals> {
  const root = regionCode.slice(0, 6);
  const [counties, versions] = await Promise.all([listCountyCodes(db, root), listParameterVersionsForSubtree(db, root)]);
  const relevant = versions.filter((v) => CODES.has(v.code));
  const out: ReviewIntervals = new Map();
  for (const county of counties) {
    const set = resolveParameterSet(relevant, county, 'ALL', today);
    const months: Partial<Record<ReviewClass, number>> = {};
    for (const cls of REVIEW_CLASSES) {
      const v = set[REVIEW_INTERVAL_PARAMETER[cls]]?.value;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) months[cls] = v;
    }
    out.set(county, { months, extension: reviewExtensionOf(set.P61) });
  }
  return out;
}

/** The cutoffs of `intervals` on `today` (periodic-review.rules.ts). */
export function reviewCutoffs(intervals: ReviewIntervals, today: string): ReviewCutoff[] {
  const out: ReviewCutoff[] = [];
  for (const [countyCode, { months, extension }] of intervals) {
    for (const cls of REVIEW_CLASSES) {
      if (months[cls] === undefined) continue;
      const m = months[cls] + (extension?.months ?? 0);
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
  const county = b.status === 'ACTIVE' ? intervals.get(b.countyCode) : undefined;
  const months = county?.months[reviewClass];
  if (months === undefined) return null;
  return reviewPeriodic({
    reviewClass,
    intervalMonths: months,
    extension: county!.extension,
    lastReviewedOn: b.lastReviewedOn,
    registeredOn: b.registeredOn,
    sinceMonth: b.sinceMonth,
    today,
  });
}
