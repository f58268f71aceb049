import { describe, expect, it } from 'vitest';
import { assessHousehold } from './assess-household.rules.js';
import type { HouseholdFacts, ParameterSet } from './assessment.types.js';
import { compareAssessments, type ComparableDecision } from './assessment-comparison.js';
import { findParameterDefinition } from './parameter-catalog.js';
import { buildIncome, buildMember, buildParams, withPerCapita } from './test-fixtures.js';

/** A decision as the household page reads it: the engine's output with its parameter versions named. */
function decide(facts: HouseholdFacts, params: ParameterSet, referenceDate = '2022-01-15'): ComparableDecision {
  const d = assessHousehold(facts, params, referenceDate);
  if (!d.ok) throw new Error(JSON.stringify(d.violations));
  const { result, explanation, parametersUsed } = d.value;
  return {
    referenceDate,
    result,
    explanation,
    parametersUsed: Object.entries(parametersUsed).map(([code, versionId]) => ({
      code,
      versionId,
      name: findParameterDefinition(code)?.name ?? code,
      regionCode: params[code]!.regionCode,
      effectiveFrom: params[code]!.effectiveFrom,
    })),
  };
}

/** The same set with P01 replaced by a new version (the new year's standard, issue 3 §6). */
function withNewStandard(params: ParameterSet, yuan: number, effectiveFrom = '2022-01-01'): ParameterSet {
  const p01 = params.P01!;
  return {
    ...params,
    P01: { ...p01, versionId: 'new-P01', effectiveFrom, value: { monthlyFen: yuan * 100, published: { amount: yuan, unit: 'YUAN_PER_PERSON_MONTH' } } },
  };
}

const old = buildParams();
// three adults with 300 元 a month each in 2021, against the fixtures' rural standard of 450 元
const household = withPerCapita(30_000, 3);

describe('compareAssessments: what changed since the last decision (issue 3 §4, §6)', () => {
  it('the same facts under the same parameters: nothing changed', () => {
    const c = compareAssessments(decide(household, old), decide(household, old));
    expect(c).toEqual({ figures: [], parameters: [], steps: [], unchanged: true });
  });

  it('R27/R29 a new standard: the standard, the amount and the P01 version, and only those figures', () => {
    const c = compareAssessments(decide(household, old), decide(household, withNewStandard(old, 500)));
    expect(c.figures).toEqual([
      { label: '低保标准', before: '450.00元/人·月', after: '500.00元/人·月' },
      { label: '月保障金', before: '450.00元', after: '600.00元' },
    ]);
    expect(c.parameters).toEqual([{ label: 'P01 低保标准', before: '2021-01-01起施行（63）', after: '2022-01-01起施行（63）' }]);
    // the steps quoting the standard changed, each paired with its earlier text
    const rules = c.steps.map((s) => s.rule);
    expect(rules).toContain('R27');
    expect(rules).toContain('R29');
    for (const s of c.steps) {
      expect(s.before).not.toBeNull();
      expect(s.after).not.toBeNull();
    }
    const r27 = c.steps.find((s) => s.rule === 'R27')!;
    expect(r27.before).toContain('450.00元');
    expect(r27.after).toContain('500.00元');
    expect(c.unchanged).toBe(false);
  });

  it('R26 income above the line: the classification, the income, eligibility and the amount', () => {
    const richer = withPerCapita(60_000, 3);
    const c = compareAssessments(decide(household, old), decide(richer, old));
    const byLabel = Object.fromEntries(c.figures.map((f) => [f.label, [f.before, f.after]]));
    expect(byLabel['结论']).toEqual(['低保', expect.not.stringMatching(/^低保$/)]);
    expect(byLabel['月人均收入']).toEqual(['300.00元', '600.00元']);
    expect(byLabel['低保资格']).toEqual(['是', '否']);
    expect(byLabel['月保障金']).toEqual(['450.00元', '—']);
    expect(byLabel['计算期内计入收入合计']).toEqual(['10,800.00元', '21,600.00元']);
    // P18 and P45 were used only to pay it: no parameter was replaced
    expect(c.parameters).toEqual([]);
  });

  it('a corrected version with the same date and region is still told apart', () => {
    const corrected = withNewStandard(old, 500, '2021-01-01');
    const c = compareAssessments(decide(household, old), decide(household, corrected));
    expect(c.parameters).toEqual([{ label: 'P01 低保标准', before: '2021-01-01起施行（63），版本test-P01', after: '2021-01-01起施行（63），版本new-P01' }]);
  });

  it('R14 a member added: the household size and the member on one side only', () => {
    const grown = { ...household, members: [...household.members, buildMember({ personId: 'baby', name: '新生儿', birthDate: '2021-06-01', relationship: 'CHILD' })] };
    const c = compareAssessments(decide(household, old), decide(grown, old));
    const byLabel = Object.fromEntries(c.figures.map((f) => [f.label, [f.before, f.after]]));
    expect(byLabel['计入家庭人口']).toEqual(['3人', '4人']);
    expect(byLabel['新生儿（个人）']?.[0]).toBe('未计入上次核算');
    // the newborn's own steps are new, not another member's changed ones
    const about = c.steps.filter((s) => (s.after ?? s.before ?? '').startsWith('新生儿：'));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((s) => s.before === null)).toBe(true);
    expect(c.steps.some((s) => (s.before ?? '').startsWith('成员'))).toBe(false);
  });

  it('an income type counted on one side only reads 0.00元 on the other', () => {
    const withPension = {
      ...household,
      incomes: [...household.incomes, buildIncome({ id: 'tr', incomeType: 'TRANSFER', amountFen: 120_000 })],
    };
    const c = compareAssessments(decide(household, old), decide(withPension, old));
    const transfer = c.figures.find((f) => f.label.startsWith('其中') && f.before === '0.00元');
    expect(transfer).toBeDefined();
    expect(transfer!.after).not.toBe('0.00元');
  });
});
