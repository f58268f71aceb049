import { describe, expect, it } from 'vitest';
import seed from '../../db/seed/policy-parameters.json' with { type: 'json' };
import type { MemberFacts, ParameterInForce, ParameterSet, SelfCareFacts, SupportArrangementFacts } from './assessment.types.js';
import type { ParameterSeedRow } from './parameter-catalog.js';
import { findParameterDefinition, validateParameterValue } from './parameter-catalog.js';
import {
  TEKUN_RULES_2021_FROM,
  ageOn,
  assessTekunMember,
  careLevelOf,
  isNoLabourDisability,
  type TekunContext,
} from './tekun.rules.js';

// ---------------------------------------------------------------------------------------
// Builders

function seedParams(urbanRural: 'URBAN' | 'RURAL'): Record<string, ParameterInForce> {
  const out: Record<string, ParameterInForce> = {};
  for (const r of seed as unknown as ParameterSeedRow[]) {
    if (r.urbanRural !== 'ALL' && r.urbanRural !== urbanRural) continue;
    out[r.code] = {
      code: r.code, versionId: `seed-${r.code}-${r.urbanRural}`, regionCode: r.regionCode, urbanRural: r.urbanRural,
      effectiveFrom: r.effectiveFrom, confidence: r.confidence, value: r.value, status: 'ACTIVE',
    };
  }
  return out;
}

function withParam(params: ParameterSet, code: string, value: unknown): ParameterSet {
  const base = params[code] ?? {
    code, versionId: `test-${code}`, regionCode: '63', urbanRural: 'ALL', effectiveFrom: '2021-01-01',
    confidence: 'PLACEHOLDER' as const, status: 'ACTIVE',
  };
  return { ...params, [code]: { ...base, value } };
}

function without(params: ParameterSet, code: string): ParameterSet {
  const { [code]: _, ...rest } = params;
  return rest;
}

const ALL_ABLE: SelfCareFacts = {
  eating: true, dressing: true, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: true,
  assessedOn: '2021-06-01',
};

function member(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    personId: 'p1', name: '张三', relationship: 'HEAD', birthDate: '1950-05-01', sex: 'M',
    labourCapacity: null, healthStatus: null, seriousIllness: null, disabilityCategory: null, disabilityGrade: null,
    employment: null, studentStage: null, exclusion: null, selfCare: null, support: null, disabilityComponents: null, jobReferrals: null, obligors: [], personCategories: [],
    ...overrides,
  };
}

const RURAL = seedParams('RURAL');

function ctx(overrides: Partial<TekunContext> = {}): TekunContext {
  return {
    referenceDate: '2021-08-01', urbanRural: 'RURAL', standardMonthlyFen: 45000, ownIncomeMonthlyFen: 0,
    property: 'PASS', params: RURAL, ...overrides,
  };
}

// ---------------------------------------------------------------------------------------

describe('ageOn (R2)', () => {
  it.each([
    ['R2 birthday reached', '1961-03-01', '2021-03-01', 60],
    ['R2 day before birthday', '1961-03-01', '2021-02-28', 59],
    ['R2 29 Feb birthday, 28 Feb of a non-leap year: not yet', '2000-02-29', '2021-02-28', 20],
    ['R2 29 Feb birthday, 1 March of a non-leap year: reached', '2000-02-29', '2021-03-01', 21],
    ['R2 29 Feb birthday, 29 Feb of a leap year: reached', '2000-02-29', '2024-02-29', 24],
    ['R2 end of year', '1990-12-31', '2021-12-31', 31],
  ])('%s', (_rule, birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});

describe('careLevelOf (R53, T12, worked example 4)', () => {
  const failing = (...keys: Array<keyof Omit<SelfCareFacts, 'assessedOn'>>): SelfCareFacts =>
    Object.fromEntries(Object.entries(ALL_ABLE).map(([k, v]) => [k, keys.includes(k as never) ? false : v])) as unknown as SelfCareFacts;

  it.each([
    ['R53 0 failed → FULL_SELF_CARE', failing(), 'FULL_SELF_CARE'],
    ['R53 1 failed → PARTIAL_CARE', failing('eating'), 'PARTIAL_CARE'],
    ['T12 worked example 4: bathing + dressing → PARTIAL_CARE', failing('bathing', 'dressing'), 'PARTIAL_CARE'],
    ['R53 3 failed → PARTIAL_CARE', failing('bathing', 'dressing', 'walkingIndoors'), 'PARTIAL_CARE'],
    ['T12 worked example 4: + bed + toilet → FULL_CARE', failing('bathing', 'dressing', 'gettingInOutOfBed', 'usingToilet'), 'FULL_CARE'],
    ['R53 6 failed → FULL_CARE', failing('eating', 'dressing', 'gettingInOutOfBed', 'usingToilet', 'walkingIndoors', 'bathing'), 'FULL_CARE'],
    ['R53 not assessed → null', null, null],
  ])('%s', (_rule, selfCare, level) => {
    expect(careLevelOf(selfCare)).toBe(level);
  });
});

describe('isNoLabourDisability (R49 item 3, 2021 vs 2016 version)', () => {
  const v2021 = TEKUN_RULES_2021_FROM;
  const v2016 = '2021-03-01';
  it.each([
    ['R49 intellectual grade 3 (2021)', 'INTELLECTUAL', 3, v2021, true],
    ['R49 intellectual grade 3 (2016: grades 1–2 only)', 'INTELLECTUAL', 3, v2016, false],
    ['R49 mental grade 2 (2016)', 'MENTAL', 2, v2016, true],
    ['R49 mental grade 4', 'MENTAL', 4, v2021, false],
    ['R49 physical grade 2 (2021)', 'PHYSICAL', 2, v2021, true],
    ['R49 physical grade 2 (2016: grade 1 only)', 'PHYSICAL', 2, v2016, false],
    ['R49 physical grade 1 (2016)', 'PHYSICAL', 1, v2016, true],
    ['R49 physical grade 3', 'PHYSICAL', 3, v2021, false],
    ['R49 visual grade 1 (2021)', 'VISUAL', 1, v2021, true],
    ['R49 visual grade 1 (2016: not listed)', 'VISUAL', 1, v2016, false],
    ['R49 visual grade 2', 'VISUAL', 2, v2021, false],
    ['R49 hearing grade 1 (not listed)', 'HEARING', 1, v2021, false],
    ['R49 no certificate', null, null, v2021, false],
  ])('%s', (_rule, category, grade, date, expected) => {
    expect(isNoLabourDisability(category, grade, date)).toBe(expected);
  });
});

describe('assessTekunMember — R49 ages (T5, T6)', () => {
  it('T5 R1/R49: aged exactly 60 on the acceptance date → no labour capacity', () => {
    const r = assessTekunMember(member({ birthDate: '1961-03-01' }), ctx({ referenceDate: '2021-03-01' }));
    expect(r.noLabourCapacity).toBe(true);
    const step = r.steps.find((s) => s.rule === 'R49' && s.compare);
    expect(step?.compare).toMatchObject({ op: '>=', result: true, left: { number: 60 }, right: { number: 60 } });
  });

  it('T5 R1: one day short of 60 → not elderly', () => {
    const r = assessTekunMember(member({ birthDate: '1961-03-02' }), ctx({ referenceDate: '2021-03-01' }));
    expect(r.noLabourCapacity).toBe(false);
  });

  it('T6 R1/R49: aged exactly 16 → “under 16” is false', () => {
    const r = assessTekunMember(member({ birthDate: '2005-03-01' }), ctx({ referenceDate: '2021-03-01' }));
    expect(r.noLabourCapacity).toBe(false);
    const step = r.steps.find((s) => s.rule === 'R49' && s.compare);
    expect(step?.compare).toMatchObject({ op: '<', result: false, left: { number: 16 }, right: { number: 16 } });
    expect(r.tekun).toBe('NO');
  });

  it('R49: aged 15 → under 16, no labour capacity', () => {
    const r = assessTekunMember(member({ birthDate: '2005-03-02' }), ctx({ referenceDate: '2021-03-01' }));
    expect(r.noLabourCapacity).toBe(true);
    expect(r.tekun).toBe('YES');
  });
});

describe('assessTekunMember — R48 three conditions', () => {
  const able = { name: '李四', relationship: '子女', inabilityGround: null };
  const unable = { name: '王五', relationship: '子女', inabilityGround: 'DIBAO_AGED_60' as const };
  const grade1 = { disabilityCategory: 'PHYSICAL', disabilityGrade: 1 };

  it.each<[string, Partial<MemberFacts>, Partial<TekunContext>, 'YES' | 'NO' | 'UNDETERMINED']>([
    ['R48 elderly, no income, property passes, no obligor → YES', {}, {}, 'YES'],
    ['R48/R51 all obligors unable → YES', { obligors: [unable, { ...unable, name: '赵六', inabilityGround: 'TEKUN' }] }, {}, 'YES'],
    ['R51 one able obligor defeats condition 3 → NO', { obligors: [unable, able] }, {}, 'NO'],
    ['R48(3) obligors not recorded → UNDETERMINED', { obligors: null }, {}, 'UNDETERMINED'],
    ['R50 income equal to the standard is not “lower than” → NO', {}, { ownIncomeMonthlyFen: 45000 }, 'NO'],
    ['R50 income 1 fen below the standard → YES', {}, { ownIncomeMonthlyFen: 44999 }, 'YES'],
    ['R50 property fails → NO', {}, { property: 'FAIL' }, 'NO'],
    ['R50 property rules not configured → UNDETERMINED', {}, { property: 'NOT_CONFIGURED' }, 'UNDETERMINED'],
    ['R50 + R51: a NO wins over an UNDETERMINED', { obligors: [able] }, { property: 'NOT_CONFIGURED' }, 'NO'],
    ['R49 physical grade 1, aged 40 → YES', { birthDate: '1981-01-01', ...grade1 }, {}, 'YES'],
    ['R49 physical grade 3, aged 40 → disabled but able to work → NO', { birthDate: '1981-01-01', disabilityCategory: 'PHYSICAL', disabilityGrade: 3 }, {}, 'NO'],
    ['R48 working-age, no disability → not a candidate → NO', { birthDate: '1981-01-01' }, {}, 'NO'],
    ['R48/R49 minor of 17, not yet supported → NO', { birthDate: '2004-01-01' }, {}, 'NO'],
    ['R52 supported minor of 17 (2021 version) → continues → YES', { birthDate: '2004-01-01', personCategories: ['TEKUN'] }, {}, 'YES'],
    ['R52 supported minor of 17 under the 2016 version, not studying → NO', { birthDate: '2004-01-01', personCategories: ['TEKUN'] }, { referenceDate: '2021-03-01' }, 'NO'],
    ['R52 supported, 19 and in senior high → continues → YES', { birthDate: '2002-01-01', personCategories: ['TEKUN'], studentStage: 'SENIOR' }, {}, 'YES'],
    ['R52 supported, 19 and at university → NO', { birthDate: '2002-01-01', personCategories: ['TEKUN'], studentStage: 'UNDERGRAD' }, {}, 'NO'],
  ])('%s', (_rule, m, c, expected) => {
    const r = assessTekunMember(member(m), ctx(c));
    expect(r.tekun).toBe(expected);
    expect(r.steps.find((s) => s.kind === 'RESULT' && s.rule === 'R48')?.text).toMatch(/特困/);
  });

  // 多重残疾 (GB/T 26341: graded by its most severe category): R49 item 3 tests each recorded
  // category on its own grade; without them the question stays with an officer.
  it.each<[string, Partial<MemberFacts>, Partial<TekunContext>, 'YES' | 'NO' | 'UNDETERMINED', string]>([
    ['R49 多重残疾 not broken down → UNDETERMINED',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 2, disabilityComponents: null }, {}, 'UNDETERMINED',
      '多重残疾，未登记各类别残疾等级（救助认定信息），需按各类别残疾等级人工核实是否无劳动能力'],
    ['R49 多重残疾 with a grade-2 physical category (2021) → YES',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 2, disabilityComponents: [{ category: 'VISUAL', grade: 3 }, { category: 'PHYSICAL', grade: 2 }] }, {}, 'YES',
      '持多重残疾二级残疾证（肢体残疾二级、视力残疾三级），其中肢体残疾二级按2021年办法属无劳动能力'],
    ['R49 the same under the 2016 version (physical grade 1 only) → NO',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 2, disabilityComponents: [{ category: 'VISUAL', grade: 3 }, { category: 'PHYSICAL', grade: 2 }] }, { referenceDate: '2021-03-01' }, 'NO',
      '持多重残疾二级残疾证（肢体残疾二级、视力残疾三级），各类别残疾等级按2016年办法均不属无劳动能力的残疾等级'],
    ['R49 多重残疾 of hearing grade 1 and speech grade 2 → none listed → NO',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 1, disabilityComponents: [{ category: 'HEARING', grade: 1 }, { category: 'SPEECH', grade: 2 }] }, {}, 'NO',
      '持多重残疾一级残疾证（听力残疾一级、言语残疾二级），各类别残疾等级按2021年办法均不属无劳动能力的残疾等级'],
    ['R49 多重残疾 grade 3 with a grade-3 intellectual category (2021) → YES',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 3, disabilityComponents: [{ category: 'HEARING', grade: 4 }, { category: 'INTELLECTUAL', grade: 3 }] }, {}, 'YES',
      '持多重残疾三级残疾证（智力残疾三级、听力残疾四级），其中智力残疾三级按2021年办法属无劳动能力'],
    ['R49 categories out of date (the certificate re-graded to 一级 since) are not read → UNDETERMINED',
      { disabilityCategory: 'MULTIPLE', disabilityGrade: 1, disabilityComponents: [{ category: 'VISUAL', grade: 3 }, { category: 'PHYSICAL', grade: 2 }] }, {}, 'UNDETERMINED',
      '多重残疾，登记的各类别等级（肢体残疾二级、视力残疾三级）与残疾证等级多重残疾一级不符，需更新救助认定信息并人工核实是否无劳动能力'],
    ['R49 categories recorded for a certificate that is not 多重残疾 are not read → NO',
      { disabilityCategory: 'HEARING', disabilityGrade: 1, disabilityComponents: [{ category: 'PHYSICAL', grade: 1 }, { category: 'HEARING', grade: 1 }] }, {}, 'NO',
      '持听力残疾一级残疾证，按2021年办法不属无劳动能力的残疾等级'],
  ])('%s', (_rule, m, c, expected, text) => {
    const r = assessTekunMember(member({ birthDate: '1981-01-01', ...m }), ctx(c));
    expect(r.tekun).toBe(expected);
    expect(r.steps.filter((s) => s.rule === 'R49').map((s) => s.text)).toContain(text);
    // quiet mode reaches the same verdict
    expect(assessTekunMember(member({ birthDate: '1981-01-01', ...m }), ctx({ ...c, explain: false })).tekun).toBe(expected);
  });

  it('R51 names the able obligor in the explanation', () => {
    const r = assessTekunMember(member({ obligors: [unable, able] }), ctx());
    expect(r.steps.find((s) => s.rule === 'R51')?.text).toContain('李四（子女）有履行义务能力');
  });

  it('R48(3) unrecorded obligors gives the standard wording', () => {
    const r = assessTekunMember(member({ obligors: null }), ctx());
    expect(r.steps.map((s) => s.text)).toContain('未登记法定赡养、抚养、扶养义务人情况');
  });

  it('R50 comparison carries a compare object', () => {
    const r = assessTekunMember(member(), ctx({ ownIncomeMonthlyFen: 30000 }));
    const step = r.steps.find((s) => s.rule === 'R50' && s.compare);
    expect(step?.compare).toMatchObject({ op: '<', result: true, left: { fen: 30000 }, right: { fen: 45000 } });
  });

  it.each<[string, string[], Partial<MemberFacts>, 'YES' | 'NO' | 'UNDETERMINED']>([
    ['P65 recognised situation met → YES', ['SERIOUS_ILLNESS'], { seriousIllness: '尿毒症' }, 'YES'],
    ['P65 recognised situation not met → NO', ['SERIOUS_ILLNESS'], {}, 'NO'],
    ['P65 situation without a matching fact → UNDETERMINED', ['LOCAL_SPECIAL_CASE'], {}, 'UNDETERMINED'],
  ])('%s', (_rule, list, m, expected) => {
    const base = { birthDate: '1981-01-01', disabilityCategory: 'HEARING', disabilityGrade: 2, ...m };
    const r = assessTekunMember(member(base), ctx({ params: withParam(RURAL, 'P65', list) }));
    expect(r.tekun).toBe(expected);
  });

  it('R48: a non-candidate is answered with one step', () => {
    const r = assessTekunMember(member({ birthDate: '1981-01-01' }), ctx());
    expect(r.steps).toHaveLength(1);
    expect(r.tekunSupportMonthlyFen).toBeNull();
  });
});

describe('assessTekunMember — R51 obligors living in the household, when none are recorded', () => {
  // 2021-08-01: the child is 9, the head 41, the grandmother 71, the spouse 39.
  const child = member({ personId: 'c', name: '马宇', relationship: 'CHILD', birthDate: '2012-03-01', obligors: null });
  // as the registry records a healthy working adult (非在校生 is 'NONE', not null)
  const head = member({ personId: 'h', name: '马海福', relationship: 'HEAD', birthDate: '1980-02-01', obligors: null, labourCapacity: 'FULL', healthStatus: 'HEALTHY', studentStage: 'NONE' });
  const spouse = member({ personId: 's', name: '马海燕', relationship: 'SPOUSE', birthDate: '1982-05-01', obligors: null });
  const grandmother = member({ personId: 'g', name: '韩桂兰', relationship: 'PARENT', birthDate: '1950-01-01', obligors: null });
  const adultChild = member({ personId: 'a', name: '马强', relationship: 'CHILD', birthDate: '1996-01-01', obligors: null });
  const minorChild = member({ personId: 'm', name: '马丽', relationship: 'CHILD', birthDate: '2010-01-01', obligors: null });

  it.each<[string, MemberFacts, MemberFacts[], 'NO' | 'UNDETERMINED', string]>([
    ['R51 a child whose parent (the head, 41) lives in the household: able obligor → NO', child, [head, child], 'NO', '同户成员马海福（户主）为法定抚养义务人，41周岁'],
    ['R51 the head’s parent, the head (41) supports: → NO', grandmother, [head, grandmother], 'NO', '马海福（户主）为法定赡养义务人'],
    ['R51 an elderly head with an adult child in the household → NO', { ...head, birthDate: '1950-01-01' }, [{ ...head, birthDate: '1950-01-01' }, adultChild], 'NO', '马强（子女）为法定赡养义务人'],
    ['R51 an elderly head with a spouse of 39 → NO (扶养)', { ...head, birthDate: '1950-01-01' }, [{ ...head, birthDate: '1950-01-01' }, spouse], 'NO', '马海燕（配偶）为法定扶养义务人'],
    ['R51 a child with no head in the household → UNDETERMINED', child, [child, minorChild], 'UNDETERMINED', '未登记法定赡养、抚养、扶养义务人情况'],
    ['R51 the head’s spouse to the head’s child may be a step-parent: not counted → UNDETERMINED', { ...child, relationship: 'GRANDCHILD' }, [spouse, { ...child, relationship: 'GRANDCHILD' }], 'UNDETERMINED', '未登记法定赡养、抚养、扶养义务人情况'],
    ['R51.1 the only obligor is supported as 特困 → UNDETERMINED, named', child, [{ ...head, personCategories: ['TEKUN'] }, child], 'UNDETERMINED', '同户义务人马海福（户主）的履行能力需核实'],
    ['R51.4 the only obligor has a disability on record → UNDETERMINED', child, [{ ...head, disabilityCategory: 'HEARING', disabilityGrade: 4 }, child], 'UNDETERMINED', '履行能力需核实'],
    ['R51.4 the only obligor’s health is recorded as 残疾 → UNDETERMINED', child, [{ ...head, healthStatus: 'DISABLED' }, child], 'UNDETERMINED', '履行能力需核实'],
    ['R51 (provincial grounds) the only obligor is seriously ill → UNDETERMINED', child, [{ ...head, seriousIllness: '尿毒症' }, child], 'UNDETERMINED', '履行能力需核实'],
    ['R51 an adult child of the head still in school is left to the officer → UNDETERMINED', { ...head, birthDate: '1950-01-01' }, [{ ...head, birthDate: '1950-01-01' }, { ...adultChild, birthDate: '2002-01-01', studentStage: 'UNDERGRAD' }], 'UNDETERMINED', '同户义务人马强（子女）的履行能力需核实'],
    ['R51.2–3 the only obligor is 60 or over → UNDETERMINED', grandmother, [{ ...head, birthDate: '1961-07-01' }, grandmother], 'UNDETERMINED', '履行能力需核实'],
    ['R51 a child of 11 is not yet an able obligor (a minor) → UNDETERMINED', { ...head, birthDate: '1950-01-01' }, [{ ...head, birthDate: '1950-01-01' }, minorChild], 'UNDETERMINED', '同户义务人马丽（子女）的履行能力需核实'],
  ])('%s', (_rule, m, household, expected, text) => {
    const r = assessTekunMember(m, ctx({ household }));
    expect(r.tekun).toBe(expected);
    expect(r.steps.find((s) => s.rule === 'R51')?.text).toContain(text);
  });

  it('R48 says which conditions fail or need checking, each named in quotes', () => {
    const conclusion = (m: MemberFacts, c: Partial<TekunContext>) => assessTekunMember(m, ctx(c)).steps.find((s) => s.kind === 'RESULT' && s.rule === 'R48')?.text;
    expect(conclusion(child, { household: [head, child] })).toBe('不符合特困人员条件：“无法定义务人或义务人无履行能力”不具备');
    expect(conclusion(child, { household: [child], property: 'NOT_CONFIGURED' })).toBe('特困人员条件待定：“无生活来源”、“无法定义务人或义务人无履行能力”需核实');
  });

  it('R51 recorded obligors win over the household: an empty record means none → YES', () => {
    const r = assessTekunMember({ ...child, obligors: [] }, ctx({ household: [head, child] }));
    expect(r.tekun).toBe('YES');
  });

  it('R51 quiet mode reaches the same answer without building steps', () => {
    const r = assessTekunMember(child, ctx({ household: [head, child], explain: false }));
    expect(r).toMatchObject({ tekun: 'NO', steps: [] });
  });
});

describe('assessTekunMember — R53 care level and R55 support standard', () => {
  const partial: SelfCareFacts = { ...ALL_ABLE, bathing: false, dressing: false };
  const full: SelfCareFacts = { ...partial, gettingInOutOfBed: false, usingToilet: false };
  const shippedP21 = RURAL.P21!.value as Record<string, unknown>;

  it('R55/P21 shipped set: minimum wage not configured → amount null, step names the missing figure', () => {
    const r = assessTekunMember(member({ selfCare: partial }), ctx());
    expect(r.tekun).toBe('YES');
    expect(r.careLevel).toBe('PARTIAL_CARE');
    expect(r.tekunSupportMonthlyFen).toBeNull();
    const basic = r.steps.find((s) => s.rule === 'R55' && s.kind === 'RULE');
    expect(basic?.figures.at(-1)).toMatchObject({ label: '基本生活标准', fen: 58500 });
    expect(r.steps.some((s) => s.text.includes('2020年') && s.text.includes('未配置'))).toBe(true);
  });

  it('R55/P21 minimum-wage basis configured: 1.3 × 450 + 1/6 × 1 700 = 585 + 283.33', () => {
    const p21 = { ...shippedP21, previousYearMinimumWageMonthlyFenByYear: { '2020': 170000 } };
    expect(validateParameterValue(findParameterDefinition('P21')!, p21)).toEqual([]);
    const r = assessTekunMember(member({ selfCare: partial }), ctx({ params: withParam(RURAL, 'P21', p21) }));
    expect(r.tekunSupportMonthlyFen).toBe(58500 + 28333);
    expect(r.steps.some((s) => s.rule === 'R56' && s.text.includes('未登记供养方式'))).toBe(true);
  });

  it('R55/P21 MLA-standard basis: full care 1/3 × 450 = 150 → 735', () => {
    const p21 = { ...shippedP21, basis: 'MLA_STANDARD' };
    const r = assessTekunMember(member({ selfCare: full }), ctx({ params: withParam(RURAL, 'P21', p21) }));
    expect(r.careLevel).toBe('FULL_CARE');
    expect(r.tekunSupportMonthlyFen).toBe(73500);
    expect(r.steps.at(-1)).toMatchObject({ kind: 'RESULT', rule: 'R55' });
  });

  it('R55 basic living rounds half up to the fen (1.3 × 333.35 = 433.355 → 433.36)', () => {
    const p21 = { ...shippedP21, basis: 'MLA_STANDARD' };
    const r = assessTekunMember(member({ selfCare: ALL_ABLE }), ctx({ standardMonthlyFen: 33335, params: withParam(RURAL, 'P21', p21) }));
    // care 1/10 × 333.35 = 33.335 → 33.34
    expect(r.tekunSupportMonthlyFen).toBe(43336 + 3334);
  });

  it.each<[string, ParameterSet, SelfCareFacts | null]>([
    ['R53 no self-care assessment → amount null', RURAL, null],
    ['R55 P20 not configured → amount null', without(RURAL, 'P20'), partial],
    ['R55 P21 not configured → amount null', without(RURAL, 'P21'), partial],
  ])('%s', (_rule, params, selfCare) => {
    const r = assessTekunMember(member({ selfCare }), ctx({ params }));
    expect(r.tekun).toBe('YES');
    expect(r.tekunSupportMonthlyFen).toBeNull();
    expect(r.steps.at(-1)?.kind).toBe('NOTE');
  });

  it('R55: no amount when not 特困; care level still recorded', () => {
    const r = assessTekunMember(member({ selfCare: partial, obligors: null }), ctx());
    expect(r.tekun).toBe('UNDETERMINED');
    expect(r.careLevel).toBe('PARTIAL_CARE');
    expect(r.tekunSupportMonthlyFen).toBeNull();
  });
});

describe('assessTekunMember — R55/R56 care standard raised by the mode of support (P21 uplift)', () => {
  const partial: SelfCareFacts = { ...ALL_ABLE, bathing: false, dressing: false };
  const full: SelfCareFacts = { ...partial, gettingInOutOfBed: false, usingToilet: false };
  const p21 = (over: Record<string, unknown> = {}) => ({ ...(RURAL.P21!.value as object), basis: 'MLA_STANDARD', ...over });
  const institution = (since = '2020-01-01'): SupportArrangementFacts => ({ mode: 'INSTITUTIONAL', institution: '湟中区敬老院', homeCondition: null, since });
  const home = (homeCondition: SupportArrangementFacts['homeCondition'] = null): SupportArrangementFacts => ({ mode: 'HOME', institution: null, homeCondition, since: '2019-05-01' });

  // basic living 1.3 × 450 = 585.00; partial care 1/6 × 450 = 75.00 (MLA-standard basis)
  it.each<[string, SupportArrangementFacts | null, Record<string, unknown>, number, 'RULE' | 'NOTE', string]>([
    ['R56 not recorded: no uplift, the step asks for it', null, {}, 58500 + 7500, 'NOTE', '未登记供养方式'],
    ['R55 institutional (集中供养): care × (1 + 50%) = 112.50', institution(), {}, 58500 + 11250, 'RULE', '集中供养（湟中区敬老院，2020-01-01起），照料护理标准上浮50%：75.00元 × (1 + 50%) = 112.50元'],
    ['R55 institutional with a 30% uplift configured: 97.50', institution(), { institutionalUpliftRate: 0.3 }, 58500 + 9750, 'RULE', '上浮30%'],
    ['R56 home (分散供养): no uplift', home(), {}, 58500 + 7500, 'RULE', '分散供养（2019-05-01起），照料护理标准不上浮'],
    ['R55 home, community resident with mental illness: raised as institutional', home('MENTAL_ILLNESS'), {}, 58500 + 11250, 'RULE', '社区居住的精神病患者'],
    ['R55 home, community resident with an infectious disease: raised', home('INFECTIOUS_DISEASE'), {}, 58500 + 11250, 'RULE', '社区居住的传染病患者'],
    ['R56 arrangement recorded from after the reference date: not applied', institution('2021-09-01'), {}, 58500 + 7500, 'NOTE', '晚于核算基准日2021-08-01'],
  ])('%s', (_rule, support, over, amount, kind, text) => {
    const params = withParam(RURAL, 'P21', p21(over));
    const r = assessTekunMember(member({ selfCare: partial, support }), ctx({ params }));
    expect(r.tekunSupportMonthlyFen).toBe(amount);
    const step = r.steps.find((s) => s.rule === 'R56' || (s.rule === 'R55' && s.text.includes('上浮')));
    expect(step).toMatchObject({ kind });
    expect(step?.text).toContain(text);
    // the result step adds the care standard actually applied
    expect(r.steps.at(-1)).toMatchObject({ kind: 'RESULT', rule: 'R55' });
    expect(r.steps.at(-1)!.figures.find((f) => f.label === '照料护理标准')?.fen).toBe(amount - 58500);
    // quiet mode decides the same
    expect(assessTekunMember(member({ selfCare: partial, support }), ctx({ params, explain: false })).tekunSupportMonthlyFen).toBe(amount);
  });

  it('R55 the raised care standard rounds half up to the fen (1/3 × 333.35 = 111.12; × 1.5 = 166.68)', () => {
    const r = assessTekunMember(member({ selfCare: full, support: institution() }), ctx({ standardMonthlyFen: 33335, params: withParam(RURAL, 'P21', p21()) }));
    expect(r.tekunSupportMonthlyFen).toBe(43336 + 16668);
  });

  it('R56 no uplift and no step when the person is not 特困', () => {
    const r = assessTekunMember(member({ selfCare: partial, support: institution(), obligors: null }), ctx({ params: withParam(RURAL, 'P21', p21()) }));
    expect(r.tekun).toBe('UNDETERMINED');
    expect(r.tekunSupportMonthlyFen).toBeNull();
    expect(r.steps.some((s) => s.rule === 'R56' || s.text.includes('上浮'))).toBe(false);
  });
});

describe('assessTekunMember — explanation steps', () => {
  it('every step has Chinese text and a rule; comparisons carry compare objects', () => {
    const p21 = { ...(RURAL.P21!.value as object), basis: 'MLA_STANDARD' };
    const r = assessTekunMember(
      member({ selfCare: ALL_ABLE, disabilityCategory: 'VISUAL', disabilityGrade: 1, obligors: [{ name: '王五', relationship: '子女', inabilityGround: 'TEKUN' }] }),
      ctx({ params: withParam(RURAL, 'P21', p21) }),
    );
    for (const s of r.steps) {
      expect(s.text).toMatch(/[\u4e00-\u9fff]/);
      expect(s.rule).toMatch(/^R\d+/);
      if (s.kind === 'COMPARE') expect(s.compare).toBeDefined();
    }
    expect(r.steps.filter((s) => s.figures.some((f) => f.parameter?.code === 'P20'))).toHaveLength(1);
  });
});
