import { describe, expect, it } from 'vitest';
import type { HouseholdFacts, MemberFacts } from '../policy/assessment.types.js';
import { findDeptSource } from './sources.js';
import {
  DEFAULT_RULES,
  SOURCE_FIELDS,
  comparisonReferenceDate,
  evaluateRule,
  isRuleEnabledFor,
  kindSpec,
  monthsBefore,
  validateRuleParams,
  type DeptRecordFact,
  type RuleSubject,
  type WarningRuleDef,
} from './warning-rules.js';

const TODAY = '2026-03-02';

function member(id: string, over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    personId: id, name: `成员${id}`, relationship: 'HEAD', birthDate: '1970-01-01', sex: 'M', labourCapacity: null, healthStatus: null,
    seriousIllness: null, disabilityCategory: null, disabilityGrade: null, employment: null, studentStage: null, exclusion: null,
    selfCare: null, support: null, disabilityComponents: null, jobReferrals: null, obligors: null, personCategories: [], ...over,
  };
}

function household(over: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    householdId: 'h1', householdNo: '6301020010010001', regionCode: '630102001001', countyCode: '630102', urbanRural: 'RURAL', areaType: null,
    members: [member('p1'), member('p2', { relationship: 'SPOUSE' })], incomes: [], assets: [], expenditures: [], categories: [], recipient: null,
    ...over,
  };
}

let seq = 0;
function rec(sourceCode: string, eventDate: string, data: Record<string, unknown>, personId = 'p1', amountFen: number | null = null): DeptRecordFact {
  return { id: `r${++seq}`, sourceCode, personId, eventDate, amountFen, data, receivedOn: eventDate };
}

function rule(code: string, params?: Record<string, unknown>): WarningRuleDef {
  const d = DEFAULT_RULES.find((r) => r.code === code)!;
  return { id: `rule-${code}`, code, name: d.name, kind: d.kind, params: params ?? d.params, level: d.level, targetCategory: d.targetCategory, deadlineWorkingDays: 10 };
}

function subject(r: WarningRuleDef, records: DeptRecordFact[], over: { household?: HouseholdFacts; person?: string | null; benefitStatus?: string | null; p01?: number | null } = {}): RuleSubject {
  const h = over.household ?? household();
  const personLevel = kindSpec(r.kind)!.subject === 'PERSON';
  const pid = over.person === undefined ? 'p1' : over.person;
  return {
    household: h,
    benefitStatus: over.benefitStatus ?? null,
    person: personLevel && pid ? h.members.find((m) => m.personId === pid)! : null,
    records: personLevel && pid ? records.filter((x) => x.personId === pid) : records,
    today: TODAY,
    dibaoStandardFen: over.p01 === undefined ? 80_000 : over.p01,
  };
}

const DIBAO = household({ categories: ['DIBAO'] });
const WITH_INCOME = household({
  incomes: [{ id: 'i1', personId: 'p2', incomeType: 'WAGE', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 3_000_000, provenance: { source: 'DECLARED', detail: null, recordedAt: '', recordedBy: null }, note: null }],
});

interface Row {
  r81: string;
  code: string;
  params?: Record<string, unknown>;
  records: DeptRecordFact[];
  household?: HouseholdFacts;
  person?: string | null;
  benefitStatus?: string | null;
  p01?: number | null;
  fire: boolean | null;
  causeKey?: string;
  title?: string;
  level?: string;
}

const ROWS: Row[] = [
  { r81: '医保: 12个月累计自付超过阈值', code: 'MEDICAL_ANNUAL_OOP', records: [rec('MEDICAL_SETTLEMENT', '2025-06-01', { outOfPocketFen: 600_000 }), rec('MEDICAL_SETTLEMENT', '2026-01-01', { outOfPocketFen: 500_000 })], fire: true, causeKey: 'MEDICAL_ANNUAL_OOP:p1', title: '11,000.00元' },
  { r81: '医保: 窗口外的结算不计', code: 'MEDICAL_ANNUAL_OOP', records: [rec('MEDICAL_SETTLEMENT', '2025-02-01', { outOfPocketFen: 900_000 }), rec('MEDICAL_SETTLEMENT', '2026-01-01', { outOfPocketFen: 200_000 })], fire: false },
  { r81: '医保: 没有结算记录则不适用', code: 'MEDICAL_ANNUAL_OOP', records: [], fire: null },
  { r81: '医保: 低收入人口单次住院自付 > 6000元', code: 'MEDICAL_SINGLE_STAY_LOW_INCOME', household: DIBAO, records: [rec('MEDICAL_SETTLEMENT', '2026-02-01', { outOfPocketFen: 650_000, visitType: 'INPATIENT' })], fire: true, title: '6,500.00元' },
  { r81: '医保: 门诊不算住院', code: 'MEDICAL_SINGLE_STAY_LOW_INCOME', household: DIBAO, records: [rec('MEDICAL_SETTLEMENT', '2026-02-01', { outOfPocketFen: 650_000, visitType: 'OUTPATIENT' })], fire: null },
  { r81: '医保: 6000元阈值只对低收入人口', code: 'MEDICAL_SINGLE_STAY_LOW_INCOME', records: [rec('MEDICAL_SETTLEMENT', '2026-02-01', { outOfPocketFen: 650_000 })], fire: null },
  { r81: '医保: 其他居民单次住院 > 10000元', code: 'MEDICAL_SINGLE_STAY_OTHER_RURAL', records: [rec('MEDICAL_SETTLEMENT', '2026-02-01', { outOfPocketFen: 1_000_100 })], fire: true },
  { r81: '医保: 自付占家庭年收入 ≥ 50%', code: 'MEDICAL_SHARE_OF_INCOME', household: WITH_INCOME, person: null, records: [rec('MEDICAL_SETTLEMENT', '2026-01-01', { outOfPocketFen: 1_500_000 })], fire: true, causeKey: 'MEDICAL_SHARE_OF_INCOME:h1', title: '50.0%' },
  { r81: '医保: 自付低于家庭年收入50%', code: 'MEDICAL_SHARE_OF_INCOME', household: WITH_INCOME, person: null, records: [rec('MEDICAL_SETTLEMENT', '2026-01-01', { outOfPocketFen: 1_400_000 })], fire: false },
  { r81: '人社: 主要劳动力（收入最高者）登记失业', code: 'UNEMPLOYMENT_REGISTERED', household: WITH_INCOME, person: 'p2', records: [rec('HRSS_EMPLOYMENT', '2026-02-01', { registrationType: 'UNEMPLOYED' }, 'p2')], fire: true, causeKey: 'UNEMPLOYMENT_REGISTERED:p2' },
  { r81: '人社: 非主要劳动力失业不预警', code: 'UNEMPLOYMENT_REGISTERED', household: WITH_INCOME, person: 'p1', records: [rec('HRSS_EMPLOYMENT', '2026-02-01', { registrationType: 'UNEMPLOYED' })], fire: null },
  { r81: '人社: 无登记收入时户主为主要劳动力；再就业后不预警', code: 'UNEMPLOYMENT_REGISTERED', records: [rec('HRSS_EMPLOYMENT', '2026-01-01', { registrationType: 'UNEMPLOYED' }), rec('HRSS_EMPLOYMENT', '2026-02-01', { registrationType: 'EMPLOYED' })], fire: null },
  { r81: '残联: 新办二级残疾证 → 单人保/特困核查', code: 'SEVERE_DISABILITY_CERTIFICATE', records: [rec('DISABILITY_CERT', '2026-02-01', { disabilityCategory: 'PHYSICAL', disabilityGrade: '2' })], fire: true, title: '2级残疾证（肢体残疾）' },
  { r81: '残联: 三级精神残疾也算重残', code: 'SEVERE_DISABILITY_CERTIFICATE', records: [rec('DISABILITY_CERT', '2026-02-01', { disabilityCategory: 'MENTAL', disabilityGrade: '3' })], fire: true },
  { r81: '残联: 三级肢体残疾不预警', code: 'SEVERE_DISABILITY_CERTIFICATE', records: [rec('DISABILITY_CERT', '2026-02-01', { disabilityCategory: 'PHYSICAL', disabilityGrade: '3' })], fire: null },
  { r81: '卫健: 新确诊重特大疾病', code: 'CATASTROPHIC_ILLNESS_DIAGNOSIS', records: [rec('SERIOUS_ILLNESS', '2026-02-01', { diseaseName: '白血病' })], fire: true, title: '白血病' },
  { r81: '应急管理: 列入受灾名单（按受灾日期区分原因）', code: 'DISASTER_AFFECTED', person: null, records: [rec('DISASTER_LOSS', '2026-02-03', { disasterDate: '2026-02-03', lossFen: 0 })], fire: true, causeKey: 'DISASTER_AFFECTED:h1:2026-02-03' },
  { r81: '应急管理: 损失低于阈值不预警', code: 'DISASTER_AFFECTED', params: { minLossFen: 100_000 }, person: null, records: [rec('DISASTER_LOSS', '2026-02-03', { disasterDate: '2026-02-03', lossFen: 50_000 })], fire: false },
  { r81: '公安: 救助对象死亡 → 停发核查', code: 'DEATH_OF_RECIPIENT', household: DIBAO, records: [rec('PS_DEATH', '2026-02-10', { deathDate: '2026-02-10' })], fire: true, causeKey: 'DEATH_OF_RECIPIENT:p1', title: '2026-02-10' },
  { r81: '公安: 救助对象（待遇 ACTIVE）死亡', code: 'DEATH_OF_RECIPIENT', benefitStatus: 'ACTIVE', records: [rec('PS_DEATH', '2026-02-10', { deathDate: '2026-02-10' })], fire: true },
  { r81: '公安: 非救助对象死亡不走停发', code: 'DEATH_OF_RECIPIENT', records: [rec('PS_DEATH', '2026-02-10', { deathDate: '2026-02-10' })], fire: null },
  { r81: '公安: 主要劳动力死亡', code: 'DEATH_OF_MAIN_EARNER', records: [rec('PS_DEATH', '2026-02-10', { deathDate: '2026-02-10' })], fire: true },
  { r81: '农业农村: 新纳入防返贫监测', code: 'PREVENTION_MONITORING_CHANGE', person: null, records: [rec('FANGFANPIN', '2026-02-01', { monitorStatus: 'MONITORED', monitorType: 'EDGE' })], fire: true, causeKey: 'PREVENTION_MONITORING_CHANGE:h1' },
  { r81: '农业农村: 风险消除不作为新线索', code: 'PREVENTION_MONITORING_CHANGE', person: null, records: [rec('FANGFANPIN', '2026-02-01', { monitorStatus: 'RISK_ELIMINATED' })], fire: null },
  { r81: '部门预警标识: 等级取自标识', code: 'DEPT_FLAG', records: [rec('DEPT_FLAG', '2026-02-01', { department: '教育局', reason: '学生家庭困难', level: 'RED' })], fire: true, causeKey: 'DEPT_FLAG:p1:教育局', level: 'RED' },
  { r81: '不动产: 救助对象住房超过1处', code: 'PROPERTY_PURCHASE', household: DIBAO, person: null, records: [rec('REAL_ESTATE', '2026-01-01', { certNo: 'A', location: 'x' }), rec('REAL_ESTATE', '2026-02-01', { certNo: 'B', location: 'y' }, 'p2')], fire: true },
  { r81: '不动产: 同一产权证重复报送只算1处', code: 'PROPERTY_PURCHASE', household: DIBAO, person: null, records: [rec('REAL_ESTATE', '2026-01-01', { certNo: 'A' }), rec('REAL_ESTATE', '2026-02-01', { certNo: 'A' })], fire: false },
  { r81: '市场监管: 救助对象注册企业', code: 'BUSINESS_REGISTERED', household: DIBAO, records: [rec('BUSINESS_REG', '2026-01-01', { entityName: '某商贸有限公司', entityStatus: 'ACTIVE' })], fire: true, title: '经营主体' },
  { r81: '市场监管: 非救助对象不作不符合预警', code: 'BUSINESS_REGISTERED', records: [rec('BUSINESS_REG', '2026-01-01', { entityName: '某商贸有限公司' })], fire: null },
  { r81: '税务: 月人均纳税收入 ≥ 低保标准', code: 'INCOME_ABOVE_LINE', household: DIBAO, person: null, records: [rec('TAX_INCOME', '2025-12-31', { incomeFen: 1_920_000 })], fire: true, title: '800.00元' },
  { r81: '税务: 低于低保标准', code: 'INCOME_ABOVE_LINE', household: DIBAO, person: null, records: [rec('TAX_INCOME', '2025-12-31', { incomeFen: 1_910_000 })], fire: false },
  { r81: '税务: 未配置P01不预警', code: 'INCOME_ABOVE_LINE', household: DIBAO, person: null, p01: null, records: [rec('TAX_INCOME', '2025-12-31', { incomeFen: 9_000_000 })], fire: false },
  { r81: '公安交管: 救助对象购置车辆（阈值0 = 任何车辆）', code: 'VEHICLE_PURCHASE', household: DIBAO, records: [rec('VEHICLE', '2026-01-01', { plateNo: '青A12345', priceFen: 5_000_000 }, 'p1', 5_000_000)], fire: true },
  { r81: '公安交管: 低于车辆价值上限', code: 'VEHICLE_PURCHASE', params: { maxValueFen: 6_000_000 }, household: DIBAO, records: [rec('VEHICLE', '2026-01-01', { priceFen: 5_000_000 })], fire: false },
];

describe('evaluateRule (R81 trigger table, P35 defaults)', () => {
  it.each(ROWS)('$r81', (row) => {
    const r = rule(row.code, row.params);
    const ev = evaluateRule(r, subject(r, row.records, { household: row.household, person: row.person, benefitStatus: row.benefitStatus, p01: row.p01 }));
    if (row.fire === null) return expect(ev).toBeNull();
    expect(ev, row.r81).not.toBeNull();
    expect(ev!.fire).toBe(row.fire);
    if (row.causeKey) expect(ev!.causeKey).toBe(row.causeKey);
    if (row.title) expect(ev!.title).toContain(row.title);
    if (row.level) expect(ev!.level).toBe(row.level);
    if (row.fire) expect((ev!.evidence.recordIds as string[]).length).toBeGreaterThan(0);
  });

  it('says why the income rule did not decide without P01', () => {
    const r = rule('INCOME_ABOVE_LINE');
    const ev = evaluateRule(r, subject(r, [rec('TAX_INCOME', '2025-12-31', { incomeFen: 1 })], { household: DIBAO, person: null, p01: null }));
    expect(ev!.reason).toContain('P01 not configured');
  });
});

describe('rule parameters and switches', () => {
  it.each([
    ['valid default params', 'MEDICAL_OOP_ABOVE_AMOUNT', { amountFen: 100, months: 12 }, []],
    ['negative amount, too many months, unknown key', 'MEDICAL_OOP_ABOVE_AMOUNT', { amountFen: -1, months: 40, x: 1 }, ['params.amountFen', 'params.months', 'params.x']],
    ['enum checked', 'MEDICAL_SINGLE_STAY_ABOVE', { amountFen: 100, population: 'ALIENS' }, ['params.population']],
    ['share as a number', 'MEDICAL_OOP_SHARE_OF_INCOME', { share: '0.5', months: 12 }, ['params.share']],
  ] as const)('%s', (_, kind, params, paths) => {
    expect(validateRuleParams(kind, params as Record<string, unknown>).map((v) => v.path)).toEqual(paths);
  });

  it('every default rule is valid for its kind', () => {
    for (const d of DEFAULT_RULES) expect(validateRuleParams(d.kind, d.params), d.code).toEqual([]);
  });

  it('reads only fields the department catalogue (sources.ts) defines', () => {
    for (const [code, fields] of Object.entries(SOURCE_FIELDS)) {
      const src = findDeptSource(code);
      expect(src, code).not.toBeNull();
      for (const key of Object.values(fields)) expect(src!.fields.map((f) => f.key), `${code}.${key}`).toContain(key);
    }
  });

  it.each([
    ['no switch: off', [], '630102001001', false],
    ['province on', [{ regionCode: '63', enabled: true }], '630102001001', true],
    ['county off beats province on', [{ regionCode: '63', enabled: true }, { regionCode: '630102', enabled: false }], '630102001001', false],
    ['village on beats county off', [{ regionCode: '630102', enabled: false }, { regionCode: '630102001001', enabled: true }, { regionCode: '63', enabled: true }], '630102001001', true],
    ['another county off does not matter', [{ regionCode: '63', enabled: true }, { regionCode: '630103', enabled: false }], '630102001001', true],
  ] as const)('%s', (_, switches, region, on) => {
    expect(isRuleEnabledFor(switches, region)).toBe(on);
  });

  it.each([
    ['current month → today', '2026-03', '2026-03-02', '2026-03-02'],
    ['past month → its last day', '2026-02', '2026-03-02', '2026-02-28'],
    ['future month refused', '2026-04', '2026-03-02', null],
    ['malformed refused', '2026-13', '2026-03-02', null],
  ] as const)('comparison period: %s', (_, period, today, want) => {
    expect(comparisonReferenceDate(period, today)).toBe(want);
  });

  it('monthsBefore clamps the day', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-02', 12)).toBe('2025-03-02');
  });
});
