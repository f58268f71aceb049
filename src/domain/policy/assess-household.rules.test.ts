import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, HouseholdFacts, IncomeFact, MemberFacts, ParameterSet } from './assessment.types.js';
import { assessHousehold } from './assess-household.rules.js';
import { EXCLUDED_INCOME_TYPES } from './income.rules.js';
import {
  buildExpenditure,
  buildFacts,
  buildIncome,
  buildMember,
  buildParams,
  WITHOUT_R21_1_AND_R22,
  WORKED_EXAMPLE_1,
  WORKED_EXAMPLE_1_DATE,
  workedExample2,
  adults,
  withPerCapita,
} from './test-fixtures.js';

const money = (fen: number) => ({ monthlyFen: fen, published: { amount: fen / 100, unit: 'YUAN_PER_PERSON_MONTH' } });

function assess(facts: HouseholdFacts, params: ParameterSet = buildParams(), date = WORKED_EXAMPLE_1_DATE): Assessment {
  const r = assessHousehold(facts, params, date);
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
}


describe('T7/T8 Worked example 1 (R23, R26, R29)', () => {
  it('T7: with R21.1 and R22 → 413/month, eligible, 148/month', () => {
    const { result, explanation, parametersUsed } = assess(WORKED_EXAMPLE_1);
    expect(result.window).toEqual({ from: '2021-01', to: '2021-12', months: 12 });
    expect(result.householdSize).toBe(4);
    expect(result.countedIncomeFen).toBe(1_982_400);
    expect(result.countedByType).toEqual({ WAGE: 1_398_000, OPERATING: 360_000, PENSION_RESIDENT_BASIC: 104_400, MAINTENANCE_RECEIVED: 120_000 });
    expect(result.perCapitaMonthlyFen).toBe(41_300);
    expect(result.dibao).toEqual({ eligible: 'YES', monthlyAmountFen: 14_800, method: 'DIFFERENCE' });
    expect(result.classification).toBe('DIBAO');
    expect(result.categories).toContain('DIBAO');
    expect(result.referrals.some((r) => r.startsWith('教育救助'))).toBe(true);
    // explanation: numbered, sections, provenance and placeholder marks
    expect(explanation.map((s) => s.n)).toEqual(explanation.map((_, i) => i + 1));
    const wage = explanation.find((s) => s.rule === 'R21.1')!;
    expect(wage.text).toBe(
      '扎西工资收入15,600.00元（申报，2022-01-10 张三录入），扣除必要就业成本1,620.00元（P05，2021-01-01起施行，占位值待确认：每月按低保标准450.00元的30%计135.00元×12个月），计入13,980.00元',
    );
    const compare = explanation.find((s) => s.rule === 'R26' && s.compare)!;
    expect(compare.compare).toMatchObject({ left: { fen: 41_300 }, op: '<', right: { fen: 45_000 }, result: true });
    expect(parametersUsed).toMatchObject({ P01: 'test-P01', P04: 'test-P04', P05: 'test-P05', P06: 'test-P06' });
  });

  it('T8: without R21.1 and R22 → 470/month, not eligible', () => {
    const { result } = assess(WORKED_EXAMPLE_1, buildParams(WITHOUT_R21_1_AND_R22));
    expect(result.countedIncomeFen).toBe(2_256_000);
    expect(result.perCapitaMonthlyFen).toBe(47_000);
    expect(result.dibao.eligible).toBe('NO');
    expect(result.dibao.monthlyAmountFen).toBeNull();
    // 470 lies between 450 and 675 with property met → national edge household
    expect(result.isNationalEdge).toBe('YES');
    expect(result.classification).toBe('DIBAO_EDGE');
  });
});

describe('refusals (R27, R18)', () => {
  it('R27: no P01 → POLICY_STANDARD_NOT_CONFIGURED, never a default', () => {
    expect(assessHousehold(WORKED_EXAMPLE_1, buildParams({ P01: null }), WORKED_EXAMPLE_1_DATE)).toEqual({
      ok: false,
      violations: [{ path: 'P01', code: 'POLICY_STANDARD_NOT_CONFIGURED', params: { regionCode: '632223100201', urbanRural: 'RURAL', referenceDate: '2022-01-15' } }],
    });
  });

  it('R27: only an urban standard for a rural household → refused', () => {
    const r = assessHousehold(WORKED_EXAMPLE_1, buildParams({}, { urbanRural: 'URBAN' }), WORKED_EXAMPLE_1_DATE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]!.code).toBe('POLICY_STANDARD_NOT_CONFIGURED');
  });

  it('R18: no P04 → POLICY_PARAMETER_MISSING', () => {
    expect(assessHousehold(WORKED_EXAMPLE_1, buildParams({ P04: null }), WORKED_EXAMPLE_1_DATE)).toEqual({
      ok: false,
      violations: [{ path: 'P04', code: 'POLICY_PARAMETER_MISSING', params: { code: 'P04' } }],
    });
  });
});

describe('R25 property not configured blocks automatic approval', () => {
  it('R25/R26: income passes, P19 not configured → UNDETERMINED, amount computed as if property passes', () => {
    const { result, explanation } = assess(WORKED_EXAMPLE_1, buildParams({ P19: { configured: false } }));
    expect(result.property.result).toBe('NOT_CONFIGURED');
    expect(result.dibao).toEqual({ eligible: 'UNDETERMINED', monthlyAmountFen: 14_800, method: 'DIFFERENCE' });
    expect(result.classification).toBe('UNDETERMINED');
    expect(result.categories).not.toContain('DIBAO');
    expect(result.referrals[0]).toContain('人工核查家庭财产');
    expect(explanation.some((s) => s.text.includes('如财产核查通过'))).toBe(true);
  });

  it('R25/R26: property fails → not eligible', () => {
    const { result } = assess(WORKED_EXAMPLE_1, buildParams({ P19: { configured: true, rules: { financialAssets: { maxMultipleOfAnnualStandard: 0.01 }, housing: { applies: false }, vehicles: { applies: false }, business: { applies: false }, livestock: { applies: false } } } }));
    expect(result.property.result).toBe('FAIL');
    expect(result.dibao.eligible).toBe('NO');
    expect(result.classification).toBe('QH_RURAL_LOW_INCOME');
  });
});

describe('T9 edge line (R45, R1 strict “lower than”) and R46', () => {
  it.each([
    ['R26: 449.99 → MLA', 44_999, 'YES', 'NO', 'DIBAO'],
    ['R45: 450.00 → edge (not lower than the standard)', 45_000, 'NO', 'YES', 'DIBAO_EDGE'],
    ['T9: 674.99 → edge', 67_499, 'NO', 'YES', 'DIBAO_EDGE'],
    ['T9: 675.00 → not edge; Qinghai rural line 900 still applies (R46)', 67_500, 'NO', 'NO', 'QH_RURAL_LOW_INCOME'],
    ['R46: 899.99 → Qinghai rural low income', 89_999, 'NO', 'NO', 'QH_RURAL_LOW_INCOME'],
    ['R46: 900.00 → none', 90_000, 'NO', 'NO', 'NONE'],
  ] as const)('%s', (_rule, perCapita, dibao, edge, classification) => {
    const { result } = assess(withPerCapita(perCapita, 2));
    expect(result.perCapitaMonthlyFen).toBe(perCapita);
    expect(result.dibao.eligible).toBe(dibao);
    expect(result.isNationalEdge).toBe(edge);
    expect(result.classification).toBe(classification);
  });

  it('R45 exact arithmetic: per capita 674.99⅔ (not a whole fen) is still lower than 675', () => {
    // total 161 999 fen … over 2 persons × 12 months = 6 749.958… per month
    const facts = buildFacts({ members: adults(2), incomes: [buildIncome({ id: 'x', incomeType: 'OPERATING', amountFen: 67_500 * 24 - 1 })] });
    const { result } = assess(facts);
    expect(result.perCapitaMonthlyFen).toBe(67_500); // display rounds up …
    expect(result.isNationalEdge).toBe('YES'); // … but the comparison is exact
  });

  it('R46: urban households are never Qinghai rural low income', () => {
    const facts = withPerCapita(70_000, 2, { urbanRural: 'URBAN' });
    const { result } = assess(facts, buildParams({}, { urbanRural: 'URBAN' }));
    expect(result.isQhRuralLowIncome).toBe('NO');
    expect(result.classification).toBe('NONE');
  });
});

describe('T10 / Worked example 2: single-person route (R31, R32, P58)', () => {
  it.each([
    ['WE2: 620, national line 1.5 → son alone 450/month', 62_000, 1.5, 'YES', 45_000, 'DIBAO_SINGLE_PERSON'],
    ['T10: 800, national line 1.5 → no single-person route', 80_000, 1.5, 'NO', null, 'QH_RURAL_LOW_INCOME'],
    ['T10: 800, Qinghai rural P58 = 2.0 → son alone 450/month', 80_000, 2, 'YES', 45_000, 'DIBAO_SINGLE_PERSON'],
  ] as const)('%s', (_rule, perCapita, p58, single, amount, classification) => {
    const { result } = assess(workedExample2(perCapita), buildParams({ P58: p58 }));
    const son = result.members.find((m) => m.personId === 'we2-son')!;
    expect(son.singlePerson).toBe(single);
    expect(son.singlePersonAmountFen).toBe(amount);
    expect(result.classification).toBe(classification);
    expect(result.dibao.eligible).toBe('NO');
  });

  it('R32 floor (P17): own income 400 → difference 50, floor 60 % of the standard → 270', () => {
    const facts = workedExample2(62_000);
    facts.incomes.push(buildIncome({ id: 'own', personId: 'we2-son', incomeType: 'PENSION_OTHER', amountFen: 40_000 * 12 }));
    const { result } = assess(facts, buildParams({ P58: 2, P17: { mode: 'DIFFERENCE', floorShareOfStandard: 0.6 } }));
    expect(result.members.find((m) => m.personId === 'we2-son')!.singlePersonAmountFen).toBe(27_000);
  });

  // R31.1 重残 of a 多重残疾 of grade 3: severe only through a grade-3 intellectual or mental category.
  it.each<[string, MemberFacts['disabilityComponents'], 'YES' | 'NO', string | null]>([
    ['R31 多重残疾三级 with 智力残疾三级 → severe → alone', [{ category: 'HEARING', grade: 4 }, { category: 'INTELLECTUAL', grade: 3 }], 'YES',
      '多杰持多重残疾三级残疾证（智力残疾三级、听力残疾四级），属重度残疾，可按单人户申请低保'],
    ['R31 多重残疾三级 of physical and hearing → not severe', [{ category: 'PHYSICAL', grade: 3 }, { category: 'HEARING', grade: 4 }], 'NO', null],
    ['R31 多重残疾三级, categories not recorded → not severe', null, 'NO', null],
  ])('%s', (_rule, components, single, text) => {
    const facts = workedExample2(62_000);
    facts.members[2] = { ...facts.members[2]!, disabilityCategory: 'MULTIPLE', disabilityGrade: 3, disabilityComponents: components };
    const { result, explanation } = assess(facts);
    expect(result.members.find((m) => m.personId === 'we2-son')!.singlePerson).toBe(single);
    if (text) expect(explanation.find((s) => s.rule === 'R31')!.text).toBe(text);
  });

  it('R31.2/P57 empty: recorded 重病 status opens the route, and the step says so', () => {
    const facts = withPerCapita(62_000, 3);
    facts.members[2] = { ...facts.members[2]!, healthStatus: 'SERIOUS', seriousIllness: '尿毒症' };
    const { result, explanation } = assess(facts);
    expect(result.members[2]!.singlePerson).toBe('YES');
    expect(explanation.find((s) => s.rule === 'R31')!.text).toContain('未列出具体病种，按登记的重病状态认定');
    expect(result.referrals.some((r) => r.startsWith('医疗救助'))).toBe(true);
  });

  it('R31.2/P57 list: an illness outside the list does not open the route', () => {
    const facts = withPerCapita(62_000, 3);
    facts.members[2] = { ...facts.members[2]!, healthStatus: 'SERIOUS', seriousIllness: '感冒' };
    const { result } = assess(facts, buildParams({ P57: { source: 'CUSTOM_LIST', illnesses: ['尿毒症'] } }));
    expect(result.members[2]!.singlePerson).toBe('NO');
  });
});

describe('R43 own share for jobs refused without good reason (P76)', () => {
  type Offer = NonNullable<MemberFacts['jobReferrals']>[number];
  const offer = (referredOn: string, outcome: Offer['outcome'], position = '县城物业保洁员'): Offer => ({ referredOn, position, outcome, note: null });
  const U = 'REFUSED_UNJUSTIFIED' as const;
  const THREE = [offer('2021-03-01', U), offer('2021-06-01', U, '工业园区包装工'), offer('2021-09-01', U, '物流公司分拣员')];
  // three adults, 300 元 each a month against the 450 元 standard → 450 元 a month, 150 元 each
  function household(first: Partial<MemberFacts>, second: Partial<MemberFacts> = {}): HouseholdFacts {
    const facts = withPerCapita(30_000, 3);
    facts.members[0] = { ...facts.members[0]!, ...first };
    facts.members[1] = { ...facts.members[1]!, ...second };
    return facts;
  }
  it.each<[string, HouseholdFacts, Record<string, unknown>, number, number | null | undefined]>([
    ['R43 three in a row, P76 not configured → nothing cut, the county decides', household({ jobReferrals: THREE }), {}, 45_000, null],
    ['R43 three in a row, P76 case by case → nothing cut', household({ jobReferrals: THREE }), { P76: { mode: 'COUNTY_DECIDES', reduceRate: null } }, 45_000, null],
    ['R43 three in a row, P76 stops the own share (450 ÷ 3 = 150)', household({ jobReferrals: THREE }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 30_000, 15_000],
    ['R43 three in a row, P76 reduces the own share by 50 %', household({ jobReferrals: THREE }), { P76: { mode: 'REDUCE_OWN_SHARE', reduceRate: 0.5 } }, 37_500, 7_500],
    ['R43 two members, three each, own shares stopped', household({ jobReferrals: THREE }, { jobReferrals: THREE }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 15_000, 15_000],
    ['R43 two refusals are not three', household({ jobReferrals: THREE.slice(1) }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
    ['R43 a refusal with good reason ends the run', household({ jobReferrals: [THREE[0]!, THREE[1]!, offer('2021-07-01', 'REFUSED_JUSTIFIED'), THREE[2]!] }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
    ['R43 a job accepted after three refusals ends the run', household({ jobReferrals: [...THREE, offer('2021-11-01', 'ACCEPTED')] }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
    ['R43 an offer after the reference date does not count', household({ jobReferrals: [THREE[0]!, THREE[1]!, offer('2022-02-01', U)] }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
    ['R43/R49 a member of 60 has no labour capacity', household({ birthDate: '1960-01-01', jobReferrals: THREE }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
    ['R43 a member recorded without labour capacity', household({ labourCapacity: 'NONE', jobReferrals: THREE }), { P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } }, 45_000, undefined],
  ])('%s', (_rule, facts, params, amount, reducedFen) => {
    const { result, explanation } = assess(facts, buildParams(params));
    expect(result.dibao.monthlyAmountFen).toBe(amount);
    // quiet mode reaches the same amount
    const quiet = assessHousehold(facts, buildParams(params), WORKED_EXAMPLE_1_DATE, { explain: false });
    expect(quiet.ok && quiet.value.result.dibao.monthlyAmountFen).toBe(amount);
    const r43 = explanation.filter((e) => e.rule === 'R43');
    if (reducedFen === undefined) {
      expect(result.dibao.jobRefusals).toBeUndefined();
      expect(r43).toEqual([]);
      return;
    }
    expect(result.dibao.jobRefusals?.[0]).toMatchObject({ personId: 'm0', name: '成员1', refusals: 3, reducedFen });
    expect(r43[0]!.text.startsWith('成员1')).toBe(true);
    expect(r43[0]!.text).toContain('2021-03-01至2021-09-01连续3次无正当理由拒绝就业服务机构介绍的工作（县城物业保洁员、工业园区包装工、物流公司分拣员）');
    if (reducedFen === null) {
      expect(r43[0]!.kind).toBe('NOTE');
      expect(result.referrals.some((r) => r.startsWith('减发决定：成员1连续3次'))).toBe(true);
    } else {
      expect(r43[0]!.kind).toBe('RULE');
      expect(r43[0]!.text).toContain('本人份额 = 450.00元 ÷ 3人 = 150.00元');
      expect(result.referrals.some((r) => r.startsWith('减发决定'))).toBe(false);
    }
  });

  it('R43 says whether the county decides case by case or nothing is configured', () => {
    const none = assess(household({ jobReferrals: THREE })).explanation.find((e) => e.rule === 'R43')!.text;
    expect(none).toContain('本地减发办法（P76）未配置，本次金额未减发');
    const county = assess(household({ jobReferrals: THREE }), buildParams({ P76: { mode: 'COUNTY_DECIDES', reduceRate: null } })).explanation.find((e) => e.rule === 'R43')!.text;
    expect(county).toMatch(/本地规定由县级民政部门逐案决定（P76，.*），本次金额未减发$/);
    const stop = assess(household({ jobReferrals: THREE }), buildParams({ P76: { mode: 'STOP_OWN_SHARE', reduceRate: null } })).explanation.find((e) => e.rule === 'R43')!.text;
    expect(stop).toMatch(/停发本人份额150\.00元（P76，/);
  });
});

describe('P45 rounding of the household amount (R29)', () => {
  // single adult, gap exactly 123.45 元
  const facts = buildFacts({ members: adults(1), incomes: [buildIncome({ id: 'x', incomeType: 'OPERATING', amountFen: (45_000 - 12_345) * 12 })] });
  it.each([
    ['ROUND_HALF_UP_YUAN', 12_300],
    ['ROUND_HALF_UP_JIAO', 12_350],
    ['ROUND_UP_YUAN', 12_400],
    ['NO_ROUNDING', 12_345],
  ])('P45 %s → %d fen', (mode, amount) => {
    expect(assess(facts, buildParams({ P45: mode })).result.dibao.monthlyAmountFen).toBe(amount);
  });

  it('P56: minimum payable amount per household', () => {
    const f = buildFacts({ members: adults(1), incomes: [buildIncome({ id: 'x', incomeType: 'OPERATING', amountFen: (45_000 - 500) * 12 })] });
    expect(assess(f, buildParams({ P56: { perHouseholdMonthlyFen: 2_000 } })).result.dibao.monthlyAmountFen).toBe(2_000);
  });

  it('P55: add-on for an elderly member, per member', () => {
    const f = withPerCapita(40_000, 2);
    f.members[0] = { ...f.members[0]!, birthDate: '1950-01-01' };
    const r = assess(f, buildParams({ P55: { addOns: [{ category: 'ELDERLY', shareOfStandard: 0.1 }], P75: true } }));
    // (450 − 400) × 2 = 100, + 45 → 145
    expect(r.result.dibao.monthlyAmountFen).toBe(14_500);
  });

  it('R29 banded method (P18): band recorded for the household', () => {
    const params = buildParams({ P18: { method: 'BANDED', bands: [{ code: 'A', label: '一档', shareOfStandard: 0.8 }, { code: 'B', label: '二档', monthlyFen: 20_000 }] } });
    expect(assess({ ...withPerCapita(40_000, 2), dibaoBand: 'A' }, params).result.dibao).toEqual({ eligible: 'YES', monthlyAmountFen: 72_000, method: 'BANDED:A' });
    expect(assess({ ...withPerCapita(40_000, 2), dibaoBand: 'B' }, params).result.dibao.monthlyAmountFen).toBe(40_000);
    expect(assess(withPerCapita(40_000, 2), params).result.dibao).toEqual({ eligible: 'YES', monthlyAmountFen: null, method: 'BANDED' });
  });
});

describe('R15 and R102.1 headcount', () => {
  it('R15: a prisoner with income is not counted and does not change WE1', () => {
    const facts: HouseholdFacts = {
      ...WORKED_EXAMPLE_1,
      members: [...WORKED_EXAMPLE_1.members, buildMember({ personId: 'we1-uncle', name: '旺堆', exclusion: 'PRISON' })],
      incomes: [...WORKED_EXAMPLE_1.incomes, buildIncome({ id: 'u1', personId: 'we1-uncle', incomeType: 'WAGE', amountFen: 900_000 })],
    };
    const { result } = assess(facts);
    expect(result.householdSize).toBe(4);
    expect(result.dibao.monthlyAmountFen).toBe(14_800);
    expect(result.members).toHaveLength(4);
  });

  it('R15: excluding a member without income reduces the size and raises per-capita income', () => {
    const base = withPerCapita(40_000, 3);
    const excluded = { ...base, members: base.members.map((m, i) => (i === 2 ? { ...m, exclusion: 'DRUG_REHABILITATION' as const } : m)) };
    expect(assess(excluded).result.householdSize).toBe(2);
    expect(assess(excluded).result.perCapitaMonthlyFen).toBe(60_000);
  });

  it.each([
    ['R102.1/P75 false: a 特困 member is supported separately, not counted', false, 3],
    ['R102.1/P75 true: a 特困 member stays in the headcount', true, 4],
  ])('%s', (_rule, p75, size) => {
    // grandmother without any legal obligor → 特困 (R48)
    const facts: HouseholdFacts = {
      ...WORKED_EXAMPLE_1,
      members: WORKED_EXAMPLE_1.members.map((m) => (m.personId === 'we1-grandmother' ? { ...m, obligors: [] } : m)),
    };
    const { result } = assess(facts, buildParams({ P75: p75 }));
    expect(result.members.find((m) => m.personId === 'we1-grandmother')!.tekun).toBe('YES');
    expect(result.categories).toContain('TEKUN');
    expect(result.householdSize).toBe(size);
    if (!p75) expect(result.countedIncomeFen).toBe(1_982_400 - 104_400);
  });
});

describe('R51 obligors in the household (none recorded)', () => {
  it.each([
    ['R51 WE1’s son, his father the head (45) in the household: not 特困, no referral', null, 'NO', false],
    ['R51 WE1’s son with his obligors recorded as none: 特困 conditions met', [], 'YES', false],
  ] as const)('%s', (_rule, obligors, tekun, referral) => {
    const facts: HouseholdFacts = {
      ...WORKED_EXAMPLE_1,
      members: WORKED_EXAMPLE_1.members.map((m) => (m.personId === 'we1-son' ? { ...m, birthDate: '2010-05-20', obligors: obligors === null ? null : [] } : m)),
    };
    const a = assess(facts);
    expect(a.result.members.find((m) => m.personId === 'we1-son')!.tekun).toBe(tekun);
    expect(a.result.referrals.some((r) => r.includes('才让的特困人员条件待核实'))).toBe(referral);
    if (obligors === null) expect(a.explanation.map((s) => s.text)).toContain('才让：未另行登记义务人情况；同户成员扎西（户主）为法定抚养义务人，45周岁，未登记特困供养、残疾、重病、丧失劳动能力或在校就读，不具备无履行义务能力的情形，有履行义务能力');
  });
});

describe('R47 rigid-expenditure household', () => {
  const facts = withPerCapita(100_000, 2, {
    expenditures: [buildExpenditure({ id: 'e', expenditureType: 'MEDICAL_OUT_OF_POCKET', amountFen: 2_000_000 })],
  });
  it('R47/P64: previous-year disposable income not configured → UNDETERMINED with a clear step', () => {
    const { result, explanation } = assess(facts);
    expect(result.rigidExpenditure).toBe('UNDETERMINED');
    expect(result.classification).toBe('UNDETERMINED');
    expect(explanation.some((s) => s.rule === 'R47' && s.text.includes('2021年当地居民人均可支配收入数额未配置'))).toBe(true);
  });

  it.each([
    ['R47: share 83 % > 60 % and income below the statistic → YES', 2_000_000, 3_000_000, 'YES'],
    ['R47: share 41 % ≤ 60 % → NO', 1_000_000, 3_000_000, 'NO'],
    ['R47: income not below the statistic → NO', 2_000_000, 1_200_000, 'NO'],
  ])('%s', (_rule, spent, annual, expected) => {
    const f = { ...facts, expenditures: [buildExpenditure({ id: 'e', expenditureType: 'MEDICAL_OUT_OF_POCKET', amountFen: spent })] };
    const p = buildParams({ P64: { population: 'ALL_RESIDENTS', area: 'PREFECTURE', annualFenByYear: { '2021': annual } } });
    expect(assess(f, p).result.rigidExpenditure).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Properties (fast-check)

const INCOME_TYPES = ['WAGE', 'OPERATING', 'PROPERTY', 'TRANSFER', 'PENSION_RESIDENT_BASIC', 'PENSION_OTHER', 'GRASSLAND_SUBSIDY', 'MAINTENANCE_RECEIVED', 'OTHER', ...EXCLUDED_INCOME_TYPES];
const EMPLOYMENTS = ['EMPLOYED', 'FLEXIBLE', 'MIGRANT', 'FARMING', 'HERDING', 'UNEMPLOYED', 'RETIRED', 'NOT_APPLICABLE'];

const memberArb = (i: number) =>
  fc.record({
    birthYear: fc.integer({ min: 1930, max: 2021 }),
    employment: fc.constantFrom(...EMPLOYMENTS),
    disability: fc.option(fc.record({ cat: fc.constantFrom('PHYSICAL', 'INTELLECTUAL', 'VISUAL'), grade: fc.integer({ min: 1, max: 4 }) }), { nil: null }),
    serious: fc.boolean(),
    obligors: fc.boolean(),
  }).map((m): MemberFacts =>
    buildMember({
      personId: `p${i}`,
      name: `成员${i}`,
      birthDate: `${m.birthYear}-06-15`,
      employment: m.employment,
      healthStatus: m.serious ? 'SERIOUS' : 'HEALTHY',
      disabilityCategory: m.disability?.cat ?? null,
      disabilityGrade: m.disability?.grade ?? null,
      obligors: m.obligors ? [{ name: '亲属', relationship: '子女', inabilityGround: null }] : [],
    }),
  );

const incomeArb = (size: number, i: number) =>
  fc.record({
    owner: fc.integer({ min: -1, max: size - 1 }),
    type: fc.constantFrom(...INCOME_TYPES),
    amount: fc.integer({ min: 0, max: 3_000_000 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    startYear: fc.constantFrom(2020, 2021),
    length: fc.integer({ min: 0, max: 400 }),
  }).map((x): IncomeFact => {
    const start = `${x.startYear}-${String(x.startMonth).padStart(2, '0')}-01`;
    const endDay = new Date(Date.UTC(x.startYear, x.startMonth - 1, 1 + x.length)).toISOString().slice(0, 10);
    return buildIncome({ id: `i${i}`, personId: x.owner < 0 ? null : `p${x.owner}`, incomeType: x.type, amountFen: x.amount, periodStart: start, periodEnd: endDay });
  });

const householdArb = fc.integer({ min: 1, max: 5 }).chain((size) =>
  fc.record({
    members: fc.tuple(...Array.from({ length: size }, (_, i) => memberArb(i))),
    incomes: fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => incomeArb(size, i)))),
  }).map(({ members, incomes }) => buildFacts({ members: [...members], incomes: [...incomes] })),
);

const standardArb = fc.integer({ min: 100, max: 2_000 }).map((yuan) => yuan * 100);

describe('properties', () => {
  it('R29: the benefit is never negative and always whole fen', () => {
    fc.assert(
      fc.property(householdArb, standardArb, fc.constantFrom('ROUND_HALF_UP_YUAN', 'ROUND_HALF_UP_JIAO', 'ROUND_UP_YUAN', 'NO_ROUNDING'), (facts, std, p45) => {
        const { result } = assess(facts, buildParams({ P01: money(std), P45: p45 }));
        for (const amount of [result.dibao.monthlyAmountFen, ...result.members.map((m) => m.singlePersonAmountFen)]) {
          if (amount === null) continue;
          expect(Number.isInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isInteger(result.perCapitaMonthlyFen)).toBe(true);
        expect(result.countedIncomeFen).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('§4: every amount in an explanation is written one way, thousands grouped (1,234.56元)', () => {
    fc.assert(
      fc.property(householdArb, standardArb, fc.boolean(), (facts, std, yearly) => {
        // P20 of 1.3 puts a 特困 member's basic living standard above 1,000 元 for most standards;
        // a standard published per year is quoted as published (R27, §0.3)
        const p01 = yearly ? { monthlyFen: std, published: { amount: (std * 12) / 100, unit: 'YUAN_PER_PERSON_YEAR' } } : money(std);
        const { explanation } = assess(facts, buildParams({ P01: p01, P20: 1.3 }));
        for (const s of explanation) expect(s.text).not.toMatch(/\d{4}(\.\d{2})?元/);
      }),
      { numRuns: 200 },
    );
  });

  it('R26/R29: raising the standard never lowers the benefit nor removes eligibility', () => {
    fc.assert(
      fc.property(householdArb, standardArb, fc.integer({ min: 1, max: 50_000 }), (facts, std, raise) => {
        // P75 true: a member newly recognised as 特困 stays in the headcount, so the household is comparable
        const low = assess(facts, buildParams({ P01: money(std), P75: true })).result;
        const high = assess(facts, buildParams({ P01: money(std + raise), P75: true })).result;
        if (low.dibao.eligible === 'YES') {
          expect(high.dibao.eligible).toBe('YES');
          expect(high.dibao.monthlyAmountFen!).toBeGreaterThanOrEqual(low.dibao.monthlyAmountFen!);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('R20: adding an excluded income item never changes the result', () => {
    fc.assert(
      fc.property(householdArb, fc.constantFrom(...EXCLUDED_INCOME_TYPES), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -1, max: 4 }), (facts, type, amount, owner) => {
        const params = buildParams();
        const before = assess(facts, params).result;
        const personId = owner < 0 || owner >= facts.members.length ? null : `p${owner}`;
        const more = { ...facts, incomes: [...facts.incomes, buildIncome({ id: 'extra', personId, incomeType: type, amountFen: amount })] };
        expect(assess(more, params).result).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('R23: removing a member with no income never lowers per-capita income', () => {
    fc.assert(
      fc.property(householdArb, (facts) => {
        const params = buildParams({ P75: true });
        const withIncome = new Set(facts.incomes.map((i) => i.personId));
        const idle = facts.members.find((m) => !withIncome.has(m.personId));
        fc.pre(idle !== undefined && facts.members.length > 1);
        const before = assess(facts, params).result;
        const after = assess({ ...facts, members: facts.members.filter((m) => m !== idle) }, params).result;
        // exact: after.total / after.size ≥ before.total / before.size
        expect(after.countedIncomeFen * before.householdSize).toBeGreaterThanOrEqual(before.countedIncomeFen * after.householdSize);
      }),
      { numRuns: 300 },
    );
  });
});
