/**
 * Household income (POLICY.md §5–§6): who is counted (R14/R15), the assessment window
 * (R18), which items count (R19/R20, P51/P52, P74), the employment-cost deduction (R21.1,
 * P05), the optional rigid-expenditure deduction (R21.2, P53), the pension exclusion
 * (R22, P06), the floors (R21.3) and the exact per-capita comparison (R23).
 *
 * Pure and allocation-light: one pass over the income items, no cloning. Every item and
 * every deduction leaves one explanation step in plain Chinese; with `explain` false (quiet
 * mode) no step is built and the returned `steps` are empty, the figures unchanged.
 */
import type { HouseholdFacts, IncomeFact, MemberFacts, ParameterSet } from './assessment.types.js';
import { EMPLOYMENT_LABELS, INCOME_TYPE_LABELS } from '../registry/codes.js';
import { applyRatio, formatYuan, mulDivHalfUp } from './money.js';
import { fenFigure, formatMonth, formatParam, formatPercent, formatProvenance, numberFigure, textFigure, type StepDraft } from './explain.js';
import {
  readBoolean,
  readCodeList,
  readEmploymentCost,
  readPensionExclusion,
  type ParamRef,
  type ParamValue,
  type UsedParams,
} from './params.js';

// ---------------------------------------------------------------------------------------
// Dates (pure, no Date objects)

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (proleptic Gregorian). */
export function dayNumber(date: string): number {
  return civilDays(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM…' → year × 12 + month − 1. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** month index → 'YYYY-MM'. */
export function monthOf(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

function firstDayOfMonth(index: number): number {
  const y = Math.floor(index / 12);
  return civilDays(y, index - y * 12 + 1, 1);
}

/**
 * Age in full years (周岁) on a date (R2): reached on the birthday; a 29 February birthday
 * is reached on 1 March in common years.
 */
/** R2 age in full years: one implementation for the registry and the engine. */
export { ageOn } from '../registry/id-number.js';

// ---------------------------------------------------------------------------------------
// R18 window

export interface IncomeWindow {
  /** first month 'YYYY-MM' */
  from: string;
  /** last month 'YYYY-MM' */
  to: string;
  months: number;
  fromIndex: number;
  toIndex: number;
  /** day numbers of the first and last day (inclusive) */
  startDay: number;
  endDay: number;
}

/** R18: the P04 whole months before the month of the reference date. */
export function incomeWindow(referenceDate: string, months: number): IncomeWindow {
  const ref = monthIndex(referenceDate);
  const fromIndex = ref - months;
  const toIndex = ref - 1;
  return {
    from: monthOf(fromIndex),
    to: monthOf(toIndex),
    months,
    fromIndex,
    toIndex,
    startDay: firstDayOfMonth(fromIndex),
    endDay: firstDayOfMonth(ref) - 1,
  };
}

/** Part of an amount falling in [fromDay, toDay]: amount × overlapDays / periodDays, half up to fen. */
export function prorate(amountFen: number, periodStart: string, periodEnd: string, fromDay: number, toDay: number): { fen: number; overlapDays: number; periodDays: number } {
  const s = dayNumber(periodStart);
  const e = dayNumber(periodEnd);
  const periodDays = e - s + 1;
  if (periodDays <= 0) return { fen: 0, overlapDays: 0, periodDays: 0 };
  const overlapDays = Math.min(e, toDay) - Math.max(s, fromDay) + 1;
  if (overlapDays <= 0) return { fen: 0, overlapDays: 0, periodDays };
  if (overlapDays === periodDays) return { fen: amountFen, overlapDays, periodDays };
  return { fen: mulDivHalfUp(amountFen, overlapDays, periodDays), overlapDays, periodDays };
}

// ---------------------------------------------------------------------------------------
// R14 / R15 counted members

/** R15 items 1–2: national grounds, always excluded. */
const NATIONAL_EXCLUSIONS: Readonly<Record<string, string>> = {
  CLERGY_AWAY_3Y: '宗教教职人员离家独立生活满3年',
  PRISON: '正在服刑',
  DRUG_REHABILITATION: '正在强制隔离戒毒',
  DECLARED_MISSING: '被人民法院宣告失踪',
};
/** R15 item 3: provincial grounds, excluded only when listed in P48. */
const LOCAL_EXCLUSIONS: Readonly<Record<string, string>> = {
  CONSCRIPT_IN_ACTIVE_SERVICE: '现役义务兵',
};

export interface MemberCount {
  counted: MemberFacts[];
  excluded: MemberFacts[];
  /** empty in quiet mode */
  steps: StepDraft[];
}

/** R14/R15 (P48): which recorded members are counted in the household. */
export function countMembers(members: readonly MemberFacts[], params: ParameterSet, used: UsedParams, explain = true): MemberCount {
  const counted: MemberFacts[] = [];
  const excluded: MemberFacts[] = [];
  const steps: StepDraft[] | null = explain ? [] : null;
  let p48: ParamValue<readonly string[]> | null | undefined;
  for (const m of members) {
    if (m.exclusion === null) {
      counted.push(m);
      continue;
    }
    const national = NATIONAL_EXCLUSIONS[m.exclusion];
    if (national) {
      excluded.push(m);
      steps?.push({ kind: 'RULE', rule: 'R15', text: `${m.name}${national}，不计入家庭成员（R15）`, figures: [textFigure('不计入原因', national)] });
      continue;
    }
    if (p48 === undefined) p48 = readCodeList(params, 'P48', used);
    const label = LOCAL_EXCLUSIONS[m.exclusion] ?? m.exclusion;
    if (p48 && p48.value.includes(m.exclusion)) {
      excluded.push(m);
      steps?.push({
        kind: 'RULE',
        rule: 'R15',
        text: `${m.name}为${label}，按省定情形（${formatParam(p48.ref)}）不计入家庭成员`,
        figures: [textFigure('不计入原因', label, p48.ref)],
      });
    } else {
      counted.push(m);
      steps?.push({
        kind: 'NOTE',
        rule: 'R15',
        text: p48
          ? `${m.name}登记为${label}，但该情形不在本地不计入名单（${formatParam(p48.ref)}）内，仍计入家庭成员`
          : `${m.name}登记为${label}，但本地不计入名单（P48）未配置，仍计入家庭成员`,
        figures: [textFigure('登记情形', label)],
      });
    }
  }
  steps?.push({
    kind: 'RESULT',
    rule: 'R14',
    text: `共同生活的家庭成员${members.length}人，其中计入家庭人口${counted.length}人${excluded.length ? `，不计入${excluded.length}人` : ''}`,
    figures: [numberFigure('计入家庭人口', counted.length), numberFigure('不计入人数', excluded.length)],
  });
  return { counted, excluded, steps: steps ?? [] };
}

// ---------------------------------------------------------------------------------------
// R19 / R20 item classes

/** R20 items 1–2: never counted. */
const NATIONAL_NOT_COUNTED: Readonly<Record<string, string>> = {
  PREFERENTIAL_PENSION: 'R20第1项（优待抚恤金）',
  FAMILY_PLANNING: 'R20第1项（计划生育奖励与扶助金）',
  SCHOLARSHIP: 'R20第1项（奖学金、助学金）',
  BRAVERY_AWARD: 'R20第1项（见义勇为等奖励性补助）',
  SOCIAL_ASSISTANCE: 'R20第2项（政府发放的社会救助款物）',
};
export const EXCLUDED_INCOME_TYPES: readonly string[] = Object.keys(NATIONAL_NOT_COUNTED);

/** R19 types counted as they are (wage and pension have their own rules). */
const COUNTED_AS_IS = new Set(['OPERATING', 'PROPERTY', 'TRANSFER', 'PENSION_OTHER', 'MAINTENANCE_RECEIVED', 'OTHER']);

/** R21.1: employment statuses that count as employed for the deduction. */
const EMPLOYED = new Set(['EMPLOYED', 'FLEXIBLE', 'MIGRANT']);

const typeLabel = (t: string): string => (INCOME_TYPE_LABELS as Record<string, string>)[t] ?? t;

export interface IncomeResult {
  window: IncomeWindow;
  /** counted fen over the window per counted member (after deductions, floored at 0) */
  memberFen: Map<string, number>;
  /** counted fen per member and income type */
  memberByType: Map<string, Record<string, number>>;
  /** household-level items (personId null), counted fen */
  householdFen: number;
  householdByType: Record<string, number>;
  /** R21.2 deduction (P53), fen over the window */
  rigidDeductionFen: number;
  /**
   * true when a deduction or exclusion could not be computed for want of a figure, so the
   * counted income may be higher than the rules intend: a 'not lower than the line'
   * result is then UNDETERMINED rather than NO.
   */
  mayBeOverstated: boolean;
  /** empty in quiet mode */
  steps: StepDraft[];
}

export interface IncomeTotal {
  totalFen: number;
  byType: Record<string, number>;
}

interface WageGroup {
  items: Pending[];
  months: Set<number>;
  /** index of the placeholder step (-1 in quiet mode) */
  stepIndex: number;
}

const PLACEHOLDER: StepDraft = { kind: 'NOTE', rule: null, text: '', figures: [] };

interface Pending {
  item: IncomeFact;
  owner: string;
  fen: number;
  overlapDays: number;
  periodDays: number;
}

function portionText(p: Pending): string {
  if (p.overlapDays === p.periodDays) return '';
  return `，计算期内${p.overlapDays}天/共${p.periodDays}天，按天折算为${formatYuan(p.fen)}`;
}

function itemHead(p: Pending): string {
  return `${p.owner}${typeLabel(p.item.incomeType)}${formatYuan(p.item.amountFen)}（${formatProvenance(p.item.provenance)}）${portionText(p)}`;
}

function itemFigure(p: Pending) {
  return fenFigure(`${p.owner}${typeLabel(p.item.incomeType)}`, p.item.amountFen, { provenance: p.item.provenance });
}

function add(rec: Record<string, number>, key: string, fen: number): void {
  rec[key] = (rec[key] ?? 0) + fen;
}

/** Counted income as items are credited to a member or to the household. */
interface Tally {
  householdFen: number;
  householdByType: Record<string, number>;
  memberByType: Map<string, Record<string, number>>;
  /** per member, before the R21 cost deduction */
  memberRaw: Map<string, number>;
}

/**
 * Credit one item's counted amount. A module function, not a closure in assessIncome: the
 * TypeScript loader names every named closure when it is created (`__name`), which was ≈ 1 %
 * of a batch what-if's Node.js time for this one.
 */
function credit(t: Tally, personId: string | null, type: string, fen: number): void {
  if (personId === null) {
    t.householdFen += fen;
    add(t.householdByType, type, fen);
    return;
  }
  let rec = t.memberByType.get(personId);
  if (!rec) t.memberByType.set(personId, (rec = {}));
  add(rec, type, fen);
  t.memberRaw.set(personId, (t.memberRaw.get(personId) ?? 0) + fen);
}

/**
 * R17–R22: counted income per member and for the household over the window. Items of
 * persons who are not counted (R15) and items outside the window are left out, each with
 * a step.
 */
export function assessIncome(
  facts: HouseholdFacts,
  counted: readonly MemberFacts[],
  window: IncomeWindow,
  standardMonthlyFen: number,
  params: ParameterSet,
  used: UsedParams,
  explain = true,
): IncomeResult {
  const steps: StepDraft[] | null = explain ? [] : null;
  const byId = new Map<string, MemberFacts>();
  for (const m of counted) byId.set(m.personId, m);
  const tally: Tally = { householdFen: 0, householdByType: {}, memberByType: new Map(), memberRaw: new Map() };
  let mayBeOverstated = false;

  // Parameters read lazily: only when an item needs them.
  let p51: ParamValue<readonly string[]> | null | undefined;
  let p52: ParamValue<readonly string[]> | null | undefined;
  let p74: ParamValue<boolean> | null | undefined;
  let p06: ReturnType<typeof readPensionExclusion> | undefined;

  // wage items grouped per member (R21.1 needs all of a member's wage months)
  let wages: Map<string, WageGroup> | null = null;
  let pensionMonths: Map<string, Set<number>> | null = null;

  for (const item of facts.incomes) {
    const owner = item.personId === null ? '家庭' : byId.get(item.personId)?.name;
    if (owner === undefined) {
      steps?.push({
        kind: 'RULE',
        rule: 'R15',
        text: `${facts.members.find((m) => m.personId === item.personId)?.name ?? '非本户在册成员'}${typeLabel(item.incomeType)}${formatYuan(item.amountFen)}：此人不计入家庭成员，其收入不计入家庭收入`,
        figures: [fenFigure(typeLabel(item.incomeType), item.amountFen, { provenance: item.provenance })],
      });
      continue;
    }
    const part = prorate(item.amountFen, item.periodStart, item.periodEnd, window.startDay, window.endDay);
    const p: Pending = { item, owner, fen: part.fen, overlapDays: part.overlapDays, periodDays: part.periodDays };
    if (part.overlapDays <= 0) {
      steps?.push({
        kind: 'NOTE',
        rule: 'R18',
        text: `${owner}${typeLabel(item.incomeType)}${formatYuan(item.amountFen)}（${item.periodStart}至${item.periodEnd}）不在收入计算期内，不计入`,
        figures: [itemFigure(p)],
      });
      continue;
    }
    const type = item.incomeType;
    const national = NATIONAL_NOT_COUNTED[type];
    if (national) {
      steps?.push({ kind: 'RULE', rule: 'R20', text: `${itemHead(p)}，属${national}，不计入`, figures: [itemFigure(p), fenFigure('计入', 0)] });
      continue;
    }
    if (p52 === undefined) p52 = readCodeList(params, 'P52', used);
    if (p52 && p52.value.includes(type)) {
      steps?.push({
        kind: 'RULE',
        rule: 'R20',
        text: `${itemHead(p)}，属本地规定不计入的项目（${formatParam(p52.ref)}），不计入`,
        figures: [itemFigure(p), fenFigure('计入', 0, { parameter: p52.ref })],
      });
      continue;
    }
    if (type === 'WAGE') {
      wages ??= new Map();
      let w = wages.get(item.personId ?? '');
      if (!w) {
        // the member's wage step goes where the first wage item is (filled in after the loop)
        wages.set(item.personId ?? '', (w = { items: [], months: new Set(), stepIndex: steps?.length ?? -1 }));
        steps?.push(PLACEHOLDER);
      }
      w.items.push(p);
      const a = Math.max(monthIndex(item.periodStart), window.fromIndex);
      const b = Math.min(monthIndex(item.periodEnd), window.toIndex);
      for (let mi = a; mi <= b; mi++) w.months.add(mi);
      continue;
    }
    if (type === 'PENSION_RESIDENT_BASIC') {
      if (p06 === undefined) p06 = readPensionExclusion(params, used);
      if (!p06) {
        mayBeOverstated = true;
        credit(tally, item.personId, type, p.fen);
        steps?.push({
          kind: 'NOTE',
          rule: 'R22',
          text: `${itemHead(p)}；基础养老金不计入规则（P06）未配置，暂全额计入${formatYuan(p.fen)}，需配置后重新核算`,
          figures: [itemFigure(p), fenFigure('计入', p.fen)],
        });
        continue;
      }
      const rule = p06.value;
      const winFrom = dayNumber(rule.window.from);
      const winTo = rule.window.to === null ? Number.MAX_SAFE_INTEGER : dayNumber(rule.window.to);
      let excludedFen = 0;
      let detail = ''; // step text, built only when explaining
      if (rule.scope === 'ALL_BASIC_PENSION') {
        excludedFen = prorate(item.amountFen, item.periodStart, item.periodEnd, Math.max(window.startDay, winFrom), Math.min(window.endDay, winTo)).fen;
        if (steps) detail = `基础养老金全额不计入（${formatParam(p06.ref)}）`;
      } else {
        pensionMonths ??= new Map();
        let seen = pensionMonths.get(item.personId ?? '');
        if (!seen) pensionMonths.set(item.personId ?? '', (seen = new Set()));
        const pFrom = monthIndex(rule.window.from);
        const pTo = rule.window.to === null ? Number.MAX_SAFE_INTEGER : monthIndex(rule.window.to);
        const a = Math.max(monthIndex(item.periodStart), window.fromIndex, pFrom);
        const b = Math.min(monthIndex(item.periodEnd), window.toIndex, pTo);
        const perYear: Array<[string, number, number]> = [];
        const missingYears: string[] = [];
        for (let mi = a; mi <= b; mi++) {
          if (seen.has(mi)) continue;
          const year = String(Math.floor(mi / 12));
          const central = rule.centralMinimumByYear[year];
          if (central === undefined) {
            if (!missingYears.includes(year)) missingYears.push(year);
            continue;
          }
          seen.add(mi);
          excludedFen += central;
          const last = perYear[perYear.length - 1];
          if (last && last[0] === year) last[2] += 1;
          else perYear.push([year, central, 1]);
        }
        if (missingYears.length) mayBeOverstated = true;
        if (steps) detail = centralMinimumText(excludedFen, perYear, missingYears, p06.ref);
      }
      if (excludedFen > p.fen) excludedFen = p.fen; // R21.3: never below 0
      const countedFen = p.fen - excludedFen;
      credit(tally, item.personId, type, countedFen);
      steps?.push({
        kind: 'RULE',
        rule: 'R22',
        text: `${itemHead(p)}，${detail}，计入${formatYuan(countedFen)}`,
        figures: [itemFigure(p), fenFigure('不计入的基础养老金', excludedFen, { parameter: p06.ref }), fenFigure('计入', countedFen)],
      });
      continue;
    }
    if (type === 'GRASSLAND_SUBSIDY') {
      if (p74 === undefined) p74 = readBoolean(params, 'P74', used);
      if (p74?.value === true) {
        credit(tally, item.personId, type, p.fen);
        steps?.push({
          kind: 'RULE',
          rule: 'R100',
          text: `${itemHead(p)}，按本地规定作为转移净收入计入（${formatParam(p74.ref)}），计入${formatYuan(p.fen)}`,
          figures: [itemFigure(p), fenFigure('计入', p.fen, { parameter: p74.ref })],
        });
      } else {
        steps?.push({
          kind: p74 ? 'RULE' : 'NOTE',
          rule: 'R100',
          text: p74
            ? `${itemHead(p)}，本地规定草原生态补奖不计入收入（${formatParam(p74.ref)}），不计入`
            : `${itemHead(p)}，草原生态补奖是否计入（P74）未配置，不计入`,
          figures: [itemFigure(p), fenFigure('计入', 0)],
        });
      }
      continue;
    }
    if (COUNTED_AS_IS.has(type)) {
      credit(tally, item.personId, type, p.fen);
      steps?.push({ kind: 'RULE', rule: 'R19', text: `${itemHead(p)}${item.note ? `（${item.note}）` : ''}，计入${formatYuan(p.fen)}`, figures: [itemFigure(p), fenFigure('计入', p.fen)] });
      continue;
    }
    if (p51 === undefined) p51 = readCodeList(params, 'P51', used);
    credit(tally, item.personId, type, p.fen);
    steps?.push({
      kind: 'RULE',
      rule: 'R19',
      text:
        p51 && p51.value.includes(type)
          ? `${itemHead(p)}，属本地规定计入的其他收入（${formatParam(p51.ref)}），计入${formatYuan(p.fen)}`
          : `${itemHead(p)}，未列入不计入项目，按其他收入计入${formatYuan(p.fen)}`,
      figures: [itemFigure(p), fenFigure('计入', p.fen)],
    });
  }

  if (wages) mayBeOverstated = deductEmploymentCost(wages, byId, standardMonthlyFen, params, used, tally, steps) || mayBeOverstated;

  // R21.3: a member's counted income is never negative
  const memberFen = new Map<string, number>();
  for (const m of counted) {
    const raw = tally.memberRaw.get(m.personId) ?? 0;
    memberFen.set(m.personId, raw > 0 ? raw : 0);
  }

  // R21.2 (P53): rigid expenditure deduction, only when switched on
  let rigidDeductionFen = 0;
  const p53 = facts.expenditures.length ? readBoolean(params, 'P53', used) : null;
  if (p53?.value === true) {
    for (const e of facts.expenditures) {
      if (e.expenditureType !== 'MEDICAL_OUT_OF_POCKET' && e.expenditureType !== 'REHABILITATION') continue;
      if (e.personId !== null && !byId.has(e.personId)) continue;
      rigidDeductionFen += prorate(e.amountFen, e.periodStart, e.periodEnd, window.startDay, window.endDay).fen;
    }
    if (rigidDeductionFen > 0) {
      steps?.push({
        kind: 'RULE',
        rule: 'R21.2',
        text: `按本地规定（${formatParam(p53.ref)}）扣减因病因残自付医疗、康复等刚性支出${formatYuan(rigidDeductionFen)}`,
        figures: [fenFigure('刚性支出扣减', rigidDeductionFen, { parameter: p53.ref })],
      });
    }
  }

  const { memberByType, householdFen, householdByType } = tally;
  return { window, memberFen, memberByType, householdFen, householdByType, rigidDeductionFen, mayBeOverstated, steps: steps ?? [] };
}

/** R22.2 step text: the central minimum deducted per year, and the years without a figure. */
function centralMinimumText(excludedFen: number, perYear: ReadonlyArray<readonly [string, number, number]>, missingYears: readonly string[], ref: ParamRef): string {
  const parts = perYear.map(([y, c, n]) => `${y}年每月${formatYuan(c)}×${n}个月`).join('＋');
  let detail = parts
    ? `扣除中央确定的基础养老金${formatYuan(excludedFen)}（${parts}，${formatParam(ref)}）`
    : `计算期内无适用的基础养老金不计入月份（${formatParam(ref)}）`;
  if (missingYears.length) detail += `；${missingYears.join('、')}年中央基础养老金最低标准未配置，该年未扣除，需配置后重新核算`;
  return detail;
}

/** R21.1 (P05): deduct necessary employment costs from each employed member's wages. Returns true when it could not be computed. */
function deductEmploymentCost(
  wages: Map<string, WageGroup>,
  byId: ReadonlyMap<string, MemberFacts>,
  standardMonthlyFen: number,
  params: ParameterSet,
  used: UsedParams,
  tally: Tally,
  steps: StepDraft[] | null,
): boolean {
  const p05 = readEmploymentCost(params, used);
  let uncertain = false;
  for (const [personId, w] of wages) {
    const member = personId ? byId.get(personId) : undefined;
    let gross = 0;
    for (const p of w.items) gross += p.fen;
    let deduction = 0;
    let deductionRef: ParamRef | null = null; // set when a deduction was computed
    let detail = ''; // step text, built only when explaining
    if (!p05) {
      if (steps) detail = '就业成本扣减规则（P05）未配置，不扣除';
    } else if (p05.value.mode === 'NONE') {
      if (steps) detail = `本地不扣除就业成本（${formatParam(p05.ref)}）`;
    } else if (!member || !member.employment || !EMPLOYED.has(member.employment)) {
      if (steps) detail = `${member ? `就业状况登记为“${member.employment ? (EMPLOYMENT_LABELS[member.employment as keyof typeof EMPLOYMENT_LABELS] ?? member.employment) : '未登记'}”，` : ''}不属于就业（含灵活就业、外出务工）人员，不扣除就业成本`;
    } else if (p05.value.mode === 'SHARE_OF_MINIMUM_WAGE_PER_EMPLOYED_MEMBER') {
      uncertain = true;
      if (steps) detail = `就业成本按最低工资标准的${formatPercent(p05.value.rate)}扣除（${formatParam(p05.ref)}），但最低工资标准未配置，暂未扣除，需人工核定`;
    } else {
      const fixed = p05.value.mode === 'FIXED_AMOUNT_PER_EMPLOYED_MEMBER';
      const cap = applyRatio(standardMonthlyFen, p05.value.capRatio);
      const uncapped = fixed ? (p05.value.fixedMonthlyFen ?? 0) : applyRatio(standardMonthlyFen, p05.value.rateRatio);
      const monthly = uncapped > cap ? cap : uncapped;
      const months = w.months.size;
      deduction = monthly * months;
      const capped = deduction > gross;
      if (capped) deduction = gross; // R21.3
      deductionRef = p05.ref;
      if (steps) {
        const basis =
          (fixed ? `每月定额${formatYuan(uncapped)}` : `每月按低保标准${formatYuan(standardMonthlyFen)}的${formatPercent(p05.value.rate)}计${formatYuan(uncapped)}`) +
          (uncapped > cap ? `，以低保标准的${p05.value.capMultipleOfStandard}倍${formatYuan(cap)}为限` : '');
        detail = `扣除必要就业成本${formatYuan(deduction)}（${formatParam(p05.ref)}：${basis}×${months}个月${capped ? '，以工资收入为限' : ''}）`;
      }
    }
    const countedFen = gross - deduction;
    credit(tally, personId || null, 'WAGE', countedFen);
    if (steps) steps[w.stepIndex] = wageStep(member ? member.name : '家庭', w.items, gross, detail, deduction, deductionRef, countedFen);
  }
  return uncertain;
}

/** The R21.1 step for one member's wages (it fills the place kept at the member's first wage item). */
function wageStep(owner: string, items: readonly Pending[], gross: number, detail: string, deduction: number, deductionRef: ParamRef | null, countedFen: number): StepDraft {
  const first = items[0]!;
  const source =
    items.length === 1
      ? `（${formatProvenance(first.item.provenance)}）${portionText(first)}`
      : `（共${items.length}笔，计算期内合计；首笔${formatProvenance(first.item.provenance)}）`;
  const head = `${owner}工资收入${formatYuan(items.length === 1 ? first.item.amountFen : gross)}${source}`;
  const figures = items.map(itemFigure);
  if (deductionRef) figures.push(fenFigure('就业成本扣除', deduction, { parameter: deductionRef }));
  figures.push(fenFigure('计入', countedFen));
  return { kind: 'RULE', rule: 'R21.1', text: `${head}，${detail}，计入${formatYuan(countedFen)}`, figures };
}

/** Household counted total over the window, leaving out `removed` members (P75), floored at 0 (R21.3). */
export function totalIncome(income: IncomeResult, removed: ReadonlySet<string> | null): IncomeTotal {
  const byType: Record<string, number> = {};
  let total = income.householdFen;
  for (const k in income.householdByType) byType[k] = income.householdByType[k]!;
  for (const [id, rec] of income.memberByType) {
    if (removed && removed.has(id)) continue;
    total += income.memberFen.get(id) ?? 0;
    for (const k in rec) byType[k] = (byType[k] ?? 0) + rec[k]!;
  }
  total -= income.rigidDeductionFen;
  return { totalFen: total > 0 ? total : 0, byType };
}

/** Month label helpers re-exported for the orchestrator. */
export { formatMonth };
