import { describe, expect, it } from 'vitest';
import { readRegionSeed } from '../../db/repos/regions.repo.js';
import { CATEGORY_LABELS, type Category } from '../../domain/registry/codes.js';
import { parseIdNumber } from '../../domain/registry/id-number.js';
import { IMPORT_COLUMNS, isImportHeaderRow, mapImportHeader, validateImportRow, cellsByKey, checkImportFile } from '../../domain/registry/import.rules.js';
import {
  CATEGORY_TARGET_SHARES,
  HISTORIC_ADDRESS_CODES,
  REGISTRY_HEADERS,
  demoCountiesFromRegions,
  generateCountyHouseholds,
  generateHouseholds,
  generateRegistryRows,
  householdRows,
  householdsPerCounty,
  registryCsv,
  shortVillageName,
  tekunPolicyFacts,
  villageUrbanRural,
  type GeneratedHousehold,
} from './generate-registry.js';
import { careLevelOf } from '../../domain/registry/self-care.js';

const COUNTIES = demoCountiesFromRegions(readRegionSeed(), [
  { code: '630102', areaType: 'URBAN', share: 0.3 },
  { code: '630106', areaType: 'FARMING', share: 0.45 },
  { code: '632323', areaType: 'PASTORAL', share: 0.25 },
]);
const REF = '2025-12-31';
const col = (key: (typeof IMPORT_COLUMNS)[number]['key']) => IMPORT_COLUMNS.findIndex((c) => c.key === key);

/** 20,000 households, generated once for the distribution checks. */
const LARGE: GeneratedHousehold[] = [...generateHouseholds({ seed: 'test-seed', counties: COUNTIES, households: 20_000, referenceDate: REF })];

describe('generateRegistryRows', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const a = [...generateRegistryRows({ seed: 's1', counties: COUNTIES, households: 500 })];
    const b = [...generateRegistryRows({ seed: 's1', counties: COUNTIES, households: 500 })];
    const c = [...generateRegistryRows({ seed: 's2', counties: COUNTIES, households: 500 })];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("a county's first households do not depend on how many are asked for", () => {
    const county = COUNTIES[2]!;
    const small = [...generateCountyHouseholds({ seed: 's1', county, count: 50 })];
    const large = [...generateCountyHouseholds({ seed: 's1', county, count: 200 })];
    expect(large.slice(0, 50)).toEqual(small);
  });

  it('writes rows in the order of the import headers, which the import recognises', () => {
    expect(REGISTRY_HEADERS).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(isImportHeaderRow(REGISTRY_HEADERS)).toBe(true);
    expect(mapImportHeader(REGISTRY_HEADERS, 1).violations).toEqual([]);
    const rows = [...generateRegistryRows({ seed: 's1', counties: COUNTIES, households: 30 })];
    for (const r of rows) expect(r).toHaveLength(REGISTRY_HEADERS.length);
    const csv = registryCsv(rows).content.toString('utf8');
    expect(csv.startsWith('\uFEFF户编号,村(社区)代码,')).toBe(true);
  });

  it('every row passes the import row rules, and the file passes the file rules', () => {
    const header = mapImportHeader(REGISTRY_HEADERS, 1);
    const households = LARGE.slice(0, 3000);
    const records = [];
    let rowNo = 1;
    for (const h of households) {
      for (const row of householdRows(h)) {
        const r = validateImportRow(++rowNo, cellsByKey(header, row), { today: '2026-11-29', incomePeriod: { start: '2025-11-01', end: '2026-10-31' } });
        if (!r.ok) throw new Error(`row ${rowNo}: ${JSON.stringify(r.violations)}`);
        records.push(r.value);
      }
    }
    const regions = new Map(COUNTIES.flatMap((c) => c.villages).map((v) => [v.code, { code: v.code, level: 5, active: true }]));
    expect(checkImportFile(records, { scopeRegionCode: '63', regions })).toEqual([]);
  });
});

describe('generated people', () => {
  const members = LARGE.flatMap((h) => h.members.map((m) => ({ h, m })));

  it('every identity number is valid, unique, and agrees with sex, birth date and county', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let historic = 0;
    for (const { h, m } of members) {
      const p = parseIdNumber(m.idNumber, { today: REF });
      if (!p.ok) problems.push(`${m.idNumber}: ${p.violations[0]!.code}`);
      else {
        if (p.value.sex !== m.sex || (Number(m.idNumber[16]) % 2 === 1 ? 'M' : 'F') !== m.sex) problems.push(`${m.idNumber}: sex ${m.sex}`);
        if (p.value.birthDate !== m.birthDate) problems.push(`${m.idNumber}: birth date ${m.birthDate}`);
        if (p.value.addressCode !== h.countyCode) {
          if (p.value.addressCode === HISTORIC_ADDRESS_CODES[h.countyCode]) historic += 1;
          else problems.push(`${m.idNumber}: county ${h.countyCode}`);
        }
      }
      if (seen.has(m.idNumber)) problems.push(`${m.idNumber}: duplicate`);
      seen.add(m.idNumber);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // A few older 湟中区 residents still carry the former 湟中县 code 630122 (R9.5).
    expect(historic).toBeGreaterThan(0);
    expect(historic / members.length).toBeLessThan(0.1);
  }, 60_000);

  it('has exactly one 户主 per household, 1–8 members, and relatives of plausible ages', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string, h: GeneratedHousehold) => {
      if (!ok) problems.push(`${h.householdNo}: ${what}`);
    };
    for (const h of LARGE) {
      check(h.members.filter((m) => m.relationship === 'HEAD').length === 1, 'heads', h);
      check(h.members[0]!.relationship === 'HEAD', 'head first', h);
      check(h.members.length >= 1 && h.members.length <= 8, 'size', h);
      const head = h.members[0]!;
      for (const m of h.members) {
        if (m.relationship === 'SPOUSE') check(m.sex !== head.sex && Math.abs(m.age - head.age) <= 10, 'spouse', h);
        if (m.relationship === 'CHILD') check(head.age - m.age >= 18 && head.age - m.age <= 48, 'child age', h);
        if (m.relationship === 'PARENT') check(m.age - head.age >= 18, 'parent age', h);
        if (m.relationship === 'GRANDCHILD') check(head.age - m.age >= 36, 'grandchild age', h);
        if (m.age < 16) check(m.employment === 'NOT_APPLICABLE' && m.labourCapacity === 'NONE', 'child employment', h);
        if (m.age >= 6 && m.age <= 14) check(m.studentStage !== 'NONE', 'pupil', h);
        if (m.age >= 70) check(m.labourCapacity !== 'FULL', 'elder labour', h);
        if (m.phone) check(/^1[3-9]\d{9}$/.test(m.phone), 'phone', h);
        if (m.bankAccount) check(/^62\d{17}$/.test(m.bankAccount), 'bank account', h);
        if (m.seriousIllness) check(m.healthStatus === 'SERIOUS', 'serious', h);
        if (m.disabilityGrade) check(m.disabilityCategory !== null, 'disability', h);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  }, 60_000);

  it('matches the target distributions on 20,000 households', () => {
    const mean = members.length / LARGE.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(3.2);
    for (const [category, target] of Object.entries(CATEGORY_TARGET_SHARES) as [Category, number][]) {
      const share = LARGE.filter((h) => h.categories.includes(category)).length / LARGE.length;
      expect(Math.abs(share - target), `${CATEGORY_LABELS[category]} ${share}`).toBeLessThanOrEqual(0.05);
    }
    const serious = members.filter(({ m }) => m.seriousIllness).length / members.length;
    const disabled = members.filter(({ m }) => m.disabilityCategory).length / members.length;
    expect(serious).toBeGreaterThan(0.02);
    expect(serious).toBeLessThan(0.06);
    expect(disabled).toBeGreaterThan(0.05);
    expect(disabled).toBeLessThan(0.09);
    // Single-person and couple households are most common in the pastoral county.
    const smallShare = (code: string) => {
      const hs = LARGE.filter((h) => h.countyCode === code);
      return hs.filter((h) => h.members.length <= 2).length / hs.length;
    };
    expect(smallShare('632323')).toBeGreaterThan(0.4);
  });

  it('uses real villages of each county, 社区 → 城市 and 村 → 农村, 防返贫 only in villages', () => {
    const villages = new Map(COUNTIES.flatMap((c) => c.villages.map((v) => [v.code, v.name])));
    for (const h of LARGE) {
      expect(h.regionCode.startsWith(h.countyCode)).toBe(true);
      const name = villages.get(h.regionCode);
      expect(name).toBeDefined();
      expect(h.urbanRural).toBe(villageUrbanRural(name!));
      if (h.categories.includes('FANGFANPIN')) expect(h.urbanRural).toBe('RURAL');
      expect(h.categoryFrom >= '2019-01-01' && h.categoryFrom <= REF).toBe(true);
      for (const c of h.history) {
        expect(c.effectiveFrom >= '2019-01-01').toBe(true);
        expect(c.effectiveFrom < c.effectiveTo).toBe(true);
        expect(c.effectiveTo < h.categoryFrom).toBe(true);
      }
    }
    expect(LARGE.some((h) => h.history.some((c) => c.gradualExit))).toBe(true);
  });

  it('gives herds to herding households of the pastoral county, one record per species with its head count (R25), with operating income', () => {
    const pastoral = LARGE.filter((h) => h.countyCode === '632323' && h.members.some((m) => m.employment === 'HERDING'));
    expect(pastoral.length).toBeGreaterThan(500);
    const units = { 牦牛: '头', 藏系绵羊: '只', 马: '匹' } as Record<string, string>;
    for (const h of pastoral) {
      const herd = h.assets.filter((a) => a.assetType === 'LIVESTOCK');
      expect(herd.length).toBeGreaterThan(0);
      for (const a of herd) {
        expect(['YAK', 'SHEEP', 'HORSE']).toContain(a.details?.species);
        expect(a.unit).toBe(units[a.description]);
        expect(a.quantity).toBeGreaterThan(0);
      }
      expect(new Set(herd.map((a) => a.details?.species)).size).toBe(herd.length);
      expect(h.members.some((m) => (m.incomes.operating ?? 0) > 0)).toBe(true);
    }
  });

  it('records the self-care assessment, the mode of support and no obligor of each 特困 person (R48, R53, R56), and of nobody else', () => {
    const levels = { FULL_SELF_CARE: 0, PARTIAL_CARE: 0, FULL_CARE: 0 };
    let institutional = 0;
    for (const h of LARGE) {
      if (!h.categories.includes('TEKUN')) {
        expect(h.policyFacts).toEqual([]);
        continue;
      }
      const head = h.members.find((m) => m.relationship === 'HEAD')!;
      expect(h.policyFacts).toHaveLength(1);
      const f = h.policyFacts[0]!;
      expect(f.idNumber).toBe(head.idNumber);
      expect(f.obligors).toEqual([]);
      expect(f.selfCare.assessedOn).toBe(h.categoryFrom);
      levels[careLevelOf(f.selfCare)] += 1;
      // R56: 全护理 in the care home; the others mostly at home
      expect(f.support.since).toBe(h.categoryFrom);
      if (careLevelOf(f.selfCare) === 'FULL_CARE') expect(f.support).toMatchObject({ mode: 'INSTITUTIONAL', institution: expect.stringMatching(/中心敬老院$/) });
      institutional += f.support.mode === 'INSTITUTIONAL' ? 1 : 0;
    }
    const n = levels.FULL_SELF_CARE + levels.PARTIAL_CARE + levels.FULL_CARE;
    expect(n).toBeGreaterThan(1000);
    expect(levels.FULL_SELF_CARE / n).toBeGreaterThan(0.5);
    expect(levels.FULL_SELF_CARE / n).toBeLessThan(0.6);
    expect(levels.PARTIAL_CARE / n).toBeGreaterThan(0.25);
    expect(levels.FULL_CARE / n).toBeGreaterThan(0.1);
    expect(institutional / n).toBeGreaterThan(0.25);
    expect(institutional / n).toBeLessThan(0.45);
    expect(tekunPolicyFacts('630102195001011234', '2024-01-01', '城东区')).toEqual(tekunPolicyFacts('630102195001011234', '2024-01-01', '城东区'));
  });

  it('splits households over counties by share and shortens village names for addresses', () => {
    expect(householdsPerCounty(20_000, COUNTIES)).toEqual([6000, 9000, 5000]);
    expect(householdsPerCounty(7, [{}, {}, {}])).toEqual([2, 2, 3]);
    expect(shortVillageName('康宁社区居民委员会')).toBe('康宁社区');
    expect(shortVillageName('东科日村民委员会')).toBe('东科日村');
    expect(shortVillageName('秋子沟村委会')).toBe('秋子沟村');
    expect(shortVillageName('夏德日村村民委员会')).toBe('夏德日村');
  });
});
