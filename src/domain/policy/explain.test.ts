import { describe, expect, it } from 'vitest';
import { Explanation, formatMonth, formatParam, formatPercent, formatProvenance, formatYuan } from './explain.js';

describe('explanation formatting (issue 3 §4)', () => {
  it.each([
    ['元 with two decimals', formatYuan(1_398_000), '13,980.00元'],
    ['percent', formatPercent(0.3), '30%'],
    ['percent with a decimal', formatPercent(0.125), '12.5%'],
    ['month', formatMonth('2021-01'), '2021年1月'],
    ['month from a date', formatMonth('2022-12-15'), '2022年12月'],
    ['declared provenance', formatProvenance({ source: 'DECLARED', detail: null, recordedAt: '2022-01-10T09:00:00+08:00', recordedBy: '张三' }), '申报，2022-01-10 张三录入'],
    ['department provenance', formatProvenance({ source: 'DEPARTMENT', detail: '医保局 2021-12 批次', recordedAt: '2022-01-05T00:00:00Z', recordedBy: null }), '部门数据：医保局 2021-12 批次，2022-01-05'],
    ['placeholder parameter', formatParam({ code: 'P05', versionId: 'v', effectiveFrom: '2021-01-01', regionCode: '63', confidence: 'PLACEHOLDER' }), 'P05，2021-01-01起施行，占位值待确认'],
    ['official parameter', formatParam({ code: 'P02', versionId: 'v', effectiveFrom: '2021-01-01', regionCode: '63', confidence: 'OFFICIAL' }), 'P02，2021-01-01起施行，正式值'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('numbers steps 1, 2, 3 … across sections', () => {
    const ex = new Explanation();
    ex.add('甲', { kind: 'NOTE', rule: null, text: 'a', figures: [] });
    ex.addAll('乙', [{ kind: 'NOTE', rule: null, text: 'b', figures: [] }, { kind: 'NOTE', rule: 'R1', text: 'c', figures: [] }]);
    expect(ex.steps.map((s) => [s.n, s.section])).toEqual([[1, '甲'], [2, '乙'], [3, '乙']]);
  });
});
