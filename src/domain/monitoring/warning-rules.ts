/**
 * 预警规则 (issue 4 §3, POLICY.md R81/P35): the catalogue of rule KINDS, each with a
 * parameter spec, and a pure evaluator. A rule (a row of `warning_rules`) is a kind plus
 * its parameters; officials edit the parameters, the logic lives here.
 *
 * A rule is evaluated for one SUBJECT: a household (its facts as the policy engine sees
 * them) and, for person-level kinds, one of its members, together with the department
 * records (dept_records) of that person — or of every member, for household-level kinds —
 * dated within the kind's window. Pure: `today` and the P01 standard come in the subject.
 *
 * The merge key (`causeKey`) is `${rule.code}:${personId|householdId}`: a repeat of the
 * same cause merges into the open clue. Only where a new event is genuinely a new cause is
 * a suffix added (a second disaster date; another department's flag).
 */
import type { HouseholdFacts, IncomeFact, MemberFacts } from '../policy/assessment.types.js';
import { formatYuan } from '../policy/money.js';
import { DISABILITY_CATEGORY_LABELS, isSevereDisability } from '../registry/codes.js';
import type { Violation } from '../errors.js';
import type { ClueLevel, ClueOutcome, TargetCategory } from './clue.types.js';
import { CLUE_LEVEL_LABELS, TARGET_CATEGORY_LABELS } from './clue.types.js';

// ---------------------------------------------------------------------------------------
// Shapes

/** One department record of the subject (a matched row of dept_records). */
export interface DeptRecordFact {
  id: string;
  sourceCode: string;
  personId: string | null;
  /** the date the record is about; null → the date it was received */
  eventDate: string | null;
  amountFen: number | null;
  data: Record<string, unknown>;
  /** 'YYYY-MM-DD' (Asia/Shanghai) the record was received */
  receivedOn: string;
}

export interface RuleSubject {
  household: HouseholdFacts;
  /** benefit_statuses.status of the household (ACTIVE / GRADUAL_EXIT / STOPPED) or null */
  benefitStatus: string | null;
  /** the member evaluated (person-level kinds); null for household-level kinds */
  person: MemberFacts | null;
  /** records of `person`, or of every member for household-level kinds (any window: filtered here) */
  records: DeptRecordFact[];
  /** evaluation date (Asia/Shanghai) */
  today: string;
  /** P01 monthly standard (fen/person/month) in force for the household; null when not configured */
  dibaoStandardFen: number | null;
}

export interface WarningRuleDef {
  id: string;
  code: string;
  name: string;
  kind: string;
  params: Record<string, unknown>;
  level: string;
  targetCategory: string;
  deadlineWorkingDays: number;
}

export interface RuleEvaluation {
  fire: boolean;
  causeKey: string;
  title: string;
  description: string;
  evidence: Record<string, unknown>;
  /** a level chosen by the record (DEPT_FLAG), else the rule's */
  level?: ClueLevel;
  /** why a rule that applied did not fire (for logs), e.g. P01 not configured */
  reason?: string;
}

export type ParamSpec =
  | { type: 'FEN'; label: string; min: number }
  | { type: 'INT'; label: string; min: number; max: number }
  | { type: 'SHARE'; label: string; min: number; max: number }
  | { type: 'ENUM'; label: string; options: readonly string[]; optionLabels: Record<string, string> };

export interface RuleKindSpec {
  label: string;
  /** PERSON: evaluated per member; HOUSEHOLD: once per household */
  subject: 'PERSON' | 'HOUSEHOLD';
  sources: readonly string[];
  params: Readonly<Record<string, ParamSpec>>;
  /** months of department records the kind looks at */
  windowMonths: (params: Record<string, unknown>) => number;
}

// ---------------------------------------------------------------------------------------
// Department fields read by the rules: our name → the field key of sources.ts (DEPT_SOURCES)

export const SOURCE_FIELDS = {
  MEDICAL_SETTLEMENT: { outOfPocketFen: 'outOfPocketFen', settlementDate: 'settlementDate', visitType: 'visitType' },
  PS_DEATH: { deathDate: 'deathDate' },
  DISABILITY_CERT: { category: 'disabilityCategory', grade: 'disabilityGrade', certStatus: 'certStatus' },
  SERIOUS_ILLNESS: { illness: 'diseaseName' },
  DISASTER_LOSS: { lossFen: 'lossFen', disasterDate: 'disasterDate', disasterType: 'disasterType' },
  /** registrationType: UNEMPLOYED / BENEFIT_START / BENEFIT_END (still unemployed) / EMPLOYED */
  HRSS_EMPLOYMENT: { status: 'registrationType' },
  /** monitorStatus: MONITORED / RISK_ELIMINATED */
  FANGFANPIN: { monitorType: 'monitorType', status: 'monitorStatus' },
  DEPT_FLAG: { reason: 'reason', level: 'level', department: 'department' },
  VEHICLE: { valueFen: 'priceFen', plateNo: 'plateNo' },
  BUSINESS_REG: { entityName: 'entityName', status: 'entityStatus' },
  REAL_ESTATE: { certNo: 'certNo', location: 'location', usage: 'usage' },
  TAX_INCOME: { incomeFen: 'incomeFen', periodEnd: 'periodEnd' },
} as const;

// ---------------------------------------------------------------------------------------
// Catalogue

const POPULATION: ParamSpec = {
  type: 'ENUM',
  label: '适用人群',
  options: ['ALL', 'LOW_INCOME', 'OTHER'],
  optionLabels: { ALL: '全部人员', LOW_INCOME: '监测对象和低收入人口', OTHER: '其他居民（非低收入人口）' },
};
const months = (label = '统计月数'): ParamSpec => ({ type: 'INT', label, min: 1, max: 36 });
const fixed = (n: number) => () => n;
const monthsParam = (p: Record<string, unknown>) => (typeof p.months === 'number' ? p.months : 12);

/** Window of event kinds: a record older than this no longer raises a clue. */
export const EVENT_WINDOW_MONTHS = 12;

export const RULE_KINDS = {
  MEDICAL_OOP_ABOVE_AMOUNT: {
    label: '医疗自付累计超过金额',
    subject: 'PERSON',
    sources: ['MEDICAL_SETTLEMENT'],
    params: { amountFen: { type: 'FEN', label: '自付金额阈值（元）', min: 1 }, months: months() },
    windowMonths: monthsParam,
  },
  MEDICAL_SINGLE_STAY_ABOVE: {
    label: '单次住院自付超过金额',
    subject: 'PERSON',
    sources: ['MEDICAL_SETTLEMENT'],
    params: { amountFen: { type: 'FEN', label: '单次自付阈值（元）', min: 1 }, population: POPULATION },
    windowMonths: fixed(EVENT_WINDOW_MONTHS),
  },
  MEDICAL_OOP_SHARE_OF_INCOME: {
    label: '家庭医疗自付占年收入比例过高',
    subject: 'HOUSEHOLD',
    sources: ['MEDICAL_SETTLEMENT'],
    params: { share: { type: 'SHARE', label: '占家庭年收入比例', min: 0.01, max: 10 }, months: months() },
    windowMonths: monthsParam,
  },
  RECIPIENT_MEMBER_DEATH: { label: '救助对象家庭成员死亡', subject: 'PERSON', sources: ['PS_DEATH'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  MAIN_EARNER_DEATH: { label: '家庭主要劳动力死亡', subject: 'PERSON', sources: ['PS_DEATH'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  NEW_SEVERE_DISABILITY: { label: '新办重度残疾证', subject: 'PERSON', sources: ['DISABILITY_CERT'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  SERIOUS_ILLNESS_DIAGNOSED: { label: '新确诊重特大疾病', subject: 'PERSON', sources: ['SERIOUS_ILLNESS'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  DISASTER_LOSS: {
    label: '家庭受灾损失',
    subject: 'HOUSEHOLD',
    sources: ['DISASTER_LOSS'],
    params: { minLossFen: { type: 'FEN', label: '最低损失金额（元，0 = 列入受灾名单即预警）', min: 0 } },
    windowMonths: fixed(EVENT_WINDOW_MONTHS),
  },
  MAIN_EARNER_UNEMPLOYED: { label: '主要劳动力登记失业', subject: 'PERSON', sources: ['HRSS_EMPLOYMENT'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  FANGFANPIN_OBJECT: { label: '新纳入防返贫监测', subject: 'HOUSEHOLD', sources: ['FANGFANPIN'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  DEPT_FLAG: { label: '部门预警标识', subject: 'PERSON', sources: ['DEPT_FLAG'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  RECIPIENT_VEHICLE: {
    label: '救助对象购置车辆',
    subject: 'PERSON',
    sources: ['VEHICLE'],
    params: { maxValueFen: { type: 'FEN', label: '车辆价值上限（元，0 = 任何车辆）', min: 0 } },
    windowMonths: fixed(EVENT_WINDOW_MONTHS),
  },
  RECIPIENT_BUSINESS: { label: '救助对象注册经营主体', subject: 'PERSON', sources: ['BUSINESS_REG'], params: {}, windowMonths: fixed(EVENT_WINDOW_MONTHS) },
  RECIPIENT_REAL_ESTATE: {
    label: '救助对象新增不动产',
    subject: 'HOUSEHOLD',
    sources: ['REAL_ESTATE'],
    params: { maxDwellings: { type: 'INT', label: '允许的住房套数', min: 0, max: 10 } },
    windowMonths: fixed(EVENT_WINDOW_MONTHS),
  },
  RECIPIENT_INCOME_ABOVE_STANDARD: {
    label: '救助对象纳税收入超过低保标准',
    subject: 'HOUSEHOLD',
    sources: ['TAX_INCOME'],
    params: {},
    windowMonths: fixed(12),
  },
} as const satisfies Record<string, RuleKindSpec>;

export type RuleKind = keyof typeof RULE_KINDS;
export const RULE_KIND_CODES = Object.keys(RULE_KINDS) as RuleKind[];

export function isRuleKind(k: string): k is RuleKind {
  return Object.hasOwn(RULE_KINDS, k);
}

export function kindSpec(kind: string): RuleKindSpec | null {
  return isRuleKind(kind) ? (RULE_KINDS[kind] as RuleKindSpec) : null;
}

/** Outcomes of a closed clue that count as "led to assistance or a change" (precision numerator). */
export const CONFIRMED_OUTCOMES: readonly ClueOutcome[] = ['DIBAO', 'TEKUN', 'TEMPORARY', 'REFERRED', 'MONITORING', 'RISK_ELIMINATED'];

/** Precision of a rule over its closed clues: not excluded / closed (same as the monitoring board); null when none closed. */
export function precisionOf(closed: number, excluded: number): number | null {
  return closed > 0 ? (closed - excluded) / closed : null;
}

// ---------------------------------------------------------------------------------------
// Parameters

/** Check a rule's parameters against its kind's spec; paths are `params.<name>`. */
export function validateRuleParams(kind: string, params: Record<string, unknown>): Violation[] {
  const spec = kindSpec(kind);
  if (!spec) return [{ path: 'kind', code: 'MONITORING_RULE_KIND_UNKNOWN', params: { kind } }];
  const out: Violation[] = [];
  const bad = (name: string, label: string, problem: string) =>
    out.push({ path: `params.${name}`, code: 'MONITORING_RULE_PARAM_INVALID', params: { field: label, problem } });
  for (const [name, p] of Object.entries(spec.params)) {
    const v = params[name];
    if (p.type === 'ENUM') {
      if (typeof v !== 'string' || !p.options.includes(v)) bad(name, p.label, `应为：${p.options.map((o) => p.optionLabels[o]).join('、')}`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      bad(name, p.label, '请填写数值');
      continue;
    }
    if ((p.type === 'FEN' || p.type === 'INT') && !Number.isInteger(v)) bad(name, p.label, '应为整数');
    else if (v < p.min) bad(name, p.label, `不能小于${p.type === 'FEN' ? yuan(p.min) : p.min}`);
    else if (p.type !== 'FEN' && v > p.max) bad(name, p.label, `不能大于${p.max}`);
  }
  for (const name of Object.keys(params)) if (!(name in spec.params)) bad(name, name, '该规则没有这个参数');
  return out;
}

// ---------------------------------------------------------------------------------------
// Helpers (pure)

const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** `today` minus `n` calendar months (day clamped), e.g. ('2026-03-31', 1) → '2026-02-28'. */
export function monthsBefore(today: string, n: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) - n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** '1,234.56元' (a fraction of a fen, as from a ratio, rounded first). */
export function yuan(fen: number): string {
  return formatYuan(Math.round(fen));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** The date a record is about: eventDate, else the date it was received. */
export function recordDate(r: DeptRecordFact): string {
  return r.eventDate ?? r.receivedOn;
}

function inWindow(records: DeptRecordFact[], source: string, today: string, windowMonths: number): DeptRecordFact[] {
  const from = monthsBefore(today, windowMonths);
  return records
    .filter((r) => r.sourceCode === source && recordDate(r) > from && recordDate(r) <= today)
    .sort((a, b) => (recordDate(a) < recordDate(b) ? -1 : recordDate(a) > recordDate(b) ? 1 : a.id < b.id ? -1 : 1));
}

const field = <S extends keyof typeof SOURCE_FIELDS>(r: DeptRecordFact, source: S, key: keyof (typeof SOURCE_FIELDS)[S]) =>
  r.data[SOURCE_FIELDS[source][key] as string];

/** Out-of-pocket part of a medical settlement: its field, else the record's amount. */
function outOfPocketFen(r: DeptRecordFact): number {
  return num(field(r, 'MEDICAL_SETTLEMENT', 'outOfPocketFen')) ?? r.amountFen ?? 0;
}

/** A household paid 低保/特困 now: the category (household or person), or an active benefit status. */
export function isCurrentRecipient(s: Pick<RuleSubject, 'household' | 'benefitStatus'>): boolean {
  const h = s.household;
  if (h.categories.includes('DIBAO') || h.categories.includes('TEKUN')) return true;
  if (h.members.some((m) => m.personCategories.includes('TEKUN') || m.personCategories.includes('DIBAO'))) return true;
  return s.benefitStatus === 'ACTIVE' || s.benefitStatus === 'GRADUAL_EXIT';
}

/** 监测对象和低收入人口: any low-income category or a current recipient. */
export function isLowIncome(s: Pick<RuleSubject, 'household' | 'benefitStatus'>): boolean {
  return s.household.categories.length > 0 || isCurrentRecipient(s);
}

/** Income of an item falling in the 12 months up to `today`: its amount × overlapping days / its days. */
function incomeInLastYear(i: IncomeFact, today: string): number {
  const from = t(monthsBefore(today, 12)) + DAY;
  const to = t(today);
  const s = t(i.periodStart);
  const e = t(i.periodEnd);
  const days = Math.round((e - s) / DAY) + 1;
  const overlap = Math.round((Math.min(e, to) - Math.max(s, from)) / DAY) + 1;
  if (days <= 0 || overlap <= 0) return 0;
  return (i.amountFen * Math.min(overlap, days)) / days;
}

const counted = (h: HouseholdFacts) => h.members.filter((m) => !m.exclusion);

/** Household income of the last 12 months from the registry (counted members and household-level items). */
export function annualHouseholdIncomeFen(h: HouseholdFacts, today: string): number {
  const ids = new Set(counted(h).map((m) => m.personId));
  let sum = 0;
  for (const i of h.incomes) if (i.personId === null || ids.has(i.personId)) sum += incomeInLastYear(i, today);
  return Math.round(sum);
}

/** 主要劳动力: the counted member with the highest registry income of the last 12 months, else the head. */
export function mainEarnerOf(h: HouseholdFacts, today: string): MemberFacts | null {
  let best: MemberFacts | null = null;
  let bestFen = 0;
  for (const m of counted(h)) {
    let fen = 0;
    for (const i of h.incomes) if (i.personId === m.personId) fen += incomeInLastYear(i, today);
    if (fen > bestFen) {
      best = m;
      bestFen = fen;
    }
  }
  return best ?? h.members.find((m) => m.relationship === 'HEAD') ?? null;
}

const ids = (rs: DeptRecordFact[]) => rs.map((r) => r.id);
const LEVELS = Object.keys(CLUE_LEVEL_LABELS) as ClueLevel[];

// ---------------------------------------------------------------------------------------
// Evaluation

/**
 * Evaluate one rule for one subject. null: the rule does not apply (no record of its source
 * in the window, wrong population, wrong subject level); `fire: false` with a `reason`: it
 * applied but the threshold was not reached or a parameter is missing.
 */
export function evaluateRule(rule: WarningRuleDef, subject: RuleSubject): RuleEvaluation | null {
  const spec = kindSpec(rule.kind);
  if (!spec) return null;
  const person = subject.person;
  if ((spec.subject === 'PERSON') !== (person !== null)) return null;
  const h = subject.household;
  const today = subject.today;
  const p = rule.params;
  const win = spec.windowMonths(p);
  const from = monthsBefore(today, win);
  const key = `${rule.code}:${person ? person.personId : h.householdId}`;
  const who = person ? person.name : `户${h.householdNo}`;
  const result = (fire: boolean, title: string, description: string, evidence: Record<string, unknown>, extra: Partial<RuleEvaluation> = {}): RuleEvaluation => ({
    fire,
    causeKey: extra.causeKey ?? key,
    title,
    description,
    evidence: { ruleCode: rule.code, kind: rule.kind, window: { from, to: today }, ...evidence },
    ...(extra.level ? { level: extra.level } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
  });
  const source = (s: string) => inWindow(subject.records, s, today, win);

  switch (rule.kind as RuleKind) {
    case 'MEDICAL_OOP_ABOVE_AMOUNT': {
      const rs = source('MEDICAL_SETTLEMENT');
      if (rs.length === 0) return null;
      const amount = num(p.amountFen) ?? 0;
      const sum = rs.reduce((a, r) => a + outOfPocketFen(r), 0);
      const fire = sum > amount;
      return result(
        fire,
        `${who}医疗自付费用${win}个月累计 ${yuan(sum)}，${fire ? '超过' : '未超过'} ${yuan(amount)}`,
        `医保结算${rs.length}笔（${from} 后至 ${today}），个人自付合计 ${yuan(sum)}；阈值 ${yuan(amount)}。须入户核实是否需要医疗救助或临时救助。`,
        { recordIds: ids(rs), outOfPocketFen: sum, thresholdFen: amount, settlements: rs.length },
        fire ? {} : { reason: 'below threshold' },
      );
    }
    case 'MEDICAL_SINGLE_STAY_ABOVE': {
      const pop = p.population ?? 'ALL';
      if (pop === 'LOW_INCOME' && !isLowIncome(subject)) return null;
      if (pop === 'OTHER' && isLowIncome(subject)) return null;
      // A stay: an inpatient settlement (records without a visit type are taken as stays).
      const rs = source('MEDICAL_SETTLEMENT').filter((r) => (str(field(r, 'MEDICAL_SETTLEMENT', 'visitType')) ?? 'INPATIENT') === 'INPATIENT');
      if (rs.length === 0) return null;
      const amount = num(p.amountFen) ?? 0;
      const over = rs.filter((r) => outOfPocketFen(r) > amount);
      if (over.length === 0) return result(false, '', '', { recordIds: ids(rs) }, { reason: 'below threshold' });
      const top = over.reduce((a, r) => (outOfPocketFen(r) > outOfPocketFen(a) ? r : a));
      return result(
        true,
        `${who}单次住院自付 ${yuan(outOfPocketFen(top))}，超过 ${yuan(amount)}`,
        `${over.length}次住院结算个人自付超过 ${yuan(amount)}（最高一次 ${recordDate(top)}，${yuan(outOfPocketFen(top))}）。须入户核实是否需要医疗救助或临时救助。`,
        { recordIds: ids(over), maxOutOfPocketFen: outOfPocketFen(top), thresholdFen: amount },
      );
    }
    case 'MEDICAL_OOP_SHARE_OF_INCOME': {
      const rs = source('MEDICAL_SETTLEMENT');
      if (rs.length === 0) return null;
      const share = num(p.share) ?? 1;
      const oop = rs.reduce((a, r) => a + outOfPocketFen(r), 0);
      const income = annualHouseholdIncomeFen(h, today);
      const fire = oop > 0 && oop >= share * income;
      const ratio = income > 0 ? oop / income : null;
      return result(
        fire,
        `户${h.householdNo}医疗自付 ${yuan(oop)}，占家庭年收入 ${ratio === null ? '（无登记收入）' : pct(ratio)}，${fire ? '达到' : '未达到'} ${pct(share)}`,
        `家庭成员${win}个月医保个人自付合计 ${yuan(oop)}；家庭年收入 ${yuan(income)}，按档案登记的收入在近12个月内的天数折算（共同生活成员及家庭经营收入）。比例阈值 ${pct(share)}。`,
        { recordIds: ids(rs), outOfPocketFen: oop, annualIncomeFen: income, share: ratio, thresholdShare: share, incomeBasis: '档案登记收入按近12个月折算' },
        fire ? {} : { reason: 'below share' },
      );
    }
    case 'RECIPIENT_MEMBER_DEATH': {
      const rs = source('PS_DEATH');
      if (rs.length === 0 || !isCurrentRecipient(subject)) return null;
      const d = str(field(rs[0]!, 'PS_DEATH', 'deathDate')) ?? recordDate(rs[0]!);
      return result(
        true,
        `救助对象家庭成员${who}已死亡（${d}），需停发或复核待遇`,
        `公安户籍数据显示${who}于${d}死亡；其家庭为低保/特困救助对象。须核实后停发本人待遇或调整家庭保障人口。`,
        { recordIds: ids(rs), deathDate: d },
      );
    }
    case 'MAIN_EARNER_DEATH': {
      const rs = source('PS_DEATH');
      if (rs.length === 0) return null;
      if (mainEarnerOf(h, today)?.personId !== person!.personId) return null;
      const d = str(field(rs[0]!, 'PS_DEATH', 'deathDate')) ?? recordDate(rs[0]!);
      return result(
        true,
        `家庭主要劳动力${who}死亡（${d}）`,
        `公安户籍数据显示家庭主要劳动力${who}于${d}死亡，家庭收入可能大幅下降。须入户核实是否需要低保、临时救助等。`,
        { recordIds: ids(rs), deathDate: d },
      );
    }
    case 'NEW_SEVERE_DISABILITY': {
      const rs = source('DISABILITY_CERT').filter(
        (r) =>
          str(field(r, 'DISABILITY_CERT', 'certStatus')) !== 'CANCELLED' &&
          isSevereDisability(str(field(r, 'DISABILITY_CERT', 'category')), num(field(r, 'DISABILITY_CERT', 'grade'))),
      );
      if (rs.length === 0) return null;
      if (person!.personCategories.includes('TEKUN')) return result(false, '', '', { recordIds: ids(rs) }, { reason: 'already TEKUN' });
      const r = rs.at(-1)!;
      const grade = num(field(r, 'DISABILITY_CERT', 'grade'));
      const cat = str(field(r, 'DISABILITY_CERT', 'category'));
      const catName = cat ? (DISABILITY_CATEGORY_LABELS as Record<string, string>)[cat] ?? cat : '';
      return result(
        true,
        `${who}新办${grade}级残疾证（${catName}），需核查单人保或特困资格`,
        `残联数据显示${who}于${recordDate(r)}办理${grade}级残疾证。重度残疾人可单独纳入低保（单人保）或认定特困，须入户核查。`,
        { recordIds: ids(rs), grade, category: cat },
      );
    }
    case 'SERIOUS_ILLNESS_DIAGNOSED': {
      const rs = source('SERIOUS_ILLNESS');
      if (rs.length === 0) return null;
      const illness = str(field(rs.at(-1)!, 'SERIOUS_ILLNESS', 'illness')) ?? '重特大疾病';
      return result(
        true,
        `${who}新确诊${illness}`,
        `卫健数据显示${who}于${recordDate(rs.at(-1)!)}确诊${illness}。须入户核实医疗费用负担和家庭生活状况。`,
        { recordIds: ids(rs), illness },
      );
    }
    case 'DISASTER_LOSS': {
      const rs = source('DISASTER_LOSS');
      if (rs.length === 0) return null;
      const min = num(p.minLossFen) ?? 0;
      const byDate = new Map<string, { loss: number; recs: DeptRecordFact[] }>();
      for (const r of rs) {
        const d = str(field(r, 'DISASTER_LOSS', 'disasterDate')) ?? recordDate(r);
        const loss = num(field(r, 'DISASTER_LOSS', 'lossFen')) ?? r.amountFen ?? 0;
        const e = byDate.get(d) ?? { loss: 0, recs: [] };
        // Several members may be listed for one disaster: the household's loss is the largest reported.
        e.loss = Math.max(e.loss, loss);
        e.recs.push(r);
        byDate.set(d, e);
      }
      const hits = [...byDate.entries()].filter(([, e]) => e.loss >= min).sort(([a], [b]) => (a < b ? -1 : 1));
      if (hits.length === 0) return result(false, '', '', { recordIds: ids(rs) }, { reason: 'below loss' });
      const [d, e] = hits.at(-1)!;
      return result(
        true,
        `户${h.householdNo}受灾（${d}），损失 ${yuan(e.loss)}`,
        `应急管理部门数据显示该户于${d}受灾，损失 ${yuan(e.loss)}${min > 0 ? `（阈值 ${yuan(min)}）` : ''}。须入户核实是否需要临时救助。`,
        { recordIds: ids(e.recs), disasterDate: d, lossFen: e.loss, thresholdFen: min },
        // A second disaster is a new cause, not a repeat of the first.
        { causeKey: `${key}:${d}` },
      );
    }
    case 'MAIN_EARNER_UNEMPLOYED': {
      const rs = source('HRSS_EMPLOYMENT');
      if (rs.length === 0) return null;
      const latest = rs.at(-1)!;
      // The latest registration decides: 失业登记 / 领取或停发失业保险金 = unemployed; 就业登记 ends it.
      const status = str(field(latest, 'HRSS_EMPLOYMENT', 'status'));
      if (status === null || status === 'EMPLOYED') return null;
      if (mainEarnerOf(h, today)?.personId !== person!.personId) return null;
      return result(
        true,
        `家庭主要劳动力${who}登记失业（${recordDate(latest)}）`,
        `人社数据显示${who}于${recordDate(latest)}登记失业；其为家庭收入最高的成员（无登记收入时为户主）。须入户核实家庭收入变化。`,
        { recordIds: [latest.id], registrationType: status },
      );
    }
    case 'FANGFANPIN_OBJECT': {
      const rs = source('FANGFANPIN');
      if (rs.length === 0) return null;
      const latest = rs.at(-1)!;
      // The batch itself adds the FANGFANPIN category, so the category says nothing about newness;
      // a handled record is not raised again (raiseClues skips evidence a closed clue already had).
      if (str(field(latest, 'FANGFANPIN', 'status')) !== 'MONITORED') return null;
      const type = str(field(latest, 'FANGFANPIN', 'monitorType'));
      return result(
        true,
        `户${h.householdNo}新纳入防止返贫监测${type ? `（${type}）` : ''}`,
        `农业农村部门数据显示该户于${recordDate(latest)}纳入防止返贫监测。须核查是否符合低保、特困或其他救助条件（R78）。`,
        { recordIds: [latest.id], monitorType: type },
      );
    }
    case 'DEPT_FLAG': {
      const rs = source('DEPT_FLAG');
      if (rs.length === 0) return null;
      const latest = rs.at(-1)!;
      const dept = str(field(latest, 'DEPT_FLAG', 'department')) ?? '部门';
      const reason = str(field(latest, 'DEPT_FLAG', 'reason')) ?? '';
      const lv = str(field(latest, 'DEPT_FLAG', 'level'));
      const level = lv && (LEVELS as string[]).includes(lv) ? (lv as ClueLevel) : undefined;
      return result(
        true,
        `${dept}预警：${who}${reason ? `，${reason}` : ''}`,
        `${dept}于${recordDate(latest)}对${who}作出预警标识${reason ? `：${reason}` : ''}。须实地调查后再作救助决定（R81）。`,
        { recordIds: rs.filter((r) => str(field(r, 'DEPT_FLAG', 'department')) === str(field(latest, 'DEPT_FLAG', 'department'))).map((r) => r.id), department: dept, reason },
        // Another department's flag is another cause.
        { causeKey: `${key}:${dept}`, ...(level ? { level } : {}) },
      );
    }
    case 'RECIPIENT_VEHICLE': {
      if (!isCurrentRecipient(subject)) return null;
      const rs = source('VEHICLE');
      if (rs.length === 0) return null;
      const max = num(p.maxValueFen) ?? 0;
      const over = rs.filter((r) => (num(field(r, 'VEHICLE', 'valueFen')) ?? r.amountFen ?? 0) > max || max === 0);
      if (over.length === 0) return result(false, '', '', { recordIds: ids(rs) }, { reason: 'below value' });
      const value = Math.max(...over.map((r) => num(field(r, 'VEHICLE', 'valueFen')) ?? r.amountFen ?? 0));
      return result(
        true,
        `救助对象${who}名下登记车辆${value > 0 ? `（价值 ${yuan(value)}）` : ''}，疑似不符合条件`,
        `公安交管数据显示${who}名下新登记车辆${over.length}辆${max > 0 ? `，价值超过 ${yuan(max)}` : ''}。须复核其家庭是否仍符合救助条件。`,
        { recordIds: ids(over), valueFen: value, thresholdFen: max },
      );
    }
    case 'RECIPIENT_BUSINESS': {
      if (!isCurrentRecipient(subject)) return null;
      const rs = source('BUSINESS_REG').filter((r) => !['CANCELLED', 'REVOKED'].includes(str(field(r, 'BUSINESS_REG', 'status')) ?? ''));
      if (rs.length === 0) return null;
      const names = [...new Set(rs.map((r) => str(field(r, 'BUSINESS_REG', 'entityName'))).filter(Boolean))];
      return result(
        true,
        `救助对象${who}登记经营主体，疑似不符合条件`,
        `市场监管数据显示${who}于${recordDate(rs.at(-1)!)}登记经营主体${names.length ? `（${names.join('、')}）` : ''}。须复核其家庭收入和财产状况。`,
        { recordIds: ids(rs), entities: names },
      );
    }
    case 'RECIPIENT_REAL_ESTATE': {
      if (!isCurrentRecipient(subject)) return null;
      // Dwellings: residential registrations (no usage given = counted), one per certificate or location.
      const rs = source('REAL_ESTATE').filter((r) => (str(field(r, 'REAL_ESTATE', 'usage')) ?? 'RESIDENTIAL') === 'RESIDENTIAL');
      if (rs.length === 0) return null;
      const max = num(p.maxDwellings) ?? 1;
      const distinct = new Set(rs.map((r) => str(field(r, 'REAL_ESTATE', 'certNo')) ?? str(field(r, 'REAL_ESTATE', 'location')) ?? r.id)).size;
      if (distinct <= max) return result(false, '', '', { recordIds: ids(rs) }, { reason: 'within dwellings' });
      return result(
        true,
        `救助对象户${h.householdNo}新增不动产${distinct}处，超过 ${max} 处`,
        `不动产登记数据显示该户成员近${win}个月登记不动产${distinct}处（允许 ${max} 处）。须复核其家庭财产是否仍符合救助条件。`,
        { recordIds: ids(rs), dwellings: distinct, maxDwellings: max },
      );
    }
    case 'RECIPIENT_INCOME_ABOVE_STANDARD': {
      if (!isCurrentRecipient(subject)) return null;
      const rs = source('TAX_INCOME');
      if (rs.length === 0) return null;
      if (subject.dibaoStandardFen === null) {
        return result(false, '', '', { recordIds: ids(rs) }, { reason: 'P01 not configured for the household region: income test skipped' });
      }
      // Income of the records whose period ends in the last 12 months, ÷ 12 months ÷ counted members.
      const total = rs.reduce((a, r) => a + (num(field(r, 'TAX_INCOME', 'incomeFen')) ?? r.amountFen ?? 0), 0);
      const size = Math.max(1, counted(h).length);
      const perCapita = Math.round(total / 12 / size);
      const fire = perCapita >= subject.dibaoStandardFen;
      return result(
        fire,
        `救助对象户${h.householdNo}纳税收入月人均 ${yuan(perCapita)}，${fire ? '达到' : '低于'}低保标准 ${yuan(subject.dibaoStandardFen)}`,
        `税务数据：家庭成员近12个月（${from} 后至 ${today}）收入合计 ${yuan(total)}，÷12个月÷${size}人 = 月人均 ${yuan(perCapita)}；低保标准 ${yuan(subject.dibaoStandardFen)}/人·月。须复核家庭收入。`,
        { recordIds: ids(rs), incomeFen: total, householdSize: size, perCapitaMonthlyFen: perCapita, standardFen: subject.dibaoStandardFen },
        fire ? {} : { reason: 'below standard' },
      );
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Default rules (P35 / R81; seeded at first start, switched on for the province)

export interface DefaultRule {
  code: string;
  name: string;
  kind: RuleKind;
  params: Record<string, unknown>;
  level: ClueLevel;
  targetCategory: TargetCategory;
  description: string;
}

const EXAMPLE = '【示例阈值待确认】';
/** (The rule code is an argument, so the message catalogue check does not take it for an error code.) */
const def = (code: string, r: Omit<DefaultRule, 'code'>): DefaultRule => ({ code, ...r });

/** One rule per P35 trigger the platform can evaluate from department data; deadline P36 (10 working days). */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  def('MEDICAL_SINGLE_STAY_LOW_INCOME', {
    name: '低收入人口单次住院自付超6000元',
    kind: 'MEDICAL_SINGLE_STAY_ABOVE',
    params: { amountFen: 600_000, population: 'LOW_INCOME' },
    level: 'ORANGE',
    targetCategory: 'MEDICAL_ASSISTANCE',
    description: `${EXAMPLE}P35/R81 医保：监测对象或低收入人口单次住院经基本医保、大病保险、医疗救助后个人自付超过6000元（外省示例）。`,
  }),
  def('MEDICAL_SINGLE_STAY_OTHER_RURAL', {
    name: '其他居民单次住院自付超10000元',
    kind: 'MEDICAL_SINGLE_STAY_ABOVE',
    params: { amountFen: 1_000_000, population: 'OTHER' },
    level: 'YELLOW',
    targetCategory: 'MEDICAL_ASSISTANCE',
    description: `${EXAMPLE}P35/R81 医保：其他农村居民单次住院个人自付超过10000元（外省示例）。`,
  }),
  def('MEDICAL_ANNUAL_OOP', {
    name: '12个月医疗自付累计超过阈值',
    kind: 'MEDICAL_OOP_ABOVE_AMOUNT',
    params: { amountFen: 1_000_000, months: 12 },
    level: 'ORANGE',
    targetCategory: 'MEDICAL_ASSISTANCE',
    description: `${EXAMPLE}P35/R81 医保：年度累计个人自付超过上年全省农村居民人均可支配收入的50%（脱贫人口）或100%（其他农村居民）。该收入数据未录入，暂以10000元示例，须按青海上年数据设置。`,
  }),
  def('MEDICAL_SHARE_OF_INCOME', {
    name: '家庭医疗自付超过家庭年收入50%',
    kind: 'MEDICAL_OOP_SHARE_OF_INCOME',
    params: { share: 0.5, months: 12 },
    level: 'ORANGE',
    targetCategory: 'RIGID_EXPENDITURE',
    description: `${EXAMPLE}P35/R81 医保年度累计自付与家庭收入比较（参照河北阳原做法和P38刚性支出比例），家庭年收入按档案登记收入折算。`,
  }),
  def('UNEMPLOYMENT_REGISTERED', {
    name: '主要劳动力登记失业',
    kind: 'MAIN_EARNER_UNEMPLOYED',
    params: {},
    level: 'YELLOW',
    targetCategory: 'DIBAO',
    description: 'P35/R81 人社：低收入家庭成员登记失业（以家庭收入最高的成员为主要劳动力，无登记收入时为户主）。',
  }),
  def('SEVERE_DISABILITY_CERTIFICATE', {
    name: '新办一二级（智力、精神三级）残疾证',
    kind: 'NEW_SEVERE_DISABILITY',
    params: {},
    level: 'ORANGE',
    targetCategory: 'DIBAO_SINGLE_PERSON',
    description: 'P35/R81 残联：新办一、二级（或智力、精神三级）残疾证，核查单人保或特困资格。',
  }),
  def('CATASTROPHIC_ILLNESS_DIAGNOSIS', {
    name: '新确诊重特大疾病',
    kind: 'SERIOUS_ILLNESS_DIAGNOSED',
    params: {},
    level: 'ORANGE',
    targetCategory: 'MEDICAL_ASSISTANCE',
    description: 'P35/R81 卫健：新确诊重特大疾病。',
  }),
  def('DISASTER_AFFECTED', {
    name: '家庭列入受灾名单',
    kind: 'DISASTER_LOSS',
    params: { minLossFen: 0 },
    level: 'RED',
    targetCategory: 'TEMPORARY',
    description: `${EXAMPLE}P35/R81 应急管理：家庭列入受灾名单（损失阈值0元，即列入即预警）。`,
  }),
  def('DEATH_OF_MAIN_EARNER', {
    name: '家庭主要劳动力死亡',
    kind: 'MAIN_EARNER_DEATH',
    params: {},
    level: 'RED',
    targetCategory: 'TEMPORARY',
    description: 'P35/R81 公安：家庭主要劳动力死亡。',
  }),
  def('DEATH_OF_RECIPIENT', {
    name: '救助对象死亡（停发核查）',
    kind: 'RECIPIENT_MEMBER_DEATH',
    params: {},
    level: 'RED',
    targetCategory: 'STOP_PAYMENT',
    description: 'P35/R81 公安：低保、特困家庭成员死亡，停发待遇或调整保障人口。',
  }),
  def('PREVENTION_MONITORING_CHANGE', {
    name: '新纳入防止返贫监测',
    kind: 'FANGFANPIN_OBJECT',
    params: {},
    level: 'YELLOW',
    targetCategory: 'FANGFANPIN',
    description: 'P35/R81 农业农村/乡村振兴：新纳入防止返贫监测的家庭，核查是否符合救助条件（R78）。',
  }),
  def('DEPT_FLAG', {
    name: '部门预警标识',
    kind: 'DEPT_FLAG',
    params: {},
    level: 'ORANGE',
    targetCategory: 'TEMPORARY',
    description: 'R81 各部门推送的预警标识：等级取自标识本身，须实地调查（预警标识 → 实地调查）。',
  }),
  def('PROPERTY_PURCHASE', {
    name: '救助对象新增不动产',
    kind: 'RECIPIENT_REAL_ESTATE',
    params: { maxDwellings: 1 },
    level: 'YELLOW',
    targetCategory: 'INELIGIBILITY_REVIEW',
    description: `${EXAMPLE}P35/R81 不动产登记：救助对象家庭登记住房超过1处，可能不再符合条件。`,
  }),
  def('BUSINESS_REGISTERED', {
    name: '救助对象注册经营主体',
    kind: 'RECIPIENT_BUSINESS',
    params: {},
    level: 'YELLOW',
    targetCategory: 'INELIGIBILITY_REVIEW',
    description: 'P35/R81 市场监管：救助对象家庭成员注册企业或个体工商户，可能不再符合条件。',
  }),
  def('INCOME_ABOVE_LINE', {
    name: '救助对象纳税收入超过低保标准',
    kind: 'RECIPIENT_INCOME_ABOVE_STANDARD',
    params: {},
    level: 'ORANGE',
    targetCategory: 'INELIGIBILITY_REVIEW',
    description: 'P35/R81 税务：家庭成员近12个月纳税收入÷12÷家庭人口 ≥ 本地低保标准（P01；未配置P01时不预警）。',
  }),
  def('VEHICLE_PURCHASE', {
    name: '救助对象购置车辆',
    kind: 'RECIPIENT_VEHICLE',
    params: { maxValueFen: 0 },
    level: 'YELLOW',
    targetCategory: 'INELIGIBILITY_REVIEW',
    description: `${EXAMPLE}P35/R81 公安交管：救助对象名下新登记机动车。车辆价值阈值应随财产规则P19配置，P19未配置前暂以0元（任何车辆）示例。`,
  }),
];


export const RULE_LEVEL_LABELS = CLUE_LEVEL_LABELS;
export const RULE_TARGET_LABELS = TARGET_CATEGORY_LABELS;

// ---------------------------------------------------------------------------------------
// Region switches and the comparison period

/** Is a rule on for a household of `regionCode`? The most specific switch on its path wins; none = off. */
export function isRuleEnabledFor(switches: readonly { regionCode: string; enabled: boolean }[], regionCode: string): boolean {
  let best: { regionCode: string; enabled: boolean } | null = null;
  for (const s of switches) if (regionCode.startsWith(s.regionCode) && (!best || s.regionCode.length > best.regionCode.length)) best = s;
  return best?.enabled ?? false;
}

/** 'YYYY-MM' of a date. */
export const periodOf = (date: string) => date.slice(0, 7);

/**
 * The date a monthly comparison evaluates at: today for the current month, the month's last
 * day for a past month; null for a future or malformed period.
 */
export function comparisonReferenceDate(period: string, today: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return null;
  if (period > periodOf(today)) return null;
  if (period === periodOf(today)) return today;
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
