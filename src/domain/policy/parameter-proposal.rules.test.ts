import { describe, expect, it } from 'vitest';
import { checkProposal, moneyStandardText, normaliseMoneyStandard, parameterScopeText, pickVersionInForce } from './parameter-proposal.rules.js';

describe('normaliseMoneyStandard (POLICY.md §0.3)', () => {
  it.each([
    ['monthly 450', 450, 'YUAN_PER_PERSON_MONTH', 45000, 450],
    ['monthly decimal text, no float error', '0.3', 'YUAN_PER_PERSON_MONTH', 30, 0.3],
    ['annual 5400 → 450.00 a month', 5400, 'YUAN_PER_PERSON_YEAR', 45000, 5400],
    ['annual ÷ 12 rounds half up to the fen', '5400.06', 'YUAN_PER_PERSON_YEAR', 45001, 5400.06],
    ['annual ÷ 12 rounds down below half', '5400.05', 'YUAN_PER_PERSON_YEAR', 45000, 5400.05],
    ['thousands separator', '6,000', 'YUAN_PER_PERSON_YEAR', 50000, 6000],
  ])('%s', (_rule, amount, unit, monthlyFen, published) => {
    expect(normaliseMoneyStandard({ amount, unit })).toEqual({ ok: true, value: { monthlyFen, published: { amount: published, unit } } });
  });

  it.each([
    [{ amount: '450.123', unit: 'YUAN_PER_PERSON_MONTH' }, 'value.amount', 'CELL_MONEY_PRECISION'],
    [{ amount: -1, unit: 'YUAN_PER_PERSON_MONTH' }, 'value.amount', 'CELL_MONEY_NEGATIVE'],
    [{ amount: '', unit: 'YUAN_PER_PERSON_MONTH' }, 'value.amount', 'POLICY_MONEY_INVALID'],
    [{ amount: 450, unit: 'YUAN' }, 'value.unit', 'POLICY_MONEY_UNIT_INVALID'],
    [45000, 'value.amount', 'POLICY_MONEY_INVALID'],
  ])('refuses %j', (input, path, code) => {
    const r = normaliseMoneyStandard(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]).toMatchObject({ path, code });
  });

  it('words a standard as 每人每月 with the published annual figure', () => {
    expect(moneyStandardText({ monthlyFen: 45000, published: { amount: 5400, unit: 'YUAN_PER_PERSON_YEAR' } })).toBe('每人每月 450.00元（公布标准 每人每年 5,400.00元）');
    expect(moneyStandardText({ monthlyFen: 45005, published: { amount: 450.05, unit: 'YUAN_PER_PERSON_MONTH' } })).toBe('每人每月 450.05元');
  });
});

describe('checkProposal', () => {
  const base = { code: 'P10', regionCode: '630102', effectiveFrom: '2027-01-01', value: 10, confidence: 'PLACEHOLDER', reason: '延长公示期' };
  it('keeps the reason and writes a note saying what is to be confirmed', () => {
    const r = checkProposal(base);
    expect(r.ok && r.value).toMatchObject({ urbanRural: 'ALL', note: '待确认：延长公示期' });
  });
  it.each([
    ['township codes are not parameter keys', { regionCode: '630102001' }, 'regionCode', 'POLICY_REGION_LEVEL'],
    ['no urban/rural split where the catalog has none', { urbanRural: 'URBAN' }, 'urbanRural', 'POLICY_URBAN_RURAL_NOT_SPLIT'],
    ['OFFICIAL needs a document', { confidence: 'OFFICIAL' }, 'basisDocument', 'POLICY_BASIS_DOCUMENT_REQUIRED'],
    ['reason in Chinese', { reason: ' ' }, 'reason', 'POLICY_REASON_REQUIRED'],
    ['value by the catalog spec', { value: 1.5 }, 'value', 'POLICY_VALUE_INVALID'],
    ['struct paths point inside the value', { code: 'P09', value: { lengthMonths: 6, minimumMonths: 12 } }, 'value.lengthMonths', 'POLICY_VALUE_INVALID'],
  ])('%s', (_rule, over, path, code) => {
    const r = checkProposal({ ...base, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations).toContainEqual(expect.objectContaining({ path, code }));
  });
});

describe('pickVersionInForce', () => {
  const v = (regionCode: string, effectiveFrom: string, urbanRural = 'ALL', status = 'APPROVED') => ({ regionCode, effectiveFrom, urbanRural, status });
  const rows = [v('63', '2021-01-01'), v('630102', '2027-01-01'), v('6301', '2025-01-01', 'RURAL'), v('630102', '2026-01-01', 'ALL', 'DRAFT')];
  it.each([
    ['most specific region wins once in force', '630102', '2027-01-01', 'RURAL', rows[1]],
    ['before that, the 市州 rural version', '630102', '2026-12-31', 'RURAL', rows[2]],
    ['urban households inherit the province', '630102', '2026-12-31', 'URBAN', rows[0]],
    ['drafts are never in force', '630102', '2026-06-01', 'URBAN', rows[0]],
    ['nothing before the first version', '630102', '2020-01-01', 'URBAN', null],
  ] as const)('%s', (_rule, region, date, ur, expected) => {
    expect(pickVersionInForce(rows, region, date, ur)).toBe(expected);
  });
});

describe('parameterScopeText: where a version applies, one wording for every policy screen', () => {
  it.each([
    ['a county, rural', { regionName: '城东区', regionCode: '630102', urbanRural: 'RURAL' }, '城东区（农村）'],
    ['the province, both', { regionName: '青海省', regionCode: '63', urbanRural: 'ALL' }, '青海省'],
    ['no name known: the code', { regionName: null, regionCode: '630102', urbanRural: 'URBAN' }, '630102（城市）'],
  ])('%s', (_case, v, text) => {
    expect(parameterScopeText(v)).toBe(text);
  });
});
