/**
 * Typed readers over a resolved ParameterSet (POLICY.md §19). Each reader returns the value
 * with a reference to the parameter version (for the explanation Figure and for
 * `parametersUsed`), or null when the parameter is absent or its value does not have the
 * catalog shape. Readers never invent a value: a missing figure stays missing and the rule
 * that needs it decides what that means (refuse, UNDETERMINED, or a stated default method).
 *
 * Every reader takes an optional `used` record and writes `code → versionId` into it, so
 * the engine can store exactly the versions it read.
 */
import type { ParameterInForce, ParameterSet } from './assessment.types.js';
import type { MoneyStandard, ParameterConfidence } from './parameter-catalog.js';
import { ROUNDING_MODES, ratioOf, type Ratio, type RoundingMode } from './money.js';

/** The parameter behind a figure (matches Figure['parameter']). */
export interface ParamRef {
  code: string;
  versionId: string;
  effectiveFrom: string;
  regionCode: string;
  confidence: ParameterConfidence;
}

export interface ParamValue<T> {
  value: T;
  ref: ParamRef;
}

export type UsedParams = Record<string, string>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refOf(p: ParameterInForce): ParamRef {
  return { code: p.code, versionId: p.versionId, effectiveFrom: p.effectiveFrom, regionCode: p.regionCode, confidence: p.confidence };
}

/**
 * Parsed values per parameter version object. A batch shares one ParameterSet (and so the
 * same ParameterInForce objects) across the households of a county, so each version is
 * parsed once; the cache is keyed weakly and a value is a pure function of its key.
 */
const PARSED = new WeakMap<ParameterInForce, { kind: string; out: ParamValue<unknown> | null }>();

/** `kind` names the reader, so two readers of one code never share a cached shape. */
function read<T>(params: ParameterSet, code: string, used: UsedParams | undefined, kind: string, parse: (v: unknown) => T | null): ParamValue<T> | null {
  const p = params[code];
  if (!p) return null;
  const hit = PARSED.get(p);
  let out: ParamValue<T> | null;
  if (hit && hit.kind === kind) out = hit.out as ParamValue<T> | null;
  else {
    const value = parse(p.value);
    out = value === null ? null : { value, ref: refOf(p) };
    if (!hit) PARSED.set(p, { kind, out });
  }
  if (out && used) used[code] = p.versionId;
  return out;
}

const isFen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isRate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

// ---------------------------------------------------------------------------------------
// P01 standard

/**
 * P01 for the household's urban/rural type: a version for that type or for ALL. A version
 * for the other type (a resolver that did not filter) counts as not configured.
 */
export function readStandard(params: ParameterSet, urbanRural: 'URBAN' | 'RURAL', used?: UsedParams): ParamValue<MoneyStandard> | null {
  const p = params.P01;
  if (!p || (p.urbanRural !== urbanRural && p.urbanRural !== 'ALL')) return null;
  return read(params, 'P01', used, 'readStandard', (v) => (isObject(v) && isFen(v.monthlyFen) && v.monthlyFen > 0 ? (v as unknown as MoneyStandard) : null));
}

// ---------------------------------------------------------------------------------------
// Scalars

/** MULTIPLIER parameters (P02, P03, P20, P58) as exact ratios, with the decimal kept for text. */
export function readMultiplier(params: ParameterSet, code: string, used?: UsedParams): ParamValue<{ decimal: number; ratio: Ratio }> | null {
  return read(params, code, used, 'readMultiplier', (v) => (isPositive(v) ? { decimal: v, ratio: ratioOf(v) } : null));
}

/** MONTHS parameters (P04, P04b). */
export function readMonths(params: ParameterSet, code: string, used?: UsedParams): ParamValue<number> | null {
  return read(params, code, used, 'readMonths', (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 120 ? v : null));
}

/** BOOLEAN parameters (P53, P74, P75). */
export function readBoolean(params: ParameterSet, code: string, used?: UsedParams): ParamValue<boolean> | null {
  return read(params, code, used, 'readBoolean', (v) => (typeof v === 'boolean' ? v : null));
}

/** LIST-of-code parameters (P48, P51, P52). */
export function readCodeList(params: ParameterSet, code: string, used?: UsedParams): ParamValue<readonly string[]> | null {
  return read(params, code, used, 'readCodeList', (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null));
}

/** P45 rounding of the payable amount. */
export function readRounding(params: ParameterSet, used?: UsedParams): ParamValue<RoundingMode> | null {
  return read(params, 'P45', used, 'readRounding', (v) => (typeof v === 'string' && (ROUNDING_MODES as readonly string[]).includes(v) ? (v as RoundingMode) : null));
}

// ---------------------------------------------------------------------------------------
// Structures

export type EmploymentCostMode =
  | 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER'
  | 'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER'
  | 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER'
  | 'NONE';

export interface EmploymentCost {
  mode: EmploymentCostMode;
  rate: number;
  rateRatio: Ratio;
  capMultipleOfStandard: number;
  capRatio: Ratio;
  fixedMonthlyFen: number | null;
  documentedWorkersOnly: boolean;
}

/** P05 (R21.1). */
export function readEmploymentCost(params: ParameterSet, used?: UsedParams): ParamValue<EmploymentCost> | null {
  return read(params, 'P05', used, 'readEmploymentCost', (v) => {
    if (!isObject(v) || typeof v.mode !== 'string') return null;
    const mode = v.mode as EmploymentCostMode;
    if (mode === 'NONE') {
      return { mode, rate: 0, rateRatio: { num: 0, den: 1 }, capMultipleOfStandard: 0, capRatio: { num: 0, den: 1 }, fixedMonthlyFen: null, documentedWorkersOnly: false };
    }
    if (!isRate(v.rate) || !isPositive(v.capMultipleOfStandard)) return null;
    const fixed = isFen(v.fixedMonthlyFen) ? v.fixedMonthlyFen : null;
    if (mode === 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER' && fixed === null) return null;
    return {
      mode,
      rate: v.rate,
      rateRatio: ratioOf(v.rate),
      capMultipleOfStandard: v.capMultipleOfStandard,
      capRatio: ratioOf(v.capMultipleOfStandard),
      fixedMonthlyFen: fixed,
      documentedWorkersOnly: v.documentedWorkersOnly === true,
    };
  });
}

export interface PensionExclusion {
  scope: 'CENTRAL_MINIMUM' | 'ALL_BASIC_PENSION';
  window: { from: string; to: string | null };
  /** 'YYYY' → monthly fen */
  centralMinimumByYear: Readonly<Record<string, number>>;
}

/** P06 (R22). */
export function readPensionExclusion(params: ParameterSet, used?: UsedParams): ParamValue<PensionExclusion> | null {
  return read(params, 'P06', used, 'readPensionExclusion', (v) => {
    if (!isObject(v) || (v.scope !== 'CENTRAL_MINIMUM' && v.scope !== 'ALL_BASIC_PENSION')) return null;
    const w = v.window;
    if (!isObject(w) || typeof w.from !== 'string' || (w.to !== null && typeof w.to !== 'string')) return null;
    const byYear: Record<string, number> = {};
    if (isObject(v.centralMinimumByYear)) {
      for (const [year, m] of Object.entries(v.centralMinimumByYear)) {
        if (isObject(m) && isFen(m.monthlyFen)) byYear[year] = m.monthlyFen;
      }
    }
    return { scope: v.scope, window: { from: w.from, to: (w.to as string | null) ?? null }, centralMinimumByYear: byYear };
  });
}

export interface SinglePersonMode {
  mode: 'DIFFERENCE' | 'BANDED';
  floorShareOfStandard: number;
  floorRatio: Ratio;
}

/** P17 (R32). */
export function readSinglePersonMode(params: ParameterSet, used?: UsedParams): ParamValue<SinglePersonMode> | null {
  return read(params, 'P17', used, 'readSinglePersonMode', (v) =>
    isObject(v) && (v.mode === 'DIFFERENCE' || v.mode === 'BANDED') && isRate(v.floorShareOfStandard)
      ? { mode: v.mode, floorShareOfStandard: v.floorShareOfStandard, floorRatio: ratioOf(v.floorShareOfStandard) }
      : null,
  );
}

export interface BenefitBand {
  code: string;
  label: string;
  shareOfStandard: number | null;
  monthlyFen: number | null;
}

export interface BenefitMethod {
  method: 'DIFFERENCE' | 'BANDED';
  bands: readonly BenefitBand[];
}

/** P18 (R29). */
export function readBenefitMethod(params: ParameterSet, used?: UsedParams): ParamValue<BenefitMethod> | null {
  return read(params, 'P18', used, 'readBenefitMethod', (v) => {
    if (!isObject(v) || (v.method !== 'DIFFERENCE' && v.method !== 'BANDED') || !Array.isArray(v.bands)) return null;
    const bands: BenefitBand[] = [];
    for (const b of v.bands) {
      if (!isObject(b) || typeof b.code !== 'string') return null;
      bands.push({
        code: b.code,
        label: typeof b.label === 'string' ? b.label : b.code,
        shareOfStandard: isRate(b.shareOfStandard) ? b.shareOfStandard : null,
        monthlyFen: isFen(b.monthlyFen) ? b.monthlyFen : null,
      });
    }
    return { method: v.method, bands };
  });
}

/** P19 raw value: `{ configured, rules? }`; the rules object is read by property.rules.ts. */
export function readPropertyRules(params: ParameterSet, used?: UsedParams): ParamValue<{ configured: boolean; rules: Record<string, unknown> | null }> | null {
  return read(params, 'P19', used, 'readPropertyRules', (v) =>
    isObject(v) && typeof v.configured === 'boolean'
      ? { configured: v.configured, rules: isObject(v.rules) ? v.rules : null }
      : null,
  );
}

export type AddOnCategory = 'ELDERLY' | 'MINOR' | 'SEVERE_DISABILITY' | 'SERIOUS_ILLNESS';

export interface AddOn {
  category: AddOnCategory;
  shareOfStandard: number | null;
  monthlyFen: number | null;
}

/** P55 (R29 分类施保). */
export function readAddOns(params: ParameterSet, used?: UsedParams): ParamValue<readonly AddOn[]> | null {
  return read(params, 'P55', used, 'readAddOns', (v) => {
    if (!isObject(v) || !Array.isArray(v.addOns)) return null;
    const out: AddOn[] = [];
    for (const a of v.addOns) {
      if (!isObject(a) || typeof a.category !== 'string') return null;
      out.push({
        category: a.category as AddOnCategory,
        shareOfStandard: isRate(a.shareOfStandard) ? a.shareOfStandard : null,
        monthlyFen: isFen(a.monthlyFen) ? a.monthlyFen : null,
      });
    }
    return out;
  });
}

/** P56 minimum payable amount per household per month. */
export function readMinimumPayable(params: ParameterSet, used?: UsedParams): ParamValue<number> | null {
  return read(params, 'P56', used, 'readMinimumPayable', (v) => (isObject(v) && isFen(v.perHouseholdMonthlyFen) ? v.perHouseholdMonthlyFen : null));
}

/** P57 serious-illness list for the single-person route. */
export function readIllnessList(params: ParameterSet, used?: UsedParams): ParamValue<{ source: string; illnesses: readonly string[] }> | null {
  return read(params, 'P57', used, 'readIllnessList', (v) =>
    isObject(v) && typeof v.source === 'string' && Array.isArray(v.illnesses)
      ? { source: v.source, illnesses: v.illnesses.filter((x): x is string => typeof x === 'string') }
      : null,
  );
}

/** P38 (R47). */
export function readRigidExpenditure(params: ParameterSet, used?: UsedParams): ParamValue<{ threshold: number; thresholdRatio: Ratio; validityMonths: number }> | null {
  return read(params, 'P38', used, 'readRigidExpenditure', (v) =>
    isObject(v) && isRate(v.expenditureShareThreshold) && typeof v.validityMonths === 'number'
      ? { threshold: v.expenditureShareThreshold, thresholdRatio: ratioOf(v.expenditureShareThreshold), validityMonths: v.validityMonths }
      : null,
  );
}

export interface DisposableIncome {
  population: string;
  area: string;
  /** 'YYYY' → per-capita disposable income of that year, fen per person per year */
  annualFenByYear: Readonly<Record<string, number>>;
}

/** P64 (R47, R51): which statistic, and (optional field) its figure per year. */
export function readDisposableIncome(params: ParameterSet, used?: UsedParams): ParamValue<DisposableIncome> | null {
  return read(params, 'P64', used, 'readDisposableIncome', (v) => {
    if (!isObject(v) || typeof v.population !== 'string' || typeof v.area !== 'string') return null;
    const byYear: Record<string, number> = {};
    if (isObject(v.annualFenByYear)) for (const [y, f] of Object.entries(v.annualFenByYear)) if (isFen(f)) byYear[y] = f;
    return { population: v.population, area: v.area, annualFenByYear: byYear };
  });
}

export interface CareStandards {
  basis: 'PREVIOUS_YEAR_MINIMUM_WAGE' | 'MLA_STANDARD';
  minimumShares: Record<'fullSelfCare' | 'partialCare' | 'fullCare', Ratio>;
  institutionalUpliftRate: number;
}

/** P21 (R55), for the 特困 rules. */
export function readCareStandards(params: ParameterSet, used?: UsedParams): ParamValue<CareStandards> | null {
  return read(params, 'P21', used, 'readCareStandards', (v) => {
    if (!isObject(v) || (v.basis !== 'PREVIOUS_YEAR_MINIMUM_WAGE' && v.basis !== 'MLA_STANDARD') || !isObject(v.minimumShares)) return null;
    const s = v.minimumShares;
    const frac = (f: unknown): Ratio | null =>
      isObject(f) && typeof f.numerator === 'number' && typeof f.denominator === 'number' && f.denominator > 0 ? { num: f.numerator, den: f.denominator } : null;
    const a = frac(s.fullSelfCare);
    const b = frac(s.partialCare);
    const c = frac(s.fullCare);
    if (!a || !b || !c || !isRate(v.institutionalUpliftRate)) return null;
    return { basis: v.basis, minimumShares: { fullSelfCare: a, partialCare: b, fullCare: c }, institutionalUpliftRate: v.institutionalUpliftRate };
  });
}

export interface JobRefusalRule {
  /** COUNTY_DECIDES: case by case, nothing is cut automatically */
  mode: 'COUNTY_DECIDES' | 'STOP_OWN_SHARE' | 'REDUCE_OWN_SHARE';
  /** REDUCE_OWN_SHARE: the share of the member's own part withheld (0 < rate < 1) */
  reduceRate: number | null;
}

/** P76 (R43): how a member's own share is cut after three jobs refused without good reason. */
export function readJobRefusalRule(params: ParameterSet, used?: UsedParams): ParamValue<JobRefusalRule> | null {
  return read(params, 'P76', used, 'readJobRefusalRule', (v) => {
    if (!isObject(v)) return null;
    if (v.mode === 'COUNTY_DECIDES' || v.mode === 'STOP_OWN_SHARE') return { mode: v.mode, reduceRate: null };
    if (v.mode === 'REDUCE_OWN_SHARE' && isRate(v.reduceRate) && v.reduceRate > 0 && v.reduceRate < 1) return { mode: 'REDUCE_OWN_SHARE', reduceRate: v.reduceRate };
    return null;
  });
}

/** P62 (R44.2): the benefit during a gradual exit, unchanged or stepped down. */
export function readGradualExitAmountMode(params: ParameterSet, used?: UsedParams): ParamValue<'UNCHANGED' | 'STEPPED_DOWN'> | null {
  return read(params, 'P62', used, 'readGradualExitAmountMode', (v) => (v === 'UNCHANGED' || v === 'STEPPED_DOWN' ? v : null));
}

export interface GradualExitSteps {
  /** months paid the amount before the rise, from the period's first month (0: the first step at once) */
  fullMonths: number;
  /** months between two steps down (≥ 1) */
  stepMonths: number;
  /** each step withholds this share of the amount before the rise (0 ≤ rate ≤ 1; 0: the amount stays) */
  stepRate: number;
  /** the lowest share of that amount paid (0 ≤ rate ≤ 1) */
  floorRate: number;
}

/** P77 (R44.2, P62 = STEPPED_DOWN): how the amount steps down; null unless every figure is set. */
export function readGradualExitSteps(params: ParameterSet, used?: UsedParams): ParamValue<GradualExitSteps> | null {
  return read(params, 'P77', used, 'readGradualExitSteps', (v) => {
    if (!isObject(v)) return null;
    const { fullMonths, stepMonths, stepRate, floorRate } = v;
    if (typeof fullMonths !== 'number' || !Number.isInteger(fullMonths) || fullMonths < 0 || fullMonths > 60) return null;
    if (typeof stepMonths !== 'number' || !Number.isInteger(stepMonths) || stepMonths < 1 || stepMonths > 60) return null;
    if (!isRate(stepRate) || !isRate(floorRate)) return null;
    return { fullMonths, stepMonths, stepRate, floorRate };
  });
}
