/**
 * Hierarchical region codes (GB/T 2260 + NBS statistical codes) — POLICY.md R10, R11.
 * A code is written without padding: province '63', prefecture '6301', county '630102',
 * township '630102001', village '630102001001'. Codes are syntax only here; which codes
 * exist on a date is data (R10, R12), not code.
 */

/** 1 province, 2 prefecture, 3 county, 4 township, 5 village. */
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

const LENGTH_BY_LEVEL = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 } as const satisfies Record<RegionLevel, number>;
const LEVEL_BY_LENGTH: ReadonlyMap<number, RegionLevel> = new Map([
  [2, 1],
  [4, 2],
  [6, 3],
  [9, 4],
  [12, 5],
]);

/**
 * Level of a code, or null when malformed: not all digits, a length other than
 * 2/4/6/9/12, or an all-zero segment (zero segments are padding in GB/T 2260 tables,
 * e.g. '630100' means the prefecture 6301, so they are not valid in this notation).
 */
export function regionLevelOf(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const level = LEVEL_BY_LENGTH.get(code.length);
  if (level === undefined) return null;
  for (let l = 1; l <= level; l++) {
    const end = LENGTH_BY_LEVEL[l as RegionLevel];
    const start = l === 1 ? 0 : LENGTH_BY_LEVEL[(l - 1) as RegionLevel];
    if (/^0+$/.test(code.slice(start, end))) return null;
  }
  return level;
}

/** The code one level up; null for a province or a malformed code. */
export function parentRegionCode(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === null || level === 1) return null;
  return code.slice(0, LENGTH_BY_LEVEL[(level - 1) as RegionLevel]);
}

/** First six digits for county, township and village codes; null above county or when malformed. */
export function countyCodeOf(code: string): string | null {
  const level = regionLevelOf(code);
  return level !== null && level >= 3 ? code.slice(0, 6) : null;
}

/** Whether `code` is `scopeCode` or lies inside it (prefix containment). False if either is malformed. */
export function isWithinRegion(code: string, scopeCode: string): boolean {
  return regionLevelOf(code) !== null && regionLevelOf(scopeCode) !== null && code.startsWith(scopeCode);
}

export interface RegionCodeParts {
  level: RegionLevel;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
  /** 3-digit township segment (R11), for levels 4 and 5. */
  townshipSegment: string | null;
  /** 3-digit village segment (R11), for level 5. */
  villageSegment: string | null;
}

/** Split a code into its levels; null when malformed. */
export function splitRegionCode(code: string): RegionCodeParts | null {
  const level = regionLevelOf(code);
  if (level === null) return null;
  return {
    level,
    provinceCode: code.slice(0, 2),
    prefectureCode: level >= 2 ? code.slice(0, 4) : null,
    countyCode: level >= 3 ? code.slice(0, 6) : null,
    townshipSegment: level >= 4 ? code.slice(6, 9) : null,
    villageSegment: level >= 5 ? code.slice(9, 12) : null,
  };
}

/** R10, digits 3–4: CITY 01–20 and 51–70; PREFECTURE (地区/自治州/盟) 21–50; DIRECT_UNDER_PROVINCE 90. */
export type PrefectureKind = 'CITY' | 'PREFECTURE' | 'DIRECT_UNDER_PROVINCE';
/** R10, digits 5–6: DISTRICT (市辖区), COUNTY (县/自治县/旗), COUNTY_LEVEL_CITY (县级市). */
export type CountyKind = 'DISTRICT' | 'COUNTY' | 'COUNTY_LEVEL_CITY';

export interface CountyCodeDescription {
  provinceCode: string;
  prefectureCode: string;
  /** null when digits 3–4 fall outside the ranges of R10. */
  prefectureKind: PrefectureKind | null;
  countyKind: CountyKind | null;
}

/**
 * R10. Digits 5–6: 01–20 are districts under a prefecture-level city, but county-level
 * cities under a prefecture or directly under the province (632301 同仁市); 21–80
 * counties; 81–99 county-level cities. Null for anything but a well-formed 6-digit code.
 */
export function describeCountyCode(code6: string): CountyCodeDescription | null {
  if (code6.length !== 6 || regionLevelOf(code6) !== 3) return null;
  const pre = Number(code6.slice(2, 4));
  const cty = Number(code6.slice(4, 6));
  const prefectureKind: PrefectureKind | null =
    (pre >= 1 && pre <= 20) || (pre >= 51 && pre <= 70)
      ? 'CITY'
      : pre >= 21 && pre <= 50
        ? 'PREFECTURE'
        : pre === 90
          ? 'DIRECT_UNDER_PROVINCE'
          : null;
  let countyKind: CountyKind | null;
  if (cty >= 1 && cty <= 20) {
    countyKind = prefectureKind === 'CITY' ? 'DISTRICT' : prefectureKind === null ? null : 'COUNTY_LEVEL_CITY';
  } else if (cty >= 21 && cty <= 80) {
    countyKind = 'COUNTY';
  } else {
    countyKind = 'COUNTY_LEVEL_CITY';
  }
  return { provinceCode: code6.slice(0, 2), prefectureCode: code6.slice(0, 4), prefectureKind, countyKind };
}

export type TownshipKind = 'STREET' | 'TOWN' | 'TOWNSHIP' | 'ENTERPRISE' | 'OTHER';

/**
 * R11 township segment: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 政企合一单位,
 * anything else 'OTHER'. Null unless exactly three digits.
 */
export function describeTownshipSegment(seg3: string): TownshipKind | null {
  if (!/^\d{3}$/.test(seg3)) return null;
  const n = Number(seg3);
  if (n >= 1 && n <= 99) return 'STREET';
  if (n >= 100 && n <= 199) return 'TOWN';
  if (n >= 200 && n <= 399) return 'TOWNSHIP';
  if (n >= 400 && n <= 599) return 'ENTERPRISE';
  return 'OTHER';
}

export type VillageKind = 'RESIDENTS' | 'VILLAGERS';

/** R11 [U]: villagers' committees are numbered from 200 upward; keep it a parameter. */
export const VILLAGERS_SEGMENT_FROM = 200;

/**
 * R11 village segment: residents' committee (居委会/社区) below `villagersFrom`,
 * villagers' committee (村委会) from it upward. Null for '000' or anything but three digits.
 */
export function describeVillageSegment(seg3: string, opts: { villagersFrom?: number } = {}): VillageKind | null {
  if (!/^\d{3}$/.test(seg3) || seg3 === '000') return null;
  return Number(seg3) >= (opts.villagersFrom ?? VILLAGERS_SEGMENT_FROM) ? 'VILLAGERS' : 'RESIDENTS';
}

/** R11 urban-rural classification codes (城乡分类代码) carried by each village record. */
export const URBAN_RURAL_CODES: Readonly<Record<string, string>> = Object.freeze({
  '111': '主城区',
  '112': '城乡结合区',
  '121': '镇中心区',
  '122': '镇乡结合区',
  '123': '特殊区域',
  '210': '乡中心区',
  '220': '村庄',
});

export function isUrbanRuralCode(code: string | number): boolean {
  return Object.hasOwn(URBAN_RURAL_CODES, String(code));
}

/** R11: 1xx is urban (城镇), 2xx rural (乡村). Anything not of the form 1xx is false. */
export function isUrbanByClassCode(code: string | number): boolean {
  return /^1\d\d$/.test(String(code).trim());
}
