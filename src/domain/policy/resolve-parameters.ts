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
}

function beats(a: ParameterVersion, b: ParameterVersion): boolean {
  if (a.regionCode.length !== b.regionCode.length) return a.regionCode.length > b.regionCode.length;
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  return a.urbanRural !== 'ALL' && b.urbanRural === 'ALL';
}

/**
 * Resolve every code for one household. `overlay` versions (drafts of a what-if) take part
 * as if approved; a draft replaces nothing else, it just competes by the same ordering.
 */
export function resolveParameterSet(
  versions: readonly ParameterVersion[],
  regionCode: string,
  urbanRural: string,
  onDate: string,
  overlay: readonly ParameterVersion[] = [],
): ParameterSet {
  const best = new Map<string, ParameterVersion>();
  const consider = (v: ParameterVersion) => {
    if (!regionCode.startsWith(v.regionCode)) return;
    if (v.effectiveFrom > onDate) return;
    if (v.urbanRural !== 'ALL' && v.urbanRural !== urbanRural) return;
    const cur = best.get(v.code);
    if (!cur || beats(v, cur)) best.set(v.code, v);
  };
  for (const v of versions) consider(v);
  for (const v of overlay) consider(v);
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
