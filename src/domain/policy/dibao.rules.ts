/**
 * MLA eligibility and amount (POLICY.md §8: R26, R29, R31, R32) and the categories just
 * above MLA (§9: R45 national edge, R46 Qinghai rural low-income, R47 rigid expenditure).
 *
 * Every income comparison is exact: per-capita income is never rounded before it is
 * compared; `total / (size × months) < standard × k` is tested as
 * `total × den(k) < num(k) × standard × size × months` in integers (BigInt when needed).
 * The payable amount is rounded once, at the end, by P45.
 *
 * Every rule function takes `explain` (default true). With false (quiet mode) it decides the
 * same and returns empty `steps`: pushes are written `steps?.push(…)`, so no text is built.
 */
import type { ExpenditureFact, JobRefusalOutcome, MemberFacts, ParameterSet, Tri } from './assessment.types.js';
import { componentsOfCertificate, describeDisability, describeDisabilityComponents, isSevereDisability, R43_REFUSALS_IN_A_ROW, unjustifiedRefusalRun } from '../registry/codes.js';
import { applyRatio, compareProducts, divRoundHalfUp, formatYuan, mulDivHalfUp, ratioOf, roundPayable, ROUNDING_LABELS, type Ratio, type RoundingMode } from './money.js';
import { fenFigure, formatMonth, formatParam, formatPercent, numberFigure, textFigure, type StepDraft } from './explain.js';
import {
  readAddOns,
  readBenefitMethod,
  readDisposableIncome,
  readIllnessList,
  readJobRefusalRule,
  readMinimumPayable,
  readMultiplier,
  readRigidExpenditure,
  readRounding,
  readSinglePersonMode,
  type AddOnCategory,
  type ParamRef,
  type UsedParams,
} from './params.js';
import { ageOn, incomeWindow, prorate } from './income.rules.js';

export type PropertyResult = 'PASS' | 'FAIL' | 'NOT_CONFIGURED';

/** Tri-valued AND: any NO → NO, else any UNDETERMINED → UNDETERMINED, else YES. */
export function triAnd(...values: Tri[]): Tri {
  let open = false;
  for (const v of values) {
    if (v === 'NO') return 'NO';
    if (v === 'UNDETERMINED') open = true;
  }
  return open ? 'UNDETERMINED' : 'YES';
}

export function propertyTri(p: PropertyResult): Tri {
  return p === 'PASS' ? 'YES' : p === 'FAIL' ? 'NO' : 'UNDETERMINED';
}

/** Household income over the window and the figures every comparison needs. */
export interface HouseholdIncome {
  totalFen: number;
  size: number;
  months: number;
  standardFen: number;
  standardRef: ParamRef;
  /** see IncomeResult.mayBeOverstated */
  mayBeOverstated: boolean;
}

/** Exact test total / (size × months) < standard × ratio (R1: 低于 is strict). */
export function isBelowLine(totalFen: number, size: number, months: number, standardFen: number, ratio: Ratio): boolean {
  return compareProducts([totalFen, ratio.den], [ratio.num, standardFen, size, months]) < 0;
}

/** Per-capita monthly income for display: total / (size × months), half up to fen. */
export function perCapitaMonthly(totalFen: number, size: number, months: number): number {
  return size > 0 ? divRoundHalfUp(totalFen, size * months) : 0;
}

const ONE: Ratio = { num: 1, den: 1 };

/** One income-line comparison as an explanation step. */
function lineStep(h: HouseholdIncome, rule: string, lineLabel: string, ratio: Ratio, multiple: string, ref: ParamRef | null, below: boolean): StepDraft {
  const pc = perCapitaMonthly(h.totalFen, h.size, h.months);
  const lineFen = applyRatio(h.standardFen, ratio);
  const basis = ref ? `低保标准${formatYuan(h.standardFen)}×${multiple}，${formatParam(ref)}` : `${formatParam(h.standardRef)}`;
  return {
    kind: 'COMPARE',
    rule,
    text: `家庭月人均收入${formatYuan(pc)}${below ? '低于' : '不低于'}${lineLabel}${formatYuan(lineFen)}（${basis}）`,
    figures: [],
    compare: {
      left: fenFigure('家庭月人均收入', pc),
      op: '<',
      right: ref ? fenFigure(lineLabel, lineFen, { parameter: ref }) : fenFigure(lineLabel, lineFen, { parameter: h.standardRef }),
      result: below,
    },
  };
}

function lowerTri(below: boolean, mayBeOverstated: boolean): Tri {
  return below ? 'YES' : mayBeOverstated ? 'UNDETERMINED' : 'NO';
}

// ---------------------------------------------------------------------------------------
// R26 eligibility

export interface DibaoEligibility {
  incomeBelow: boolean;
  eligible: Tri;
  steps: StepDraft[];
}

/** R26: income lower than the standard and property meeting the local rules. */
export function assessDibaoEligibility(h: HouseholdIncome, property: PropertyResult, explain = true): DibaoEligibility {
  const steps: StepDraft[] | null = explain ? [] : null;
  if (h.size === 0) {
    steps?.push({ kind: 'RESULT', rule: 'R26', text: '计入低保的家庭人口为0人，不按户享受低保', figures: [numberFigure('低保计入人数', 0)] });
    return { incomeBelow: false, eligible: 'NO', steps: steps ?? [] };
  }
  const below = isBelowLine(h.totalFen, h.size, h.months, h.standardFen, ONE);
  steps?.push(lineStep(h, 'R26', '低保标准', ONE, '1', null, below));
  const income = lowerTri(below, h.mayBeOverstated);
  const eligible = triAnd(income, propertyTri(property));
  let text: string;
  if (eligible === 'YES') text = '收入、财产均符合条件，家庭符合低保条件';
  else if (income === 'NO') text = '家庭月人均收入不低于低保标准，不符合低保条件';
  else if (property === 'FAIL') text = '家庭财产不符合本地规定，不符合低保条件';
  else if (income === 'UNDETERMINED') text = '部分收入扣除项无法计算，收入可能偏高，是否符合低保待人工核定';
  else text = '收入符合条件，但财产核查无法自动判定，低保资格待人工核查财产后确定（保障金按“如财产核查通过”计算）';
  steps?.push({ kind: 'RESULT', rule: 'R26', text, figures: [textFigure('低保资格', triText(eligible))] });
  return { incomeBelow: below, eligible, steps: steps ?? [] };
}

export function triText(t: Tri): string {
  return t === 'YES' ? '符合' : t === 'NO' ? '不符合' : '待核定';
}

// ---------------------------------------------------------------------------------------
// R29 amount

const ADD_ON_LABELS: Readonly<Record<AddOnCategory, string>> = {
  ELDERLY: '老年人',
  MINOR: '未成年人',
  SEVERE_DISABILITY: '重度残疾人',
  SERIOUS_ILLNESS: '重病患者',
};

function fitsAddOn(m: MemberFacts, category: AddOnCategory, referenceDate: string): boolean {
  switch (category) {
    case 'ELDERLY':
      return ageOn(m.birthDate, referenceDate) >= 60;
    case 'MINOR':
      return ageOn(m.birthDate, referenceDate) < 18;
    case 'SEVERE_DISABILITY':
      return isSevereDisability(m.disabilityCategory, m.disabilityGrade, m.disabilityComponents);
    case 'SERIOUS_ILLNESS':
      return m.healthStatus === 'SERIOUS' || m.seriousIllness !== null;
  }
}

function readRoundingOrNote(params: ParameterSet, used: UsedParams, steps: StepDraft[] | null): { mode: RoundingMode; ref: ParamRef | null } {
  const p45 = readRounding(params, used);
  if (p45) return { mode: p45.value, ref: p45.ref };
  steps?.push({ kind: 'NOTE', rule: 'R29', text: '取整规则（P45）未配置，保障金按分计算，不取整', figures: [] });
  return { mode: 'NO_ROUNDING', ref: null };
}

export interface DibaoAmount {
  amountFen: number | null;
  method: string | null;
  /** R43: members whose own share is (or, P76 not configured, should be) reduced or stopped */
  jobRefusals: JobRefusalOutcome[];
  steps: StepDraft[];
}

/**
 * R43: counted members with labour capacity whose latest job offers up to the reference date
 * are three or more refused without good reason in a row, with that run.
 */
function refusingMembers(members: readonly MemberFacts[], noLabourIds: ReadonlySet<string>, referenceDate: string) {
  const out: { member: MemberFacts; run: ReturnType<typeof unjustifiedRefusalRun> }[] = [];
  for (const m of members) {
    if (!m.jobReferrals || noLabourIds.has(m.personId) || m.labourCapacity === 'NONE') continue;
    const run = unjustifiedRefusalRun(m.jobReferrals, referenceDate);
    if (run.length >= R43_REFUSALS_IN_A_ROW) out.push({ member: m, run });
  }
  return out;
}

/**
 * R29: household monthly amount by P18 (difference or band), plus P55 add-ons for members
 * in the headcount, less the own share of a member who refused three jobs in a row without
 * good reason (R43, P76), rounded by P45, at least P56. `band` is the band code recorded for
 * the household when P18 is BANDED; `noLabourIds` the members without labour capacity (R49).
 */
export function computeDibaoAmount(
  h: HouseholdIncome,
  members: readonly MemberFacts[],
  band: string | null,
  referenceDate: string,
  params: ParameterSet,
  used: UsedParams,
  noLabourIds: ReadonlySet<string>,
  explain = true,
): DibaoAmount {
  const steps: StepDraft[] | null = explain ? [] : null;
  if (h.size === 0) return { amountFen: null, method: null, jobRefusals: [], steps: steps ?? [] };
  const p18 = readBenefitMethod(params, used);
  let num: number; // exact monthly amount = num / den fen
  let den: number;
  let method: string;
  if (!p18 || p18.value.method === 'DIFFERENCE') {
    if (!p18) steps?.push({ kind: 'NOTE', rule: 'R29', text: '计发办法（P18）未配置，按补差法（R29默认办法）计算', figures: [] });
    // (standard − total / (size × months)) × size = (standard × size × months − total) / months
    const gapNum = h.standardFen * h.size * h.months - h.totalFen;
    num = gapNum > 0 ? gapNum : 0;
    den = h.months;
    if (steps) {
      const pc = perCapitaMonthly(h.totalFen, h.size, h.months);
      steps.push({
        kind: 'RULE',
        rule: 'R29',
        text: `按补差法：（低保标准${formatYuan(h.standardFen)} − 月人均收入${formatYuan(pc)}）× ${h.size}人 = ${formatYuan(divRoundHalfUp(num, den))}${p18 ? `（${formatParam(p18.ref)}）` : ''}`,
        figures: [fenFigure('低保标准', h.standardFen, { parameter: h.standardRef }), fenFigure('月人均收入', pc), numberFigure('低保计入人数', h.size), fenFigure('补差金额', divRoundHalfUp(num, den))],
      });
    }
    method = 'DIFFERENCE';
  } else {
    const b = band === null ? undefined : p18.value.bands.find((x) => x.code === band);
    if (!b) {
      steps?.push({
        kind: 'NOTE',
        rule: 'R29',
        text: band === null ? `本地按分档计发（${formatParam(p18.ref)}），但本户未认定档次，保障金待认定档次后计算` : `本户登记的档次“${band}”不在分档表中（${formatParam(p18.ref)}），保障金待核定`,
        figures: [],
      });
      return { amountFen: null, method: 'BANDED', jobRefusals: [], steps: steps ?? [] };
    }
    const perPerson = b.monthlyFen ?? (b.shareOfStandard !== null ? applyRatio(h.standardFen, ratioOf(b.shareOfStandard)) : 0);
    num = perPerson * h.size;
    den = 1;
    steps?.push({
      kind: 'RULE',
      rule: 'R29',
      text: `按分档计发：${b.label}，每人每月${formatYuan(perPerson)}${b.shareOfStandard !== null && b.monthlyFen === null ? `（低保标准的${formatPercent(b.shareOfStandard)}）` : ''}× ${h.size}人 = ${formatYuan(num)}（${formatParam(p18.ref)}）`,
      figures: [textFigure('档次', b.label, p18.ref), fenFigure('每人每月', perPerson), numberFigure('低保计入人数', h.size)],
    });
    method = `BANDED:${b.code}`;
  }

  // P55 add-ons (分类施保)
  const p55 = readAddOns(params, used);
  if (p55 && p55.value.length) {
    let addOnFen = 0;
    const parts: string[] | null = steps ? [] : null; // step text only
    for (const a of p55.value) {
      const each = a.monthlyFen ?? (a.shareOfStandard !== null ? applyRatio(h.standardFen, ratioOf(a.shareOfStandard)) : 0);
      for (const m of members) {
        if (!fitsAddOn(m, a.category, referenceDate)) continue;
        addOnFen += each;
        parts?.push(`${m.name}（${ADD_ON_LABELS[a.category]}）${formatYuan(each)}`);
      }
    }
    if (addOnFen > 0) {
      num += addOnFen * den;
      steps?.push({
        kind: 'RULE',
        rule: 'R29',
        text: `分类施保加发：${parts!.join('，')}，合计${formatYuan(addOnFen)}（${formatParam(p55.ref)}）`,
        figures: [fenFigure('分类施保加发', addOnFen, { parameter: p55.ref })],
      });
    }
  }

  // R43 / P76: the own share (the amount ÷ the counted members) of a member who refused three
  // jobs in a row without good reason is stopped or reduced; without P76 the county decides.
  const jobRefusals: JobRefusalOutcome[] = [];
  const refusing = refusingMembers(members, noLabourIds, referenceDate);
  if (refusing.length > 0) {
    const p76 = readJobRefusalRule(params, used);
    const automatic = p76 !== null && p76.value.mode !== 'COUNTY_DECIDES';
    const shareFen = divRoundHalfUp(num, den * h.size);
    const cut: Ratio = !automatic ? { num: 0, den: 1 } : p76.value.mode === 'STOP_OWN_SHARE' ? { num: 1, den: 1 } : ratioOf(p76.value.reduceRate!);
    for (const { member, run } of refusing) {
      const reducedFen = automatic ? divRoundHalfUp(num * cut.num, den * h.size * cut.den) : null;
      jobRefusals.push({ personId: member.personId, name: member.name, refusals: run.length, reducedFen });
      if (!steps) continue;
      const offers = `${run[0]!.referredOn}至${run[run.length - 1]!.referredOn}连续${run.length}次无正当理由拒绝就业服务机构介绍的工作（${run.map((r) => r.position).join('、')}）`;
      if (!automatic) {
        const local = p76 ? `本地规定由县级民政部门逐案决定（${formatParam(p76.ref)}）` : '本地减发办法（P76）未配置';
        steps.push({
          kind: 'NOTE', rule: 'R43',
          text: `${member.name}${offers}，应由县级民政部门决定减发或停发其本人低保金；${local}，本次金额未减发`,
          figures: [numberFigure('连续无正当理由拒绝次数', run.length), fenFigure('本人份额', shareFen, p76 ? { parameter: p76.ref } : undefined)],
        });
        continue;
      }
      const how = p76.value.mode === 'STOP_OWN_SHARE' ? `停发本人份额${formatYuan(reducedFen!)}` : `减发本人份额的${formatPercent(p76.value.reduceRate!)}即${formatYuan(reducedFen!)}`;
      steps.push({
        kind: 'RULE', rule: 'R43',
        text: `${member.name}${offers}，本人份额 = ${formatYuan(divRoundHalfUp(num, den))} ÷ ${h.size}人 = ${formatYuan(shareFen)}，${how}（${formatParam(p76.ref)}）`,
        figures: [numberFigure('连续无正当理由拒绝次数', run.length), fenFigure('本人份额', shareFen), fenFigure('减发金额', reducedFen!, { parameter: p76.ref })],
      });
    }
    if (automatic) {
      // exact: num/den − k × (num/den ÷ size) × cut
      const k = refusing.length;
      const nextDen = den * h.size * cut.den;
      num = num * h.size * cut.den - k * num * cut.num;
      den = nextDen;
      if (num < 0) num = 0;
    }
  }

  const rounding = readRoundingOrNote(params, used, steps);
  let amount = roundPayable(num, den, rounding.mode);
  if (steps && rounding.ref) {
    const exact = divRoundHalfUp(num, den);
    steps.push({
      kind: 'RULE',
      rule: 'R29',
      text: `${formatYuan(exact)}按“${ROUNDING_LABELS[rounding.mode]}”取整为${formatYuan(amount)}（${formatParam(rounding.ref)}）`,
      figures: [fenFigure('取整前', exact), fenFigure('取整后', amount, { parameter: rounding.ref })],
    });
  }
  const p56 = readMinimumPayable(params, used);
  if (p56 && p56.value > 0 && amount < p56.value) {
    steps?.push({
      kind: 'RULE',
      rule: 'R29',
      text: `${formatYuan(amount)}低于每户最低发放金额${formatYuan(p56.value)}，按${formatYuan(p56.value)}发放（${formatParam(p56.ref)}）`,
      figures: [fenFigure('每户最低发放金额', p56.value, { parameter: p56.ref })],
    });
    amount = p56.value;
  }
  steps?.push({ kind: 'RESULT', rule: 'R29', text: `家庭月低保金${formatYuan(amount)}`, figures: [fenFigure('月低保金', amount)] });
  return { amountFen: amount, method, jobRefusals, steps: steps ?? [] };
}

// ---------------------------------------------------------------------------------------
// R45 / R46

export interface FlagResult {
  tri: Tri;
  steps: StepDraft[];
}

/** R45 (P02): national edge household, strictly lower than P02 × standard, property met, not MLA. */
export function assessNationalEdge(h: HouseholdIncome, dibao: DibaoEligibility, property: PropertyResult, params: ParameterSet, used: UsedParams, explain = true): FlagResult {
  const steps: StepDraft[] | null = explain ? [] : null;
  if (dibao.eligible === 'YES') {
    steps?.push({ kind: 'RESULT', rule: 'R45', text: '已符合低保条件，不认定为低保边缘家庭', figures: [] });
    return { tri: 'NO', steps: steps ?? [] };
  }
  if (h.size === 0) return { tri: 'NO', steps: steps ?? [] };
  const p02 = readMultiplier(params, 'P02', used);
  if (!p02) {
    steps?.push({ kind: 'NOTE', rule: 'R45', text: '低保边缘家庭收入倍数（P02）未配置，无法判定是否为低保边缘家庭', figures: [] });
    return { tri: 'UNDETERMINED', steps: steps ?? [] };
  }
  const below = isBelowLine(h.totalFen, h.size, h.months, h.standardFen, p02.value.ratio);
  steps?.push(lineStep(h, 'R45', '低保边缘收入线', p02.value.ratio, `${p02.value.decimal}倍`, p02.ref, below));
  let tri: Tri;
  let text: string;
  if (!below) {
    tri = lowerTri(false, h.mayBeOverstated);
    text = tri === 'NO' ? '不属于低保边缘家庭' : '部分收入扣除项无法计算，是否为低保边缘家庭待核定';
  } else if (dibao.incomeBelow) {
    // below the MLA standard but not MLA: only the property test can be the reason
    tri = property === 'FAIL' ? 'NO' : 'UNDETERMINED';
    text = tri === 'NO' ? '收入低于低保标准但财产不符合规定，不属于低保边缘家庭' : '收入低于低保标准，财产待核查：核查通过则为低保家庭，否则两者均不符合';
  } else {
    tri = propertyTri(property);
    text = tri === 'YES' ? '收入在低保标准与边缘收入线之间，财产符合规定，认定为低保边缘家庭' : tri === 'NO' ? '财产不符合规定，不属于低保边缘家庭' : '收入符合低保边缘条件，财产待核查';
  }
  steps?.push({ kind: 'RESULT', rule: 'R45', text, figures: [textFigure('低保边缘家庭', triText(tri))] });
  return { tri, steps: steps ?? [] };
}

/** R46 (P03): Qinghai farming/pastoral low-income line, rural households only, independent of R45. */
export function assessQhRuralLowIncome(h: HouseholdIncome, urbanRural: 'URBAN' | 'RURAL', params: ParameterSet, used: UsedParams, explain = true): FlagResult {
  const steps: StepDraft[] | null = explain ? [] : null;
  if (urbanRural !== 'RURAL') {
    steps?.push({ kind: 'NOTE', rule: 'R46', text: '城市家庭不适用农牧区低收入贫困家庭收入线', figures: [] });
    return { tri: 'NO', steps: steps ?? [] };
  }
  if (h.size === 0) return { tri: 'NO', steps: steps ?? [] };
  const p03 = readMultiplier(params, 'P03', used);
  if (!p03) {
    steps?.push({ kind: 'NOTE', rule: 'R46', text: '农牧区低收入贫困家庭收入倍数（P03）未配置，无法判定', figures: [] });
    return { tri: 'UNDETERMINED', steps: steps ?? [] };
  }
  const below = isBelowLine(h.totalFen, h.size, h.months, h.standardFen, p03.value.ratio);
  steps?.push(lineStep(h, 'R46', '农牧区低收入线', p03.value.ratio, `${p03.value.decimal}倍`, p03.ref, below));
  const tri = lowerTri(below, h.mayBeOverstated);
  steps?.push({
    kind: 'RESULT',
    rule: 'R46',
    text: tri === 'YES' ? '属于农牧区低收入贫困家庭（与全国低保边缘认定分别记录）' : tri === 'NO' ? '不属于农牧区低收入贫困家庭' : '部分收入扣除项无法计算，是否属于农牧区低收入贫困家庭待核定',
    figures: [textFigure('农牧区低收入贫困家庭', triText(tri))],
  });
  return { tri, steps: steps ?? [] };
}

// ---------------------------------------------------------------------------------------
// R31 / R32 single-person route

export interface SinglePersonInput {
  member: MemberFacts;
  /** the member's own counted income over the window, fen */
  ownIncomeFen: number;
  household: HouseholdIncome;
  dibao: DibaoEligibility;
  property: PropertyResult;
  urbanRural: 'URBAN' | 'RURAL';
}

export interface SinglePersonResult {
  tri: Tri;
  amountFen: number | null;
  steps: StepDraft[];
}

/** Why a member may apply alone (R31 items 1–2), or null. */
export function singlePersonGround(member: MemberFacts, params: ParameterSet, used: UsedParams): { text: string; ref: ParamRef | null; viaStatus: boolean } | null {
  const { disabilityCategory: cat, disabilityGrade: grade } = member;
  if (cat && grade && isSevereDisability(cat, grade, member.disabilityComponents)) {
    const current = componentsOfCertificate(cat, grade, member.disabilityComponents);
    const parts = current ? `（${describeDisabilityComponents(current)}）` : '';
    return { text: `持${describeDisability(cat, grade)}残疾证${parts}，属重度残疾`, ref: null, viaStatus: false };
  }
  if (member.healthStatus !== 'SERIOUS' && member.seriousIllness === null) return null;
  const p57 = readIllnessList(params, used);
  if (p57 && p57.value.illnesses.length > 0) {
    const ill = member.seriousIllness;
    if (ill !== null && p57.value.illnesses.includes(ill)) return { text: `患${ill}（在本地重特大疾病范围内，${formatParam(p57.ref)}）`, ref: p57.ref, viaStatus: false };
    return null;
  }
  if (member.healthStatus === 'SERIOUS') {
    return {
      text: `登记为重病${member.seriousIllness ? `（${member.seriousIllness}）` : ''}；本地重特大疾病范围（P57）未列出具体病种，按登记的重病状态认定`,
      ref: p57?.ref ?? null,
      viaStatus: true,
    };
  }
  return null;
}

/**
 * R31/R32 for one member with a ground: household not MLA, household income lower than the
 * P58 line, property met (the edge-household conditions), own income lower than the
 * standard; benefit by P17.
 */
export function assessSinglePerson(
  input: SinglePersonInput,
  ground: { text: string; ref: ParamRef | null },
  params: ParameterSet,
  used: UsedParams,
  explain = true,
): SinglePersonResult {
  const { member, household: h } = input;
  const steps: StepDraft[] | null = explain ? [] : null;
  steps?.push({ kind: 'RULE', rule: 'R31', text: `${member.name}${ground.text}，可按单人户申请低保`, figures: [textFigure('单人保条件', ground.text, ground.ref ?? undefined)] });
  if (input.dibao.eligible === 'YES') {
    steps?.push({ kind: 'RESULT', rule: 'R31', text: '全户已符合低保条件，无需单人保', figures: [] });
    return { tri: 'NO', amountFen: null, steps: steps ?? [] };
  }
  const householdNotDibao: Tri = input.dibao.eligible === 'NO' ? 'YES' : 'UNDETERMINED';
  const p58 = readMultiplier(params, 'P58', used);
  let line: Tri;
  if (!p58) {
    steps?.push({ kind: 'NOTE', rule: 'R31', text: '单人保适用收入线倍数（P58）未配置，无法判定', figures: [] });
    line = 'UNDETERMINED';
  } else {
    const below = h.size > 0 && isBelowLine(h.totalFen, h.size, h.months, h.standardFen, p58.value.ratio);
    steps?.push(lineStep(h, 'R31', '单人保适用收入线', p58.value.ratio, `${p58.value.decimal}倍`, p58.ref, below));
    line = lowerTri(below, h.mayBeOverstated);
  }
  const property = propertyTri(input.property);
  // own income lower than the standard (R32)
  const ownBelow = isBelowLine(input.ownIncomeFen, 1, h.months, h.standardFen, ONE);
  const ownMonthly = divRoundHalfUp(input.ownIncomeFen, h.months);
  steps?.push({
    kind: 'COMPARE',
    rule: 'R32',
    text: `${member.name}本人月收入${formatYuan(ownMonthly)}${ownBelow ? '低于' : '不低于'}低保标准${formatYuan(h.standardFen)}`,
    figures: [],
    compare: { left: fenFigure('本人月收入', ownMonthly), op: '<', right: fenFigure('低保标准', h.standardFen, { parameter: h.standardRef }), result: ownBelow },
  });
  const tri = triAnd(householdNotDibao, line, property, lowerTri(ownBelow, h.mayBeOverstated));

  let amountFen: number | null = null;
  if (tri !== 'NO') {
    const p17 = readSinglePersonMode(params, used);
    if (p17 && p17.value.mode === 'BANDED') {
      steps?.push({ kind: 'NOTE', rule: 'R32', text: `单人保按分档计发（${formatParam(p17.ref)}），未配置单人保档次，金额待核定`, figures: [] });
    } else {
      if (!p17) steps?.push({ kind: 'NOTE', rule: 'R32', text: '单人保计发办法（P17）未配置，按补差法（R32默认办法）计算，无保底', figures: [] });
      const gap = h.standardFen * h.months - input.ownIncomeFen;
      const difference = gap > 0 ? gap : 0;
      const floor = p17 ? applyRatio(h.standardFen, p17.value.floorRatio) : 0;
      const floored = floor > 0 && difference < floor * h.months;
      const num = floored ? floor * h.months : difference;
      const rounding = readRoundingOrNote(params, used, steps);
      amountFen = roundPayable(num, h.months, rounding.mode);
      steps?.push({
        kind: 'RULE',
        rule: 'R32',
        text:
          `单人保金额 = 低保标准${formatYuan(h.standardFen)} − 本人月收入${formatYuan(ownMonthly)} = ${formatYuan(divRoundHalfUp(difference, h.months))}` +
          (floored ? `，低于保底${formatYuan(floor)}（低保标准的${formatPercent(p17!.value.floorShareOfStandard)}），按保底计` : '') +
          (p17 ? `（${formatParam(p17.ref)}）` : '') +
          `；按“${ROUNDING_LABELS[rounding.mode]}”为${formatYuan(amountFen)}`,
        figures: [fenFigure('单人保月金额', amountFen)],
      });
    }
  }
  steps?.push({ kind: 'RESULT', rule: 'R31', text: singlePersonResultText(input, tri, amountFen), figures: [textFigure('单人保', triText(tri))] });
  return { tri, amountFen, steps: steps ?? [] };
}

function singlePersonResultText(input: SinglePersonInput, tri: Tri, amountFen: number | null): string {
  const { member } = input;
  if (tri === 'YES') return `${member.name}符合单人保条件，按单人户享受低保，月保障金${amountFen === null ? '待核定' : formatYuan(amountFen)}；其他家庭成员保持原有身份`;
  if (tri === 'NO') return `${member.name}不符合单人保条件`;
  const why = input.property === 'NOT_CONFIGURED' ? '财产待核查' : input.dibao.eligible === 'UNDETERMINED' ? '全户低保资格待定' : '部分条件无法自动判定';
  return `${member.name}是否符合单人保条件待核定（${why}）${amountFen === null ? '' : `，如符合，月保障金${formatYuan(amountFen)}`}`;
}

// ---------------------------------------------------------------------------------------
// R47 rigid expenditure

const RIGID_TYPES: Readonly<Record<string, string>> = {
  MEDICAL_OUT_OF_POCKET: '自付医疗费用',
  EDUCATION: '教育支出',
  REHABILITATION: '康复支出',
  BASIC_LIVING: '基本生活支出',
  OTHER: '其他刚性支出',
};

export interface RigidInput {
  household: HouseholdIncome;
  dibao: Tri;
  edge: Tri;
  property: PropertyResult;
  expenditures: readonly ExpenditureFact[];
  countedIds: ReadonlySet<string>;
  referenceDate: string;
}

/** R47: rigid-expenditure household (P38 share, P64 previous-year disposable income). */
export function assessRigidExpenditure(input: RigidInput, params: ParameterSet, used: UsedParams, explain = true): FlagResult {
  const { household: h } = input;
  const steps: StepDraft[] | null = explain ? [] : null;
  if (input.dibao === 'YES' || input.edge === 'YES') {
    steps?.push({ kind: 'RESULT', rule: 'R47', text: '已符合低保或低保边缘条件，不认定为刚性支出困难家庭', figures: [] });
    return { tri: 'NO', steps: steps ?? [] };
  }
  if (h.size === 0) return { tri: 'NO', steps: steps ?? [] };
  // expenditure in the 12 months before the reference month
  const w = incomeWindow(input.referenceDate, 12);
  let spent = 0;
  let basic = 0;
  let received = 0;
  for (const e of input.expenditures) {
    if (e.personId !== null && !input.countedIds.has(e.personId)) continue;
    const fen = prorate(e.amountFen, e.periodStart, e.periodEnd, w.startDay, w.endDay).fen;
    if (e.expenditureType === 'ASSISTANCE_RECEIVED') received += fen;
    else if (e.expenditureType === 'BASIC_LIVING') basic += fen;
    else if (RIGID_TYPES[e.expenditureType]) spent += fen;
  }
  const basicCap = h.standardFen * h.size * 12;
  if (basic > basicCap) basic = basicCap;
  let rigid = spent + basic - received;
  if (rigid < 0) rigid = 0;
  if (rigid === 0) {
    steps?.push({ kind: 'RESULT', rule: 'R47', text: `${formatMonth(w.from)}至${formatMonth(w.to)}无刚性支出记录，不属于刚性支出困难家庭`, figures: [fenFigure('刚性支出', 0)] });
    return { tri: 'NO', steps: steps ?? [] };
  }
  steps?.push({
    kind: 'INPUT',
    rule: 'R47',
    text: `${formatMonth(w.from)}至${formatMonth(w.to)}刚性支出${formatYuan(rigid)}（医疗、教育、康复等${formatYuan(spent)}，基本生活支出${formatYuan(basic)}${basic === basicCap ? '（以低保标准为限）' : ''}，减去已获救助和捐赠${formatYuan(received)}）`,
    figures: [fenFigure('刚性支出', rigid), fenFigure('已获救助', received)],
  });

  // share of household income (income annualised from the window)
  const p38 = readRigidExpenditure(params, used);
  let share: Tri;
  if (!p38) {
    steps?.push({ kind: 'NOTE', rule: 'R47', text: '刚性支出占比门槛（P38）未配置，无法判定', figures: [] });
    share = 'UNDETERMINED';
  } else {
    const r = p38.value.thresholdRatio;
    // rigid / (total × 12 / months) > threshold  ⇔  rigid × months × den > num × total × 12
    const over = compareProducts([rigid, h.months, r.den], [r.num, h.totalFen, 12]) > 0;
    if (steps) {
      const annualIncome = mulDivHalfUp(h.totalFen, 12, h.months);
      steps.push({
        kind: 'COMPARE',
        rule: 'R47',
        text: `刚性支出${formatYuan(rigid)}占家庭年收入${formatYuan(annualIncome)}的比例${over ? '超过' : '未超过'}${formatPercent(p38.value.threshold)}（${formatParam(p38.ref)}）`,
        figures: [],
        compare: { left: fenFigure('刚性支出', rigid), op: '>', right: fenFigure(`家庭年收入×${formatPercent(p38.value.threshold)}`, mulDivHalfUp(annualIncome, r.num, r.den), { parameter: p38.ref }), result: over },
      });
    }
    share = over ? 'YES' : 'NO';
  }

  // income lower than the previous-year per-capita disposable income (P64)
  const p64 = readDisposableIncome(params, used);
  const prevYear = String(Number(input.referenceDate.slice(0, 4)) - 1);
  let income: Tri;
  const annual = p64?.value.annualFenByYear[prevYear];
  if (!p64 || annual === undefined) {
    steps?.push({
      kind: 'NOTE',
      rule: 'R47',
      text: p64
        ? `${prevYear}年当地居民人均可支配收入数额未配置（${formatParam(p64.ref)}仅规定口径），无法判定收入条件`
        : '上年人均可支配收入口径（P64）未配置，无法判定收入条件',
      figures: [],
    });
    income = 'UNDETERMINED';
  } else {
    // total / (size × months) < annual / 12  ⇔  total × 12 < annual × size × months
    const below = compareProducts([h.totalFen, 12], [annual, h.size, h.months]) < 0;
    if (steps) {
      const pcAnnual = mulDivHalfUp(h.totalFen, 12, h.size * h.months);
      steps.push({
        kind: 'COMPARE',
        rule: 'R47',
        text: `家庭年人均收入${formatYuan(pcAnnual)}${below ? '低于' : '不低于'}${prevYear}年当地居民人均可支配收入${formatYuan(annual)}（${formatParam(p64.ref)}）`,
        figures: [],
        compare: { left: fenFigure('家庭年人均收入', pcAnnual), op: '<', right: fenFigure('上年人均可支配收入', annual, { parameter: p64.ref }), result: below },
      });
    }
    income = lowerTri(below, h.mayBeOverstated);
  }
  const notOther: Tri = input.dibao === 'UNDETERMINED' || input.edge === 'UNDETERMINED' ? 'UNDETERMINED' : 'YES';
  const tri = triAnd(share, income, propertyTri(input.property), notOther);
  steps?.push({
    kind: 'RESULT',
    rule: 'R47',
    text: tri === 'YES' ? '认定为刚性支出困难家庭（有效期最长12个月）' : tri === 'NO' ? '不属于刚性支出困难家庭' : '是否属于刚性支出困难家庭待核定',
    figures: [textFigure('刚性支出困难家庭', triText(tri))],
  });
  return { tri, steps: steps ?? [] };
}
