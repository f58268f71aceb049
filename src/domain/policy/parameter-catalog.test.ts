import { describe, expect, it } from 'vitest';
import seed from '../../db/seed/policy-parameters.json' with { type: 'json' };
import {
  PARAMETER_CATALOG,
  basisTags,
  findParameterDefinition,
  mayBeOfficial,
  monthlyFenOf,
  validateParameterSeed,
  validateParameterValue,
  type ParameterDefinition,
  type ParameterSeedRow,
} from './parameter-catalog.js';

const rows = seed as unknown as readonly ParameterSeedRow[];

/** §19 in order: P01 … P75 with P04b after P04 and P13/P14 split; then P76 (R43) and P77 (R44.2), which §19 does not list. */
const EXPECTED_CODES = [
  ...['P01', 'P02', 'P03', 'P04', 'P04b'],
  ...Array.from({ length: 71 }, (_, i) => `P${String(i + 5).padStart(2, '0')}`),
  'P76',
  'P77',
];

function def(code: string): ParameterDefinition {
  const found = findParameterDefinition(code);
  if (!found) throw new Error(`no catalog entry ${code}`);
  return found;
}

function rowsOf(code: string, urbanRural?: string): ParameterSeedRow[] {
  return rows.filter((r) => r.code === code && (urbanRural === undefined || r.urbanRural === urbanRural));
}

function onlyRow(code: string, urbanRural?: string): ParameterSeedRow {
  const found = rowsOf(code, urbanRural);
  expect(found, `${code} ${urbanRural ?? ''}`).toHaveLength(1);
  return found[0]!;
}

/** Every [path, value] whose key ends in 'Fen', anywhere in a JSON value. */
function fenFields(value: unknown, path: string): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => fenFields(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k.endsWith('Fen') ? [[`${path}.${k}`, v] as [string, unknown]] : []),
    ...fenFields(v, `${path}.${k}`),
  ]);
}

const label = (r: ParameterSeedRow): string => `${r.code} ${r.urbanRural} ${r.effectiveFrom}`;

describe('PARAMETER_CATALOG', () => {
  it('§19 lists P01 … P75 with P04b and P13/P14 split, in order, once each, then P76 (R43) and P77 (R44.2)', () => {
    expect(PARAMETER_CATALOG.map((d) => d.code)).toEqual(EXPECTED_CODES);
    expect(PARAMETER_CATALOG).toHaveLength(78);
  });

  it.each(PARAMETER_CATALOG.map((d) => [d.code, d] as const))('%s is a complete definition', (_code, d) => {
    expect(d.name).toMatch(/[\u4e00-\u9fff]/);
    expect(d.nameEn.length).toBeGreaterThan(0);
    expect(d.basis.length).toBeGreaterThan(0);
    if (d.kind === 'STRUCT') expect(Object.keys(d.fields ?? {}).length).toBeGreaterThan(0);
    if (d.kind === 'ENUM') expect(d.options?.length).toBeGreaterThan(1);
  });

  it.each([
    ['P02', 'R45 [V2]', ['V2'], true],
    ['P03', 'R46 [QH-SRC]', ['QH-SRC'], false],
    ['P06', 'R22 [QH-SRC]/[U]', ['QH-SRC', 'U'], false],
    ['P13', 'R38 [V2]', ['V2'], true],
    ['P38', 'R47 [V2]/[L]', ['V2', 'L'], false],
    ['P39', '§0.3', [], false],
    ['P44', 'R9.6', [], false],
  ])('%s basis %s has tags %j (OFFICIAL allowed: %s)', (code, basis, tags, official) => {
    expect(def(code).basis).toBe(basis);
    expect(basisTags(basis)).toEqual(tags);
    expect(mayBeOfficial(def(code))).toBe(official);
  });

  it.each([
    ['P01', true], ['P03', true], ['P05', true], ['P09', true], ['P20', true], ['P21', true], ['P58', true],
    ['P02', false], ['P32', false],
  ])('%s split by urban/rural: %s', (code, split) => {
    expect(def(code).byUrbanRural).toBe(split);
  });

  it.each(['P39', 'P41', 'P42', 'P44'])('%s is national (not keyed by region)', (code) => {
    expect(def(code).scope).toBe('NATIONAL');
  });
});

describe('seed: policy-parameters.json', () => {
  it('passes validateParameterSeed as a whole', () => {
    expect(validateParameterSeed(rows)).toEqual([]);
  });

  it.each(rows.map((r) => [label(r), r] as const))('%s: code in catalog, value valid', (_label, r) => {
    const d = findParameterDefinition(r.code);
    expect(d, r.code).toBeDefined();
    expect(validateParameterValue(d!, r.value)).toEqual([]);
    expect(r.basis).toBe(d!.basis);
    expect(r.regionCode).toBe('63');
    expect(r.effectiveFrom).toBe('2021-01-01');
    if (!d!.byUrbanRural) expect(r.urbanRural).toBe('ALL');
  });

  it.each(EXPECTED_CODES.filter((c) => c !== 'P01'))('%s has at least one seed version', (code) => {
    expect(rowsOf(code).length).toBeGreaterThan(0);
  });

  it('P01 (MLA standard, R27) is never seeded: no safe default, the calculation refuses', () => {
    expect(rowsOf('P01')).toEqual([]);
    expect(rows.some((r) => JSON.stringify(r.value).includes('P01'))).toBe(false);
  });

  it.each(rows.filter((r) => r.confidence === 'OFFICIAL').map((r) => [label(r), r] as const))(
    '%s is OFFICIAL only on a [V]/[V2] basis',
    (_label, r) => {
      expect(mayBeOfficial(def(r.code))).toBe(true);
    },
  );

  it.each(rows.map((r) => [label(r), r] as const))('%s: every *Fen field is integer fen or null', (_label, r) => {
    for (const [path, fen] of fenFields(r.value, r.code)) {
      if (fen !== null) expect(Number.isSafeInteger(fen), path).toBe(true);
    }
  });

  it.each(rows.filter((r) => r.confidence === 'PLACEHOLDER').map((r) => [label(r), r] as const))(
    '%s: PLACEHOLDER says in Chinese what must be confirmed',
    (_label, r) => {
      expect(r.note).toMatch(/确认|核实|须/);
    },
  );

  it('counts: 78 versions, 10 OFFICIAL', () => {
    expect(rows).toHaveLength(78);
    expect(rows.filter((r) => r.confidence === 'OFFICIAL').map((r) => r.code)).toEqual([
      'P02', 'P07', 'P08', 'P10', 'P11', 'P12', 'P13', 'P14', 'P15', 'P23',
    ]);
  });
});

describe('seed values pinned to POLICY.md §19', () => {
  it.each([
    ['P02 edge multiplier (R45)', 'P02', 'ALL', 1.5, 'OFFICIAL'],
    ['P03 Qinghai rural 2× line (R46)', 'P03', 'RURAL', 2, 'PLACEHOLDER'],
    ['P04 income window (R18)', 'P04', 'ALL', 12, 'PLACEHOLDER'],
    ['P04b prevention-of-return window (R74)', 'P04b', 'ALL', 12, 'PLACEHOLDER'],
    ['P07 stable review (R42)', 'P07', 'ALL', 12, 'OFFICIAL'],
    ['P08 unstable review (R42)', 'P08', 'ALL', 6, 'OFFICIAL'],
    ['P09 Qinghai rural gradual exit ≥ 12 (R44.1)', 'P09', 'RURAL', { lengthMonths: 12, minimumMonths: 12 }, 'PLACEHOLDER'],
    ['P10 publicity 7 days (R36)', 'P10', 'ALL', 7, 'OFFICIAL'],
    ['P11 investigation 3 WD (R35)', 'P11', 'ALL', 3, 'OFFICIAL'],
    ['P12 county confirmation 10 WD (R37)', 'P12', 'ALL', 10, 'OFFICIAL'],
    ['P13 total 30 WD (R38)', 'P13', 'ALL', 30, 'OFFICIAL'],
    ['P14 extended 45 WD (R38)', 'P14', 'ALL', 45, 'OFFICIAL'],
    ['P15 refusal 3 WD (R37)', 'P15', 'ALL', 3, 'OFFICIAL'],
    ['P16 not delegated (R37, Qinghai [U])', 'P16', 'ALL', false, 'PLACEHOLDER'],
    ['P19 property rules not configured (R25)', 'P19', 'ALL', { configured: false }, 'PLACEHOLDER'],
    ['P20 1.3 × MLA (R55)', 'P20', 'ALL', 1.3, 'PLACEHOLDER'],
    ['P23 termination 7 days / 15 WD (R59)', 'P23', 'ALL', { publicityDays: 7, objectionDecisionWorkingDays: 15 }, 'OFFICIAL'],
    ['P25 township ceiling 3 × urban standard (R65)', 'P25', 'ALL', { multipleOfStandard: 3, base: 'URBAN_MLA_MONTHLY', perPerson: false }, 'PLACEHOLDER'],
    ['P26 county ceiling 12 × urban standard × persons (R65)', 'P26', 'ALL', { multipleOfStandard: 12, base: 'URBAN_MLA_MONTHLY', perPerson: true }, 'PLACEHOLDER'],
    ['P30 staged payments ≤ 6 months (R67, national source [U])', 'P30', 'ALL', 6, 'PLACEHOLDER'],
    ['P37 sampling 30 % (R95)', 'P37', 'ALL', 0.3, 'PLACEHOLDER'],
    ['P42 extend periods on holidays (R3)', 'P42', 'ALL', true, 'PLACEHOLDER'],
    ['P46 other people in difficulty: empty (R7)', 'P46', 'ALL', [], 'PLACEHOLDER'],
    ['P48 conscripts excluded (R15)', 'P48', 'ALL', ['CONSCRIPT_IN_ACTIVE_SERVICE'], 'PLACEHOLDER'],
    ['P56 minimum payable 0 (R29)', 'P56', 'ALL', { perHouseholdMonthlyFen: 0 }, 'PLACEHOLDER'],
    ['P58 urban 1.5 × (R31)', 'P58', 'URBAN', 1.5, 'PLACEHOLDER'],
    ['P58 Qinghai rural 2.0 × (R31, T10)', 'P58', 'RURAL', 2, 'PLACEHOLDER'],
    ['P68 minors not publicised (R57)', 'P68', 'ALL', false, 'PLACEHOLDER'],
    ['P69 skip publicity for death, prison, voluntary exit (R59)', 'P69', 'ALL', ['DEATH_OR_MISSING', 'IMPRISONMENT', 'VOLUNTARY_EXIT'], 'PLACEHOLDER'],
    ['P74 grassland subsidies counted (R100)', 'P74', 'ALL', true, 'PLACEHOLDER'],
    ['P75 extreme-poverty person not in MLA headcount (R102)', 'P75', 'ALL', false, 'PLACEHOLDER'],
    ['P77 stepped-down gradual exit: no figure set, Qinghai keeps the amount (R44.2)', 'P77', 'ALL', { fullMonths: null, stepMonths: null, stepRate: null, floorRate: null }, 'PLACEHOLDER'],
  ] as const)('%s', (_name, code, urbanRural, value, confidence) => {
    const r = onlyRow(code, urbanRural);
    expect(r.value).toEqual(value);
    expect(r.confidence).toBe(confidence);
  });

  it('P03 [QH-SRC] note asks for the Qinghai Department of Civil Affairs document', () => {
    expect(onlyRow('P03').note).toContain('待青海省民政厅正式文件确认');
  });

  it('P09 exists only for rural households (none nationally, R44.1)', () => {
    expect(rowsOf('P09').map((r) => r.urbanRural)).toEqual(['RURAL']);
  });

  it('P05 exists only for rural households: Qinghai deducts employment costs for rural 低保 households (R21.1); urban is not known', () => {
    expect(rowsOf('P05').map((r) => r.urbanRural)).toEqual(['RURAL']);
    expect(onlyRow('P05').note).toContain('城镇家庭是否同样扣减待确认');
  });

  it('P06 central minimum pension 93/98/103/123/143 yuan per month in fen, window 2021–2025 (R22)', () => {
    const v = onlyRow('P06').value as {
      scope: string;
      window: { from: string; to: string };
      centralMinimumByYear: Record<string, { monthlyFen: number; published: { amount: number; unit: string } }>;
    };
    expect(v.scope).toBe('CENTRAL_MINIMUM');
    expect(v.window).toEqual({ from: '2021-01-01', to: '2025-12-31' });
    const byYear = Object.fromEntries(Object.entries(v.centralMinimumByYear).map(([y, m]) => [y, m.monthlyFen]));
    expect(byYear).toEqual({ 2021: 9300, 2022: 9800, 2023: 10300, 2024: 12300, 2025: 14300 });
    for (const m of Object.values(v.centralMinimumByYear)) expect(m.published.unit).toBe('YUAN_PER_PERSON_MONTH');
    expect(onlyRow('P06').confidence).toBe('PLACEHOLDER');
  });

  it('P32 monitoring line per year as a map, published per year, canonical per month (R74, §0.3)', () => {
    const v = onlyRow('P32').value as {
      byYear: Record<string, { monthlyFen: number; published: { amount: number; unit: string } }>;
    };
    const published = Object.fromEntries(Object.entries(v.byYear).map(([y, m]) => [y, m.published.amount]));
    expect(published).toEqual({ 2021: 6000, 2022: 6300, 2023: 6900, 2024: 7300 });
    expect(v.byYear['2021']!.monthlyFen).toBe(50000);
    expect(v.byYear['2024']!.monthlyFen).toBe(60833);
    for (const m of Object.values(v.byYear)) expect(m.published.unit).toBe('YUAN_PER_PERSON_YEAR');
  });

  it('P27 keeps the S13 effective date open and the pre-S13 Qinghai amount unknown (R66)', () => {
    const r = onlyRow('P27');
    expect(r.value).toEqual({
      capMultipleOfMonthlyStandard: 1,
      slaDays: 3,
      financeCheckRequired: false,
      s13EffectiveFrom: null,
      preS13CapFen: null,
    });
    expect(r.confidence).toBe('PLACEHOLDER');
    expect(r.note).toContain('生效日期');
  });

  it('P39 calendar is empty: POLICY.md gives no full holiday list, none is invented', () => {
    const r = onlyRow('P39');
    expect(r.value).toEqual({ coveredYears: [], holidays: [], makeUpWorkdays: [] });
    expect(r.note).toContain('国务院');
  });

  it('P47 area-type list is empty: the official Qinghai list was not found (R13)', () => {
    expect(onlyRow('P47').value).toEqual({ byRegion: {} });
  });

  it('P14 (extended limit) is not shorter than P13 (R38)', () => {
    expect(onlyRow('P14').value as number).toBeGreaterThanOrEqual(onlyRow('P13').value as number);
  });

  it('P03 Qinghai line is not below the P02 national edge line (R46 vs R45)', () => {
    expect(onlyRow('P03').value as number).toBeGreaterThanOrEqual(onlyRow('P02').value as number);
  });
});

describe('validateParameterValue', () => {
  const money = (monthlyFen: unknown, amount: unknown, unit: unknown) => ({ monthlyFen, published: { amount, unit } });

  it.each([
    ['P01 450 yuan/month', 'P01', money(45000, 450, 'YUAN_PER_PERSON_MONTH')],
    ['P01 5 400 yuan/year → 450/month', 'P01', money(45000, 5400, 'YUAN_PER_PERSON_YEAR')],
    ['P01 with jiao', 'P01', money(45050, 450.5, 'YUAN_PER_PERSON_MONTH')],
    ['P02 2× (some provinces)', 'P02', 2],
    ['P05 fixed amount', 'P05', {
      mode: 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER', rate: 0, capMultipleOfStandard: 1, fixedMonthlyFen: 10000, documentedWorkersOnly: false,
    }],
    ['P06 open-ended window', 'P06', { scope: 'ALL_BASIC_PENSION', window: { from: '2021-01-01', to: null }, centralMinimumByYear: {} }],
    ['P09 urban without minimum', 'P09', { lengthMonths: 6, minimumMonths: null }],
    ['P18 banded', 'P18', { method: 'BANDED', bands: [{ code: 'A', label: 'A类', shareOfStandard: 1 }] }],
    ['P19 configured', 'P19', { configured: true, rules: { MLA: { maxDwellings: 1 } } }],
    ['P39 one holiday, one make-up Sunday', 'P39', { coveredYears: [2021], holidays: ['2021-04-05'], makeUpWorkdays: ['2021-02-07'] }],
    ['P45 enum', 'P45', 'ROUND_HALF_UP_JIAO'],
    ['P47 county and township codes', 'P47', { byRegion: { '632221': 'MIXED', '632221100': 'PASTORAL' } }],
    ['P76 stop the own share', 'P76', { mode: 'STOP_OWN_SHARE', reduceRate: null }],
    ['P76 reduce by 30 %', 'P76', { mode: 'REDUCE_OWN_SHARE', reduceRate: 0.3 }],
    ['P77 half after six months', 'P77', { fullMonths: 6, stepMonths: 6, stepRate: 0.5, floorRate: 0.5 }],
    ['P77 not set (as seeded)', 'P77', { fullMonths: null, stepMonths: null, stepRate: null, floorRate: null }],
  ])('accepts %s', (_name, code, value) => {
    expect(validateParameterValue(def(code), value)).toEqual([]);
  });

  it.each([
    ['P01 money with fractional fen', 'P01', money(45000.5, 450.005, 'YUAN_PER_PERSON_MONTH'), 'monthlyFen'],
    ['P01 money in yuan, not fen', 'P01', money(450, 450, 'YUAN_PER_PERSON_MONTH'), 'does not match'],
    ['P01 yearly figure stored as yearly fen', 'P01', money(540000, 5400, 'YUAN_PER_PERSON_YEAR'), 'does not match'],
    ['P01 unknown unit', 'P01', money(45000, 450, 'YUAN_PER_HOUSEHOLD_MONTH'), 'published.unit'],
    ['P01 bare number', 'P01', 45000, 'expected { monthlyFen'],
    ['P02 zero multiplier', 'P02', 0, 'positive multiplier'],
    ['P02 negative multiplier', 'P02', -1.5, 'positive multiplier'],
    ['P02 multiplier as text', 'P02', '1.5', 'positive multiplier'],
    ['P04 fractional months', 'P04', 1.5, 'positive integer'],
    ['P10 zero days', 'P10', 0, 'positive integer'],
    ['P11 implausible working days', 'P11', 3000, 'sanity ceiling'],
    ['P16 boolean as text', 'P16', 'false', 'true or false'],
    ['P37 rate above 1', 'P37', 30, 'rate between 0 and 1'],
    ['P45 unknown enum', 'P45', 'ROUND_DOWN', 'expected one of'],
    ['P46 list of non-codes', 'P46', ['低保'], 'UPPER_SNAKE'],
    ['P48 duplicate item', 'P48', ['CONSCRIPT_IN_ACTIVE_SERVICE', 'CONSCRIPT_IN_ACTIVE_SERVICE'], 'duplicate'],
    ['P69 ground outside R58', 'P69', ['EMIGRATED'], 'expected one of'],
    ['P05 unknown field', 'P05', {
      mode: 'NONE', rate: 0, capMultipleOfStandard: 1, documentedWorkersOnly: true, extra: 1,
    }, 'P05.extra: unknown field'],
    ['P05 missing field', 'P05', { mode: 'NONE', rate: 0, capMultipleOfStandard: 1 }, 'P05.documentedWorkersOnly: missing'],
    ['P05 rate above cap', 'P05', {
      mode: 'SHARE_OF_MLA_STANDARD_PER_EMPLOYED_MEMBER', rate: 0.8, capMultipleOfStandard: 0.5, documentedWorkersOnly: true,
    }, 'exceeds the cap'],
    ['P05 fixed mode without amount', 'P05', {
      mode: 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER', rate: 0, capMultipleOfStandard: 1, documentedWorkersOnly: true,
    }, 'fixedMonthlyFen: required'],
    ['P06 year outside window', 'P06', {
      scope: 'CENTRAL_MINIMUM', window: { from: '2021-01-01', to: '2025-12-31' },
      centralMinimumByYear: { 2026: money(15000, 150, 'YUAN_PER_PERSON_MONTH') },
    }, 'outside the exclusion window'],
    ['P06 bad date', 'P06', { scope: 'CENTRAL_MINIMUM', window: { from: '2021-02-30', to: null }, centralMinimumByYear: {} }, 'YYYY-MM-DD'],
    ['P09 Qinghai rural exit shorter than minimum', 'P09', { lengthMonths: 6, minimumMonths: 12 }, 'below the minimum'],
    ['P18 banded without bands', 'P18', { method: 'BANDED', bands: [] }, 'at least one band'],
    ['P18 band with share and amount', 'P18', {
      method: 'BANDED', bands: [{ code: 'A', label: 'A类', shareOfStandard: 1, monthlyFen: 100 }],
    }, 'exactly one'],
    ['P19 configured without rules', 'P19', { configured: true }, 'must list the rules'],
    ['P21 decreasing care shares', 'P21', {
      basis: 'PREVIOUS_YEAR_MINIMUM_WAGE',
      minimumShares: {
        fullSelfCare: { numerator: 1, denominator: 3 },
        partialCare: { numerator: 1, denominator: 6 },
        fullCare: { numerator: 1, denominator: 10 },
      },
      institutionalUpliftRate: 0.5,
    }, 'must not decrease'],
    ['P21 zero denominator', 'P21', {
      basis: 'PREVIOUS_YEAR_MINIMUM_WAGE',
      minimumShares: {
        fullSelfCare: { numerator: 1, denominator: 0 },
        partialCare: { numerator: 1, denominator: 6 },
        fullCare: { numerator: 1, denominator: 3 },
      },
      institutionalUpliftRate: 0.5,
    }, 'denominator'],
    ['P28 hours as a fraction', 'P28', { firstReliefHours: 1.5, paperworkWorkingDays: 5 }, 'hours'],
    ['P31 fen as yuan with decimals', 'P31', { amountFen: 1000.5, replenishBelowShare: 0.3 }, 'integer fen'],
    ['P32 year key malformed', 'P32', { byYear: { '21': money(50000, 6000, 'YUAN_PER_PERSON_YEAR') } }, 'not a year'],
    ['P39 make-up working day on a weekday', 'P39', {
      coveredYears: [2021], holidays: [], makeUpWorkdays: ['2021-02-08'],
    }, 'not a Saturday or Sunday'],
    ['P39 holiday outside covered years', 'P39', { coveredYears: [], holidays: ['2021-04-05'], makeUpWorkdays: [] }, 'not listed in coveredYears'],
    ['P39 day both holiday and make-up', 'P39', {
      coveredYears: [2021], holidays: ['2021-02-07'], makeUpWorkdays: ['2021-02-07'],
    }, 'already listed'],
    ['P47 bad region key', 'P47', { byRegion: { '6322': 'PASTORAL' } }, 'region code'],
    ['P47 unknown area type', 'P47', { byRegion: { '632221': 'FOREST' } }, 'expected one of'],
    ['P60 forbidden publicity field', 'P60', { longTermListing: true, fields: ['ID_NUMBER'] }, 'expected one of'],
    ['P76 reduce without a rate', 'P76', { mode: 'REDUCE_OWN_SHARE', reduceRate: null }, 'needs a rate above 0 and below 1'],
    ['P76 reduce by all of it', 'P76', { mode: 'REDUCE_OWN_SHARE', reduceRate: 1 }, 'needs a rate above 0 and below 1'],
    ['P77 a method half set', 'P77', { fullMonths: 6, stepMonths: 6, stepRate: 0.5, floorRate: null }, 'set every figure of the method or none'],
    ['P77 months in full below 0', 'P77', { fullMonths: -1, stepMonths: 6, stepRate: 0.5, floorRate: 0.5 }, 'fullMonths'],
    ['P77 a step every 0 months', 'P77', { fullMonths: 0, stepMonths: 0, stepRate: 0.5, floorRate: 0.5 }, 'stepMonths'],
    ['P77 a step above 100 %', 'P77', { fullMonths: 0, stepMonths: 1, stepRate: 1.5, floorRate: 0.5 }, 'rate between 0 and 1'],
  ])('rejects %s', (_name, code, value, problem) => {
    const problems = validateParameterValue(def(code), value);
    expect(problems.join('\n')).toContain(problem);
    expect(problems.every((p) => p.startsWith(code))).toBe(true);
  });
});

describe('monthlyFenOf (§0.3)', () => {
  it.each([
    [450, 'YUAN_PER_PERSON_MONTH', 45000],
    [5400, 'YUAN_PER_PERSON_YEAR', 45000],
    [7300, 'YUAN_PER_PERSON_YEAR', 60833],
    [93, 'YUAN_PER_PERSON_MONTH', 9300],
    [0.005, 'YUAN_PER_PERSON_MONTH', null],
  ] as const)('%s %s → %s fen per month', (amount, unit, fen) => {
    expect(monthlyFenOf(amount, unit)).toBe(fen);
  });
});

describe('validateParameterSeed', () => {
  const good = onlyRow('P02');

  it.each([
    ['a P01 row (R27: no safe default)', {
      ...good, code: 'P01', basis: 'R27 [L]', confidence: 'PLACEHOLDER', urbanRural: 'URBAN',
      value: { monthlyFen: 45000, published: { amount: 450, unit: 'YUAN_PER_PERSON_MONTH' } },
    }, 'P01 has no safe default'],
    ['an unknown code', { ...good, code: 'P99' }, 'unknown parameter code'],
    ['OFFICIAL on a [U] basis (P36)', { ...onlyRow('P36'), confidence: 'OFFICIAL' }, 'OFFICIAL needs a [V]/[V2] basis'],
    ['OFFICIAL on a [QH-SRC] basis (P03)', { ...onlyRow('P03'), confidence: 'OFFICIAL' }, 'OFFICIAL needs'],
    ['OFFICIAL on a mixed [V2]/[L] basis (P38)', { ...onlyRow('P38'), confidence: 'OFFICIAL' }, 'OFFICIAL needs'],
    ['RURAL on a parameter without urban/rural split (P02)', { ...good, urbanRural: 'RURAL' }, 'not split by urban/rural'],
    ['a basis differing from the catalog', { ...good, basis: 'R45 [V]' }, 'basis'],
    ['a note without Chinese', { ...good, note: 'to confirm' }, 'Chinese note'],
    ['an invalid value', { ...good, value: 0 }, 'positive multiplier'],
    ['a bad effective date', { ...good, effectiveFrom: '2021-13-01' }, 'effectiveFrom'],
    ['an unknown confidence', { ...good, confidence: 'VERIFIED' }, 'OFFICIAL or PLACEHOLDER'],
  ])('rejects %s', (_name, row, problem) => {
    expect(validateParameterSeed([row]).join('\n')).toContain(problem);
  });

  it('rejects a duplicate version (same code, region, urban/rural, date)', () => {
    expect(validateParameterSeed([good, { ...good }]).join('\n')).toContain('duplicate version');
  });
});
