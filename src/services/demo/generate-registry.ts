/**
 * Synthetic registry for demos and benchmarks (issue 2 §3, §17, §19): households of
 * Qinghai low-income families as rows of the import template, so that they go through the
 * real import. Deterministic: one seeded PRNG stream per county (never Math.random), so the
 * same seed gives the same rows, and county k's first n households do not depend on how
 * many households are asked for (re-running the demo with more households only adds some).
 *
 * Streamed: generators yield one household at a time, so a province-sized registry
 * (~1,000,000 members) never sits in memory; the CSV and XLSX writers consume the stream.
 *
 * The figures are plausible, not official: household sizes, category shares, incomes and
 * herd sizes are demo settings (see docs in bench/README.md), not statistics.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import {
  CATEGORY_LABELS,
  DISABILITY_CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  LABOUR_CAPACITY_LABELS,
  LIVESTOCK_UNITS,
  RELATIONSHIP_LABELS,
  STUDENT_STAGE_LABELS,
  URBAN_RURAL_LABELS,
  type AssetType,
  type Category,
  type Relationship,
  type UrbanRural,
} from '../../domain/registry/codes.js';
import { generateIdNumber } from '../../domain/registry/id-number.js';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../../domain/registry/import.rules.js';
import type { SelfCareFacts, SupportArrangementFacts } from '../../domain/policy/assessment.types.js';

// ---------------------------------------------------------------------------------------
// Seeded PRNG (sfc32 seeded by cyrb128 of a string)

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A small seeded random source: uniform floats, integers, picks and a few distributions. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key of a compiled weight table. */
  weighted<K extends string>(table: WeightTable<K>): K {
    const r = this.next() * table.total;
    const cum = table.cum;
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return table.keys[i]!;
    return table.keys[table.keys.length - 1]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-sd. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Weights compiled for fast picking (weights need not sum to 1; zero weights are never picked). */
export interface WeightTable<K extends string> {
  readonly keys: readonly K[];
  readonly cum: Float64Array;
  readonly total: number;
}

export function weights<K extends string>(table: Readonly<Partial<Record<K, number>>>): WeightTable<K> {
  const keys: K[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const k in table) {
    const w = table[k] ?? 0;
    if (w <= 0) continue;
    total += w;
    keys.push(k);
    cum.push(total);
  }
  return { keys, cum: Float64Array.from(cum), total };
}

function hash32(s: string): number {
  return cyrb128(s)[0];
}

// ---------------------------------------------------------------------------------------
// Counties and villages

export type AreaType = 'URBAN' | 'FARMING' | 'PASTORAL' | 'MIXED';
export type EthnicGroup = 'HAN' | 'HUI' | 'TIBETAN' | 'TU' | 'SALAR' | 'MONGOL';

export interface DemoVillage {
  /** 12-digit village/community code (R11). */
  code: string;
  name: string;
}

export interface DemoCounty {
  /** 6-digit county code (R10), also the address code of its residents' identity numbers. */
  code: string;
  name: string;
  areaType: AreaType;
  villages: readonly DemoVillage[];
  /** Share of the households generated in this county (default: equal shares). */
  share?: number | undefined;
  /** Ethnic mix of household heads (default: by county, else by area type). */
  ethnicMix?: Readonly<Partial<Record<EthnicGroup, number>>> | undefined;
}

/** Codes identity numbers issued before a county was re-coded still carry (R9.5). */
export const HISTORIC_ADDRESS_CODES: Readonly<Record<string, string>> = {
  '630106': '630122', // 湟中区, formerly 湟中县
  '632301': '632321', // 同仁市, formerly 同仁县
};

const ETHNIC_MIX_BY_COUNTY: Readonly<Record<string, Partial<Record<EthnicGroup, number>>>> = {
  '630102': { HAN: 0.5, HUI: 0.4, TIBETAN: 0.05, TU: 0.03, SALAR: 0.02 }, // 城东区
  '630106': { HAN: 0.66, TIBETAN: 0.12, HUI: 0.12, TU: 0.1 }, // 湟中区
  '632323': { TIBETAN: 0.95, HAN: 0.03, HUI: 0.02 }, // 泽库县
  '632324': { MONGOL: 0.6, TIBETAN: 0.35, HAN: 0.05 }, // 河南蒙古族自治县
  '630223': { HAN: 0.55, TU: 0.3, TIBETAN: 0.1, HUI: 0.05 }, // 互助土族自治县
  '630224': { HUI: 0.5, HAN: 0.25, TIBETAN: 0.2, SALAR: 0.05 }, // 化隆回族自治县
  '630225': { SALAR: 0.62, TIBETAN: 0.25, HUI: 0.08, HAN: 0.05 }, // 循化撒拉族自治县
  '630222': { HUI: 0.45, TU: 0.25, HAN: 0.3 }, // 民和回族土族自治县
};

const ETHNIC_MIX_BY_AREA: Readonly<Record<AreaType, Partial<Record<EthnicGroup, number>>>> = {
  URBAN: { HAN: 0.6, HUI: 0.25, TIBETAN: 0.1, TU: 0.05 },
  FARMING: { HAN: 0.55, HUI: 0.2, TU: 0.1, TIBETAN: 0.1, SALAR: 0.05 },
  PASTORAL: { TIBETAN: 0.9, HAN: 0.05, HUI: 0.05 },
  MIXED: { TIBETAN: 0.5, HAN: 0.3, HUI: 0.2 },
};

const ETHNICITY_LABEL: Readonly<Record<EthnicGroup, string>> = {
  HAN: '汉族',
  HUI: '回族',
  TIBETAN: '藏族',
  TU: '土族',
  SALAR: '撒拉族',
  MONGOL: '蒙古族',
};

/** 社区/居委会 → 城市; 村 → 农村 (the source data has no urban–rural code). */
export function villageUrbanRural(name: string): UrbanRural {
  if (/社区|居委会|居民委员会/.test(name)) return 'URBAN';
  return /村/.test(name) ? 'RURAL' : 'URBAN';
}

/** '康宁社区居民委员会' → '康宁社区', '东科日村民委员会' / '秋子沟村委会' → '东科日村' / '秋子沟村' (for addresses). */
export function shortVillageName(name: string): string {
  if (villageUrbanRural(name) === 'URBAN') {
    const s = name.replace(/(居民委员会|居委会)$/, '');
    return /社区$/.test(s) ? s : `${s}社区`;
  }
  const s = name.replace(/(村民委员会|村委会|民委员会|委员会)$/, '');
  return /村$/.test(s) ? s : `${s}村`;
}

/** Build demo counties from region rows (the regions table or the seed CSV). */
export function demoCountiesFromRegions(
  rows: Iterable<{ code: string; name: string; level: number; active?: boolean | undefined }>,
  specs: readonly { code: string; areaType: AreaType; share?: number | undefined }[],
): DemoCounty[] {
  const byCode = new Map<string, DemoCounty & { villages: DemoVillage[] }>();
  for (const s of specs) byCode.set(s.code, { code: s.code, name: s.code, areaType: s.areaType, share: s.share, villages: [] });
  for (const r of rows) {
    if (r.active === false) continue;
    if (r.level === 3 && byCode.has(r.code)) byCode.get(r.code)!.name = r.name;
    else if (r.level === 5) byCode.get(r.code.slice(0, 6))?.villages.push({ code: r.code, name: r.name });
  }
  const out = specs.map((s) => byCode.get(s.code)!);
  for (const c of out) {
    if (c.villages.length === 0) throw new RangeError(`demoCountiesFromRegions: no villages for county ${c.code}`);
    c.villages.sort((a, b) => a.code.localeCompare(b.code));
  }
  return out;
}

/** Households per county for a total: by share (equal by default); the last county takes the rest. */
export function householdsPerCounty(total: number, counties: readonly Pick<DemoCounty, 'share'>[]): number[] {
  const shares = counties.map((c) => c.share ?? 1);
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((s) => Math.floor((total * s) / sum));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

// ---------------------------------------------------------------------------------------
// What is generated

export interface GeneratedIncomes {
  /** Yuan per year; null when the member has none of that kind. */
  wage: number | null;
  operating: number | null;
  property: number | null;
  transfer: number | null;
}

export interface GeneratedMember {
  name: string;
  idNumber: string;
  sex: 'M' | 'F';
  birthDate: string;
  age: number;
  relationship: Relationship;
  ethnicity: string;
  phone: string | null;
  labourCapacity: 'FULL' | 'PARTIAL' | 'NONE';
  healthStatus: 'HEALTHY' | 'CHRONIC' | 'SERIOUS' | 'DISABLED';
  seriousIllness: string | null;
  disabilityCategory: keyof typeof DISABILITY_CATEGORY_LABELS | null;
  disabilityGrade: 1 | 2 | 3 | 4 | null;
  employment: keyof typeof EMPLOYMENT_LABELS;
  studentStage: keyof typeof STUDENT_STAGE_LABELS;
  bankName: string | null;
  bankAccount: string | null;
  incomes: GeneratedIncomes;
}

export interface GeneratedAsset {
  assetType: AssetType;
  description: string;
  quantity: number | null;
  unit: string | null;
  valueYuan: number | null;
  details: Record<string, unknown> | null;
  /** Identity number of the owner (the head), or null for the household. */
  ownerIdNumber: string | null;
}

/** An earlier category of the household that has ended (the current ones go through the import). */
export interface GeneratedCategoryHistory {
  category: Category;
  effectiveFrom: string;
  effectiveTo: string;
  reason: string;
  /** Ended after a gradual-exit period (渐退期, R44). */
  gradualExit: boolean;
}

/**
 * What a 特困 person's record holds beyond the registry card (R48(3), R53, R56): the self-care
 * assessment made when the person was recognised, the mode of support chosen then, and no legal
 * obligor, as 特困 persons have none or none able to support them.
 */
export interface GeneratedPolicyFacts {
  idNumber: string;
  selfCare: SelfCareFacts;
  support: SupportArrangementFacts;
  obligors: [];
}

export interface GeneratedHousehold {
  householdNo: string;
  countyCode: string;
  regionCode: string;
  address: string;
  urbanRural: UrbanRural;
  categories: Category[];
  categoryFrom: string;
  incomeStart: string;
  incomeEnd: string;
  members: GeneratedMember[];
  assets: GeneratedAsset[];
  history: GeneratedCategoryHistory[];
  /** 特困 households: the facts of the 特困 person (the head) */
  policyFacts: GeneratedPolicyFacts[];
}

export interface GenerateRegistryOptions {
  seed: string;
  counties: readonly DemoCounty[];
  /** Total households over all counties (split by householdsPerCounty). */
  households: number;
  /** Ages and dates are computed on this day (default '2025-12-31'). */
  referenceDate?: string | undefined;
  /** 户编号 prefix (default demoHouseholdNoPrefix(seed)). */
  householdNoPrefix?: string | undefined;
  /** The period the incomes cover (default: the calendar year of the reference date). */
  incomePeriod?: IncomePeriod | undefined;
}

/** First and last day ('YYYY-MM-DD') of the period a household's incomes are declared for. */
export interface IncomePeriod {
  start: string;
  end: string;
}

export const DEFAULT_REFERENCE_DATE = '2025-12-31';

/** Activities in the order they are lost (bathing first, eating last). */
const SELF_CARE_LOSS_ORDER = ['bathing', 'dressing', 'walkingIndoors', 'usingToilet', 'gettingInOutOfBed', 'eating'] as const;

/**
 * A 特困 person's facts, drawn from the identity number (not the household stream, which stays as
 * it was): 55 % 全自理, 30 % 半护理 (1–3 activities lost), 15 % 全护理 (4–6), assessed on `assessedOn`.
 * Mode of support from the same day (R56: those who lost self-care are offered institutional care
 * first): in the county's care home for 全护理 and for about one in five of the others, else at home.
 */
export function tekunPolicyFacts(idNumber: string, assessedOn: string, countyName: string): GeneratedPolicyFacts {
  const h = hash32(`care:${idNumber}`);
  const r = h % 100;
  const lost = r < 55 ? 0 : r < 85 ? 1 + ((h >>> 8) % 3) : 4 + ((h >>> 10) % 3);
  const selfCare = { eating: true, dressing: true, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: true, assessedOn };
  for (const a of SELF_CARE_LOSS_ORDER.slice(0, lost)) selfCare[a] = false;
  const institutional = lost >= 4 || (h >>> 16) % 5 === 0;
  const support: SupportArrangementFacts = institutional
    ? { mode: 'INSTITUTIONAL', institution: `${countyName}中心敬老院`, homeCondition: null, since: assessedOn }
    : { mode: 'HOME', institution: null, homeCondition: null, since: assessedOn };
  return { idNumber, selfCare, support, obligors: [] };
}

/** 'YS' (演示) + 4 hex digits of the seed: households of different seeds never share a 户编号. */
export function demoHouseholdNoPrefix(seed: string): string {
  return `YS${(hash32(`prefix:${seed}`) & 0xffff).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Category shares of households (issue 2 §17): 低保 45 %, 特困 8 %, 边缘 20 %, 防返贫 15 %, 刚性支出 7 %, 其他 5 %. */
export const CATEGORY_TARGET_SHARES: Readonly<Record<Category, number>> = {
  DIBAO: 0.45,
  TEKUN: 0.08,
  DIBAO_EDGE: 0.2,
  FANGFANPIN: 0.15,
  RIGID_EXPENDITURE: 0.07,
  OTHER: 0.05,
};

// ---------------------------------------------------------------------------------------
// Name pools

const HAN_SURNAMES: Readonly<Record<string, number>> = {
  王: 8, 李: 8, 张: 7, 刘: 5, 赵: 4, 陈: 3, 杨: 4, 马: 3, 祁: 2, 朱: 2, 孙: 2, 周: 2, 吴: 2, 徐: 2, 胡: 2, 郭: 2,
  何: 2, 高: 2, 罗: 1, 郑: 1, 梁: 1, 谢: 1, 宋: 1, 唐: 1, 许: 1, 韩: 1, 冯: 1, 邓: 1, 曹: 1, 彭: 1, 田: 2, 董: 2,
  袁: 1, 潘: 1, 于: 1, 蒋: 1, 蔡: 1, 余: 1, 杜: 1, 程: 1, 苏: 1, 魏: 2, 吕: 1, 丁: 1, 任: 1, 沈: 1, 姚: 1, 卢: 1,
  姜: 1, 崔: 1, 汪: 1, 范: 1, 金: 1, 石: 1, 贾: 1, 付: 1, 白: 1, 孟: 1, 秦: 1, 雷: 1, 侯: 1, 史: 1, 晁: 1, 山: 1,
};
const HUI_SURNAMES: Readonly<Record<string, number>> = {
  马: 45, 韩: 10, 冶: 6, 喇: 5, 白: 4, 苏: 4, 何: 4, 沙: 3, 哈: 3, 杨: 3, 李: 3, 穆: 2, 海: 2, 米: 2, 张: 2, 王: 2,
};
const TU_SURNAMES: Readonly<Record<string, number>> = { 祁: 4, 李: 4, 吕: 2, 鲁: 2, 董: 2, 星: 1, 索: 1, 朱: 1, 晁: 1, 胡: 1, 谢: 1, 王: 2 };
const SALAR_SURNAMES: Readonly<Record<string, number>> = { 韩: 50, 马: 30, 冶: 10, 沈: 4, 何: 3, 陕: 3 };

const HAN_GIVEN = {
  M: [
    ['建国', '国庆', '建华', '志强', '永福', '福成', '有才', '长青', '德明', '文华', '玉林', '生福', '成林', '守仁', '占福', '发贵', '进财', '世明'],
    ['伟', '军', '勇', '磊', '涛', '斌', '强', '海军', '小军', '建军', '文斌', '永刚', '晓东', '学军', '宏伟', '国栋', '海龙', '占军'],
    ['浩', '宇', '子轩', '浩然', '博文', '宇航', '俊杰', '鑫', '佳豪', '一鸣', '梓豪', '子豪', '天佑', '明轩', '嘉乐', '思远', '宇轩', '皓轩'],
  ],
  F: [
    ['秀兰', '桂英', '玉兰', '秀英', '凤英', '桂兰', '淑珍', '玉梅', '兰英', '春花', '秀珍', '玉珍', '翠花', '金花', '存英', '月英'],
    ['丽', '娟', '燕', '霞', '梅', '芳', '红梅', '海燕', '丽娟', '晓梅', '春燕', '丽华', '玉霞', '海霞', '文娟', '雪梅'],
    ['欣怡', '梓涵', '雨涵', '佳怡', '诗琪', '思雨', '子涵', '可欣', '雨桐', '婷', '紫萱', '一诺', '欣悦', '梦瑶', '思琪', '若曦'],
  ],
} as const;

const HUI_GIVEN = {
  M: [
    ['有福', '成福', '海龙', '学礼', '忠良', '正清', '国才', '尕奴', '明德', '文礼', '德福', '占林', '福海', '进宝', '有禄'],
    ['少林', '伟', '强', '军', '海军', '学军', '成龙', '建忠', '永祥', '海福', '国良', '晓东', '福林', '小龙', '建明'],
    ['鹏', '浩', '宇', '哈伦', '伊哈', '宇航', '子豪', '俊杰', '天赐', '梓豪', '浩宇', '明轩', '嘉豪', '思源', '博文'],
  ],
  F: [
    ['秀兰', '麦燕', '尕麦', '法图麦', '秀英', '桂芳', '尕花', '玉兰', '兰花', '凤兰', '哈力麦', '阿依舍'],
    ['梅', '芳', '燕', '花', '兰', '桂芳', '海燕', '雪梅', '麦玉', '艳', '秀梅', '玉梅', '娟', '春花'],
    ['欣怡', '雨涵', '阿依莎', '法蒂玛', '梓涵', '佳怡', '思雨', '雨桐', '诗琪', '可欣', '婷', '子涵'],
  ],
} as const;

const TIBETAN_MALE = [
  '才让', '多杰', '扎西', '尼玛', '旦增', '索南', '贡保', '华旦', '更登', '桑杰', '东智', '万玛', '南杰', '公保', '仁青',
  '加羊', '拉加', '官却', '久美', '周加', '才旦', '达杰', '加措', '夏吾', '完德', '尖措', '吉美', '当周', '闹日', '旦正',
] as const;
const TIBETAN_FEMALE = [
  '卓玛', '拉毛', '央金', '德吉', '措毛', '吉毛', '娘吉', '拉姆', '周毛', '才吉', '李毛', '卓嘎', '完么', '拉吉', '尕藏措',
  '才让吉', '旦正措', '拉毛措', '卓玛草', '仁青措', '多杰吉', '南措', '才措', '央措', '德措',
] as const;
const MONGOL_MALE = ['巴特尔', '宝音', '朝鲁', '那木吉', '道尔吉', '才让', '多杰', '扎西', '更登', '旦正'] as const;
const MONGOL_FEMALE = ['其其格', '乌兰', '萨仁', '卓玛', '拉毛', '吉毛', '德吉', '才吉'] as const;

const HAN_SURNAME_TABLE = weights(HAN_SURNAMES);
const HUI_SURNAME_TABLE = weights(HUI_SURNAMES);
const TU_SURNAME_TABLE = weights(TU_SURNAMES);
const SALAR_SURNAME_TABLE = weights(SALAR_SURNAMES);

function generationOf(birthYear: number): 0 | 1 | 2 {
  return birthYear < 1970 ? 0 : birthYear < 1992 ? 1 : 2;
}

function tibetanName(rng: Rng, sex: 'M' | 'F'): string {
  if (sex === 'M') {
    const a = rng.pick(TIBETAN_MALE);
    if (rng.chance(0.5)) return a;
    let b = rng.pick(TIBETAN_MALE);
    while (b === a) b = rng.pick(TIBETAN_MALE);
    return a + b;
  }
  const r = rng.next();
  if (r < 0.55) return rng.pick(TIBETAN_FEMALE);
  if (r < 0.8) return rng.pick(TIBETAN_MALE) + rng.pick(['措', '吉', '卓玛'] as const);
  return rng.pick(['桑吉', '更藏', '才让', '拉毛', '旦正'] as const) + rng.pick(['卓玛', '措', '吉'] as const);
}

function personName(rng: Rng, group: EthnicGroup, sex: 'M' | 'F', birthYear: number, surname: string | null): string {
  const gen = generationOf(birthYear);
  switch (group) {
    case 'TIBETAN':
      return tibetanName(rng, sex);
    case 'MONGOL':
      return rng.chance(0.5) ? rng.pick(sex === 'M' ? MONGOL_MALE : MONGOL_FEMALE) : tibetanName(rng, sex);
    case 'TU':
      if (!surname && rng.chance(0.3)) return tibetanName(rng, sex);
      return (surname ?? rng.weighted(TU_SURNAME_TABLE)) + rng.pick(HAN_GIVEN[sex][gen]);
    case 'HUI':
      return (surname ?? rng.weighted(HUI_SURNAME_TABLE)) + rng.pick(HUI_GIVEN[sex][gen]);
    case 'SALAR':
      return (surname ?? rng.weighted(SALAR_SURNAME_TABLE)) + rng.pick(HUI_GIVEN[sex][gen]);
    default:
      return (surname ?? rng.weighted(HAN_SURNAME_TABLE)) + rng.pick(HAN_GIVEN[sex][gen]);
  }
}

/** The surname children take (null for groups that use no surnames). */
function surnameOf(name: string, group: EthnicGroup): string | null {
  if (group === 'TIBETAN' || group === 'MONGOL') return null;
  if (group === 'TU' && !(name[0]! in TU_SURNAMES) && !(name[0]! in HAN_SURNAMES)) return null;
  return name[0]!;
}

// ---------------------------------------------------------------------------------------
// Person attributes

const SERIOUS_ILLNESSES: Readonly<Record<string, number>> = {
  恶性肿瘤: 30, 尿毒症: 14, 重症精神病: 12, 脑卒中后遗症: 10, 白血病: 5, 肝硬化失代偿期: 6, 再生障碍性贫血: 3,
  系统性红斑狼疮: 3, 耐多药肺结核: 3, 先天性心脏病: 4, 血友病: 1,
};
/** 包虫病 (echinococcosis) is endemic in Qinghai's pastoral areas. */
const SERIOUS_ILLNESSES_PASTORAL: Readonly<Record<string, number>> = { ...SERIOUS_ILLNESSES, 包虫病: 20 };

const DISABILITY_WEIGHTS: Readonly<Record<keyof typeof DISABILITY_CATEGORY_LABELS, number>> = {
  PHYSICAL: 36, VISUAL: 14, HEARING: 14, SPEECH: 3, INTELLECTUAL: 10, MENTAL: 12, MULTIPLE: 11,
};
const GRADE_WEIGHTS: Readonly<Record<'1' | '2' | '3' | '4', number>> = { '1': 10, '2': 20, '3': 32, '4': 38 };

const SERIOUS_ILLNESS_TABLE = weights(SERIOUS_ILLNESSES);
const SERIOUS_ILLNESS_TABLE_PASTORAL = weights(SERIOUS_ILLNESSES_PASTORAL);
const DISABILITY_TABLE = weights(DISABILITY_WEIGHTS);
const GRADE_TABLE = weights(GRADE_WEIGHTS);
const STUDENT_15_17 = weights<keyof typeof STUDENT_STAGE_LABELS>({ SENIOR: 0.55, VOCATIONAL: 0.28, NONE: 0.17 });
const STUDENT_18_22 = weights<keyof typeof STUDENT_STAGE_LABELS>({ NONE: 0.7, COLLEGE: 0.12, UNDERGRAD: 0.13, VOCATIONAL: 0.05 });
const STUDENT_23_26 = weights<keyof typeof STUDENT_STAGE_LABELS>({ NONE: 0.96, UNDERGRAD: 0.03, POSTGRAD: 0.01 });
const LABOUR_60_69 = weights<'FULL' | 'PARTIAL' | 'NONE'>({ PARTIAL: 0.55, FULL: 0.25, NONE: 0.2 });
type Employment = keyof typeof EMPLOYMENT_LABELS;
/** Employment of working-age members (and urban elderly) by zone and labour capacity. */
const EMPLOYMENT_TABLES = {
  URBAN_ELDER: weights<Employment>({ NOT_APPLICABLE: 0.82, RETIRED: 0.06, FLEXIBLE: 0.12 }),
  URBAN: weights<Employment>({ EMPLOYED: 0.12, FLEXIBLE: 0.38, MIGRANT: 0.05, UNEMPLOYED: 0.45 }),
  URBAN_PARTIAL: weights<Employment>({ FLEXIBLE: 0.4, UNEMPLOYED: 0.6 }),
  PASTORAL: weights<Employment>({ HERDING: 0.62, MIGRANT: 0.1, FLEXIBLE: 0.1, FARMING: 0.03, EMPLOYED: 0.03, UNEMPLOYED: 0.12 }),
  PASTORAL_PARTIAL: weights<Employment>({ HERDING: 0.7, UNEMPLOYED: 0.3 }),
  FARMING: weights<Employment>({ FARMING: 0.45, MIGRANT: 0.35, FLEXIBLE: 0.08, EMPLOYED: 0.04, UNEMPLOYED: 0.08 }),
  FARMING_PARTIAL: weights<Employment>({ FARMING: 0.7, UNEMPLOYED: 0.3 }),
};
const VEHICLE_TABLE = weights({ 摩托车: 0.6, 农用三轮车: 0.25, 二手皮卡车: 0.15 });

const PHONE_PREFIXES: Readonly<Record<string, number>> = {
  139: 10, 138: 9, 137: 6, 136: 5, 135: 6, 134: 3, 150: 6, 151: 5, 152: 4, 157: 2, 158: 5, 159: 5, 182: 4, 183: 3,
  187: 6, 188: 4, 198: 2, 130: 2, 131: 2, 132: 2, 155: 2, 156: 2, 186: 3, 133: 1, 153: 1, 180: 1, 181: 1, 189: 2, 199: 1,
};

/** Bank and the (illustrative) card prefix of its accounts. */
const BANKS: readonly { name: string; bin: string; weight: number }[] = [
  { name: '青海农商银行', bin: '623165', weight: 35 },
  { name: '中国邮政储蓄银行', bin: '621799', weight: 20 },
  { name: '中国农业银行', bin: '622848', weight: 20 },
  { name: '中国建设银行', bin: '621700', weight: 10 },
  { name: '中国工商银行', bin: '622202', weight: 8 },
  { name: '青海银行', bin: '622817', weight: 7 },
];
const BANK_TABLE = weights(Object.fromEntries(BANKS.map((b, i) => [String(i), b.weight])) as Record<string, number>);
const PHONE_TABLE = weights(PHONE_PREFIXES);

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function bankAccount(rng: Rng): { bankName: string; bankAccount: string } {
  const bank = BANKS[Number(rng.weighted(BANK_TABLE))]!;
  const body = bank.bin + digits(rng, 12);
  return { bankName: bank.name, bankAccount: body + luhnCheckDigit(body) };
}

function phone(rng: Rng): string {
  return rng.weighted(PHONE_TABLE) + digits(rng, 8);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------
// The generator of one county

type Zone = 'URBAN' | 'FARMING' | 'PASTORAL';
type HouseholdType = 'SINGLE_ELDER' | 'ELDER_COUPLE' | 'SINGLE_ADULT' | 'NUCLEAR' | 'SINGLE_PARENT' | 'THREE_GEN' | 'SKIP_GEN';

const TYPE_WEIGHTS: Readonly<Record<Zone, Record<HouseholdType, number>>> = {
  URBAN: { SINGLE_ELDER: 0.17, ELDER_COUPLE: 0.13, SINGLE_ADULT: 0.12, NUCLEAR: 0.28, SINGLE_PARENT: 0.13, THREE_GEN: 0.09, SKIP_GEN: 0.08 },
  FARMING: { SINGLE_ELDER: 0.19, ELDER_COUPLE: 0.17, SINGLE_ADULT: 0.08, NUCLEAR: 0.26, SINGLE_PARENT: 0.07, THREE_GEN: 0.14, SKIP_GEN: 0.09 },
  PASTORAL: { SINGLE_ELDER: 0.24, ELDER_COUPLE: 0.19, SINGLE_ADULT: 0.06, NUCLEAR: 0.22, SINGLE_PARENT: 0.06, THREE_GEN: 0.14, SKIP_GEN: 0.09 },
};
const CHILD_COUNT: Readonly<Record<Zone, Record<'1' | '2' | '3' | '4', number>>> = {
  URBAN: { '1': 0.55, '2': 0.37, '3': 0.08, '4': 0 },
  FARMING: { '1': 0.35, '2': 0.45, '3': 0.16, '4': 0.04 },
  PASTORAL: { '1': 0.25, '2': 0.35, '3': 0.27, '4': 0.13 },
};
const TYPE_TABLES = {
  URBAN: weights(TYPE_WEIGHTS.URBAN),
  FARMING: weights(TYPE_WEIGHTS.FARMING),
  PASTORAL: weights(TYPE_WEIGHTS.PASTORAL),
};
const CHILD_COUNT_TABLES = {
  URBAN: weights(CHILD_COUNT.URBAN),
  FARMING: weights(CHILD_COUNT.FARMING),
  PASTORAL: weights(CHILD_COUNT.PASTORAL),
};
const CATEGORY_TABLE = weights(CATEGORY_TARGET_SHARES);
/** Factor on wages and operating income by category (低保 households earn least). */
const INCOME_FACTOR: Readonly<Record<Category, number>> = {
  DIBAO: 0.5, TEKUN: 0, DIBAO_EDGE: 0.85, FANGFANPIN: 0.8, RIGID_EXPENDITURE: 1.05, OTHER: 0.8,
};
/** Earliest effective date (YYYY-MM-DD) of each category in the demo (边缘 and 防返贫 date from 2021). */
const CATEGORY_EARLIEST: Readonly<Record<Category, string>> = {
  DIBAO: '2019-01-01', TEKUN: '2019-01-01', DIBAO_EDGE: '2021-06-01', FANGFANPIN: '2021-03-01', RIGID_EXPENDITURE: '2022-01-01', OTHER: '2020-01-01',
};
/** Livestock conversion to sheep units (NY/T 635 style; demo figures): yak 4, horse 6, sheep 1. */
export const SHEEP_UNITS = { yak: 4, sheep: 1, horse: 6 } as const;

interface Draft {
  relationship: Relationship;
  sex: 'M' | 'F';
  age: number;
  group: EthnicGroup;
  name?: string;
}

export interface CountyGenerateOptions {
  seed: string;
  county: DemoCounty;
  /** Households to generate in this county. */
  count: number;
  referenceDate?: string | undefined;
  householdNoPrefix?: string | undefined;
  incomePeriod?: IncomePeriod | undefined;
}

class CountyGenerator {
  private readonly rng: Rng;
  private readonly seqSalt: number;
  private readonly county: DemoCounty;
  private readonly ref: string;
  private readonly refYear: number;
  private readonly prefix: string;
  private readonly incomePeriod: IncomePeriod;
  private readonly villages: readonly (DemoVillage & { urbanRural: UrbanRural; short: string })[];
  private readonly ruralVillages: readonly (DemoVillage & { urbanRural: UrbanRural; short: string })[];
  private readonly villageTable: WeightTable<string>;
  private readonly ethnicTable: WeightTable<EthnicGroup>;
  /** Identity-number sequences handed out per address code + birth date. */
  private readonly seqUsed = new Map<string, number>();
  private index = 0;

  constructor(opts: CountyGenerateOptions) {
    this.county = opts.county;
    this.rng = new Rng(`${opts.seed}:${opts.county.code}`);
    this.seqSalt = hash32(`seq:${opts.seed}`);
    this.ref = opts.referenceDate ?? DEFAULT_REFERENCE_DATE;
    this.refYear = Number(this.ref.slice(0, 4));
    this.incomePeriod = opts.incomePeriod ?? { start: `${this.refYear}-01-01`, end: `${this.refYear}-12-31` };
    this.prefix = `${opts.householdNoPrefix ?? demoHouseholdNoPrefix(opts.seed)}-${opts.county.code}-`;
    this.villages = opts.county.villages.map((v) => ({
      ...v,
      urbanRural: villageUrbanRural(v.name),
      short: shortVillageName(v.name),
    }));
    this.ruralVillages = this.villages.filter((v) => v.urbanRural === 'RURAL');
    // Low-income households are more often in villages than in communities outside the city.
    this.villageTable = weights(Object.fromEntries(
      this.villages.map((v, i) => [String(i), v.urbanRural === 'URBAN' ? (opts.county.areaType === 'URBAN' ? 2 : 1) : opts.county.areaType === 'URBAN' ? 1 : 2]),
    ));
    this.ethnicTable = weights(opts.county.ethnicMix ?? ETHNIC_MIX_BY_COUNTY[opts.county.code] ?? ETHNIC_MIX_BY_AREA[opts.county.areaType]);
  }

  next(): GeneratedHousehold {
    const rng = this.rng;
    this.index += 1;
    let category = rng.weighted(CATEGORY_TABLE);
    let village;
    if (category === 'FANGFANPIN') {
      // 防止返贫监测 is a rural (agricultural-system) category (R7).
      if (this.ruralVillages.length > 0) village = rng.pick(this.ruralVillages);
      else category = 'DIBAO_EDGE';
    }
    village ??= this.villages[Number(rng.weighted(this.villageTable))]!;
    const urbanRural = village.urbanRural;
    const zone: Zone =
      urbanRural === 'URBAN' ? 'URBAN' : this.county.areaType === 'PASTORAL' || (this.county.areaType === 'MIXED' && rng.chance(0.5)) ? 'PASTORAL' : 'FARMING';

    const categories: Category[] = [category];
    // A few 低保 households in the countryside are also monitored against return to poverty.
    if (category === 'DIBAO' && urbanRural === 'RURAL' && rng.chance(0.03)) categories.push('FANGFANPIN');

    const drafts = this.compose(category, zone);
    const members = drafts.map((d) => this.person(d, zone, category));
    this.assignIncomes(members, zone, category);
    const assets = this.assets(members, zone, urbanRural, category);
    const categoryFrom = this.dateBetween(CATEGORY_EARLIEST[category], this.ref);
    const history = this.history(category, categoryFrom);

    const no = String(this.index).padStart(6, '0');
    const address =
      urbanRural === 'URBAN'
        ? `${village.short}${rng.int(1, 40)}号楼${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`
        : zone === 'PASTORAL'
          ? `${village.short}${rng.pick(['一', '二', '三', '四', '五'])}社${rng.int(1, 80)}号`
          : `${village.short}${rng.int(1, 260)}号`;
    return {
      householdNo: this.prefix + no,
      countyCode: this.county.code,
      regionCode: village.code,
      address,
      urbanRural,
      categories,
      categoryFrom,
      incomeStart: this.incomePeriod.start,
      incomeEnd: this.incomePeriod.end,
      members,
      assets,
      history,
      policyFacts: category === 'TEKUN' ? [tekunPolicyFacts(members.find((m) => m.relationship === 'HEAD')!.idNumber, categoryFrom, this.county.name)] : [],
    };
  }

  private dateBetween(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return isoDate(a + Math.floor(this.rng.next() * ((b - a) / DAY_MS + 1)) * DAY_MS);
  }

  private group(): EthnicGroup {
    return this.rng.weighted(this.ethnicTable);
  }

  /** Members' relationships, sexes, ages and name groups by household type. */
  private compose(category: Category, zone: Zone): Draft[] {
    const rng = this.rng;
    const g = this.group();
    const spouseGroup = () => (rng.chance(0.9) ? g : this.group());
    const clampAge = (a: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(a)));
    const elderAge = () => clampAge(60 + Math.abs(rng.normal()) * 11, 60, 96);
    const type: HouseholdType =
      category === 'TEKUN' ? (rng.chance(0.72) ? 'SINGLE_ELDER' : 'SINGLE_ADULT') : rng.weighted(TYPE_TABLES[zone]);
    const out: Draft[] = [];
    const head = (sex: 'M' | 'F', age: number): Draft => {
      const d: Draft = { relationship: 'HEAD', sex, age, group: g };
      out.push(d);
      return d;
    };
    const spouseOf = (h: Draft): Draft => {
      const sex = h.sex === 'M' ? 'F' : 'M';
      const diff = clampAge(2 + rng.normal() * 3, -4, 9); // husband older by ~2 years
      const age = clampAge(h.sex === 'M' ? h.age - diff : h.age + diff, 18, 98);
      const d: Draft = { relationship: 'SPOUSE', sex, age, group: spouseGroup() };
      out.push(d);
      return d;
    };
    /** Children born when the younger parent was 19–38, 1–4 years apart. */
    const childrenOf = (parentAge: number, count: number, relationship: Relationship) => {
      let age = parentAge - rng.int(19, 30);
      for (let i = 0; i < count && age >= 0; i++) {
        if (parentAge - age > 38) break;
        out.push({ relationship, sex: rng.chance(0.51) ? 'M' : 'F', age, group: g });
        age -= rng.int(1, 4);
      }
    };
    const childCount = () => Number(rng.weighted(CHILD_COUNT_TABLES[zone]));

    switch (type) {
      case 'SINGLE_ELDER':
        head(rng.chance(0.6) ? 'F' : 'M', elderAge());
        break;
      case 'ELDER_COUPLE': {
        spouseOf(head('M', clampAge(62 + Math.abs(rng.normal()) * 9, 60, 92)));
        break;
      }
      case 'SINGLE_ADULT':
        head(rng.chance(0.65) ? 'M' : 'F', rng.int(22, 59));
        break;
      case 'NUCLEAR': {
        const h = head(rng.chance(0.86) ? 'M' : 'F', rng.int(27, 56));
        const s = spouseOf(h);
        childrenOf(Math.min(h.age, s.age), childCount(), 'CHILD');
        break;
      }
      case 'SINGLE_PARENT': {
        const h = head(rng.chance(0.7) ? 'F' : 'M', rng.int(25, 55));
        childrenOf(h.age - (h.sex === 'F' ? 0 : rng.int(0, 5)), childCount(), 'CHILD');
        break;
      }
      case 'THREE_GEN': {
        if (rng.chance(0.5)) {
          // Middle-aged head with children and one or two parents (父母).
          const h = head(rng.chance(0.9) ? 'M' : 'F', rng.int(32, 55));
          const s = spouseOf(h);
          childrenOf(Math.min(h.age, s.age), childCount(), 'CHILD');
          const fatherAge = clampAge(h.age + rng.int(22, 34), h.age + 18, 96);
          if (rng.chance(0.55)) out.push({ relationship: 'PARENT', sex: 'M', age: fatherAge, group: g });
          out.push({ relationship: 'PARENT', sex: 'F', age: clampAge(fatherAge - rng.int(0, 5), h.age + 18, 96), group: g });
        } else {
          // Elderly head with a son, daughter-in-law and grandchildren (孙子女).
          const h = head('M', rng.int(58, 76));
          if (rng.chance(0.8)) spouseOf(h);
          const sonAge = h.age - rng.int(22, 32);
          out.push({ relationship: 'CHILD', sex: 'M', age: sonAge, group: g });
          const dilAge = clampAge(sonAge - 2 + rng.normal() * 2.5, 18, sonAge + 6);
          if (rng.chance(0.85)) out.push({ relationship: 'CHILD_IN_LAW', sex: 'F', age: dilAge, group: spouseGroup() });
          childrenOf(Math.min(sonAge, dilAge), childCount(), 'GRANDCHILD');
        }
        break;
      }
      case 'SKIP_GEN': {
        // Grandparents raising grandchildren while the parents work away.
        const h = head(rng.chance(0.55) ? 'M' : 'F', rng.int(56, 78));
        if (rng.chance(0.6)) spouseOf(h);
        const n = rng.int(1, 3);
        let age = rng.int(2, 16);
        for (let i = 0; i < n && age >= 0; i++) {
          out.push({ relationship: 'GRANDCHILD', sex: rng.chance(0.51) ? 'M' : 'F', age, group: g });
          age -= rng.int(1, 4);
        }
        break;
      }
    }

    // Names: children take their father's surname (the head's when he heads the household,
    // the husband's when the wife does, the mother's when she raises them alone);
    // grandchildren and the head's father take the head's.
    const headDraft = out[0]!;
    const birthYear = (age: number) => this.refYear - age;
    headDraft.name = personName(rng, headDraft.group, headDraft.sex, birthYear(headDraft.age), null);
    const headSurname = surnameOf(headDraft.name, headDraft.group);
    const spouse = out.find((d) => d.relationship === 'SPOUSE');
    if (spouse) spouse.name = personName(rng, spouse.group, spouse.sex, birthYear(spouse.age), null);
    const childSurname = headDraft.sex === 'F' && spouse ? surnameOf(spouse.name!, spouse.group) : headSurname;
    for (const d of out) {
      if (d.name) continue;
      let surname: string | null = null;
      if (d.relationship === 'CHILD') surname = childSurname;
      else if (d.relationship === 'GRANDCHILD' && headDraft.sex === 'M') surname = headSurname;
      else if (d.relationship === 'PARENT' && d.sex === 'M') surname = headSurname;
      d.name = personName(rng, d.group, d.sex, birthYear(d.age), surname);
    }
    return out.slice(0, 8);
  }

  private birthDate(age: number): string {
    // Subtracting less than a year keeps the age on the reference date exact.
    const y = this.refYear - age;
    const base = Date.UTC(y, Number(this.ref.slice(5, 7)) - 1, Number(this.ref.slice(8, 10)));
    return isoDate(base - this.rng.int(0, 364) * DAY_MS);
  }

  private idNumber(birthDate: string, sex: 'M' | 'F', historic: boolean): string {
    const code = historic ? (HISTORIC_ADDRESS_CODES[this.county.code] ?? this.county.code) : this.county.code;
    let date = birthDate;
    for (;;) {
      const key = code + date;
      const k = this.seqUsed.get(key) ?? 0;
      if (k < 500) {
        this.seqUsed.set(key, k + 1);
        // 500 sequences per parity; 37 is coprime to 500, so the first 500 are distinct.
        const slot = (hash32(key) + this.seqSalt + k * 37) % 500;
        return generateIdNumber(code, date, slot * 2 + (sex === 'M' ? 1 : 0));
      }
      date = isoDate(Date.parse(`${date}T00:00:00Z`) - DAY_MS); // all 500 used: a day earlier
    }
  }

  private person(d: Draft, zone: Zone, category: Category): GeneratedMember {
    const rng = this.rng;
    const age = d.age;
    const birthDate = this.birthDate(age);
    const historic = age >= 26 && this.county.code in HISTORIC_ADDRESS_CODES && rng.chance(0.12);
    const idNumber = this.idNumber(birthDate, d.sex, historic);
    const fragile = category === 'TEKUN' || (d.relationship === 'HEAD' && age < 60 && age >= 22 && rng.chance(0.15));

    // Health: serious illness (~4 %), disability (~7 %), chronic illness.
    const pSerious = (age < 18 ? 0.008 : age < 45 ? 0.02 : age < 60 ? 0.045 : 0.06) * (fragile ? 3 : 1);
    const pDisabled = (age < 18 ? 0.02 : age < 45 ? 0.04 : age < 60 ? 0.07 : 0.1) * (fragile ? 3 : 1);
    let seriousIllness: string | null = null;
    if (rng.chance(pSerious)) {
      seriousIllness = age < 14 && rng.chance(0.6) ? rng.pick(['白血病', '先天性心脏病'] as const) : rng.weighted(zone === 'PASTORAL' ? SERIOUS_ILLNESS_TABLE_PASTORAL : SERIOUS_ILLNESS_TABLE);
    }
    let disabilityCategory: GeneratedMember['disabilityCategory'] = null;
    let disabilityGrade: GeneratedMember['disabilityGrade'] = null;
    if (rng.chance(pDisabled)) {
      disabilityCategory = rng.weighted(DISABILITY_TABLE);
      disabilityGrade = Number(rng.weighted(GRADE_TABLE)) as 1 | 2 | 3 | 4;
    }
    const chronic = !seriousIllness && rng.chance(age < 45 ? 0.03 : age < 60 ? 0.15 : 0.35);
    const healthStatus: GeneratedMember['healthStatus'] = seriousIllness ? 'SERIOUS' : disabilityCategory ? 'DISABLED' : chronic ? 'CHRONIC' : 'HEALTHY';

    // Students by age.
    let studentStage: GeneratedMember['studentStage'] = 'NONE';
    if (age >= 3 && age <= 5) studentStage = rng.chance(0.75) ? 'PRESCHOOL' : 'NONE';
    else if (age >= 6 && age <= 11) studentStage = 'PRIMARY';
    else if (age >= 12 && age <= 14) studentStage = 'JUNIOR';
    else if (age >= 15 && age <= 17) studentStage = rng.weighted(STUDENT_15_17);
    else if (age >= 18 && age <= 22) studentStage = rng.weighted(STUDENT_18_22);
    else if (age >= 23 && age <= 26) studentStage = rng.weighted(STUDENT_23_26);
    if (seriousIllness && studentStage !== 'NONE' && age >= 15 && rng.chance(0.5)) studentStage = 'NONE';

    // Labour capacity by age and health.
    let labourCapacity: GeneratedMember['labourCapacity'];
    if (age < 16 || (studentStage !== 'NONE' && age < 18)) labourCapacity = 'NONE';
    else if (seriousIllness || (disabilityGrade !== null && disabilityGrade <= 2)) labourCapacity = 'NONE';
    else if (disabilityGrade !== null) labourCapacity = 'PARTIAL';
    else if (age >= 70) labourCapacity = rng.chance(0.7) ? 'NONE' : 'PARTIAL';
    else if (age >= 60) labourCapacity = rng.weighted(LABOUR_60_69);
    else if (chronic) labourCapacity = rng.chance(0.5) ? 'PARTIAL' : 'FULL';
    else labourCapacity = 'FULL';
    if (category === 'TEKUN' && d.relationship === 'HEAD' && age < 60) labourCapacity = 'NONE';

    // Employment.
    let employment: GeneratedMember['employment'];
    if (age < 16 || studentStage !== 'NONE' || labourCapacity === 'NONE') employment = 'NOT_APPLICABLE';
    else if (age >= 60) {
      if (zone === 'URBAN') employment = rng.weighted(EMPLOYMENT_TABLES.URBAN_ELDER);
      else employment = rng.chance(0.7) ? (zone === 'PASTORAL' ? 'HERDING' : 'FARMING') : 'NOT_APPLICABLE';
    } else if (zone === 'URBAN') {
      employment = rng.weighted(labourCapacity === 'PARTIAL' ? EMPLOYMENT_TABLES.URBAN_PARTIAL : EMPLOYMENT_TABLES.URBAN);
    } else if (zone === 'PASTORAL') {
      employment = rng.weighted(labourCapacity === 'PARTIAL' ? EMPLOYMENT_TABLES.PASTORAL_PARTIAL : EMPLOYMENT_TABLES.PASTORAL);
    } else {
      employment = rng.weighted(labourCapacity === 'PARTIAL' ? EMPLOYMENT_TABLES.FARMING_PARTIAL : EMPLOYMENT_TABLES.FARMING);
    }

    // Contacts: most heads and working-age adults have a mobile number; the head usually
    // has the account the allowance is paid into.
    const pPhone = age < 18 ? 0 : d.relationship === 'HEAD' ? (age >= 70 ? 0.7 : 0.95) : age < 65 ? 0.65 : 0.3;
    const bank = (d.relationship === 'HEAD' ? rng.chance(0.85) : age >= 18 && rng.chance(0.12)) ? bankAccount(rng) : null;
    return {
      name: d.name!,
      idNumber,
      sex: d.sex,
      birthDate,
      age,
      relationship: d.relationship,
      ethnicity: ETHNICITY_LABEL[d.group],
      phone: rng.chance(pPhone) ? phone(rng) : null,
      labourCapacity,
      healthStatus,
      seriousIllness,
      disabilityCategory,
      disabilityGrade,
      employment,
      studentStage,
      bankName: bank?.bankName ?? null,
      bankAccount: bank?.bankAccount ?? null,
      incomes: { wage: null, operating: null, property: null, transfer: null },
    };
  }

  /** Herd in sheep units of a herding household (set by assignIncomes, used by assets). */
  private herd: { yak: number; sheep: number; horse: number; units: number } | null = null;

  private assignIncomes(members: GeneratedMember[], zone: Zone, category: Category): void {
    const rng = this.rng;
    const f = INCOME_FACTOR[category];
    const round10 = (x: number) => Math.max(0, Math.round(x / 10) * 10);
    this.herd = null;
    const herders = members.filter((m) => m.employment === 'HERDING');
    if (herders.length > 0) {
      // Herd size varies a lot (log-normal); net operating income ≈ 120–220 yuan per sheep unit.
      const units = Math.round(Math.min(600, Math.max(6, rng.logNormal(category === 'DIBAO' ? 35 : 60, 0.75))));
      const yak = Math.round((units * rng.uniform(0.35, 0.75)) / SHEEP_UNITS.yak);
      const horse = units > 40 && rng.chance(0.4) ? rng.int(1, 2) : 0;
      const sheep = Math.max(0, units - yak * SHEEP_UNITS.yak - horse * SHEEP_UNITS.horse);
      this.herd = { yak, sheep, horse, units: yak * SHEEP_UNITS.yak + sheep + horse * SHEEP_UNITS.horse };
      const total = this.herd.units * rng.uniform(120, 220) * Math.max(f, 0.4);
      for (const m of herders) m.incomes.operating = round10(total / herders.length);
    }
    for (const m of members) {
      const inc = m.incomes;
      switch (m.employment) {
        case 'EMPLOYED':
          inc.wage = round10(rng.uniform(18_000, 36_000) * f);
          break;
        case 'FLEXIBLE':
          inc.wage = round10(rng.uniform(6_000, 18_000) * f);
          break;
        case 'MIGRANT':
          inc.wage = round10(rng.int(3, 10) * rng.uniform(2_500, 4_500) * f);
          break;
        case 'FARMING':
          inc.operating = round10(rng.uniform(1_500, 7_000) * Math.max(f, 0.4));
          break;
        case 'RETIRED':
          inc.transfer = round10(rng.uniform(18_000, 30_000));
          break;
        default:
          break;
      }
      if (inc.wage === 0) inc.wage = null;
      if (inc.operating === 0) inc.operating = null;
      // Residents' basic pension (about 180–260 yuan a month) and support from children.
      if (m.age >= 60 && m.employment !== 'RETIRED') {
        let t = 12 * rng.uniform(180, 260);
        if (rng.chance(0.2)) t += rng.uniform(600, 3_000);
        inc.transfer = round10(t);
      } else if (m.age >= 18 && rng.chance(0.05)) inc.transfer = round10(rng.uniform(500, 2_400));
      if (m.relationship === 'HEAD') {
        // Land transfer rent (农区), grassland lease (牧区), letting a room (城市).
        const p = zone === 'FARMING' ? 0.12 : zone === 'PASTORAL' ? 0.08 : 0.02;
        if (category !== 'TEKUN' && rng.chance(p)) {
          inc.property = round10(zone === 'FARMING' ? rng.uniform(300, 2_000) : zone === 'PASTORAL' ? rng.uniform(1_000, 6_000) : rng.uniform(1_200, 6_000));
        }
      }
    }
  }

  private assets(members: GeneratedMember[], zone: Zone, urbanRural: UrbanRural, category: Category): GeneratedAsset[] {
    const rng = this.rng;
    const head = members[0]!.idNumber;
    const out: GeneratedAsset[] = [];
    const round100 = (x: number) => Math.round(x / 100) * 100;
    // Housing
    if (urbanRural === 'URBAN') {
      if (rng.chance(0.45)) {
        const area = rng.int(35, 85);
        out.push({ assetType: 'HOUSE', description: rng.pick(['房改房', '商品住房', '拆迁安置房'] as const), quantity: area, unit: '平方米', valueYuan: round100(area * rng.uniform(3_000, 6_500)), details: { structure: '砖混' }, ownerIdNumber: head });
      }
    } else if (rng.chance(0.9)) {
      const area = zone === 'PASTORAL' ? rng.int(50, 100) : rng.int(60, 160);
      const description = zone === 'PASTORAL' ? '牧民定居点住房' : rng.pick(['自建砖木结构住房', '自建砖混结构住房', '易地搬迁安置房'] as const);
      out.push({ assetType: 'HOUSE', description, quantity: area, unit: '平方米', valueYuan: round100(area * rng.uniform(400, 1_000)), details: { structure: description.includes('砖木') ? '砖木' : '砖混' }, ownerIdNumber: head });
    }
    // Livestock, one record per species with its head count, as R25 reads a herd (P19 converts
    // each species to sheep units). The draws are made in the same order as before.
    const herd = (species: 'YAK' | 'CATTLE' | 'SHEEP' | 'HORSE', description: string, heads: number, valueYuan: number) => {
      if (heads > 0) out.push({ assetType: 'LIVESTOCK', description, quantity: heads, unit: LIVESTOCK_UNITS[species], valueYuan: round100(valueYuan), details: { species }, ownerIdNumber: head });
    };
    if (this.herd) {
      const { yak, sheep, horse } = this.herd;
      const yakValue = yak * rng.uniform(5_000, 8_000);
      const sheepValue = sheep * rng.uniform(800, 1_200);
      const horseValue = horse * rng.uniform(3_000, 6_000);
      herd('YAK', '牦牛', yak, yakValue);
      herd('SHEEP', '藏系绵羊', sheep, sheepValue);
      herd('HORSE', '马', horse, horseValue);
    } else if (zone === 'FARMING' && rng.chance(0.1)) {
      const cattle = rng.int(0, 3);
      const sheep = rng.int(5, 30);
      const cattleValue = cattle * rng.uniform(5_000, 9_000);
      const sheepValue = sheep * rng.uniform(800, 1_200);
      herd('CATTLE', '黄牛', cattle, cattleValue);
      herd('SHEEP', '绵羊', sheep, sheepValue);
    }
    // Vehicles (a few)
    const pVehicle = zone === 'PASTORAL' ? 0.25 : zone === 'FARMING' ? 0.1 : 0.04;
    if (category !== 'TEKUN' && rng.chance(pVehicle)) {
      const kind = zone === 'URBAN' ? '二手小型轿车' : rng.weighted(VEHICLE_TABLE);
      const value = kind === '摩托车' ? rng.uniform(3_000, 8_000) : kind === '农用三轮车' ? rng.uniform(5_000, 15_000) : rng.uniform(15_000, 60_000);
      const purpose = kind === '农用三轮车' ? 'AGRICULTURAL' : 'PERSONAL';
      out.push({ assetType: 'VEHICLE', description: kind, quantity: 1, unit: '辆', valueYuan: round100(value), details: { kind, purpose }, ownerIdNumber: head });
    }
    if (zone === 'FARMING' && category !== 'TEKUN' && rng.chance(0.06)) {
      out.push({ assetType: 'MACHINERY', description: rng.pick(['小型拖拉机', '微耕机', '旋耕机'] as const), quantity: 1, unit: '台', valueYuan: round100(rng.uniform(3_000, 15_000)), details: null, ownerIdNumber: head });
    }
    // Deposits
    if (rng.chance(category === 'TEKUN' ? 0.3 : 0.45)) {
      const amount = Math.min(80_000, Math.max(100, rng.logNormal(category === 'TEKUN' ? 1_500 : 3_000, 1)));
      const bank = members[0]!.bankName ?? BANKS[Number(rng.weighted(BANK_TABLE))]!.name;
      out.push({ assetType: 'DEPOSIT', description: `${bank}储蓄存款`, quantity: null, unit: null, valueYuan: Math.round(amount), details: { bank }, ownerIdNumber: head });
    }
    return out;
  }

  /** Earlier categories that ended before the current one began (some after a 渐退期). */
  private history(category: Category, categoryFrom: string): GeneratedCategoryHistory[] {
    const rng = this.rng;
    const out: GeneratedCategoryHistory[] = [];
    const dayBefore = isoDate(Date.parse(`${categoryFrom}T00:00:00Z`) - DAY_MS);
    const monthsBefore = (date: string, months: number) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - months);
      return isoDate(d.getTime());
    };
    const add = (c: Category, minMonths: number, reason: string, gradualExit: boolean) => {
      const latestStart = monthsBefore(dayBefore, minMonths);
      if (latestStart < '2019-01-01') return;
      out.push({ category: c, effectiveFrom: this.dateBetween('2019-01-01', latestStart), effectiveTo: dayBefore, reason, gradualExit });
    };
    const r = rng.next();
    if (category === 'DIBAO_EDGE' && r < 0.25) {
      add('DIBAO', 24, '家庭成员务工增收，人均收入超过低保标准；渐退期12个月期满后退出低保，转为低保边缘家庭', true);
    } else if (category === 'FANGFANPIN' && r < 0.1) {
      add('DIBAO', 24, '就业增收，低保渐退期满退出，纳入防止返贫动态监测', true);
    } else if (category === 'DIBAO' && r < 0.12) {
      add(rng.chance(0.6) ? 'DIBAO_EDGE' : 'RIGID_EXPENDITURE', 6, '家庭成员患重病，收入下降、支出增加，经核对认定为低保家庭', false);
    } else if (category === 'RIGID_EXPENDITURE' && r < 0.15) {
      add('OTHER', 6, '困难情形变化，转为刚性支出困难家庭', false);
    } else if (r > 0.97 && category !== 'TEKUN') {
      add('RIGID_EXPENDITURE', 6, '医疗费用经基本医保、大病保险和医疗救助报销后，刚性支出困难已缓解', false);
    }
    return out;
  }
}

/** Households of one county, one at a time. */
export function* generateCountyHouseholds(opts: CountyGenerateOptions): Generator<GeneratedHousehold> {
  const g = new CountyGenerator(opts);
  for (let i = 0; i < opts.count; i++) yield g.next();
}

/** Households of every county in turn (county 1 first), split by householdsPerCounty. */
export function* generateHouseholds(opts: GenerateRegistryOptions): Generator<GeneratedHousehold> {
  const counts = householdsPerCounty(opts.households, opts.counties);
  for (let i = 0; i < opts.counties.length; i++) {
    yield* generateCountyHouseholds({
      seed: opts.seed,
      county: opts.counties[i]!,
      count: counts[i]!,
      referenceDate: opts.referenceDate,
      householdNoPrefix: opts.householdNoPrefix,
      incomePeriod: opts.incomePeriod,
    });
  }
}

// ---------------------------------------------------------------------------------------
// Rows of the import template

/** The template's headers in order (import-template.ts writes the same, plus '*' on required ones). */
export const REGISTRY_HEADERS: readonly string[] = IMPORT_COLUMNS.map((c) => c.header);

const COLUMN_INDEX = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, i])) as Record<ImportColumnKey, number>;
/** Indexes of the money columns (written as numbers in .xlsx). */
export const MONEY_COLUMN_INDEXES: readonly number[] = (['incomeWage', 'incomeOperating', 'incomeProperty', 'incomeTransfer'] as const).map((k) => COLUMN_INDEX[k]);

const money = (v: number | null) => (v === null ? '' : String(v));

/** One row per member, in header order; household fields on every row, categories on the head's row. */
export function householdRows(h: GeneratedHousehold): string[][] {
  const width = IMPORT_COLUMNS.length;
  return h.members.map((m) => {
    const row = new Array<string>(width).fill('');
    const set = (k: ImportColumnKey, v: string) => {
      row[COLUMN_INDEX[k]] = v;
    };
    set('householdNo', h.householdNo);
    set('regionCode', h.regionCode);
    set('address', h.address);
    set('urbanRural', URBAN_RURAL_LABELS[h.urbanRural]);
    set('name', m.name);
    set('idNumber', m.idNumber);
    set('relationship', RELATIONSHIP_LABELS[m.relationship]);
    set('sex', m.sex === 'M' ? '男' : '女');
    set('birthDate', m.birthDate);
    set('ethnicity', m.ethnicity);
    set('phone', m.phone ?? '');
    set('labourCapacity', LABOUR_CAPACITY_LABELS[m.labourCapacity]);
    set('healthStatus', HEALTH_LABELS[m.healthStatus]);
    set('seriousIllness', m.seriousIllness ?? '');
    set('disabilityCategory', m.disabilityCategory ? DISABILITY_CATEGORY_LABELS[m.disabilityCategory] : '');
    set('disabilityGrade', m.disabilityGrade ? DISABILITY_GRADE_LABELS[String(m.disabilityGrade) as '1'] : '');
    set('employment', EMPLOYMENT_LABELS[m.employment]);
    set('studentStage', STUDENT_STAGE_LABELS[m.studentStage]);
    set('bankName', m.bankName ?? '');
    set('bankAccount', m.bankAccount ?? '');
    if (m.relationship === 'HEAD') {
      set('categories', h.categories.map((c) => CATEGORY_LABELS[c]).join('、'));
      set('categoryFrom', h.categoryFrom);
    }
    set('incomeWage', money(m.incomes.wage));
    set('incomeOperating', money(m.incomes.operating));
    set('incomeProperty', money(m.incomes.property));
    set('incomeTransfer', money(m.incomes.transfer));
    set('incomeStart', h.incomeStart);
    set('incomeEnd', h.incomeEnd);
    return row;
  });
}

/** The registry as template rows (header not included), streamed. */
export function* generateRegistryRows(opts: GenerateRegistryOptions): Generator<string[]> {
  for (const h of generateHouseholds(opts)) yield* householdRows(h);
}

/** Rows of many households, streamed. */
export function* rowsOf(households: Iterable<GeneratedHousehold>): Generator<string[]> {
  for (const h of households) yield* householdRows(h);
}

// ---------------------------------------------------------------------------------------
// Writers

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(row: readonly string[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i ? ',' : '') + csvCell(row[i]!);
  return line + '\r\n';
}

/** A whole CSV file in memory (UTF-8 with BOM, header first): for chunks of a few ten thousand rows. */
export function registryCsv(rows: Iterable<readonly string[]>): { content: Buffer; rows: number } {
  const parts: string[] = ['\uFEFF' + csvLine(REGISTRY_HEADERS)];
  let n = 0;
  for (const r of rows) {
    parts.push(csvLine(r));
    n += 1;
  }
  return { content: Buffer.from(parts.join(''), 'utf8'), rows: n };
}

/** Stream rows to a CSV file (UTF-8 with BOM, header first), ~1 MB per write. Returns the row count. */
export async function writeRegistryCsv(rows: Iterable<readonly string[]>, filePath: string): Promise<number> {
  const out = createWriteStream(filePath);
  let buf = '\uFEFF' + csvLine(REGISTRY_HEADERS);
  let n = 0;
  try {
    for (const r of rows) {
      buf += csvLine(r);
      n += 1;
      if (buf.length >= 1 << 19) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    throw e;
  }
  return n;
}

/**
 * Stream rows to an .xlsx file with exceljs' streaming WorkbookWriter (no shared strings,
 * no styles). Identity numbers and account numbers stay text; money columns become numbers.
 */
export async function writeRegistryXlsx(rows: Iterable<readonly string[]>, filePath: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('导入数据');
  ws.addRow([...REGISTRY_HEADERS]).commit();
  let n = 0;
  for (const r of rows) {
    const cells: (string | number | null)[] = r.map((v) => (v === '' ? null : v));
    for (const i of MONEY_COLUMN_INDEXES) if (r[i]) cells[i] = Number(r[i]);
    ws.addRow(cells).commit();
    n += 1;
  }
  ws.commit();
  await wb.commit();
  return n;
}
