import { describe, expect, it } from 'vitest';
import { findParameterDefinition, PARAMETER_CATALOG, type FieldSpec, type ValueSpec } from './parameter-catalog.js';
import { optionLabel, parameterValueText } from './parameter-text.js';

const text = (code: string, value: unknown) => parameterValueText(findParameterDefinition(code), value);

describe('a parameter value in Chinese (issue 3 §1: what admins read instead of JSON)', () => {
  it.each([
    ['P10', 7, '7天'],
    ['P04', 12, '12个月'],
    ['P02', 1.5, '1.5倍'],
    ['P37', 0.3, '30%'],
    ['P16', false, '否'],
    ['P45', 'ROUND_HALF_UP_YUAN', '四舍五入到元'],
    ['P01', { monthlyFen: 45_000, published: { amount: 5400, unit: 'YUAN_PER_PERSON_YEAR' } }, '每人每月 450.00元（公布标准 每人每年 5,400.00元）'],
    ['P22', { townshipInvestigationWorkingDays: 15, publicityDays: 7, confirmationWorkingDays: 10 }, '乡镇调查：15个工作日，公示：7天，县级确认：10个工作日'],
    ['P05', { mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.3, capMultipleOfStandard: 1, documentedWorkersOnly: true },
      '扣减方式：每名就业成员按低保标准的比例，比例：30%，每人上限（低保标准的倍数）：1倍，仅限有就业证明的人员：是'],
    ['P17', { mode: 'DIFFERENCE', floorShareOfStandard: 0 }, '计发办法：补差，最低按低保标准的比例：0%'],
    ['P06', { scope: 'CENTRAL_MINIMUM', window: { from: '2021-01-01', to: null }, centralMinimumByYear: { 2022: { monthlyFen: 9800, published: { amount: 98, unit: 'YUAN_PER_PERSON_MONTH' } } } },
      '不计入范围：中央确定的基础养老金，适用期间：2021-01-01起，各年中央确定的基础养老金最低标准：2022年每人每月 98.00元'],
    ['P21', { basis: 'PREVIOUS_YEAR_MINIMUM_WAGE', minimumShares: { fullSelfCare: { numerator: 1, denominator: 10 }, partialCare: { numerator: 1, denominator: 6 }, fullCare: { numerator: 1, denominator: 3 } }, institutionalUpliftRate: 0.5 },
      '计算基数：上年度最低工资标准，最低比例（全自理：1/10，半护理：1/6，全护理：1/3），集中供养上浮比例：50%'],
    ['P27', { capMultipleOfMonthlyStandard: 1, slaDays: 3, financeCheckRequired: false, s13EffectiveFrom: null, preS13CapFen: null },
      '上限（月低保标准的倍数）：1倍，办理时限：3天，须核对家庭经济状况：否，新规（S13）施行日期：未设置，此前小金额先行救助上限：未设置'],
    ['P55', { addOns: [{ category: 'ELDERLY', shareOfStandard: 0.1 }, { category: 'SEVERE_DISABILITY', monthlyFen: 5000 }] },
      '加发项目：（对象：老年人，低保标准的比例：10%）（对象：重度残疾人，每月金额：50.00元）'],
    ['P76', { mode: 'REDUCE_OWN_SHARE', reduceRate: 0.5 }, '办法：按比例减发本人份额，减发比例（本人份额的）：50%'],
    ['P76', { mode: 'COUNTY_DECIDES', reduceRate: null }, '办法：由县级民政部门逐案决定，减发比例（本人份额的）：未设置'],
    ['P77', { fullMonths: 6, stepMonths: 3, stepRate: 0.25, floorRate: 0.5 }, '前期全额发放月数：6，每次减发间隔：3个月，每次减发比例（原金额的）：25%，最低发放比例（原金额的）：50%'],
    ['P77', { fullMonths: null, stepMonths: null, stepRate: null, floorRate: null }, '前期全额发放月数：未设置，每次减发间隔：未设置，每次减发比例（原金额的）：未设置，最低发放比例（原金额的）：未设置'],
    ['P48', ['CONSCRIPT_IN_ACTIVE_SERVICE'], '现役义务兵'],
    ['P69', ['DEATH_OR_MISSING', 'VOLUNTARY_EXIT'], '死亡或被宣告失踪、本人申请退出'],
    ['P52', [], '无'],
    ['P35', { triggers: [{ code: 'MEDICAL_SINGLE_STAY_LOW_INCOME', sourceDepartment: 'HEALTHCARE_SECURITY', description: '单次住院个人自付超过阈值', thresholdFen: 600_000, pushCadence: 'EVERY_10_DAYS' }] },
      '触发条件：（数据来源：医保，说明：单次住院个人自付超过阈值，金额阈值：6,000.00元，推送频次：每10天）'],
    ['P35', { triggers: [{ code: 'LOCAL_TRIGGER', sourceDepartment: 'HEALTHCARE_SECURITY', thresholdFen: 600_000, pushCadence: 'EVERY_10_DAYS' }] },
      '触发条件：（代码：LOCAL_TRIGGER，数据来源：医保，金额阈值：6,000.00元，推送频次：每10天）'],
    ['P47', { byRegion: { 632323: 'PASTORAL', 630106: 'FARMING' } }, '各地区：630106：农区，632323：牧区'],
    ['P39', { coveredYears: [2026], holidays: ['2026-01-01', '2026-10-01'], makeUpWorkdays: ['2026-10-10'] }, '已录入2026年：节假日2天，调休上班1天'],
    ['P39', { coveredYears: [], holidays: [], makeUpWorkdays: [] }, '未录入节假日'],
  ])('%s %j → %s', (code, value, expected) => {
    expect(text(code, value)).toBe(expected);
  });

  it('writes the property rules (P19, a free-form object) with labels, 元 for amounts and 不限 for no limit', () => {
    expect(
      text('P19', {
        configured: true,
        rules: {
          financialAssets: { maxMultipleOfAnnualStandard: 2 },
          housing: { maxDwellings: 1 },
          vehicles: { maxCount: 0, maxValueFen: null, exemptPurposes: ['DISABILITY', 'AGRICULTURAL'] },
          business: { allowed: false, maxValueFen: null },
          livestock: { applies: false },
        },
      }),
    ).toBe(
      '已配置：是，规则：金融资产（上限（年低保标准×人数的倍数）：2），住房（最多套数：1），机动车（最多辆数：0，单项价值上限：不限，不计入的用途：残疾人专用车、农用车），经营主体（允许持有：否，单项价值上限：不限），牲畜（设限：否）',
    );
    expect(text('P19', { configured: true, rules: { vehicles: { maxCount: 1, maxValueFen: 5_000_000 } } })).toBe('已配置：是，规则：机动车（最多辆数：1，单项价值上限：50,000.00元）');
  });

  it('keeps a key the catalog does not know visible, and says 未配置 for no value', () => {
    expect(text('P22', { townshipInvestigationWorkingDays: 15, publicityDays: 7, confirmationWorkingDays: 10, extra: 3 })).toBe('乡镇调查：15个工作日，公示：7天，县级确认：10个工作日，extra：3');
    expect(text('P10', null)).toBe('未配置');
  });

  it('cuts a very long value at 400 characters', () => {
    const long = text('P57', { source: 'CUSTOM_LIST', illnesses: Array.from({ length: 100 }, (_, i) => `疾病${i}`) });
    expect(long.length).toBe(400);
    expect(long.endsWith('…')).toBe(true);
  });

  // Every option and every field of the catalog has a Chinese name: a parameter added later
  // without one fails here instead of showing a code to officials.
  it('has a label for every option and every structured field of the catalog', () => {
    const missing: string[] = [];
    const walk = (code: string, spec: ValueSpec | FieldSpec) => {
      if (spec.type === 'ENUM') for (const o of spec.options) if (optionLabel(o) === o) missing.push(`${code} option ${o}`);
      if (spec.type === 'LIST' || spec.type === 'YEAR_MAP' || spec.type === 'REGION_MAP') walk(code, spec.of);
      if (spec.type === 'STRUCT') {
        if (Object.keys(spec.fields).join() === 'from,to') return; // a period, written '…至…'
        for (const [name, f] of Object.entries(spec.fields)) {
          const shown = parameterValueText({ ...findParameterDefinition(code)!, kind: 'STRUCT', fields: { [name]: f } }, { [name]: 'x' });
          if (shown.startsWith(`${name}：`) || shown.startsWith(`${name}（`)) missing.push(`${code} field ${name}`);
          walk(code, f);
        }
      }
    };
    for (const d of PARAMETER_CATALOG) {
      if (d.fields) walk(d.code, { type: 'STRUCT', fields: d.fields });
      for (const o of d.options ?? []) if (optionLabel(o) === o) missing.push(`${d.code} option ${o}`);
      if (d.items) walk(d.code, d.items);
    }
    expect(missing).toEqual([]);
  });
});
