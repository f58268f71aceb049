/**
 * Catalog of policy parameters — POLICY.md §19 (P01 … P75, with P04b and P13/P14 split), and
 * P76 for R43 and P77 for R44.2's stepped-down amount, which §19 does not list.
 *
 * Pure data plus pure checks: which parameters exist, what shape their values have, and
 * whether a seed version (src/db/seed/policy-parameters.json) is honest about its
 * confidence. No I/O; the loader that writes `policy_parameters` imports this module.
 *
 * Money follows POLICY.md §0.3: integer fen per person per month, with the published
 * amount and unit kept alongside (`MoneyStandard`). Confidence follows §0.1: a seed
 * version may be OFFICIAL only when every tag of the parameter's basis is [V] or [V2].
 */
import { isIsoDate } from '../registry/id-number.js';

/** A real calendar date written 'YYYY-MM-DD' (one check for the registry and the engine). */
export { isIsoDate };

export type ParameterKind =
  | 'MONEY_STANDARD'
  | 'MULTIPLIER'
  | 'MONTHS'
  | 'DAYS'
  | 'WORKING_DAYS'
  | 'HOURS'
  | 'BOOLEAN'
  | 'ENUM'
  | 'RATE'
  | 'LIST'
  | 'CALENDAR'
  | 'STRUCT';

/** REGION: keyed by region code (province → 市州 → county, most specific wins); NATIONAL: one value. */
export type ParameterScope = 'REGION' | 'NATIONAL';

export type UrbanRural = 'ALL' | 'URBAN' | 'RURAL';
export type ParameterConfidence = 'OFFICIAL' | 'PLACEHOLDER';
export type PublishedUnit = 'YUAN_PER_PERSON_MONTH' | 'YUAN_PER_PERSON_YEAR';

/** §0.3: canonical monthly amount in fen plus the figure as published. */
export interface MoneyStandard {
  monthlyFen: number;
  published: { amount: number; unit: PublishedUnit };
}

/** P39: statutory holidays and make-up working days, per covered year. */
export interface WorkingDayCalendar {
  coveredYears: number[];
  holidays: string[];
  makeUpWorkdays: string[];
}

/**
 * Shape of a value or of a part of one. Scalar types reuse the parameter kinds; the extra
 * ones appear only inside STRUCT values.
 */
export type ValueSpec =
  | {
      readonly type:
        | 'MONEY_STANDARD'
        | 'MULTIPLIER'
        | 'MONTHS'
        | 'DAYS'
        | 'WORKING_DAYS'
        | 'HOURS'
        | 'BOOLEAN'
        | 'RATE'
        | 'CALENDAR'
        /** integer fen ≥ 0 (not a per-person standard) */
        | 'FEN'
        /** { numerator, denominator }, exact shares such as 1/6 */
        | 'FRACTION'
        /** 'YYYY-MM-DD' */
        | 'DATE'
        /** non-empty text (Chinese allowed) */
        | 'TEXT'
        /** UPPER_SNAKE code */
        | 'CODE'
        /** any JSON object (rule tables configured later) */
        | 'OBJECT';
    }
  | { readonly type: 'INTEGER'; readonly min: number; readonly max: number }
  | { readonly type: 'ENUM'; readonly options: readonly string[] }
  | { readonly type: 'LIST'; readonly of: ValueSpec }
  | { readonly type: 'STRUCT'; readonly fields: Readonly<Record<string, FieldSpec>> }
  /** keys 'YYYY' */
  | { readonly type: 'YEAR_MAP'; readonly of: ValueSpec }
  /** keys: 6-, 9- or 12-digit region codes */
  | { readonly type: 'REGION_MAP'; readonly of: ValueSpec };

export type FieldSpec = ValueSpec & { readonly optional?: true; readonly nullable?: true };

export interface ParameterDefinition {
  /** 'P01' … 'P75', 'P04b' */
  readonly code: string;
  /** Short Chinese name, shown to officials. */
  readonly name: string;
  readonly nameEn: string;
  readonly kind: ParameterKind;
  /** Rule(s) and confidence tag(s) in POLICY.md, e.g. 'R22 [QH-SRC]/[U]'. */
  readonly basis: string;
  readonly scope: ParameterScope;
  /** true: versions may differ for URBAN and RURAL (a version for ALL covers both). */
  readonly byUrbanRural: boolean;
  /** ENUM: allowed values. LIST: allowed items when the list is closed. */
  readonly options?: readonly string[];
  /** STRUCT: the fields of the value (all required unless marked optional). */
  readonly fields?: Readonly<Record<string, FieldSpec>>;
  /** LIST: shape of one item when items are not codes. */
  readonly items?: ValueSpec;
}

/** One seed version, as stored in src/db/seed/policy-parameters.json. */
export interface ParameterSeedRow {
  code: string;
  regionCode: string;
  urbanRural: UrbanRural;
  effectiveFrom: string;
  value: unknown;
  confidence: ParameterConfidence;
  basis: string;
  note: string;
}

// ---------------------------------------------------------------------------------------
// Reusable specs

const MONEY: ValueSpec = { type: 'MONEY_STANDARD' };
const FEN: ValueSpec = { type: 'FEN' };
const MULTIPLIER: ValueSpec = { type: 'MULTIPLIER' };
const RATE: ValueSpec = { type: 'RATE' };
const MONTHS: ValueSpec = { type: 'MONTHS' };
const DAYS: ValueSpec = { type: 'DAYS' };
const WORKING_DAYS: ValueSpec = { type: 'WORKING_DAYS' };
const HOURS: ValueSpec = { type: 'HOURS' };
const BOOLEAN: ValueSpec = { type: 'BOOLEAN' };
const DATE: ValueSpec = { type: 'DATE' };
const TEXT: ValueSpec = { type: 'TEXT' };
const CODE: ValueSpec = { type: 'CODE' };
const FRACTION: ValueSpec = { type: 'FRACTION' };
const oneOf = (...options: string[]): ValueSpec => ({ type: 'ENUM', options });
const nullable = (spec: ValueSpec): FieldSpec => ({ ...spec, nullable: true });
const optional = (spec: ValueSpec): FieldSpec => ({ ...spec, optional: true });

/** Which monthly MLA standard an amount formula multiplies (R65, R70). */
const STANDARD_BASE = oneOf('URBAN_MLA_MONTHLY', 'APPLICABLE_MLA_MONTHLY');

/** R58 termination grounds (P69). */
export const TERMINATION_GROUNDS = [
  'DEATH_OR_MISSING',
  'REGAINED_LABOUR_CAPACITY',
  'IMPRISONMENT',
  'INCOME_PROPERTY_NOT_MET',
  'ABLE_OBLIGOR',
  'VOLUNTARY_EXIT',
] as const;

/** R94 minimum publicity fields (P60); identity numbers, phones, bank accounts, health never. */
export const PUBLICITY_FIELDS = ['APPLICANT_NAME', 'HOUSEHOLD_SIZE', 'PROGRAMME', 'AMOUNT', 'REASON_CATEGORY'] as const;

/** R81 source departments (P35). */
export const ALERT_SOURCE_DEPARTMENTS = [
  'HEALTHCARE_SECURITY',
  'HUMAN_RESOURCES_SOCIAL_SECURITY',
  'DISABLED_PERSONS_FEDERATION',
  'HEALTH_COMMISSION',
  'EMERGENCY_MANAGEMENT',
  'PUBLIC_SECURITY',
  'EDUCATION',
  'AGRICULTURE_RURAL_AFFAIRS',
  'HOUSING_NATURAL_RESOURCES',
  'MARKET_REGULATION',
  'TAX_HOUSING_PROVIDENT_FUND',
  'PUBLIC_SECURITY_TRAFFIC',
] as const;

/**
 * Parameters the policy engine reads: a what-if shows what a new version would change, and
 * approving one re-assesses the region for real (issue 3 §6). The others (time limits,
 * schedules, alert rules) change no household's assessment.
 */
export const ENGINE_PARAMETER_CODES: ReadonlySet<string> = new Set([
  'P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P09', 'P17', 'P18', 'P19', 'P20', 'P21', 'P38', 'P45', 'P48',
  'P51', 'P52', 'P53', 'P55', 'P56', 'P57', 'P58', 'P62', 'P63', 'P64', 'P65', 'P66', 'P74', 'P75', 'P76',
  'P77',
]);

// ---------------------------------------------------------------------------------------
// The catalog, in §19 order

export const PARAMETER_CATALOG: readonly ParameterDefinition[] = [
  {
    code: 'P01', name: '低保标准', nameEn: 'MLA standard', kind: 'MONEY_STANDARD',
    basis: 'R27 [L]', scope: 'REGION', byUrbanRural: true,
  },
  {
    code: 'P02', name: '低保边缘家庭收入倍数', nameEn: 'National edge-household multiplier', kind: 'MULTIPLIER',
    basis: 'R45 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P03', name: '农牧区低收入贫困家庭收入倍数', nameEn: 'Qinghai farming/pastoral low-income line multiplier',
    kind: 'MULTIPLIER', basis: 'R46 [QH-SRC]', scope: 'REGION', byUrbanRural: true,
  },
  {
    code: 'P04', name: '收入计算期', nameEn: 'Income assessment window', kind: 'MONTHS',
    basis: 'R18 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P04b', name: '防返贫监测收入计算期', nameEn: 'Prevention-of-return income window', kind: 'MONTHS',
    basis: 'R74 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P05', name: '就业成本扣减', nameEn: 'Employment-cost deduction', kind: 'STRUCT',
    basis: 'R21.1 [QH-SRC]/[L]', scope: 'REGION', byUrbanRural: true,
    fields: {
      mode: oneOf(
        'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER',
        'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER',
        'FIXED_AMOUNT_PER_EMPLOYED_MEMBER',
        'NONE',
      ),
      /** share of the monthly standard (or minimum wage) per employed member */
      rate: RATE,
      /** deduction per member at most this multiple of the monthly standard */
      capMultipleOfStandard: MULTIPLIER,
      fixedMonthlyFen: optional(FEN),
      /** only documented / recognised workers */
      documentedWorkersOnly: BOOLEAN,
    },
  },
  {
    code: 'P06', name: '基础养老金不计入收入', nameEn: 'Pension exclusion: scope, window, central minimum per year',
    kind: 'STRUCT', basis: 'R22 [QH-SRC]/[U]', scope: 'REGION', byUrbanRural: false,
    fields: {
      scope: oneOf('CENTRAL_MINIMUM', 'ALL_BASIC_PENSION'),
      window: { type: 'STRUCT', fields: { from: DATE, to: nullable(DATE) } },
      centralMinimumByYear: { type: 'YEAR_MAP', of: MONEY },
    },
  },
  {
    code: 'P07', name: '复核周期（收入稳定家庭）', nameEn: 'Review interval, stable households', kind: 'MONTHS',
    basis: 'R42 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P08', name: '复核周期（收入不稳定有劳动能力）', nameEn: 'Review interval, unstable income + able to work',
    kind: 'MONTHS', basis: 'R42 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P09', name: '渐退期', nameEn: 'Gradual exit length and minimum', kind: 'STRUCT',
    basis: 'R44 [QH-SRC]', scope: 'REGION', byUrbanRural: true,
    fields: { lengthMonths: MONTHS, minimumMonths: nullable(MONTHS) },
  },
  {
    code: 'P10', name: '低保公示期', nameEn: 'MLA publicity days', kind: 'DAYS',
    basis: 'R36 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P11', name: '启动调查时限', nameEn: 'Start of investigation after acceptance', kind: 'WORKING_DAYS',
    basis: 'R35 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P12', name: '县级审核确认时限', nameEn: 'County confirmation after receiving file', kind: 'WORKING_DAYS',
    basis: 'R37 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P13', name: '低保审核确认总时限', nameEn: 'MLA total time limit', kind: 'WORKING_DAYS',
    basis: 'R38 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P14', name: '低保审核确认延长时限', nameEn: 'MLA total time limit, extended', kind: 'WORKING_DAYS',
    basis: 'R38 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P15', name: '不予批准书面告知时限', nameEn: 'Written refusal after decision', kind: 'WORKING_DAYS',
    basis: 'R37 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P16', name: '审核确认权限下放乡镇', nameEn: 'MLA confirmation delegated to township', kind: 'BOOLEAN',
    basis: 'R37 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P17', name: '单人保计发办法', nameEn: 'Single-person benefit mode', kind: 'STRUCT',
    basis: 'R32 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { mode: oneOf('DIFFERENCE', 'BANDED'), floorShareOfStandard: RATE },
  },
  {
    code: 'P18', name: '低保金计发办法', nameEn: 'Benefit method and bands', kind: 'STRUCT',
    basis: 'R29 [V2]', scope: 'REGION', byUrbanRural: false,
    fields: {
      method: oneOf('DIFFERENCE', 'BANDED'),
      bands: {
        type: 'LIST',
        of: {
          type: 'STRUCT',
          fields: { code: CODE, label: TEXT, shareOfStandard: optional(RATE), monthlyFen: optional(FEN) },
        },
      },
    },
  },
  {
    code: 'P19', name: '家庭财产认定规则', nameEn: 'Property rules per programme', kind: 'STRUCT',
    basis: 'R25, R50 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { configured: BOOLEAN, rules: optional({ type: 'OBJECT' }) },
  },
  {
    code: 'P20', name: '特困基本生活标准倍数', nameEn: 'Extreme-poverty basic living standard multiplier',
    kind: 'MULTIPLIER', basis: 'R55 [L]', scope: 'REGION', byUrbanRural: true,
  },
  {
    code: 'P21', name: '特困照料护理标准', nameEn: 'Care standards by care level, institutional uplift', kind: 'STRUCT',
    basis: 'R55 [L]', scope: 'REGION', byUrbanRural: true,
    fields: {
      basis: oneOf('PREVIOUS_YEAR_MINIMUM_WAGE', 'MLA_STANDARD'),
      minimumShares: { type: 'STRUCT', fields: { fullSelfCare: FRACTION, partialCare: FRACTION, fullCare: FRACTION } },
      institutionalUpliftRate: RATE,
      /** basis PREVIOUS_YEAR_MINIMUM_WAGE: monthly minimum wage in fen, keyed by the year it was in force */
      previousYearMinimumWageMonthlyFenByYear: optional({ type: 'YEAR_MAP', of: FEN }),
    },
  },
  {
    code: 'P22', name: '特困认定时限', nameEn: 'Extreme-poverty procedure limits', kind: 'STRUCT',
    basis: 'R57 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { townshipInvestigationWorkingDays: WORKING_DAYS, publicityDays: DAYS, confirmationWorkingDays: WORKING_DAYS },
  },
  {
    code: 'P23', name: '特困终止公示与异议处理', nameEn: 'Extreme-poverty termination: publicity; decision after objection',
    kind: 'STRUCT', basis: 'R59 [V2]', scope: 'REGION', byUrbanRural: false,
    fields: { publicityDays: DAYS, objectionDecisionWorkingDays: WORKING_DAYS },
  },
  {
    code: 'P24', name: '临时救助计算公式', nameEn: 'Temporary assistance formula: base standard, max months', kind: 'STRUCT',
    basis: 'R70 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { baseStandard: STANDARD_BASE, maxMonths: MONTHS },
  },
  {
    code: 'P25', name: '乡镇审批额度', nameEn: 'Township approval ceiling per case', kind: 'STRUCT',
    basis: 'R65 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { multipleOfStandard: MULTIPLIER, base: STANDARD_BASE, perPerson: BOOLEAN },
  },
  {
    code: 'P26', name: '县级审批额度', nameEn: 'County approval ceiling per case', kind: 'STRUCT',
    basis: 'R65 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { multipleOfStandard: MULTIPLIER, base: STANDARD_BASE, perPerson: BOOLEAN },
  },
  {
    code: 'P27', name: '小额快救', nameEn: 'Quick-relief cap and SLA; effective date of S13 rule', kind: 'STRUCT',
    basis: 'R66 [V2]', scope: 'REGION', byUrbanRural: false,
    fields: {
      capMultipleOfMonthlyStandard: MULTIPLIER,
      slaDays: DAYS,
      financeCheckRequired: BOOLEAN,
      /** date from which the S13 track applies; null until the S13 document is confirmed */
      s13EffectiveFrom: nullable(DATE),
      /** cap of the earlier “small-amount first relief” track; null = not found */
      preS13CapFen: nullable(FEN),
    },
  },
  {
    code: 'P28', name: '急难先行救助时限', nameEn: 'Emergency first-relief SLA; paperwork completion', kind: 'STRUCT',
    basis: 'R64 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { firstReliefHours: HOURS, paperworkWorkingDays: WORKING_DAYS },
  },
  {
    code: 'P29', name: '同一事由救助频次', nameEn: 'Same-cause frequency', kind: 'STRUCT',
    basis: 'R68 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { maxTimesPerCausePerYear: { type: 'INTEGER', min: 1, max: 12 }, repeatNeedsCountyVerification: BOOLEAN },
  },
  {
    code: 'P30', name: '分阶段救助最长期限', nameEn: 'Staged payment maximum', kind: 'MONTHS',
    basis: 'R67 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P31', name: '乡镇临时救助备用金', nameEn: 'Township reserve fund: amount, replenishment trigger', kind: 'STRUCT',
    basis: 'R69 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { amountFen: nullable(FEN), replenishBelowShare: RATE },
  },
  {
    code: 'P32', name: '防返贫监测收入线', nameEn: 'Prevention-of-return monitoring line per year', kind: 'STRUCT',
    basis: 'R74 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { byYear: { type: 'YEAR_MAP', of: MONEY } },
  },
  {
    code: 'P33', name: '防返贫监测识别时限与公示', nameEn: 'Prevention-of-return identification SLA; village publicity',
    kind: 'STRUCT', basis: 'R76 [V2]', scope: 'REGION', byUrbanRural: false,
    fields: { identificationDays: DAYS, villagePublicityMinDays: DAYS },
  },
  {
    code: 'P34', name: '风险消除稳定期', nameEn: 'Risk-elimination stability period', kind: 'MONTHS',
    basis: 'R77 [V2]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P35', name: '预警触发规则', nameEn: 'Alert triggers (thresholds, sources, push cadence)', kind: 'STRUCT',
    basis: 'R81 [L]', scope: 'REGION', byUrbanRural: false,
    fields: {
      triggers: {
        type: 'LIST',
        of: {
          type: 'STRUCT',
          fields: {
            code: CODE,
            sourceDepartment: oneOf(...ALERT_SOURCE_DEPARTMENTS),
            description: TEXT,
            thresholdFen: optional(nullable(FEN)),
            /** share of the previous-year provincial rural per-capita disposable income (1.0 = 100 %) */
            thresholdShareOfPrevYearRuralIncome: optional(MULTIPLIER),
            pushCadence: nullable(oneOf('ON_EVENT', 'EVERY_10_DAYS', 'MONTHLY')),
          },
        },
      },
    },
  },
  {
    code: 'P36', name: '预警核实处置时限', nameEn: 'Alert verification SLA', kind: 'WORKING_DAYS',
    basis: 'R82 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P37', name: '随机抽查比例', nameEn: 'Random check sampling ratio', kind: 'RATE',
    basis: 'R95 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P38', name: '刚性支出困难家庭认定', nameEn: 'Rigid-expenditure share threshold; validity', kind: 'STRUCT',
    basis: 'R47 [V2]/[L]', scope: 'REGION', byUrbanRural: false,
    fields: { expenditureShareThreshold: RATE, validityMonths: MONTHS },
  },
  {
    code: 'P39', name: '工作日历', nameEn: 'Working-day calendar', kind: 'CALENDAR',
    basis: '§0.3', scope: 'NATIONAL', byUrbanRural: false,
  },
  {
    code: 'P40', name: '全国系统数据上报周期', nameEn: 'Upload schedule to the national system', kind: 'STRUCT',
    basis: 'R86 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { frequency: oneOf('MONTHLY', 'QUARTERLY'), dayOfMonth: nullable({ type: 'INTEGER', min: 1, max: 31 }) },
  },
  {
    code: 'P41', name: '年龄计算基准日', nameEn: 'Age reference date', kind: 'STRUCT',
    basis: 'R2', scope: 'NATIONAL', byUrbanRural: false,
    fields: {
      eligibility: oneOf('ACCEPTANCE_DATE', 'APPLICATION_DATE'),
      monthlyEntitlement: oneOf('FIRST_DAY_OF_BENEFIT_MONTH', 'LAST_DAY_OF_BENEFIT_MONTH'),
    },
  },
  {
    code: 'P42', name: '期间届满遇节假日顺延', nameEn: 'Extend calendar-day periods ending on holidays', kind: 'BOOLEAN',
    basis: 'R3 [U]', scope: 'NATIONAL', byUrbanRural: false,
  },
  {
    code: 'P43', name: '发放日与起发月份', nameEn: 'Payment day of month; arrears from approval month', kind: 'STRUCT',
    basis: 'R4, R92 [L]', scope: 'REGION', byUrbanRural: false,
    fields: {
      paymentDayOfMonth: { type: 'INTEGER', min: 1, max: 31 },
      payFrom: oneOf('MONTH_AFTER_DECISION', 'DECISION_MONTH'),
    },
  },
  {
    code: 'P44', name: '接受15位旧身份号码', nameEn: 'Accept legacy 15-digit identity numbers', kind: 'BOOLEAN',
    basis: 'R9.6', scope: 'NATIONAL', byUrbanRural: false,
  },
  {
    code: 'P45', name: '救助金额取整规则', nameEn: 'Rounding of payable amounts', kind: 'ENUM',
    basis: 'R29 [U]', scope: 'REGION', byUrbanRural: false,
    options: ['ROUND_HALF_UP_YUAN', 'ROUND_HALF_UP_JIAO', 'ROUND_UP_YUAN', 'NO_ROUNDING'],
  },
  {
    code: 'P46', name: '其他困难人员范围', nameEn: 'Definition of “other people in difficulty”', kind: 'LIST',
    basis: 'R7 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P47', name: '区域类型（农区/牧区/半农半牧区）', nameEn: 'Area type per county/township', kind: 'STRUCT',
    basis: 'R13 [U]', scope: 'REGION', byUrbanRural: false,
    fields: { byRegion: { type: 'REGION_MAP', of: oneOf('URBAN', 'FARMING', 'PASTORAL', 'MIXED') } },
  },
  {
    code: 'P48', name: '不计入家庭成员的其他情形', nameEn: 'Extra persons excluded from household', kind: 'LIST',
    basis: 'R15 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P49', name: '同省跨县户籍成员申请地', nameEn: 'Members registered in different counties of the province',
    kind: 'ENUM', basis: 'R16.2 [L]', scope: 'REGION', byUrbanRural: false,
    options: ['APPLICANT_REGISTRATION_COUNTY', 'HABITUAL_RESIDENCE_COUNTY'],
  },
  {
    code: 'P50', name: '居住证持有人在居住地申请', nameEn: 'Residence-permit holders may apply where they live',
    kind: 'BOOLEAN', basis: 'R16.3 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P51', name: '其他计入收入项目', nameEn: 'Other counted income items', kind: 'LIST',
    basis: 'R19 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P52', name: '其他不计入收入项目', nameEn: 'Other excluded income items', kind: 'LIST',
    basis: 'R20 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P53', name: '刚性支出从收入中扣减', nameEn: 'Rigid-expenditure deductions in MLA income', kind: 'BOOLEAN',
    basis: 'R21.2 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P54', name: '城乡低保标准适用规则', nameEn: 'Urban vs. rural assessment rule', kind: 'ENUM',
    basis: 'R28 [L]', scope: 'REGION', byUrbanRural: false,
    options: ['HOUSEHOLD_REGISTRATION_TYPE', 'CONTRACTED_LAND_OR_COLLECTIVE_INCOME'],
  },
  {
    code: 'P55', name: '分类施保加发', nameEn: 'Category add-ons', kind: 'STRUCT',
    basis: 'R29 [L]', scope: 'REGION', byUrbanRural: false,
    fields: {
      addOns: {
        type: 'LIST',
        of: {
          type: 'STRUCT',
          fields: {
            category: oneOf('ELDERLY', 'MINOR', 'SEVERE_DISABILITY', 'SERIOUS_ILLNESS'),
            shareOfStandard: optional(RATE),
            monthlyFen: optional(FEN),
          },
        },
      },
    },
  },
  {
    code: 'P56', name: '每户最低发放金额', nameEn: 'Minimum payable amount per household', kind: 'STRUCT',
    basis: 'R29 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { perHouseholdMonthlyFen: FEN },
  },
  {
    code: 'P57', name: '单人保重特大疾病范围', nameEn: 'Serious/catastrophic illness list for single-person route',
    kind: 'STRUCT', basis: 'R31 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { source: oneOf('MEDICAL_ASSISTANCE_CATALOGUE', 'CUSTOM_LIST'), illnesses: { type: 'LIST', of: TEXT } },
  },
  {
    code: 'P58', name: '单人保适用收入线倍数', nameEn: 'Income line opening the single-person route', kind: 'MULTIPLIER',
    basis: 'R31 [QH-SRC]/[U]', scope: 'REGION', byUrbanRural: true,
  },
  {
    code: 'P59', name: '公示期计入30个工作日', nameEn: 'Publicity counted within the 30-WD limit', kind: 'BOOLEAN',
    basis: 'R38 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P60', name: '保障对象长期公布', nameEn: 'Long-term public listing of recipients', kind: 'STRUCT',
    basis: 'R40 [L]', scope: 'REGION', byUrbanRural: false,
    fields: { longTermListing: BOOLEAN, fields: { type: 'LIST', of: oneOf(...PUBLICITY_FIELDS) } },
  },
  {
    code: 'P61', name: '重大突发事件期间延期复核', nameEn: 'Review extension during major emergencies', kind: 'STRUCT',
    basis: 'R42 [V2]', scope: 'REGION', byUrbanRural: false,
    /** emergency: the declared major emergency (重大突发事件) in force from this version; absent, none */
    fields: { allowed: BOOLEAN, defaultExtensionMonths: MONTHS, emergency: optional(TEXT) },
  },
  {
    code: 'P62', name: '渐退期救助金', nameEn: 'Benefit during gradual exit', kind: 'ENUM',
    basis: 'R44.2 [L]', scope: 'REGION', byUrbanRural: false,
    options: ['UNCHANGED', 'STEPPED_DOWN'],
  },
  {
    code: 'P63', name: '渐退适用范围', nameEn: 'Gradual-exit scope', kind: 'ENUM',
    basis: 'R44.4 [U]', scope: 'REGION', byUrbanRural: false,
    options: ['EMPLOYMENT_OR_BUSINESS_ONLY', 'ANY_INCOME_RISE'],
  },
  {
    code: 'P64', name: '上年人均可支配收入口径', nameEn: 'Statistic used as previous-year per-capita disposable income',
    kind: 'STRUCT', basis: 'R47, R51, R61 [L]', scope: 'REGION', byUrbanRural: false,
    fields: {
      population: oneOf('ALL_RESIDENTS', 'URBAN_RESIDENTS', 'RURAL_RESIDENTS'),
      area: oneOf('PREFECTURE', 'COUNTY', 'PROVINCE'),
      /** the figure itself: per-capita disposable income of each year, fen per person per year */
      annualFenByYear: optional({ type: 'YEAR_MAP', of: FEN }),
    },
  },
  {
    code: 'P65', name: '省定其他无劳动能力情形', nameEn: 'Extra provincial situations of no labour capacity', kind: 'LIST',
    basis: 'R49 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P66', name: '义务人财产认定基准', nameEn: 'Property benchmark for obligors’ inability', kind: 'ENUM',
    basis: 'R51 [U]', scope: 'REGION', byUrbanRural: false,
    options: ['MLA_HOUSEHOLD_PROPERTY_RULE', 'EDGE_HOUSEHOLD_PROPERTY_RULE'],
  },
  {
    code: 'P67', name: '护理等级重新评估时限', nameEn: 'Care-level re-assessment SLA', kind: 'WORKING_DAYS',
    basis: 'R53 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P68', name: '特困未成年人公示', nameEn: 'Publicity of minors in extreme-poverty cases', kind: 'BOOLEAN',
    basis: 'R57 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P69', name: '免于公示的终止情形', nameEn: 'Termination grounds that skip publicity', kind: 'LIST',
    basis: 'R59 [U]', scope: 'REGION', byUrbanRural: false,
    options: TERMINATION_GROUNDS,
  },
  {
    code: 'P70', name: '临时救助一般程序时限', nameEn: 'Temporary assistance ordinary procedure limit',
    kind: 'WORKING_DAYS', basis: 'R63 [L]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P71', name: '已认定家庭免重复核查期', nameEn: 'Period without income/property re-check for temporary assistance',
    kind: 'MONTHS', basis: 'R68 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P72', name: '专项救助转介时限', nameEn: 'Special-assistance referral SLA', kind: 'WORKING_DAYS',
    basis: 'R72 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P73', name: '一门受理转办时限', nameEn: 'Single-window transfer to responsible department',
    kind: 'WORKING_DAYS', basis: 'R90 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P74', name: '草原生态补奖计入收入', nameEn: 'Grassland ecological subsidies counted as income',
    kind: 'BOOLEAN', basis: 'R100 [U]', scope: 'REGION', byUrbanRural: false,
  },
  {
    code: 'P75', name: '特困人员计入低保家庭人数', nameEn: 'Extreme-poverty person counted in MLA headcount',
    kind: 'BOOLEAN', basis: 'R102 [U]', scope: 'REGION', byUrbanRural: false,
  },
  // Not in §19: R43 leaves the choice between reducing and stopping the member's own share to
  // the county, and POLICY.md gives no figure; the seed is COUNTY_DECIDES (case by case: the
  // engine cuts nothing and asks for the county's decision).
  {
    code: 'P76', name: '无正当理由拒绝就业的减发办法', nameEn: 'Own-share reduction for jobs refused without good reason',
    kind: 'STRUCT', basis: 'R43 [V2]/[U]', scope: 'REGION', byUrbanRural: false,
    fields: { mode: oneOf('COUNTY_DECIDES', 'STOP_OWN_SHARE', 'REDUCE_OWN_SHARE'), reduceRate: nullable(RATE) },
  },
  // Not in §19: R44.2 names a stepped-down amount as the alternative to P62's unchanged one but
  // gives no method. P77 is that method, read only when P62 = STEPPED_DOWN: the first
  // `fullMonths` months of the period are paid the amount before the rise, then every
  // `stepMonths` months the amount drops by `stepRate` of it, never below `floorRate` of it.
  // Seeded with every figure unset (Qinghai keeps the amount unchanged): the engine then leaves
  // the amount to an officer rather than invent one.
  {
    code: 'P77', name: '渐退期逐步减发办法', nameEn: 'Stepped-down benefit during gradual exit',
    kind: 'STRUCT', basis: 'R44.2 [L]/[U]', scope: 'REGION', byUrbanRural: false,
    fields: {
      fullMonths: nullable({ type: 'INTEGER', min: 0, max: 60 }),
      stepMonths: nullable(MONTHS),
      stepRate: nullable(RATE),
      floorRate: nullable(RATE),
    },
  },
];

const BY_CODE: ReadonlyMap<string, ParameterDefinition> = new Map(PARAMETER_CATALOG.map((d) => [d.code, d]));

export function findParameterDefinition(code: string): ParameterDefinition | undefined {
  return BY_CODE.get(code);
}

/** Confidence tags of a basis string, e.g. 'R47 [V2]/[L]' → ['V2', 'L']. */
export function basisTags(basis: string): string[] {
  return [...basis.matchAll(/\[(V2|V|U|L|QH-SRC)\]/g)].map((m) => m[1]!);
}

/** §0.1: a value may be marked OFFICIAL only when the basis is verified ([V]/[V2]) and nothing else. */
export function mayBeOfficial(def: ParameterDefinition): boolean {
  const tags = basisTags(def.basis);
  return tags.length > 0 && tags.every((t) => t === 'V' || t === 'V2');
}

// ---------------------------------------------------------------------------------------
// Value checks

/** Sanity ceilings that catch unit mistakes (hours typed as minutes, days as months …). */
const CEILING = { MONTHS: 120, DAYS: 366, WORKING_DAYS: 260, HOURS: 744, MULTIPLIER: 100 } as const;

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
const REGION_KEY = /^\d{6}(\d{3}){0,2}$/;

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Whole fen in a yuan amount with at most two decimals, or null. */
function yuanToFen(amount: number): number | null {
  const fen = Math.round(amount * 100);
  return Math.abs(amount * 100 - fen) < 1e-6 ? fen : null;
}

/** §0.3: canonical monthly fen for a published figure (per-year figures ÷ 12, half up). */
export function monthlyFenOf(amount: number, unit: PublishedUnit): number | null {
  const fen = yuanToFen(amount);
  if (fen === null) return null;
  return unit === 'YUAN_PER_PERSON_MONTH' ? fen : Math.round(fen / 12);
}

function checkPositiveInteger(path: string, v: unknown, max: number, what: string, out: string[]): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    out.push(`${path}: expected ${what} as a positive integer, got ${show(v)}`);
  } else if (v > max) {
    out.push(`${path}: ${what} ${v} exceeds the sanity ceiling ${max}`);
  }
}

function checkMoney(path: string, v: unknown, out: string[]): void {
  if (!isPlainObject(v)) {
    out.push(`${path}: expected { monthlyFen, published: { amount, unit } }, got ${show(v)}`);
    return;
  }
  for (const key of Object.keys(v)) {
    if (key !== 'monthlyFen' && key !== 'published') out.push(`${path}.${key}: unknown field`);
  }
  const { monthlyFen, published } = v;
  const fenOk = typeof monthlyFen === 'number' && Number.isSafeInteger(monthlyFen) && monthlyFen >= 0;
  if (!fenOk) out.push(`${path}.monthlyFen: expected integer fen ≥ 0, got ${show(monthlyFen)}`);
  if (!isPlainObject(published)) {
    out.push(`${path}.published: expected { amount, unit }, got ${show(published)}`);
    return;
  }
  for (const key of Object.keys(published)) {
    if (key !== 'amount' && key !== 'unit') out.push(`${path}.published.${key}: unknown field`);
  }
  const { amount, unit } = published;
  const unitOk = unit === 'YUAN_PER_PERSON_MONTH' || unit === 'YUAN_PER_PERSON_YEAR';
  if (!unitOk) {
    out.push(`${path}.published.unit: expected YUAN_PER_PERSON_MONTH or YUAN_PER_PERSON_YEAR, got ${show(unit)}`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    out.push(`${path}.published.amount: expected yuan ≥ 0, got ${show(amount)}`);
    return;
  }
  if (yuanToFen(amount) === null) {
    out.push(`${path}.published.amount: expected at most two decimals (whole fen), got ${show(amount)}`);
    return;
  }
  if (fenOk && unitOk) {
    const expected = monthlyFenOf(amount, unit);
    if (expected !== monthlyFen) {
      out.push(`${path}.monthlyFen: ${monthlyFen} does not match published ${amount} ${unit} (expected ${expected})`);
    }
  }
}

function checkCalendar(path: string, v: unknown, out: string[]): void {
  if (!isPlainObject(v)) {
    out.push(`${path}: expected { coveredYears, holidays, makeUpWorkdays }, got ${show(v)}`);
    return;
  }
  const keys = ['coveredYears', 'holidays', 'makeUpWorkdays'];
  for (const key of Object.keys(v)) if (!keys.includes(key)) out.push(`${path}.${key}: unknown field`);
  const { coveredYears, holidays, makeUpWorkdays } = v;
  if (!Array.isArray(coveredYears)) {
    out.push(`${path}.coveredYears: expected a list of years, got ${show(coveredYears)}`);
    return;
  }
  const years = new Set<number>();
  coveredYears.forEach((y, i) => {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1900 || y > 2100) {
      out.push(`${path}.coveredYears[${i}]: expected a year, got ${show(y)}`);
    } else if (years.has(y)) out.push(`${path}.coveredYears[${i}]: duplicate year ${y}`);
    else years.add(y);
  });
  const seen = new Map<string, string>();
  for (const [name, list] of [['holidays', holidays], ['makeUpWorkdays', makeUpWorkdays]] as const) {
    if (!Array.isArray(list)) {
      out.push(`${path}.${name}: expected a list of dates, got ${show(list)}`);
      continue;
    }
    list.forEach((d, i) => {
      const at = `${path}.${name}[${i}]`;
      if (!isIsoDate(d)) {
        out.push(`${at}: expected YYYY-MM-DD, got ${show(d)}`);
        return;
      }
      if (!years.has(Number(d.slice(0, 4)))) out.push(`${at}: ${d} lies in a year not listed in coveredYears`);
      if (name === 'makeUpWorkdays' && !isWeekend(d)) out.push(`${at}: make-up working day ${d} is not a Saturday or Sunday`);
      const before = seen.get(d);
      if (before !== undefined) out.push(`${at}: ${d} already listed in ${before}`);
      else seen.set(d, name);
    });
  }
}

function checkSpec(spec: FieldSpec | ValueSpec, v: unknown, path: string, out: string[]): void {
  if (v === null && 'nullable' in spec && spec.nullable) return;
  switch (spec.type) {
    case 'MONEY_STANDARD':
      return checkMoney(path, v, out);
    case 'CALENDAR':
      return checkCalendar(path, v, out);
    case 'FEN':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        out.push(`${path}: expected integer fen ≥ 0, got ${show(v)}`);
      }
      return;
    case 'MULTIPLIER':
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
        out.push(`${path}: expected a positive multiplier, got ${show(v)}`);
      } else if (v > CEILING.MULTIPLIER) out.push(`${path}: multiplier ${v} exceeds the sanity ceiling ${CEILING.MULTIPLIER}`);
      return;
    case 'RATE':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
        out.push(`${path}: expected a rate between 0 and 1, got ${show(v)}`);
      }
      return;
    case 'MONTHS':
      return checkPositiveInteger(path, v, CEILING.MONTHS, 'months', out);
    case 'DAYS':
      return checkPositiveInteger(path, v, CEILING.DAYS, 'days', out);
    case 'WORKING_DAYS':
      return checkPositiveInteger(path, v, CEILING.WORKING_DAYS, 'working days', out);
    case 'HOURS':
      return checkPositiveInteger(path, v, CEILING.HOURS, 'hours', out);
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.min || v > spec.max) {
        out.push(`${path}: expected an integer from ${spec.min} to ${spec.max}, got ${show(v)}`);
      }
      return;
    case 'BOOLEAN':
      if (typeof v !== 'boolean') out.push(`${path}: expected true or false, got ${show(v)}`);
      return;
    case 'ENUM':
      if (typeof v !== 'string' || !spec.options.includes(v)) {
        out.push(`${path}: expected one of ${spec.options.join(', ')}, got ${show(v)}`);
      }
      return;
    case 'FRACTION':
      if (!isPlainObject(v) || Object.keys(v).length !== 2) {
        out.push(`${path}: expected { numerator, denominator }, got ${show(v)}`);
        return;
      }
      if (typeof v.numerator !== 'number' || !Number.isInteger(v.numerator) || v.numerator < 0) {
        out.push(`${path}.numerator: expected an integer ≥ 0, got ${show(v.numerator)}`);
      }
      if (typeof v.denominator !== 'number' || !Number.isInteger(v.denominator) || v.denominator <= 0) {
        out.push(`${path}.denominator: expected a positive integer, got ${show(v.denominator)}`);
      }
      return;
    case 'DATE':
      if (!isIsoDate(v)) out.push(`${path}: expected a date YYYY-MM-DD, got ${show(v)}`);
      return;
    case 'TEXT':
      if (typeof v !== 'string' || v.trim() === '') out.push(`${path}: expected non-empty text, got ${show(v)}`);
      return;
    case 'CODE':
      if (typeof v !== 'string' || !UPPER_SNAKE.test(v)) out.push(`${path}: expected an UPPER_SNAKE code, got ${show(v)}`);
      return;
    case 'OBJECT':
      if (!isPlainObject(v)) out.push(`${path}: expected an object, got ${show(v)}`);
      return;
    case 'LIST': {
      if (!Array.isArray(v)) {
        out.push(`${path}: expected a list, got ${show(v)}`);
        return;
      }
      const seen = new Set<string>();
      v.forEach((item, i) => {
        checkSpec(spec.of, item, `${path}[${i}]`, out);
        if (typeof item === 'string') {
          if (seen.has(item)) out.push(`${path}[${i}]: duplicate item ${show(item)}`);
          seen.add(item);
        }
      });
      return;
    }
    case 'STRUCT': {
      if (!isPlainObject(v)) {
        out.push(`${path}: expected an object with fields ${Object.keys(spec.fields).join(', ')}, got ${show(v)}`);
        return;
      }
      for (const key of Object.keys(v)) if (!(key in spec.fields)) out.push(`${path}.${key}: unknown field`);
      for (const [key, field] of Object.entries(spec.fields)) {
        if (!(key in v) || v[key] === undefined) {
          if (!field.optional) out.push(`${path}.${key}: missing`);
          continue;
        }
        checkSpec(field, v[key], `${path}.${key}`, out);
      }
      return;
    }
    case 'YEAR_MAP':
    case 'REGION_MAP': {
      if (!isPlainObject(v)) {
        out.push(`${path}: expected an object keyed by ${spec.type === 'YEAR_MAP' ? 'year' : 'region code'}, got ${show(v)}`);
        return;
      }
      for (const [key, item] of Object.entries(v)) {
        if (spec.type === 'YEAR_MAP' ? !/^(19|20)\d{2}$/.test(key) : !REGION_KEY.test(key)) {
          out.push(`${path}.${key}: key is not a ${spec.type === 'YEAR_MAP' ? 'year YYYY' : '6/9/12-digit region code'}`);
        }
        checkSpec(spec.of, item, `${path}.${key}`, out);
      }
      return;
    }
  }
}

/** Full value spec of a parameter, built from its kind and options/fields/items. */
export function valueSpecOf(def: ParameterDefinition): ValueSpec {
  switch (def.kind) {
    case 'STRUCT':
      return { type: 'STRUCT', fields: def.fields ?? {} };
    case 'ENUM':
      return { type: 'ENUM', options: def.options ?? [] };
    case 'LIST':
      return { type: 'LIST', of: def.items ?? (def.options ? { type: 'ENUM', options: def.options } : CODE) };
    default:
      return { type: def.kind };
  }
}

type Refinement = (value: Record<string, any>, path: string) => string[];

const exactlyOneAmount = (items: Array<Record<string, unknown>>, path: string, list: string): string[] =>
  items.flatMap((item, i) =>
    ('shareOfStandard' in item) === ('monthlyFen' in item)
      ? [`${path}.${list}[${i}]: give exactly one of shareOfStandard or monthlyFen`]
      : [],
  );

const asNumber = (f: { numerator: number; denominator: number }): number => f.numerator / f.denominator;

/** Cross-field rules, run only once the value has the right shape. */
const REFINEMENTS: Readonly<Record<string, Refinement>> = {
  P05: (v, path) => [
    ...(v.mode === 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER' && v.fixedMonthlyFen === undefined
      ? [`${path}.fixedMonthlyFen: required when mode is FIXED_AMOUNT_PER_EMPLOYED_MEMBER`]
      : []),
    ...(v.mode === 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER' && v.rate > v.capMultipleOfStandard
      ? [`${path}.rate: ${v.rate} exceeds the cap of ${v.capMultipleOfStandard} × standard`]
      : []),
  ],
  P06: (v, path) => {
    const out: string[] = [];
    const { from, to } = v.window as { from: string; to: string | null };
    if (to !== null && to < from) out.push(`${path}.window: ends (${to}) before it starts (${from})`);
    for (const year of Object.keys(v.centralMinimumByYear as object)) {
      if (year < from.slice(0, 4) || (to !== null && year > to.slice(0, 4))) {
        out.push(`${path}.centralMinimumByYear.${year}: year outside the exclusion window`);
      }
    }
    return out;
  },
  P09: (v, path) =>
    v.minimumMonths !== null && v.lengthMonths < v.minimumMonths
      ? [`${path}.lengthMonths: ${v.lengthMonths} is below the minimum of ${v.minimumMonths} months (R44.1)`]
      : [],
  P18: (v, path) => [
    ...(v.method === 'BANDED' && v.bands.length === 0 ? [`${path}.bands: BANDED method needs at least one band`] : []),
    ...exactlyOneAmount(v.bands, path, 'bands'),
  ],
  P19: (v, path) =>
    v.configured === true && (!v.rules || Object.keys(v.rules).length === 0)
      ? [`${path}.rules: configured property rules must list the rules`]
      : [],
  P21: (v, path) => {
    const s = v.minimumShares;
    return asNumber(s.fullSelfCare) <= asNumber(s.partialCare) && asNumber(s.partialCare) <= asNumber(s.fullCare)
      ? []
      : [`${path}.minimumShares: care shares must not decrease from full self-care to full care`];
  },
  P35: (v, path) => {
    const codes = (v.triggers as Array<{ code: string }>).map((t) => t.code);
    return codes.filter((c, i) => codes.indexOf(c) !== i).map((c) => `${path}.triggers: duplicate trigger code ${c}`);
  },
  P55: (v, path) => exactlyOneAmount(v.addOns, path, 'addOns'),
  P57: (v, path) =>
    v.source === 'CUSTOM_LIST' && v.illnesses.length === 0 ? [`${path}.illnesses: a custom list cannot be empty`] : [],
  P76: (v, path) =>
    v.mode === 'REDUCE_OWN_SHARE' && (typeof v.reduceRate !== 'number' || v.reduceRate <= 0 || v.reduceRate >= 1)
      ? [`${path}.reduceRate: REDUCE_OWN_SHARE needs a rate above 0 and below 1 (R43)`]
      : [],
  P77: (v, path) => {
    const set = ['fullMonths', 'stepMonths', 'stepRate', 'floorRate'].filter((f) => v[f] !== null);
    return set.length === 0 || set.length === 4 ? [] : [`${path}: set every figure of the method or none (R44.2); set: ${set.join(', ')}`];
  },
};

/**
 * Problems with a parameter value, as readable strings prefixed by the path
 * (e.g. 'P05.rate: expected a rate between 0 and 1, got 1.2'); empty when valid.
 */
export function validateParameterValue(def: ParameterDefinition, value: unknown): string[] {
  if (def.kind === 'STRUCT' && !def.fields) return [`${def.code}: catalog entry of kind STRUCT has no fields`];
  if (def.kind === 'ENUM' && !def.options?.length) return [`${def.code}: catalog entry of kind ENUM has no options`];
  const out: string[] = [];
  checkSpec(valueSpecOf(def), value, def.code, out);
  const refine = REFINEMENTS[def.code];
  if (out.length === 0 && refine && isPlainObject(value)) out.push(...refine(value, def.code));
  return out;
}

// ---------------------------------------------------------------------------------------
// Seed checks

const SEED_KEYS = ['code', 'regionCode', 'urbanRural', 'effectiveFrom', 'value', 'confidence', 'basis', 'note'];
const CJK = /[\u4e00-\u9fff]/;

/**
 * Problems with a list of seed versions: unknown codes, invalid values, P01 (which has no
 * safe default, R27), urban/rural split on a parameter that has none, OFFICIAL without a
 * verified basis, PLACEHOLDER without a Chinese note, duplicate versions.
 */
export function validateParameterSeed(rows: readonly unknown[]): string[] {
  const out: string[] = [];
  const versions = new Set<string>();
  rows.forEach((raw, i) => {
    const at = `row ${i}`;
    if (!isPlainObject(raw)) {
      out.push(`${at}: expected an object, got ${show(raw)}`);
      return;
    }
    for (const key of Object.keys(raw)) if (!SEED_KEYS.includes(key)) out.push(`${at}.${key}: unknown field`);
    const row = raw as Partial<ParameterSeedRow>;
    const label = `${at} (${String(row.code)})`;
    const def = typeof row.code === 'string' ? findParameterDefinition(row.code) : undefined;
    if (!def) {
      out.push(`${label}: unknown parameter code`);
      return;
    }
    if (def.code === 'P01') out.push(`${label}: P01 has no safe default (R27); MLA standards are entered, never seeded`);
    if (typeof row.regionCode !== 'string' || !/^\d{2}(\d{2}){0,2}(\d{3}){0,2}$/.test(row.regionCode)) {
      out.push(`${label}.regionCode: expected a 2/4/6/9/12-digit region code, got ${show(row.regionCode)}`);
    }
    if (row.urbanRural !== 'ALL' && row.urbanRural !== 'URBAN' && row.urbanRural !== 'RURAL') {
      out.push(`${label}.urbanRural: expected ALL, URBAN or RURAL, got ${show(row.urbanRural)}`);
    } else if (!def.byUrbanRural && row.urbanRural !== 'ALL') {
      out.push(`${label}.urbanRural: ${def.code} is not split by urban/rural; use ALL`);
    }
    if (!isIsoDate(row.effectiveFrom)) out.push(`${label}.effectiveFrom: expected YYYY-MM-DD, got ${show(row.effectiveFrom)}`);
    if (row.basis !== def.basis) out.push(`${label}.basis: expected '${def.basis}' (catalog), got ${show(row.basis)}`);
    if (row.confidence === 'OFFICIAL') {
      if (!mayBeOfficial(def)) out.push(`${label}.confidence: OFFICIAL needs a [V]/[V2] basis, ${def.code} is '${def.basis}'`);
    } else if (row.confidence !== 'PLACEHOLDER') {
      out.push(`${label}.confidence: expected OFFICIAL or PLACEHOLDER, got ${show(row.confidence)}`);
    }
    if (typeof row.note !== 'string' || !CJK.test(row.note)) {
      out.push(`${label}.note: expected a Chinese note saying what the value rests on or what must be confirmed`);
    }
    if (!('value' in row)) out.push(`${label}.value: missing`);
    else out.push(...validateParameterValue(def, row.value).map((p) => `${label}: ${p}`));
    const version = `${def.code}|${String(row.regionCode)}|${String(row.urbanRural)}|${String(row.effectiveFrom)}`;
    if (versions.has(version)) out.push(`${label}: duplicate version ${version}`);
    versions.add(version);
  });
  return out;
}
