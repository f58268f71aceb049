import { describe, expect, it } from 'vitest';
import type { AssessmentResult, ExplanationStep, StepKind } from '../../domain/policy/assessment.types.js';
import { renderAssessmentPdf, renderAssessmentSheet, type AssessmentSheetInput } from './assessment-pdf.js';

// ---------------------------------------------------------------------------------------
// Fixture: a 3-person rural household found eligible for 低保, explained in 30 steps.

const SECTIONS: [string, [StepKind, string | null, string][]][] = [
  [
    '家庭人口认定',
    [
      ['INPUT', 'R14', '户籍登记在本户且共同生活的成员：王堃（户主，1968-03-12）、李秀犇（配偶，1970-07-05）、王鑫淼（子女，2006-09-30）。'],
      ['RULE', 'R14', '共同生活的家庭成员包括配偶、未成年子女及已成年但不能独立生活的子女，以及其他具有法定赡养、扶养、抚养义务关系并长期共同居住的人员。'],
      ['RULE', 'R15', '王鑫淼为全日制在校大学生（本科二年级），依照规定计入家庭人口，其勤工俭学收入不计入家庭收入。'],
      ['NOTE', 'R15', '本户无服刑、强制隔离戒毒、宣告失踪或服现役义务兵人员，无需排除。'],
      ['RESULT', 'R14', '计入家庭人口共3人。'],
    ],
  ],
  [
    '家庭收入核算',
    [
      ['INPUT', 'R18', '收入核算期为基准日前6个月：2026年4月至2026年9月（6个月）。'],
      ['INPUT', 'R19', '王堃 外出务工工资性收入 9,600.00元（申报，经2026-10-12入户调查核实，调查人：赵犇）。'],
      ['INPUT', 'R19', '李秀犇 家庭种植业经营净收入：青稞 2.5亩，按当地亩均净收益 620.00元/亩计算，折合 1,550.00元（部门数据：农牧局 2026-09 批次）。'],
      ['INPUT', 'R20', '养老金：李秀犇 城乡居民基本养老保险待遇 0.00元（未满60周岁，未领取）。'],
      ['RULE', 'R21', '转移性收入中的计划生育奖励与扶助金、优抚对象抚恤金、见义勇为奖励金等不计入家庭收入，共扣除 600.00元。'],
      ['RULE', 'R21.1', '就业成本扣减：外出务工人员按每月 200.00元 扣减必要就业成本，6个月共扣减 1,200.00元。'],
      ['INPUT', 'R22', '赡养费：无应付或应收赡养费、扶养费、抚养费记录。'],
      ['RULE', 'R23', '核算期内计入家庭收入合计 = 9,600.00 + 1,550.00 + 0.00 − 1,200.00 = 9,950.00元。'],
      ['RESULT', 'R23', '月人均收入 = 9,950.00元 ÷ 6个月 ÷ 3人 = 552.78元（保留两位小数，比较按精确值进行）。'],
    ],
  ],
  [
    '家庭财产核查',
    [
      ['INPUT', 'R25', '银行存款及理财：合计 12,300.00元（部门数据：人民银行 2026-10 批次），人均 4,100.00元。'],
      ['COMPARE', 'R25', '人均金融资产 4,100.00元 ≤ 当地年低保标准的24倍上限 151,200.00元，符合。'],
      ['INPUT', 'R26', '住房：农村自建房1处，砖木结构，建筑面积 96平方米，无其他房产。'],
      ['COMPARE', 'R26', '家庭唯一住房，不影响认定，符合。'],
      ['INPUT', 'R27', '机动车辆：三轮摩托车1辆（生产经营用），不属于限制性车辆。'],
      ['RESULT', 'R27', '家庭财产状况符合规定。'],
    ],
  ],
  [
    '标准比较与保障金',
    [
      ['INPUT', 'R28', '适用农村低保标准：每人每月 630.00元（P01 参数版本 2026-07-01 起施行，海东市乐都区）。'],
      ['COMPARE', 'R29', '月人均收入 552.78元 < 农村低保标准 630.00元，收入条件成立。'],
      ['RULE', 'R30', '保障金按差额计算：(630.00 − 552.78) × 3人 = 231.66元，按规定取整到元为 232.00元。'],
      ['RULE', 'R30', '最低保障金不低于每人每月 30.00元的规定不适用（差额已高于下限）。'],
      ['NOTE', 'R31', '户内无重度残疾、重病或失能成员，单人保路径不适用。'],
      ['RESULT', 'R30', '月保障金 232.00元。'],
    ],
  ],
  [
    '认定结论',
    [
      ['RULE', 'R102', '按认定顺序：特困（个人）否 → 低保 是；不再判定低保边缘与刚性支出困难。'],
      ['NOTE', 'R73', '本户不是防返贫监测对象。'],
      ['NOTE', null, '王鑫淼可申请教育救助（高等教育阶段），已转介教育部门。'],
      ['RESULT', 'R102', '认定结论：低保，家庭人口3人，月保障金 232.00元，自审批次月起发放。'],
    ],
  ],
];

function explanation(): ExplanationStep[] {
  let n = 0;
  return SECTIONS.flatMap(([section, steps]) =>
    steps.map(([kind, rule, text]) => ({ n: ++n, kind, rule, section, text, figures: [] })),
  );
}

const RESULT: AssessmentResult = {
  referenceDate: '2026-10-15',
  window: { from: '2026-04', to: '2026-09', months: 6 },
  householdSize: 3,
  countedIncomeFen: 995000,
  countedByType: { WAGE: 960000, FARMING: 155000, EMPLOYMENT_COST: -120000 },
  perCapitaMonthlyFen: 55278,
  standardMonthlyFen: 63000,
  urbanRural: 'RURAL',
  property: {
    result: 'PASS',
    findings: [{ check: 'FINANCIAL_ASSETS', result: 'PASS', text: '人均金融资产未超过上限' }],
  },
  dibao: { eligible: 'YES', monthlyAmountFen: 23200, method: 'DIFFERENCE' },
  isNationalEdge: 'NO',
  isQhRuralLowIncome: 'NO',
  rigidExpenditure: 'NO',
  fangfanpin: false,
  members: [],
  classification: 'DIBAO',
  categories: ['DIBAO'],
  referrals: ['王鑫淼可申请教育救助（高等教育阶段）'],
};

function sheet(overrides: { explanation?: ExplanationStep[]; result?: Partial<AssessmentResult> } = {}): AssessmentSheetInput {
  return {
    household: {
      householdNo: 'QH630202-000123',
      regionName: '青海省海东市乐都区碾伯镇七里店村',
      address: '碾伯镇七里店村三社 42号',
      urbanRural: 'RURAL',
      headName: '王堃',
      members: [
        { name: '王堃', idNumberMasked: '632123********0031', relationship: '户主', age: 58, counted: true, note: null },
        { name: '李秀犇', idNumberMasked: '632123********0046', relationship: '配偶', age: 56, counted: true, note: null },
        { name: '王鑫淼', idNumberMasked: '632123********0012', relationship: '子女', age: 20, counted: true, note: '全日制在校大学生' },
        { name: '王德昇', idNumberMasked: '632123********0019', relationship: '父母', age: 83, counted: false, note: '户籍在本户，长期随次子居住' },
      ],
    },
    assessment: {
      id: '3f1c9a2e-7b64-4d1e-9a0f-2c5d8e6b1a47',
      referenceDate: '2026-10-15',
      createdAt: '2026-10-16T02:31:07.000Z',
      createdByName: '马晓燕',
      trigger: 'MANUAL',
      result: { ...RESULT, ...overrides.result },
      explanation: overrides.explanation ?? explanation(),
      parametersUsed: { P01: 'v-01', P02: 'v-02', P03: 'v-03', P12: 'v-12', P18: 'v-18', P21: 'v-21', P25: 'v-25' },
    },
    printedAt: '2026-10-20T01:05:00.000Z',
    printedBy: '马晓燕',
  };
}

/** 200 steps in 8 sections, texts of varying length. */
function longExplanation(): ExplanationStep[] {
  const base = explanation();
  return Array.from({ length: 200 }, (_, i) => {
    const src = base[i % base.length]!;
    return { ...src, n: i + 1, section: `${src.section}（第${Math.floor(i / 25) + 1}轮）` };
  });
}

// ---------------------------------------------------------------------------------------

const latin1 = (pdf: Buffer) => pdf.toString('latin1');
const pageCount = (pdf: Buffer) => (latin1(pdf).match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('renderAssessmentPdf', () => {
  it('renders the typical sheet on one A4 page with the Chinese font embedded', async () => {
    const pdf = await renderAssessmentPdf(sheet());
    const text = latin1(pdf);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold/);
    // no standard (non-embedded) font sneaks in
    expect(text).not.toContain('/Helvetica');
  });

  it('cuts none of the conclusion on a typical sheet, a twelve-month window of two-digit months included', async () => {
    const { layout } = await renderAssessmentSheet(sheet({ result: { window: { from: '2025-12', to: '2026-11', months: 12 }, perCapitaMonthlyFen: 1_234_567 } }));
    expect(layout.cut).toEqual([]);
  });

  it('states each member’s own benefit in the conclusion (R55 特困 support), within the page', async () => {
    const members = [{ personId: 'p1', name: '王德昇', noLabourCapacity: true, tekun: 'YES' as const, careLevel: 'PARTIAL_CARE' as const, tekunSupportMonthlyFen: 89_433, singlePerson: 'NO' as const, singlePersonAmountFen: null }];
    const plain = (await renderAssessmentSheet(sheet())).layout;
    const { pdf, layout } = await renderAssessmentSheet(sheet({ result: { members } }));
    expect(layout.cut).toEqual([]);
    expect(layout.conclusionLines).toEqual(['个人待遇：王德昇：特困供养894.33元/月，半护理', '提示：王鑫淼可申请教育救助（高等教育阶段）']);
    expect(plain.conclusionLines).toEqual(['提示：王鑫淼可申请教育救助（高等教育阶段）']);
    expect(pageCount(pdf)).toBe(1);
    // the extra conclusion row leaves the explanation a little less room, never a second page here
    expect(layout.stepsOnFirstPage).toBe(plain.stepsOnFirstPage);
  });

  it('says what it had to cut: a long address', async () => {
    const input = sheet();
    input.household.address = '碾伯镇七里店村三社'.repeat(8);
    expect((await renderAssessmentSheet(input)).layout.cut).toEqual([input.household.address]);
  });

  it('sets the typical explanation in one column at a readable size', async () => {
    const { layout } = await renderAssessmentSheet(sheet());
    expect(layout).toMatchObject({ columns: 1, pageCount: 1, stepCount: 30, stepsOnFirstPage: 30 });
    expect(layout.fontSize).toBeGreaterThanOrEqual(7);
  });

  it('uses two columns at 7pt rather than one column below 7pt', async () => {
    const { pdf, layout } = await renderAssessmentSheet(sheet({ explanation: longExplanation().slice(0, 40) }));
    expect(layout).toMatchObject({ fontSize: 7, columns: 2, pageCount: 1, stepsOnFirstPage: 40 });
    expect(pageCount(pdf)).toBe(1);
  });

  it('still renders a 200-step explanation: two columns at 6pt, continued on further pages', async () => {
    const { pdf, layout } = await renderAssessmentSheet(sheet({ explanation: longExplanation() }));
    expect(latin1(pdf).startsWith('%PDF-')).toBe(true);
    expect(layout).toMatchObject({ columns: 2, fontSize: 6, stepCount: 200 });
    // ≈60 steps of this fixture (40 characters on average) fit on page 1, ≈95 on each
    // continuation page: 200 steps take 3 pages.
    expect(layout.pageCount).toBeGreaterThanOrEqual(2);
    expect(pageCount(pdf)).toBe(layout.pageCount);
    expect(layout.stepsOnFirstPage).toBeGreaterThanOrEqual(55);
  });

  it('never throws on odd input (no steps, empty section, no members, unknown codes, bad dates)', async () => {
    const input = sheet({
      explanation: [
        { n: 1, kind: 'NOTE', rule: null, section: '', text: '', figures: [] },
        { n: 2, kind: 'NOTE', rule: 'R1', section: '其他', text: '𠀀𪚥'.repeat(3000), figures: [] },
      ],
    });
    input.household.members = [];
    input.assessment.result = { ...RESULT, classification: 'UNDETERMINED', dibao: { eligible: 'UNDETERMINED', monthlyAmountFen: null, method: null }, property: { result: 'NOT_CONFIGURED', findings: [] } };
    input.assessment.createdAt = 'not a date';
    input.printedAt = 'not a date';
    const { pdf, layout } = await renderAssessmentSheet(input);
    expect(latin1(pdf).startsWith('%PDF-')).toBe(true);
    expect(pageCount(pdf)).toBe(layout.pageCount);

    const empty = await renderAssessmentSheet(sheet({ explanation: [] }));
    expect(empty.layout.pageCount).toBe(1);
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const a = await renderAssessmentPdf(sheet());
    const b = await renderAssessmentPdf(sheet());
    expect(a.equals(b)).toBe(true);
    const other = await renderAssessmentPdf({ ...sheet(), printedAt: '2026-10-21T01:05:00.000Z' });
    expect(other.equals(a)).toBe(false);
  });

  it('writes the metadata, CreationDate taken from printedAt', async () => {
    const text = latin1(await renderAssessmentPdf(sheet()));
    // pdfkit writes each info entry as an indirect string object
    expect(text).toMatch(/\/CreationDate \d+ 0 R/);
    expect(text).toContain('(D:20261020010500Z)');
    for (const key of ['/Title', '/Author', '/Subject']) expect(text).toMatch(new RegExp(`${key} \\d+ 0 R`));
  });
});

