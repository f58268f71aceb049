/**
 * Quiet mode (`assessHousehold(…, { explain: false })`, `decideRecipientTransition({ …,
 * explain: false })`): the same decision as the explained call, without the explanation.
 * Table-driven over the worked examples and varied fixtures, then fast-check over arbitrary
 * households, parameter sets and recipient states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../errors.js';
import type { Assessment, AssetFact, ExpenditureFact, HouseholdFacts, IncomeFact, MemberFacts, ParameterInForce, ParameterSet, RecipientState } from './assessment.types.js';
import { assessHousehold } from './assess-household.rules.js';
import { EXCLUDED_INCOME_TYPES } from './income.rules.js';
import { decideRecipientTransition, type TransitionInput } from './lifecycle.rules.js';
import {
  buildAsset,
  buildExpenditure,
  buildFacts,
  buildIncome,
  buildMember,
  buildParams,
  DECLARED,
  DEPARTMENT,
  WITHOUT_R21_1_AND_R22,
  WORKED_EXAMPLE_1,
  WORKED_EXAMPLE_1_DATE,
  workedExample2,
  adults,
  withPerCapita,
} from './test-fixtures.js';

const money = (fen: number) => ({ monthlyFen: fen, published: { amount: fen / 100, unit: 'YUAN_PER_PERSON_MONTH' } });

/**
 * The quiet call must equal the explained one except for the explanation: same result,
 * same parametersUsed (keys in the same order, as stored), same refusal.
 */
function expectSameDecision(loud: Decision<Assessment>, quiet: Decision<Assessment>): void {
  if (!loud.ok) {
    expect(quiet).toEqual(loud);
    return;
  }
  expect(quiet).toEqual({ ok: true, value: { result: loud.value.result, explanation: [], parametersUsed: loud.value.parametersUsed } });
  if (quiet.ok) expect(Object.keys(quiet.value.parametersUsed)).toEqual(Object.keys(loud.value.parametersUsed));
}

function both(facts: HouseholdFacts, params: ParameterSet, date: string): { loud: Decision<Assessment>; quiet: Decision<Assessment> } {
  return { loud: assessHousehold(facts, params, date), quiet: assessHousehold(facts, params, date, { explain: false }) };
}

function assessed(facts: HouseholdFacts, params: ParameterSet = buildParams(), date = WORKED_EXAMPLE_1_DATE): Assessment {
  const r = assessHousehold(facts, params, date);
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
}

// ---------------------------------------------------------------------------------------
// Fixtures


/** WE1 with the grandmother (no obligor, self-care assessed) recognised as 特困. */
const WE1_TEKUN: HouseholdFacts = {
  ...WORKED_EXAMPLE_1,
  members: WORKED_EXAMPLE_1.members.map((m) =>
    m.personId === 'we1-grandmother'
      ? { ...m, obligors: [], selfCare: { eating: true, dressing: false, gettingInOutOfBed: true, usingToilet: false, walkingIndoors: true, bathing: false, assessedOn: '2021-11-02' } }
      : m,
  ),
};

/** Single person with a grade-1 physical disability and no obligor (特困 candidate and 单人保 ground). */
const SEVERELY_DISABLED_SINGLE = buildFacts({
  members: [buildMember({ personId: 'd1', name: '次仁', birthDate: '1985-03-01', labourCapacity: 'NONE', healthStatus: 'DISABLED', disabilityCategory: 'PHYSICAL', disabilityGrade: 1, employment: 'NOT_APPLICABLE', obligors: [] })],
  incomes: [buildIncome({ id: 'd1-i', personId: 'd1', incomeType: 'TRANSFER', amountFen: 120_000 })],
});

/** Single person with a serious illness (重病) and some own income. */
const SERIOUSLY_ILL_SINGLE = buildFacts({
  members: [buildMember({ personId: 's1', name: '央金', birthDate: '1970-09-01', sex: 'F', healthStatus: 'SERIOUS', seriousIllness: '尿毒症', obligors: null })],
  incomes: [buildIncome({ id: 's1-i', personId: 's1', incomeType: 'PENSION_OTHER', amountFen: 300_000 })],
});

/** Three adults, one seriously ill, household income between the standard and 1.5 × (R31.2). */
const ILL_MEMBER_OF_HOUSEHOLD = (() => {
  const f = withPerCapita(62_000, 3);
  f.members[2] = { ...f.members[2]!, healthStatus: 'SERIOUS', seriousIllness: '尿毒症' };
  return f;
})();

/** WE1 currently in the gradual-exit period (the recipient state travels with the facts). */
const WE1_IN_GRADUAL_EXIT: HouseholdFacts = {
  ...WORKED_EXAMPLE_1,
  categories: ['DIBAO'],
  recipient: { status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, sinceMonth: '2020-02', gradualExitFrom: '2021-08', gradualExitUntil: '2022-01', gradualExitSchedule: null, previousCountedByType: { WAGE: 1_000_000, OPERATING: 360_000 }, previousPerCapitaMonthlyFen: 41_300 },
};

/** A prisoner with wages, an excluded conscript, grassland subsidy, a wage spread over two items. */
const EXCLUSIONS_AND_SPLIT_WAGES: HouseholdFacts = {
  ...WORKED_EXAMPLE_1,
  members: [
    ...WORKED_EXAMPLE_1.members,
    buildMember({ personId: 'we1-uncle', name: '旺堆', exclusion: 'PRISON' }),
    buildMember({ personId: 'we1-soldier', name: '多吉', exclusion: 'CONSCRIPT_IN_ACTIVE_SERVICE' }),
  ],
  incomes: [
    ...WORKED_EXAMPLE_1.incomes,
    buildIncome({ id: 'u1', personId: 'we1-uncle', incomeType: 'WAGE', amountFen: 900_000 }),
    buildIncome({ id: 'w2', personId: 'we1-husband', incomeType: 'WAGE', amountFen: 200_000, periodStart: '2021-11-15', periodEnd: '2022-02-14', provenance: DEPARTMENT }),
    buildIncome({ id: 'g1', personId: 'we1-wife', incomeType: 'GRASSLAND_SUBSIDY', amountFen: 150_000 }),
    buildIncome({ id: 'old', incomeType: 'OPERATING', amountFen: 500_000, periodStart: '2019-01-01', periodEnd: '2019-12-31' }),
  ],
};

const TIGHT_PROPERTY = { configured: true, rules: { financialAssets: { maxMultipleOfAnnualStandard: 0.01 }, housing: { maxDwellings: 0 }, vehicles: { applies: false }, business: { allowed: false }, livestock: { applies: false } } };

const HOUSEHOLD_CASES: ReadonlyArray<readonly [string, HouseholdFacts, ParameterSet, string]> = [
  ['R102 Worked example 1 (T7)', WORKED_EXAMPLE_1, buildParams(), WORKED_EXAMPLE_1_DATE],
  ['R102 Worked example 1 without R21.1 and R22 (T8)', WORKED_EXAMPLE_1, buildParams(WITHOUT_R21_1_AND_R22), WORKED_EXAMPLE_1_DATE],
  ['R21.1/R22 Worked example 1, P05 fixed amount, P06 whole basic pension', WORKED_EXAMPLE_1, buildParams({ P05: { mode: 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER', rate: 0, capMultipleOfStandard: 0.2, fixedMonthlyFen: 20_000 }, P06: { scope: 'ALL_BASIC_PENSION', window: { from: '2021-01-01', to: null }, centralMinimumByYear: {} } }), WORKED_EXAMPLE_1_DATE],
  ['R21.1 Worked example 1, P05 on the minimum wage (not configured: income may be overstated)', WORKED_EXAMPLE_1, buildParams({ P05: { mode: 'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 1 } }), WORKED_EXAMPLE_1_DATE],
  ['R21.1/R22 Worked example 1, P05 and P06 not configured', WORKED_EXAMPLE_1, buildParams({ P05: null, P06: null }), WORKED_EXAMPLE_1_DATE],
  ['R22.3 Worked example 1, central minimum pension missing for the year (income may be overstated)', WORKED_EXAMPLE_1, buildParams({ P06: { scope: 'CENTRAL_MINIMUM', window: { from: '2021-01-01', to: '2025-12-31' }, centralMinimumByYear: {} } }), WORKED_EXAMPLE_1_DATE],
  ['R31/R32 Worked example 2: the 重残 son alone (P58 1.5)', workedExample2(62_000), buildParams({ P58: 1.5 }), WORKED_EXAMPLE_1_DATE],
  ['R31/R32 Worked example 2 at 800: Qinghai rural P58 2.0', workedExample2(80_000), buildParams({ P58: 2 }), WORKED_EXAMPLE_1_DATE],
  ['R31.1/R48 single-person household, 重残 and no obligor', SEVERELY_DISABLED_SINGLE, buildParams(), WORKED_EXAMPLE_1_DATE],
  ['R31.2 single-person household, 重病, P57 list', SERIOUSLY_ILL_SINGLE, buildParams({ P57: { source: 'CUSTOM_LIST', illnesses: ['尿毒症'] } }), WORKED_EXAMPLE_1_DATE],
  ['R31.2 重病 member of a household, P17 floor', ILL_MEMBER_OF_HOUSEHOLD, buildParams({ P17: { mode: 'DIFFERENCE', floorShareOfStandard: 0.6 } }), WORKED_EXAMPLE_1_DATE],
  ['R48/R102.1 特困 member supported separately (P75 false), R53/R55 care level', WE1_TEKUN, buildParams(), WORKED_EXAMPLE_1_DATE],
  ['R48/R102.1 特困 member kept in the headcount (P75 true), P21 minimum-wage basis', WE1_TEKUN, buildParams({ P75: true, P21: { basis: 'PREVIOUS_YEAR_MINIMUM_WAGE', minimumShares: { fullSelfCare: { numerator: 1, denominator: 10 }, partialCare: { numerator: 1, denominator: 5 }, fullCare: { numerator: 1, denominator: 2 } }, institutionalUpliftRate: 0.2, previousYearMinimumWageMonthlyFenByYear: { '2021': 180_000 } } }), WORKED_EXAMPLE_1_DATE],
  ['R49/P65 特困 with provincial situations, P20 not configured', WE1_TEKUN, buildParams({ P65: ['LOCAL_X', 'SERIOUS_ILLNESS', 'RECORDED_NO_LABOUR_CAPACITY'], P20: null, P75: null }), WORKED_EXAMPLE_1_DATE],
  ['R44 recipient household in 渐退', WE1_IN_GRADUAL_EXIT, buildParams(WITHOUT_R21_1_AND_R22), WORKED_EXAMPLE_1_DATE],
  ['R25 property over the limit', WORKED_EXAMPLE_1, buildParams({ P19: TIGHT_PROPERTY }), WORKED_EXAMPLE_1_DATE],
  ['R25 P19 unconfigured', WORKED_EXAMPLE_1, buildParams({ P19: { configured: false } }), WORKED_EXAMPLE_1_DATE],
  ['R25 P19 absent', WORKED_EXAMPLE_1, buildParams({ P19: null }), WORKED_EXAMPLE_1_DATE],
  ['R15/R18/R100 exclusions, split wages, grassland subsidy, out-of-window income', EXCLUSIONS_AND_SPLIT_WAGES, buildParams({ P48: null, P74: null }), WORKED_EXAMPLE_1_DATE],
  ['R29 banded method (P18) with add-ons (P55) and minimum (P56)', { ...withPerCapita(40_000, 2), dibaoBand: 'A' }, buildParams({ P18: { method: 'BANDED', bands: [{ code: 'A', label: '一档', shareOfStandard: 0.8 }] }, P55: { addOns: [{ category: 'ELDERLY', shareOfStandard: 0.1 }, { category: 'MINOR', monthlyFen: 5_000 }] }, P56: { perHouseholdMonthlyFen: 2_000 }, P45: null }), WORKED_EXAMPLE_1_DATE],
  ['R45 edge household, urban (R46 not applicable)', withPerCapita(60_000, 2, { urbanRural: 'URBAN' }), buildParams({}, { urbanRural: 'URBAN' }), WORKED_EXAMPLE_1_DATE],
  ['R47 rigid-expenditure household (P64 configured, P53 deduction)', withPerCapita(100_000, 2, { expenditures: [buildExpenditure({ id: 'e', expenditureType: 'MEDICAL_OUT_OF_POCKET', amountFen: 2_000_000 }), buildExpenditure({ id: 'a', expenditureType: 'ASSISTANCE_RECEIVED', amountFen: 100_000 })] }), buildParams({ P53: true, P64: { population: 'ALL_RESIDENTS', area: 'PREFECTURE', annualFenByYear: { '2021': 3_000_000 } } }), WORKED_EXAMPLE_1_DATE],
  ['R14 household without counted members', buildFacts({ members: [buildMember({ personId: 'x', exclusion: 'PRISON' })] }), buildParams(), WORKED_EXAMPLE_1_DATE],
  ['R27 refusal: no standard (P01)', WORKED_EXAMPLE_1, buildParams({ P01: null }), WORKED_EXAMPLE_1_DATE],
  ['R18 refusal: no income window (P04)', WORKED_EXAMPLE_1, buildParams({ P04: null }), WORKED_EXAMPLE_1_DATE],
  ['R102 refusal: invalid reference date', WORKED_EXAMPLE_1, buildParams(), '2022-02-30'],
];

describe('quiet mode: the same assessment without the explanation (R102)', () => {
  it.each(HOUSEHOLD_CASES)('%s', (_name, facts, params, date) => {
    const { loud, quiet } = both(facts, params, date);
    if (loud.ok) expect(loud.value.explanation.length).toBeGreaterThan(0);
    expectSameDecision(loud, quiet);
  });

  it('R102: explain defaults to true (no options, empty options, explain: true give the same explanation)', () => {
    const a = assessHousehold(WORKED_EXAMPLE_1, buildParams(), WORKED_EXAMPLE_1_DATE);
    expect(assessHousehold(WORKED_EXAMPLE_1, buildParams(), WORKED_EXAMPLE_1_DATE, {})).toEqual(a);
    expect(assessHousehold(WORKED_EXAMPLE_1, buildParams(), WORKED_EXAMPLE_1_DATE, { explain: true })).toEqual(a);
    expect(a.ok && a.value.explanation).toHaveLength(40);
  });

  it('R102: the 特困 parameters cited only in steps (P19, P20, P21, P65) are still recorded in quiet mode', () => {
    const params = buildParams({ P65: ['LOCAL_X'] });
    const quiet = assessHousehold(WE1_TEKUN, params, WORKED_EXAMPLE_1_DATE, { explain: false });
    expect(quiet.ok && quiet.value.parametersUsed).toMatchObject({ P19: 'test-P19', P20: 'test-P20', P21: 'test-P21', P65: 'test-P65' });
  });
});

// ---------------------------------------------------------------------------------------
// Transitions

const P09_RURAL = { P09: { lengthMonths: 12, minimumMonths: 12 } };

function transitionCases(): Array<[string, TransitionInput, string | null]> {
  const we1 = assessed(WORKED_EXAMPLE_1).result; // eligible, 148/month
  const we1High = assessed(WORKED_EXAMPLE_1, buildParams(WITHOUT_R21_1_AND_R22)).result; // 470/month, not eligible
  const propertyFail = assessed(WORKED_EXAMPLE_1, buildParams({ P19: TIGHT_PROPERTY })).result;
  const undetermined = assessed(WORKED_EXAMPLE_1, buildParams({ P19: { configured: false } })).result;
  const active: RecipientState = { status: 'ACTIVE', monthlyAmountFen: 20_000, sinceMonth: '2020-02', gradualExitFrom: null, gradualExitUntil: null, gradualExitSchedule: null, previousCountedByType: { WAGE: 1_000_000, OPERATING: 360_000 }, previousPerCapitaMonthlyFen: 41_300 };
  const inExit = WE1_IN_GRADUAL_EXIT.recipient!;
  const base = { decisionDate: '2022-01-20', params: buildParams(P09_RURAL), hasDibaoCategory: true };
  return [
    ['R4 registered 低保 household, first assessment → ACTIVE', { ...base, recipient: null, result: we1 }, 'ACTIVE'],
    ['R37 new applicant eligible → no transition', { ...base, recipient: null, result: we1, hasDibaoCategory: false }, null],
    ['R42 review changes the amount → ACTIVE', { ...base, recipient: active, result: we1 }, 'ACTIVE'],
    ['R42 review keeps the amount → no transition', { ...base, recipient: { ...active, monthlyAmountFen: 14_800 }, result: we1 }, null],
    ['R44 employment-driven rise → GRADUAL_EXIT', { ...base, recipient: active, result: we1High }, 'GRADUAL_EXIT'],
    ['R44.4 previous figures missing → no transition', { ...base, recipient: { ...active, previousCountedByType: null }, result: we1High }, null],
    ['R44.1 no P09 → STOPPED', { ...base, params: buildParams(), recipient: active, result: we1High }, 'STOPPED'],
    ['R44.2 P62 stepped down without schedule → no transition', { ...base, params: buildParams({ ...P09_RURAL, P62: 'STEPPED_DOWN' }), recipient: active, result: we1High }, null],
    ['R44.2 recipient in 渐退 before its last month → no transition', { ...base, decisionDate: '2021-11-10', recipient: inExit, result: we1High }, null],
    ['R44.3 recipient in 渐退, last month, still above the standard → STOPPED', { ...base, recipient: inExit, result: we1High }, 'STOPPED'],
    ['R44.3 recipient in 渐退, last month, eligible again → ACTIVE', { ...base, recipient: inExit, result: we1 }, 'ACTIVE'],
    ['R43 property no longer meets the rules → STOPPED', { ...base, recipient: active, result: propertyFail }, 'STOPPED'],
    ['R43 undetermined assessment → no transition', { ...base, recipient: active, result: undetermined }, null],
    ['R43 stopped recipient → no transition', { ...base, recipient: { ...active, status: 'STOPPED' }, result: we1 }, null],
  ];
}

describe('quiet mode: the same recipient transition without steps (R44)', () => {
  it.each(transitionCases())('%s', (_name, input, to) => {
    const loud = decideRecipientTransition(input);
    const quiet = decideRecipientTransition({ ...input, explain: false });
    expect(loud.transition?.to ?? null).toBe(to);
    expect(loud.steps.length).toBeGreaterThan(0);
    expect(quiet).toEqual({ transition: loud.transition, steps: [] });
    expect(decideRecipientTransition({ ...input, explain: true })).toEqual(loud);
  });
});

// ---------------------------------------------------------------------------------------
// Properties (fast-check): arbitrary households, parameter sets, dates and recipient states

const INCOME_TYPES = ['WAGE', 'OPERATING', 'PROPERTY', 'TRANSFER', 'PENSION_RESIDENT_BASIC', 'PENSION_OTHER', 'GRASSLAND_SUBSIDY', 'MAINTENANCE_RECEIVED', 'OTHER', 'LOTTERY', ...EXCLUDED_INCOME_TYPES];
const EMPLOYMENTS = ['EMPLOYED', 'FLEXIBLE', 'MIGRANT', 'FARMING', 'HERDING', 'UNEMPLOYED', 'RETIRED', 'NOT_APPLICABLE', null];
const GROUNDS = [null, 'TEKUN', 'DIBAO_AGED_60', 'AGED_70_LOW_INCOME', 'SEVERE_DISABILITY_LOW_INCOME', 'NO_CIVIL_CAPACITY_MISSING_OR_PRISON', 'PROVINCIAL_OTHER'] as const;

const memberArb = (i: number) =>
  fc
    .record({
      birthYear: fc.integer({ min: 1925, max: 2021 }),
      birthMonth: fc.integer({ min: 1, max: 12 }),
      labour: fc.constantFrom('FULL', 'PARTIAL', 'NONE', null),
      health: fc.constantFrom('HEALTHY', 'CHRONIC', 'SERIOUS', 'DISABLED', null),
      illness: fc.constantFrom(null, null, '尿毒症', '感冒'),
      disability: fc.option(fc.record({ cat: fc.constantFrom('PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'VISUAL', 'HEARING', 'MULTIPLE'), grade: fc.integer({ min: 1, max: 4 }) }), { nil: null, freq: 3 }),
      // a 多重残疾's categories (read only when the certificate says MULTIPLE)
      components: fc.option(
        fc.array(fc.record({ category: fc.constantFrom('VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL'), grade: fc.integer({ min: 1, max: 4 }) }), { minLength: 2, maxLength: 3 }),
        { nil: null },
      ),
      // R43 jobs offered, mostly refused (three in a row are the case that matters)
      referrals: fc.option(
        fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), outcome: fc.constantFrom('REFUSED_UNJUSTIFIED', 'REFUSED_UNJUSTIFIED', 'REFUSED_JUSTIFIED', 'ACCEPTED') }), { maxLength: 5 }),
        { nil: null },
      ),
      employment: fc.constantFrom(...EMPLOYMENTS),
      stage: fc.constantFrom(null, null, 'NONE', 'PRIMARY', 'SENIOR', 'COLLEGE'),
      exclusion: fc.constantFrom(null, null, null, null, null, 'PRISON', 'CONSCRIPT_IN_ACTIVE_SERVICE') as fc.Arbitrary<MemberFacts['exclusion']>,
      selfCare: fc.option(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()), { nil: null }),
      obligors: fc.option(fc.array(fc.constantFrom(...GROUNDS), { maxLength: 2 }), { nil: null, freq: 4 }),
      tekun: fc.boolean(),
    })
    .map(
      (m): MemberFacts =>
        buildMember({
          personId: `p${i}`,
          name: `成员${i}`,
          birthDate: `${m.birthYear}-${String(m.birthMonth).padStart(2, '0')}-15`,
          labourCapacity: m.labour,
          healthStatus: m.health,
          seriousIllness: m.illness,
          disabilityCategory: m.disability?.cat ?? null,
          disabilityGrade: m.disability?.grade ?? null,
          disabilityComponents: m.components,
          jobReferrals:
            m.referrals &&
            m.referrals.map((r, k) => ({
              referredOn: `2021-${String(r.month).padStart(2, '0')}-${String(10 + k).padStart(2, '0')}`,
              position: `岗位${k}`,
              outcome: r.outcome as 'ACCEPTED' | 'REFUSED_JUSTIFIED' | 'REFUSED_UNJUSTIFIED',
              note: null,
            })),
          employment: m.employment,
          studentStage: m.stage,
          exclusion: m.exclusion,
          selfCare: m.selfCare && {
            eating: m.selfCare[0],
            dressing: m.selfCare[1],
            gettingInOutOfBed: m.selfCare[2],
            usingToilet: m.selfCare[3],
            walkingIndoors: m.selfCare[4],
            bathing: m.selfCare[5],
            assessedOn: '2021-11-02',
          },
          obligors: m.obligors && m.obligors.map((g, k) => ({ name: `亲属${k}`, relationship: '子女', inabilityGround: g })),
          personCategories: m.tekun ? ['TEKUN'] : [],
        }),
    );

/** A member, the household (null) or someone not in the household. */
const ownerArb = (size: number) => fc.integer({ min: -2, max: size - 1 }).map((o) => (o === -1 ? null : o === -2 ? 'ghost' : `p${o}`));

const incomeArb = (size: number, i: number) =>
  fc
    .record({
      owner: ownerArb(size),
      type: fc.constantFrom(...INCOME_TYPES),
      amount: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 3_000_000 })),
      startMonth: fc.integer({ min: 1, max: 12 }),
      startYear: fc.constantFrom(2020, 2021, 2022),
      length: fc.integer({ min: 0, max: 500 }),
      note: fc.constantFrom(null, '备注'),
      department: fc.boolean(),
    })
    .map((x): IncomeFact => {
      const start = `${x.startYear}-${String(x.startMonth).padStart(2, '0')}-01`;
      const end = new Date(Date.UTC(x.startYear, x.startMonth - 1, 1 + x.length)).toISOString().slice(0, 10);
      return buildIncome({ id: `i${i}`, personId: x.owner, incomeType: x.type, amountFen: x.amount, periodStart: start, periodEnd: end, note: x.note, provenance: x.department ? DEPARTMENT : DECLARED });
    });

const assetArb = (size: number, i: number) =>
  fc
    .record({
      owner: ownerArb(size),
      type: fc.constantFrom('HOUSE', 'VEHICLE', 'BUSINESS', 'DEPOSIT', 'SECURITIES', 'LIVESTOCK', 'OTHER'),
      value: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null, freq: 4 }),
      quantity: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null, freq: 4 }),
      purpose: fc.constantFrom(undefined, 'DISABILITY', 'PRIVATE'),
      species: fc.constantFrom(undefined, 'SHEEP', 'YAK', 'CAMEL'),
    })
    .map((a): AssetFact => {
      const details: Record<string, unknown> = {};
      if (a.purpose) details.purpose = a.purpose;
      if (a.species) details.species = a.species;
      return buildAsset({ id: `a${i}`, personId: a.owner, assetType: a.type, description: `${a.type}${i}`, valueFen: a.value, quantity: a.quantity, details: Object.keys(details).length ? details : null });
    });

const expenditureArb = (size: number, i: number) =>
  fc
    .record({
      owner: ownerArb(size),
      type: fc.constantFrom('MEDICAL_OUT_OF_POCKET', 'EDUCATION', 'REHABILITATION', 'BASIC_LIVING', 'ASSISTANCE_RECEIVED'),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
      year: fc.constantFrom(2021, 2022),
    })
    .map((e): ExpenditureFact => buildExpenditure({ id: `e${i}`, personId: e.owner, expenditureType: e.type, amountFen: e.amount, periodStart: `${e.year}-01-01`, periodEnd: `${e.year}-12-31` }));

const listOf = <T,>(max: number, item: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant<T[]>([]) : fc.tuple(...Array.from({ length: n }, (_, i) => item(i))).map((t) => [...t])));

const householdArb = (urbanRural: 'URBAN' | 'RURAL') =>
  fc.integer({ min: 0, max: 5 }).chain((size) =>
    fc
      .record({
        members: size === 0 ? fc.constant<MemberFacts[]>([]) : fc.tuple(...Array.from({ length: size }, (_, i) => memberArb(i))).map((t) => [...t]),
        incomes: listOf(8, (i) => incomeArb(size, i)),
        assets: listOf(3, (i) => assetArb(size, i)),
        expenditures: listOf(2, (i) => expenditureArb(size, i)),
        fangfanpin: fc.boolean(),
        band: fc.constantFrom(undefined, 'A', 'Z'),
      })
      .map(({ fangfanpin, band, ...rest }): HouseholdFacts => ({
        ...buildFacts({ urbanRural, ...rest, categories: fangfanpin ? ['FANGFANPIN'] : [] }),
        ...(band === undefined ? {} : { dibaoBand: band }),
      })),
  );

/** Parameter sets around the fixtures' defaults: values switched, missing or unusual. */
const paramsArb = (urbanRural: 'URBAN' | 'RURAL'): fc.Arbitrary<ParameterSet> =>
  fc
    .record({
      P01: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 100, max: 2_000 }).map((yuan) => money(yuan * 100)) }, { weight: 1, arbitrary: fc.constant(null) }),
      P02: fc.constantFrom(undefined, null, 1.2),
      P03: fc.constantFrom(undefined, null),
      P04: fc.constantFrom(undefined, undefined, undefined, undefined, 6, null),
      P05: fc.constantFrom(
        undefined,
        null,
        { mode: 'NONE' },
        { mode: 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER', rate: 0, capMultipleOfStandard: 0.5, fixedMonthlyFen: 30_000 },
        { mode: 'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER', rate: 0.2, capMultipleOfStandard: 1 },
      ),
      P06: fc.constantFrom(
        undefined,
        null,
        { scope: 'ALL_BASIC_PENSION', window: { from: '2021-03-01', to: null }, centralMinimumByYear: {} },
        { scope: 'CENTRAL_MINIMUM', window: { from: '2020-01-01', to: null }, centralMinimumByYear: { '2021': money(9_300) } },
        { scope: 'CENTRAL_MINIMUM', window: { from: '2020-01-01', to: null }, centralMinimumByYear: {} },
      ),
      P17: fc.constantFrom(undefined, null, { mode: 'DIFFERENCE', floorShareOfStandard: 0.6 }, { mode: 'BANDED', floorShareOfStandard: 0 }),
      P18: fc.constantFrom(undefined, null, { method: 'BANDED', bands: [{ code: 'A', label: '一档', shareOfStandard: 0.8 }] }),
      P19: fc.constantFrom(undefined, undefined, null, { configured: false }, TIGHT_PROPERTY, { configured: true, rules: { financialAssets: {}, housing: { applies: false }, vehicles: { maxCount: 0, maxValueFen: null }, business: { allowed: true, maxValueFen: 1_000_000 }, livestock: { maxSheepUnitsPerCapita: 10, sheepUnitsPerHead: { SHEEP: 1 } } } }),
      P20: fc.constantFrom(undefined, null),
      P21: fc.constantFrom(undefined, null, { basis: 'PREVIOUS_YEAR_MINIMUM_WAGE', minimumShares: { fullSelfCare: { numerator: 1, denominator: 10 }, partialCare: { numerator: 1, denominator: 5 }, fullCare: { numerator: 1, denominator: 2 } }, institutionalUpliftRate: 0.2, previousYearMinimumWageMonthlyFenByYear: { '2021': 180_000 } }),
      P45: fc.constantFrom(undefined, null, 'NO_ROUNDING'),
      P48: fc.constantFrom(undefined, null),
      P51: fc.constantFrom(undefined, ['LOTTERY']),
      P52: fc.constantFrom(undefined, ['TRANSFER']),
      P53: fc.constantFrom(undefined, true),
      P55: fc.constantFrom(undefined, { addOns: [{ category: 'ELDERLY', shareOfStandard: 0.1 }, { category: 'SEVERE_DISABILITY', monthlyFen: 3_000 }] }),
      P56: fc.constantFrom(undefined, { perHouseholdMonthlyFen: 2_000 }),
      P57: fc.constantFrom(undefined, { source: 'CUSTOM_LIST', illnesses: ['尿毒症'] }),
      P58: fc.constantFrom(undefined, null, 1.5),
      P64: fc.constantFrom(undefined, { population: 'ALL_RESIDENTS', area: 'PREFECTURE', annualFenByYear: { '2021': 2_400_000 } }),
      P65: fc.constantFrom(undefined, ['SERIOUS_ILLNESS', 'RECORDED_NO_LABOUR_CAPACITY'], ['LOCAL_X']),
      P74: fc.constantFrom(undefined, null, false),
      P75: fc.constantFrom(undefined, null, true),
      P76: fc.constantFrom(undefined, { mode: 'COUNTY_DECIDES', reduceRate: null }, { mode: 'STOP_OWN_SHARE', reduceRate: null }, { mode: 'REDUCE_OWN_SHARE', reduceRate: 0.3 }),
      official: fc.constantFrom([], ['P01', 'P05', 'P19']),
    })
    .map(({ official, ...values }) => {
      const overrides: Record<string, unknown> = {};
      for (const [code, v] of Object.entries(values)) if (v !== undefined) overrides[code] = v;
      return buildParams(overrides, { urbanRural, official });
    });

const caseArb = fc
  .constantFrom<'URBAN' | 'RURAL'>('RURAL', 'URBAN')
  .chain((ur) => fc.tuple(householdArb(ur), paramsArb(ur), fc.constantFrom(WORKED_EXAMPLE_1_DATE, WORKED_EXAMPLE_1_DATE, '2021-06-30', '2020-02-29', '2022-13-01')));

const recipientArb: fc.Arbitrary<RecipientState | null> = fc.option(
  fc.record({
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'GRADUAL_EXIT', 'STOPPED'),
    monthlyAmountFen: fc.integer({ min: 0, max: 200_000 }),
    sinceMonth: fc.constant('2020-01'),
    gradualExitFrom: fc.constantFrom(null, '2021-09'),
    gradualExitUntil: fc.constantFrom(null, '2022-01', '2022-06'),
    gradualExitSchedule: fc.constantFrom(null, [
      { fromMonth: '2021-09', untilMonth: '2021-11', amountFen: 20_000 },
      { fromMonth: '2021-12', untilMonth: '2022-02', amountFen: 10_000 },
    ]),
    previousCountedByType: fc.option(fc.record({ WAGE: fc.integer({ min: 0, max: 2_000_000 }), OPERATING: fc.integer({ min: 0, max: 2_000_000 }) }), { nil: null, freq: 4 }),
    previousPerCapitaMonthlyFen: fc.constantFrom(null, 40_000),
  }),
  { nil: null, freq: 4 },
);

describe('quiet mode properties (fast-check)', () => {
  it('R102: for arbitrary households, quiet = explained result, parametersUsed and refusals, explanation []', () => {
    fc.assert(
      fc.property(caseArb, ([facts, params, date]) => {
        const { loud, quiet } = both(facts, params, date);
        expectSameDecision(loud, quiet);
      }),
      { numRuns: 400 },
    );
  });

  it('R44: for arbitrary recipients and assessments, the quiet transition equals the explained one, steps []', () => {
    fc.assert(
      fc.property(
        caseArb,
        recipientArb,
        fc.constantFrom(undefined, { lengthMonths: 6, minimumMonths: null }),
        fc.constantFrom(undefined, 'STEPPED_DOWN'),
        fc.constantFrom(undefined, { fullMonths: null, stepMonths: null, stepRate: null, floorRate: null }, { fullMonths: 2, stepMonths: 2, stepRate: 0.25, floorRate: 0.5 }),
        fc.constantFrom(undefined, 'ANY_INCOME_RISE'),
        fc.boolean(),
        fc.constantFrom('2021-10-20', '2022-01-20', '2022-06-05'),
        ([facts, params, date], recipient, P09, P62, P77, P63, hasDibaoCategory, decisionDate) => {
          const a = assessHousehold(facts, params, date, { explain: false });
          fc.pre(a.ok);
          if (!a.ok) return;
          const lifecycle: Record<string, ParameterInForce> = { ...params };
          for (const [code, value] of Object.entries({ P09, P62, P77, P63 })) if (value !== undefined) lifecycle[code] = buildParams({ [code]: value }, { urbanRural: facts.urbanRural })[code]!;
          const input: TransitionInput = { recipient, result: a.value.result, decisionDate, params: lifecycle, hasDibaoCategory };
          const loud = decideRecipientTransition(input);
          const quiet = decideRecipientTransition({ ...input, explain: false });
          expect(quiet).toEqual({ transition: loud.transition, steps: [] });
        },
      ),
      { numRuns: 400 },
    );
  });
});
