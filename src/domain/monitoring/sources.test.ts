import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../registry/id-number.js';
import {
  checkDeptHeader,
  checkDeptMapping,
  defaultDeptMapping,
  departmentMayPush,
  DEPT_SOURCES,
  deptFactsOf,
  findDeptSource,
  matchDeptRecord,
  parseDeptRow,
} from './sources.js';

const TODAY = '2026-11-29';
const ID = generateIdNumber('630102', '1970-05-01', 11);
const medical = findDeptSource('MEDICAL_SETTLEMENT')!;
const mapping = defaultDeptMapping(medical);

function medicalRow(over: Record<string, unknown> = {}) {
  return { 身份证号: ID, 姓名: '张三', 结算日期: '2026-11-03', 入院日期: '2026/10/28', 医疗总费用: '12,345.60', 个人自付: '6 800元', ...over };
}

describe('catalogue', () => {
  it('has every source of issue 4 §1 with unique codes, person fields first and known event/amount fields', () => {
    const codes = DEPT_SOURCES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ['MEDICAL_SETTLEMENT', 'HRSS_EMPLOYMENT', 'HRSS_PENSION', 'DISABILITY_CERT', 'SERIOUS_ILLNESS', 'PS_DEATH', 'PS_HUKOU_MOVE', 'DISASTER_LOSS', 'HOUSING_SAFETY', 'BUSINESS_REG', 'REAL_ESTATE', 'VEHICLE', 'STUDENT', 'FANGFANPIN', 'TAX_INCOME', 'DEPT_FLAG']) {
      expect(codes).toContain(c);
    }
    for (const s of DEPT_SOURCES) {
      expect(s.fields[0]!.key).toBe('idNumber');
      const keys = s.fields.map((x) => x.key);
      expect(new Set(keys).size, s.code).toBe(keys.length);
      if (s.eventDateField) expect(keys, s.code).toContain(s.eventDateField);
      if (s.amountField) expect(keys, s.code).toContain(s.amountField);
      for (const fd of s.fields) if (fd.type === 'ENUM') expect(fd.options, `${s.code}.${fd.key}`).toBeTruthy();
    }
  });

  it.each([
    ['own department', 'MEDICAL_SETTLEMENT', 'HEALTHCARE_SECURITY', true],
    ['another department', 'MEDICAL_SETTLEMENT', 'TAX', false],
    ['DEPT_FLAG takes any department', 'DEPT_FLAG', 'TAX', true],
  ])('departmentMayPush: %s', (_n, code, dept, ok) => {
    expect(departmentMayPush(findDeptSource(code)!, dept)).toBe(ok);
  });
});

describe('parseDeptRow', () => {
  it('normalises ids, dates, money and enums', () => {
    const r = parseDeptRow(medical, mapping, medicalRow({ 就诊类型: '住院', 身份证号: ` ${ID.toLowerCase()} ` }), { today: TODAY });
    expect(r).toMatchObject({
      ok: true,
      value: { idNumber: ID, name: '张三', eventDate: '2026-11-03', amountFen: 680_000, data: { admissionDate: '2026-10-28', totalFen: 1_234_560, visitType: 'INPATIENT' } },
    });
  });

  it.each([
    ['bad check character', { 身份证号: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') }, '身份证号', 'ID_NUMBER_CHECK'],
    ['money with letters', { 个人自付: '1,2x' }, '个人自付', 'CELL_MONEY_INVALID'],
    ['missing required value', { 结算日期: '' }, '结算日期', 'DEPT_VALUE_REQUIRED'],
    ['unknown enum', { 就诊类型: '急诊' }, '就诊类型', 'DEPT_VALUE_UNKNOWN'],
    ['date in the future', { 结算日期: '2027-01-01' }, '结算日期', 'DEPT_DATE_IN_FUTURE'],
    ['id number stored as a number', { 身份证号: 6.30102197005011e17 }, '身份证号', 'ID_NUMBER_PRECISION_LOST'],
  ])('refuses %s with the column as path', (_n, over, path, code) => {
    const r = parseDeptRow(medical, mapping, medicalRow(over), { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('reads a custom mapping (their column names, full-width brackets and * markers ignored)', () => {
    const custom = { ...mapping, idNumber: '公民身份号码', outOfPocketFen: '自付金额（元）' };
    const r = parseDeptRow(medical, custom, { '*公民身份号码': ID, 姓名: '张三', 结算日期: '2026-11-03', 医疗总费用: '100', '自付金额(元)': '50' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, value: { amountFen: 5000 } });
  });

  it('refuses a reversed tax period', () => {
    const tax = findDeptSource('TAX_INCOME')!;
    const r = parseDeptRow(tax, defaultDeptMapping(tax), { 身份证号: ID, 姓名: '张三', 所属期起: '2026-06-01', 所属期止: '2026-01-01', 收入额: '100' }, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]).toMatchObject({ path: '所属期止', code: 'DEPT_PERIOD_REVERSED' });
  });
});

describe('mappings and headers', () => {
  it('checkDeptMapping completes defaults and refuses unknown fields, empty and duplicate names', () => {
    expect(checkDeptMapping(medical, { idNumber: '证件号码' })).toMatchObject({ ok: true, value: { idNumber: '证件号码', name: '姓名' } });
    const bad = checkDeptMapping(medical, { nope: 'x', name: ' ', outOfPocketFen: '医疗总费用' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.violations.map((v) => v.code).sort()).toEqual(['DEPT_MAPPING_COLUMN_DUPLICATE', 'DEPT_MAPPING_COLUMN_EMPTY', 'DEPT_MAPPING_FIELD_UNKNOWN']);
  });

  it('checkDeptHeader lists missing required columns', () => {
    expect(checkDeptHeader(medical, mapping, ['身份证号', '姓名', '结算日期', '医疗总费用'])).toEqual([
      { path: '个人自付', code: 'DEPT_COLUMN_MISSING', params: { column: '个人自付' } },
    ]);
  });
});

describe('matchDeptRecord', () => {
  it.each([
    ['not in the registry', { name: '张三', birthDate: null }, null, 'UNMATCHED'],
    ['same name', { name: '张 三', birthDate: null }, { name: '张三', birthDate: '1970-05-01' }, 'MATCHED'],
    ['other name', { name: '李四', birthDate: null }, { name: '张三', birthDate: '1970-05-01' }, 'NAME_MISMATCH'],
    ['other birth date', { name: '张三', birthDate: '1970-05-02' }, { name: '张三', birthDate: '1970-05-01' }, 'BIRTH_MISMATCH'],
  ] as const)('%s', (_n, rec, person, status) => {
    expect(matchDeptRecord(rec, person)).toBe(status);
  });
});

describe('deptFactsOf', () => {
  const parse = (code: string, row: Record<string, unknown>) => {
    const s = findDeptSource(code)!;
    const r = parseDeptRow(s, defaultDeptMapping(s), { 身份证号: ID, 姓名: '张三', ...row }, { today: TODAY });
    if (!r.ok) throw new Error(JSON.stringify(r.violations));
    return deptFactsOf(s, r.value);
  };
  it.each([
    ['MEDICAL_SETTLEMENT → out-of-pocket expenditure', 'MEDICAL_SETTLEMENT', { 结算日期: '2026-11-03', 入院日期: '2026-10-28', 医疗总费用: '100', 个人自付: '60' },
      [{ kind: 'EXPENDITURE', expenditureType: 'MEDICAL_OUT_OF_POCKET', periodStart: '2026-10-28', periodEnd: '2026-11-03', amountFen: 6000 }]],
    ['HRSS_PENSION resident → PENSION_RESIDENT_BASIC for the month', 'HRSS_PENSION', { 养老金类型: '城乡居民基本养老保险', 发放日期: '2026-02-10', 发放金额: '203' },
      [{ kind: 'INCOME', incomeType: 'PENSION_RESIDENT_BASIC', periodStart: '2026-02-01', periodEnd: '2026-02-28', amountFen: 20300 }]],
    ['HRSS_PENSION employee → PENSION_OTHER', 'HRSS_PENSION', { 养老金类型: 'EMPLOYEE', 发放日期: '2026-03-10', 发放金额: '3000' },
      [{ kind: 'INCOME', incomeType: 'PENSION_OTHER' }]],
    ['TAX_INCOME → WAGE', 'TAX_INCOME', { 所属期起: '2026-01-01', 所属期止: '2026-06-30', 收入额: '30000' },
      [{ kind: 'INCOME', incomeType: 'WAGE', amountFen: 3_000_000 }]],
    ['DISABILITY_CERT → disability', 'DISABILITY_CERT', { 残疾类别: '肢体残疾', 残疾等级: '二级', 发证日期: '2026-01-01' },
      [{ kind: 'PERSON', patch: { disabilityCategory: 'PHYSICAL', disabilityGrade: 2 } }]],
    ['DISABILITY_CERT cancelled → nothing', 'DISABILITY_CERT', { 残疾类别: '肢体残疾', 残疾等级: '二级', 发证日期: '2026-01-01', 证件状态: '注销' }, []],
    ['SERIOUS_ILLNESS → SERIOUS', 'SERIOUS_ILLNESS', { 疾病名称: '尿毒症', 确诊日期: '2026-01-01' },
      [{ kind: 'PERSON', patch: { healthStatus: 'SERIOUS', seriousIllness: '尿毒症' } }]],
    ['HRSS_EMPLOYMENT unemployed', 'HRSS_EMPLOYMENT', { 登记类型: '失业登记', 登记日期: '2026-01-01' }, [{ kind: 'PERSON', patch: { employment: 'UNEMPLOYED' } }]],
    ['STUDENT → stage', 'STUDENT', { 学校: '一中', 学段: '高中', 学期开始日期: '2026-09-01' }, [{ kind: 'PERSON', patch: { studentStage: 'SENIOR' } }]],
    ['VEHICLE → asset', 'VEHICLE', { 号牌号码: '青A12345', 登记日期: '2026-01-01', 购置价格: '150000' },
      [{ kind: 'ASSET', assetType: 'VEHICLE', valueFen: 15_000_000, assetKey: '青A12345' }]],
    ['BUSINESS_REG cancelled → nothing', 'BUSINESS_REG', { 主体名称: '某商店', 登记日期: '2026-01-01', 登记状态: '注销' }, []],
    ['REAL_ESTATE → house', 'REAL_ESTATE', { 坐落: '城东区1号', 登记日期: '2026-01-01', '建筑面积(平方米)': '90' }, [{ kind: 'ASSET', assetType: 'HOUSE', quantity: 90 }]],
    ['FANGFANPIN monitored → add', 'FANGFANPIN', { 监测状态: '监测中', 识别日期: '2026-01-01' }, [{ kind: 'CATEGORY_ADD', category: 'FANGFANPIN', effectiveFrom: '2026-01-01' }]],
    ['FANGFANPIN risk eliminated → end', 'FANGFANPIN', { 监测状态: '风险消除', 识别日期: '2025-01-01', 风险消除日期: '2026-05-01' },
      [{ kind: 'CATEGORY_END', category: 'FANGFANPIN', effectiveTo: '2026-05-01' }]],
    ['PS_DEATH changes nothing', 'PS_DEATH', { 死亡日期: '2026-01-01' }, []],
    ['DEPT_FLAG changes nothing', 'DEPT_FLAG', { 预警部门: '民政', 预警原因: '突发困难' }, []],
  ])('%s', (_n, code, row, expected) => {
    const facts = parse(code, row);
    expect(facts).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(facts[i]).toMatchObject(e));
  });
});
