import { describe, expect, it } from 'vitest';
import type { AssetFact } from './assessment.types.js';
import { assessProperty } from './property.rules.js';
import { buildAsset, buildFacts, buildMember, buildParams, defaultParamValues } from './test-fixtures.js';

const RULES = (defaultParamValues().P19 as { rules: Record<string, unknown> }).rules;

function check(assets: AssetFact[], p19: unknown = undefined, size = 2) {
  const members = Array.from({ length: size }, (_, i) => buildMember({ personId: `m${i}` }));
  const facts = buildFacts({ members, assets });
  const ids = new Set(members.map((m) => m.personId));
  return assessProperty(facts, ids, size, 45000, buildParams(p19 === undefined ? {} : { P19: p19 }), {});
}

const finding = (r: ReturnType<typeof check>, c: string) => r.findings.find((f) => f.check === c)!;

describe('R25 property checks (P19)', () => {
  it.each([
    ['R25 fail closed: P19 configured=false', { configured: false }],
    ['R25 fail closed: P19 absent', null],
  ])('%s → NOT_CONFIGURED on every check', (_rule, p19) => {
    const r = check([], p19);
    expect(r.result).toBe('NOT_CONFIGURED');
    expect(r.findings.map((f) => f.result)).toEqual(Array(5).fill('NOT_CONFIGURED'));
    expect(r.steps[0]!.text).toContain('不能自动审批');
  });

  it('R25 fail closed: a check missing from the rules is NOT_CONFIGURED', () => {
    const { livestock: _omit, ...rest } = RULES;
    const r = check([], { configured: true, rules: rest });
    expect(r.result).toBe('NOT_CONFIGURED');
    expect(finding(r, 'LIVESTOCK').result).toBe('NOT_CONFIGURED');
    expect(finding(r, 'HOUSING').result).toBe('PASS');
  });

  it('R25: { applies: false } states that no limit is set → PASS', () => {
    const r = check([], { configured: true, rules: { ...RULES, livestock: { applies: false } } });
    expect(r.result).toBe('PASS');
  });

  it.each<[string, AssetFact[], string, 'PASS' | 'FAIL' | 'NOT_CONFIGURED']>([
    // financial assets ≤ 2 × 5 400 × 2 = 21 600 元
    ['R25 financial assets at the limit pass (≤)', [buildAsset({ id: 'd', assetType: 'DEPOSIT', valueFen: 2_160_000 })], 'FINANCIAL_ASSETS', 'PASS'],
    ['R25 financial assets above the limit fail', [buildAsset({ id: 'd', assetType: 'DEPOSIT', valueFen: 2_000_000 }), buildAsset({ id: 's', assetType: 'SECURITIES', valueFen: 160_001 })], 'FINANCIAL_ASSETS', 'FAIL'],
    ['R25 deposit without amount cannot be judged', [buildAsset({ id: 'd', assetType: 'DEPOSIT' })], 'FINANCIAL_ASSETS', 'NOT_CONFIGURED'],
    ['R25 one dwelling passes', [buildAsset({ id: 'h', assetType: 'HOUSE' })], 'HOUSING', 'PASS'],
    ['R25 two dwellings fail', [buildAsset({ id: 'h1', assetType: 'HOUSE' }), buildAsset({ id: 'h2', assetType: 'HOUSE' })], 'HOUSING', 'FAIL'],
    ['R25 one cheap vehicle passes', [buildAsset({ id: 'v', assetType: 'VEHICLE', valueFen: 3_000_000 })], 'VEHICLES', 'PASS'],
    ['R25 vehicle above the value limit fails', [buildAsset({ id: 'v', assetType: 'VEHICLE', valueFen: 5_000_001 })], 'VEHICLES', 'FAIL'],
    ['R25 second vehicle fails', [buildAsset({ id: 'v1', assetType: 'VEHICLE', valueFen: 100 }), buildAsset({ id: 'v2', assetType: 'VEHICLE', valueFen: 100 })], 'VEHICLES', 'FAIL'],
    ['R25 disability vehicle is exempt', [buildAsset({ id: 'v1', assetType: 'VEHICLE', valueFen: 100 }), buildAsset({ id: 'v2', assetType: 'VEHICLE', valueFen: 9_000_000, details: { purpose: 'DISABILITY' } })], 'VEHICLES', 'PASS'],
    ['R25 vehicle without value cannot be judged', [buildAsset({ id: 'v', assetType: 'VEHICLE' })], 'VEHICLES', 'NOT_CONFIGURED'],
    ['R25 registered business fails', [buildAsset({ id: 'b', assetType: 'BUSINESS', description: '个体商店' })], 'BUSINESS', 'FAIL'],
    ['R25 livestock within 40 sheep units per person', [buildAsset({ id: 'l', assetType: 'LIVESTOCK', quantity: 16, details: { species: 'YAK' } })], 'LIVESTOCK', 'PASS'],
    ['R25 livestock above the limit fails', [buildAsset({ id: 'l', assetType: 'LIVESTOCK', quantity: 81, details: { species: 'SHEEP' } })], 'LIVESTOCK', 'FAIL'],
    ['R25 species without a factor cannot be judged', [buildAsset({ id: 'l', assetType: 'LIVESTOCK', quantity: 3, details: { species: 'CAMEL' } })], 'LIVESTOCK', 'NOT_CONFIGURED'],
  ])('%s', (_rule, assets, c, expected) => {
    const r = check(assets);
    expect(finding(r, c).result).toBe(expected);
    expect(finding(r, c).text).toMatch(/[\u4e00-\u9fff]/);
    expect(r.result).toBe(expected);
  });

  it.each<[string, AssetFact[], string]>([
    [
      'R25 a herd recorded species by species: each converted to sheep units, the sum against the limit',
      [
        buildAsset({ id: 'y', assetType: 'LIVESTOCK', description: '牦牛', quantity: 5, details: { species: 'YAK' } }),
        buildAsset({ id: 's', assetType: 'LIVESTOCK', description: '藏系绵羊', quantity: 20, details: { species: 'SHEEP' } }),
      ],
      '牲畜折合40个羊单位（牦牛5头×4＋绵羊20只×1），不超过限额80个羊单位',
    ],
    ['R25 livestock without a species names the record, once', [buildAsset({ id: 'l', assetType: 'LIVESTOCK', description: '牛1头、羊23只', quantity: 27 })], '牲畜：“牛1头、羊23只”未登记畜种（须在“财产”中按畜种分别登记头数），不能自动判定'],
    ['R25 a species without a factor is named in Chinese', [buildAsset({ id: 'l', assetType: 'LIVESTOCK', quantity: 3, details: { species: 'HORSE' } })], '马的羊单位折算系数未配置'],
  ])('%s', (_rule, assets, text) => {
    const rules = { ...RULES, livestock: { maxSheepUnitsPerCapita: 40, sheepUnitsPerHead: { SHEEP: 1, GOAT: 0.8, YAK: 4, CATTLE: 5 } } };
    expect(finding(check(assets, { configured: true, rules }), 'LIVESTOCK').text).toContain(text);
  });

  it('R25: FAIL dominates NOT_CONFIGURED', () => {
    const r = check([buildAsset({ id: 'h1', assetType: 'HOUSE' }), buildAsset({ id: 'h2', assetType: 'HOUSE' }), buildAsset({ id: 'd', assetType: 'DEPOSIT' })]);
    expect(r.result).toBe('FAIL');
  });

  it('R25: a batch sharing one parameter set gets each household its own limits, with or without assets', () => {
    // Households without assets share outcomes worked out once per size and standard.
    const params = buildParams();
    const run = (size: number, standardFen: number, assets: AssetFact[] = []) => {
      const members = Array.from({ length: size }, (_, i) => buildMember({ personId: `m${i}` }));
      return assessProperty(buildFacts({ members, assets }), new Set(members.map((m) => m.personId)), size, standardFen, params, {});
    };
    const limit = (r: ReturnType<typeof run>) => r.steps.find((x) => x.text.startsWith('金融资产'))!.figures[1]!.fen;
    // 2 × (standard × 12) × size
    expect([limit(run(2, 45000)), limit(run(3, 45000)), limit(run(2, 50000)), limit(run(2, 45000))]).toEqual([2_160_000, 3_240_000, 2_400_000, 2_160_000]);
    expect(run(2, 45000)).toEqual(run(2, 45000));
    const withDeposit = run(2, 45000, [buildAsset({ id: 'd', assetType: 'DEPOSIT', valueFen: 2_160_001 })]);
    expect([withDeposit.result, run(2, 45000).result]).toEqual(['FAIL', 'PASS']);
    // Two households' explanations never share a step: numbering one leaves the other alone.
    const [a, b] = [run(2, 45000), run(2, 45000)];
    (a.steps[0] as { n?: number }).n = 1;
    expect((b.steps[0] as { n?: number }).n).toBeUndefined();
  });

  it('R15: assets of a person who is not counted are left out', () => {
    const members = [buildMember({ personId: 'a' })];
    const facts = buildFacts({ members, assets: [buildAsset({ id: 'h1', assetType: 'HOUSE' }), buildAsset({ id: 'h2', assetType: 'HOUSE', personId: 'prisoner' })] });
    expect(assessProperty(facts, new Set(['a']), 1, 45000, buildParams(), {}).result).toBe('PASS');
  });
});
