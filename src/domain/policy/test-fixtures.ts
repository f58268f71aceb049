/**
 * Plain-data builders for policy-engine tests, DB tests and the benchmark: parameter sets
 * with the fictional test values of POLICY.md (rural standard 450 元/月, P05 30 %, central
 * basic pension 93 元 in 2021 …) and household facts, including Worked examples 1 and 2.
 * No DB, no clock, no randomness. Values are test values, not Qinghai's real figures.
 */
import type {
  AssetFact,
  ExpenditureFact,
  HouseholdFacts,
  IncomeFact,
  MemberFacts,
  ParameterInForce,
  ParameterSet,
  Provenance,
} from './assessment.types.js';

const money = (yuan: number) => ({ monthlyFen: Math.round(yuan * 100), published: { amount: yuan, unit: 'YUAN_PER_PERSON_MONTH' as const } });

/** Default values by code (the seed's placeholders plus a fictional P01 and a configured P19). */
export function defaultParamValues(urbanRural: 'URBAN' | 'RURAL' = 'RURAL'): Record<string, unknown> {
  return {
    P01: money(450),
    P02: 1.5,
    P03: 2,
    P04: 12,
    P05: { mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 1, documentedWorkersOnly: true },
    P06: {
      scope: 'CENTRAL_MINIMUM',
      window: { from: '2021-01-01', to: '2025-12-31' },
      centralMinimumByYear: { '2021': money(93), '2022': money(98), '2023': money(103), '2024': money(123), '2025': money(143) },
    },
    P17: { mode: 'DIFFERENCE', floorShareOfStandard: 0 },
    P18: { method: 'DIFFERENCE', bands: [] },
    P19: {
      configured: true,
      rules: {
        financialAssets: { maxMultipleOfAnnualStandard: 2 },
        housing: { maxDwellings: 1 },
        vehicles: { maxCount: 1, maxValueFen: 5_000_000, exemptPurposes: ['DISABILITY', 'WORKING', 'AGRICULTURAL'] },
        business: { allowed: false, maxValueFen: null },
        livestock: { maxSheepUnitsPerCapita: 40, sheepUnitsPerHead: { SHEEP: 1, GOAT: 0.8, YAK: 4, CATTLE: 5, HORSE: 6 } },
      },
    },
    P20: 1.3,
    P21: {
      basis: 'MLA_STANDARD',
      minimumShares: { fullSelfCare: { numerator: 1, denominator: 10 }, partialCare: { numerator: 1, denominator: 6 }, fullCare: { numerator: 1, denominator: 3 } },
      institutionalUpliftRate: 0.5,
    },
    P38: { expenditureShareThreshold: 0.6, validityMonths: 12 },
    P41: { eligibility: 'ACCEPTANCE_DATE', monthlyEntitlement: 'FIRST_DAY_OF_BENEFIT_MONTH' },
    P45: 'ROUND_HALF_UP_YUAN',
    P48: ['CONSCRIPT_IN_ACTIVE_SERVICE'],
    P51: [],
    P52: [],
    P53: false,
    P55: { addOns: [] },
    P56: { perHouseholdMonthlyFen: 0 },
    P57: { source: 'MEDICAL_ASSISTANCE_CATALOGUE', illnesses: [] },
    P58: urbanRural === 'RURAL' ? 2 : 1.5,
    P64: { population: 'ALL_RESIDENTS', area: 'PREFECTURE' },
    P65: [],
    P66: 'MLA_HOUSEHOLD_PROPERTY_RULE',
    P74: true,
    P75: false,
  };
}

/** Codes whose versions are split by urban/rural in the fixtures. */
const BY_UR = new Set(['P01', 'P03', 'P05', 'P09', 'P20', 'P21', 'P58']);

/**
 * A resolved ParameterSet. `overrides` replace values by code; `null` removes the code (not
 * configured). Every version is PLACEHOLDER unless `official` lists the code.
 */
export function buildParams(
  overrides: Record<string, unknown> = {},
  opts: { urbanRural?: 'URBAN' | 'RURAL'; official?: readonly string[]; regionCode?: string; effectiveFrom?: string } = {},
): ParameterSet {
  const ur = opts.urbanRural ?? 'RURAL';
  const values = { ...defaultParamValues(ur), ...overrides };
  const out: Record<string, ParameterInForce> = {};
  for (const [code, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out[code] = {
      code,
      versionId: `test-${code}`,
      regionCode: opts.regionCode ?? '63',
      urbanRural: BY_UR.has(code) ? ur : 'ALL',
      effectiveFrom: opts.effectiveFrom ?? '2021-01-01',
      confidence: opts.official?.includes(code) ? 'OFFICIAL' : 'PLACEHOLDER',
      value,
      status: 'APPROVED',
    };
  }
  return out;
}

export const DECLARED: Provenance = { source: 'DECLARED', detail: null, recordedAt: '2022-01-10T09:00:00+08:00', recordedBy: '张三' };
export const DEPARTMENT: Provenance = { source: 'DEPARTMENT', detail: '人社局 2022-01 批次', recordedAt: '2022-01-05T02:00:00+08:00', recordedBy: null };

export function buildMember(overrides: Partial<MemberFacts> & { personId: string }): MemberFacts {
  return {
    name: overrides.personId,
    relationship: 'OTHER',
    birthDate: '1980-01-01',
    sex: 'M',
    labourCapacity: 'FULL',
    healthStatus: 'HEALTHY',
    seriousIllness: null,
    disabilityCategory: null,
    disabilityGrade: null,
    employment: 'FARMING',
    studentStage: null,
    exclusion: null,
    selfCare: null,
    support: null,
    disabilityComponents: null,
    jobReferrals: null,
    obligors: null,
    personCategories: [],
    ...overrides,
  };
}

export function buildIncome(overrides: Partial<IncomeFact> & { id: string; incomeType: string; amountFen: number }): IncomeFact {
  return {
    personId: null,
    periodStart: '2021-01-01',
    periodEnd: '2021-12-31',
    provenance: DECLARED,
    note: null,
    ...overrides,
  };
}

export function buildAsset(overrides: Partial<AssetFact> & { id: string; assetType: string }): AssetFact {
  return {
    personId: null,
    description: overrides.assetType,
    quantity: null,
    unit: null,
    valueFen: null,
    details: null,
    provenance: DECLARED,
    ...overrides,
  };
}

export function buildExpenditure(overrides: Partial<ExpenditureFact> & { id: string; expenditureType: string; amountFen: number }): ExpenditureFact {
  return { personId: null, periodStart: '2021-01-01', periodEnd: '2021-12-31', provenance: DECLARED, ...overrides };
}

export function buildFacts(overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    householdId: 'hh-test',
    householdNo: 'T0001',
    regionCode: '632223100201',
    countyCode: '632223',
    urbanRural: 'RURAL',
    areaType: 'MIXED',
    members: [],
    incomes: [],
    assets: [],
    expenditures: [],
    categories: [],
    recipient: null,
    ...overrides,
  };
}

/** Adults aged 30–50 without disability: never 特困 candidates. */
export function adults(n: number): MemberFacts[] {
  return Array.from({ length: n }, (_, i) => buildMember({ personId: `m${i}`, name: `成员${i + 1}`, birthDate: `${1975 + i}-05-01` }));
}

/** Household of `size` adults whose counted income is exactly `perCapitaFen` per person per month. */
export function withPerCapita(perCapitaFen: number, size: number, extra: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return buildFacts({ members: adults(size), incomes: [buildIncome({ id: 'op', incomeType: 'OPERATING', amountFen: perCapitaFen * size * 12 })], ...extra });
}

/** Reference date of Worked example 1: window 2021-01 … 2021-12. */
export const WORKED_EXAMPLE_1_DATE = '2022-01-15';

/** POLICY.md §6 Worked example 1: rural household of 4, counted 19 824 元 → 413 元/月 → 148 元/月. */
export const WORKED_EXAMPLE_1: HouseholdFacts = buildFacts({
  householdId: 'hh-we1',
  householdNo: 'WE1',
  members: [
    buildMember({ personId: 'we1-husband', name: '扎西', relationship: 'HEAD', birthDate: '1976-06-01', sex: 'M', employment: 'MIGRANT' }),
    buildMember({ personId: 'we1-wife', name: '卓玛', relationship: 'SPOUSE', birthDate: '1979-03-10', sex: 'F', employment: 'HERDING' }),
    buildMember({
      personId: 'we1-son',
      name: '才让',
      relationship: 'CHILD',
      birthDate: '2004-05-20',
      labourCapacity: 'PARTIAL',
      employment: 'NOT_APPLICABLE',
      studentStage: 'SENIOR',
      obligors: [
        { name: '扎西', relationship: '父母', inabilityGround: null },
        { name: '卓玛', relationship: '父母', inabilityGround: null },
      ],
    }),
    buildMember({
      personId: 'we1-grandmother',
      name: '拉毛',
      relationship: 'GRANDPARENT',
      birthDate: '1953-08-08',
      sex: 'F',
      labourCapacity: 'NONE',
      employment: 'NOT_APPLICABLE',
      obligors: [{ name: '扎西', relationship: '子女', inabilityGround: null }],
    }),
  ],
  incomes: [
    buildIncome({ id: 'we1-i1', personId: 'we1-husband', incomeType: 'WAGE', amountFen: 1_560_000, note: '外出务工每月1,300元×12个月' }),
    buildIncome({ id: 'we1-i2', personId: 'we1-wife', incomeType: 'OPERATING', amountFen: 360_000, note: '卖羊和农作物6,000元，减饲料、种子、兽药2,400元' }),
    buildIncome({ id: 'we1-i3', personId: 'we1-grandmother', incomeType: 'PENSION_RESIDENT_BASIC', amountFen: 216_000, provenance: DEPARTMENT, note: '每月180元' }),
    buildIncome({ id: 'we1-i4', incomeType: 'MAINTENANCE_RECEIVED', amountFen: 120_000, note: '出嫁女儿给付' }),
    buildIncome({ id: 'we1-i5', personId: 'we1-son', incomeType: 'SCHOLARSHIP', amountFen: 100_000 }),
    buildIncome({ id: 'we1-i6', incomeType: 'FAMILY_PLANNING', amountFen: 96_000 }),
    buildIncome({ id: 'we1-i7', incomeType: 'SOCIAL_ASSISTANCE', amountFen: 200_000, periodStart: '2021-12-01', periodEnd: '2021-12-31', note: '去冬临时救助' }),
  ],
  assets: [
    buildAsset({ id: 'we1-a1', assetType: 'HOUSE', description: '自建房一处' }),
    buildAsset({ id: 'we1-a2', assetType: 'DEPOSIT', description: '信用社存款', valueFen: 500_000 }),
    buildAsset({ id: 'we1-a3', assetType: 'LIVESTOCK', personId: 'we1-wife', description: '藏系羊', quantity: 30, unit: '只', details: { species: 'SHEEP' } }),
  ],
});

/** Parameter overrides that switch R21.1 and R22 off (Worked example 1 control case, T8). */
export const WITHOUT_R21_1_AND_R22: Record<string, unknown> = {
  P05: { mode: 'NONE', rate: 0, capMultipleOfStandard: 1, documentedWorkersOnly: false },
  P06: { scope: 'CENTRAL_MINIMUM', window: { from: '2026-01-01', to: null }, centralMinimumByYear: {} },
};

/**
 * POLICY.md §8.2 Worked example 2: rural household of 3 with the given per-capita monthly
 * income (all from the parents' farm); the 28-year-old son holds a grade-2 physical
 * disability certificate and has no income of his own.
 */
export function workedExample2(perCapitaMonthlyFen: number): HouseholdFacts {
  return buildFacts({
    householdId: 'hh-we2',
    householdNo: 'WE2',
    members: [
      buildMember({ personId: 'we2-father', name: '索南', relationship: 'HEAD', birthDate: '1966-04-01' }),
      buildMember({ personId: 'we2-mother', name: '德吉', relationship: 'SPOUSE', birthDate: '1968-09-01', sex: 'F' }),
      buildMember({
        personId: 'we2-son',
        name: '多杰',
        relationship: 'CHILD',
        birthDate: '1993-07-01',
        labourCapacity: 'NONE',
        healthStatus: 'DISABLED',
        disabilityCategory: 'PHYSICAL',
        disabilityGrade: 2,
        employment: 'NOT_APPLICABLE',
        obligors: [
          { name: '索南', relationship: '父母', inabilityGround: null },
          { name: '德吉', relationship: '父母', inabilityGround: null },
        ],
      }),
    ],
    incomes: [buildIncome({ id: 'we2-i1', incomeType: 'OPERATING', amountFen: perCapitaMonthlyFen * 3 * 12, note: '种植养殖经营净收入' })],
    assets: [buildAsset({ id: 'we2-a1', assetType: 'HOUSE', description: '自建房一处' })],
  });
}
