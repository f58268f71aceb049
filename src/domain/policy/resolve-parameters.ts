/**
 * Which parameter version is in force (issue 3 §1, POLICY.md §19): for a region code, an
 * urban/rural type and a date, the most specific region on the path province → 市州 →
 * county that has a version wins; within it the latest effective date on or before the
 * date; a version for URBAN/RURAL beats one for ALL of the same region and date.
 *
 * Pure: the caller loads the candidate versions once (a batch run loads them for a whole
 * subtree) and resolves in memory, with a cache per (county, urban/rural, date).
 */
import type { ParameterConfidence } from './parameter-catalog.js';
import type { ParameterInForce, ParameterSet } from './assessment.types.js';

export interface ParameterVersion {
  id: string;
  code: string;
  regionCode: string;
  urbanRural: string;
  effectiveFrom: string;
  value: unknown;
  confidence: string;
  status: string;
  /** approval time: of two versions for the same region, kind and date the later approval wins */
  reviewedAt?: Date | string | null | undefined;
  createdAt?: Date | string | null | undefined;
}

/** The fields that order versions competing for the same code. */
export type RankedVersion = Pick<ParameterVersion, 'regionCode' | 'urbanRural' | 'effectiveFrom' | 'reviewedAt' | 'createdAt'>;

const time = (t: Date | string | null | undefined) => (t ? new Date(t).getTime() : 0);

/**
 * The one order of versions in force (negative: `a` wins): most specific region, then latest
 * effective date, then a version for URBAN/RURAL before one for ALL, then the later approval,
 * then the later creation. A correction approved for the same date therefore replaces the
 * version it corrects, in the engine and in the parameter list alike.
 */
export function compareVersions(a: RankedVersion, b: RankedVersion): number {
  return (
    b.regionCode.length - a.regionCode.length ||
    (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0) ||
    (a.urbanRural === 'ALL' ? 1 : 0) - (b.urbanRural === 'ALL' ? 1 : 0) ||
    time(b.reviewedAt) - time(a.reviewedAt) ||
    time(b.createdAt) - time(a.createdAt)
  );
}

/** Same region, kind and date (only the approval order tells them apart). */
function sameSlot(a: RankedVersion, b: RankedVersion): boolean {
  return a.regionCode === b.regionCode && a.effectiveFrom === b.effectiveFrom && a.urbanRural === b.urbanRural;
}

/**
 * Resolve every code for one household. `overlay` versions (drafts of a what-if, or the
 * versions a run applies) take part as if approved and newest: they compete by the same
 * order, and win against a version of the same region, kind and date (the one they correct).
 */
export function resolveParameterSet(
  versions: readonly ParameterVersion[],
  regionCode: string,
  urbanRural: string,
  onDate: string,
  overlay: readonly ParameterVersion[] = [],
): ParameterSet {
  const best = new Map<string, ParameterVersion>();
  const fromOverlay = new Set<ParameterVersion>();
  const consider = (v: ParameterVersion, isOverlay: boolean) => {
    if (!regionCode.startsWith(v.regionCode)) return;
    if (v.effectiveFrom > onDate) return;
    if (v.urbanRural !== 'ALL' && v.urbanRural !== urbanRural) return;
    const cur = best.get(v.code);
    const wins = !cur || (isOverlay && !fromOverlay.has(cur) && sameSlot(v, cur)) || compareVersions(v, cur) < 0;
    if (wins) {
      best.set(v.code, v);
      if (isOverlay) fromOverlay.add(v);
    }
  };
  for (const v of versions) consider(v, false);
  for (const v of overlay) consider(v, true);
  const out: Record<string, ParameterInForce> = {};
  for (const [code, v] of best) {
    out[code] = {
      code,
      versionId: v.id,
      regionCode: v.regionCode,
      urbanRural: v.urbanRural,
      effectiveFrom: v.effectiveFrom,
      confidence: v.confidence as ParameterConfidence,
      value: v.value,
      status: v.status,
    };
  }
  return out;
}

/** Memoising resolver for a batch: households of one county share a parameter set. */
export function createParameterResolver(versions: readonly ParameterVersion[], overlay: readonly ParameterVersion[] = []) {
  // Only versions whose region is a prefix of the household's can apply; index by code
  // length-prefix to keep the scan short for a province-wide run.
  const cache = new Map<string, ParameterSet>();
  return (regionCode: string, urbanRural: string, onDate: string): ParameterSet => {
    // Parameters are keyed at province/市州/county level (≤ 6 digits), so the county code is enough.
    const key = `${regionCode.slice(0, 6)}|${urbanRural}|${onDate}`;
    let set = cache.get(key);
    if (!set) {
      set = resolveParameterSet(versions, regionCode.slice(0, 6), urbanRural, onDate, overlay);
      cache.set(key, set);
    }
    return set;
  };
}
