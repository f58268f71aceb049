/**
 * The household policy engine (issue 3; POLICY.md R102): a pure function of the household's
 * facts, the parameters in force and the reference date. It evaluates in the R102 order —
 * members counted (R14/R15) → income (R17–R23) → property (R25) → 特困 per member (R48–R55,
 * P75 headcount) → 低保 (R26, R29) → edge / Qinghai low-income (R45, R46) → single-person
 * route (R31, R32) → rigid expenditure (R47) — and records every intermediate result as a
 * numbered explanation step in Chinese.
 *
 * It refuses (never guesses) when the MLA standard (P01) or the income window (P04) is not
 * configured. Other missing parameters make the affected test UNDETERMINED, with a step.
 *
 * Micro-benchmark (throwaway script, not a test; Node 20 via tsx, 2 vCPU shared with other
 * jobs, load average 7–8): 10,000 assessments of Worked example 1 (4 members, 7 income
 * items, 3 assets, property configured, 40-step explanation, one shared ParameterSet)
 * take 240–400 ms, i.e. 25–40 µs per household — about 10–16 s for 400,000 households on
 * one core. Parsed parameter values are memoised per ParameterInForce object (params.ts).
 *
 * Quiet mode (`{ explain: false }`) gives the same result, parametersUsed and refusals but
 * builds no explanation (`explanation` is []): every rule function receives the flag and
 * pushes its steps with `steps?.push(…)`, whose argument JavaScript does not evaluate when
 * the list is null. For batch re-assessment, where only the result is kept: on Worked
 * example 1, timed alternately in one process (.scratch/engine-micro-quiet.ts, same shared
 * machine), about 11–12 µs per household quiet against 21–24 µs explained (ratio ≈ 0.5).
 * What remains is the rules themselves and the texts that are part of the result
 * (property findings, referrals).
 */
import type { Decision, Violation } from '../errors.js';
import type {
  Assessment,
  AssessmentResult,
  Classification,
  HouseholdFacts,
  JobRefusalOutcome,
  MemberFacts,
  MemberOutcome,
  ParameterSet,
  Tri,
} from './assessment.types.js';
import { isIsoDate } from './parameter-catalog.js';
import { divRoundHalfUp, formatYuan } from './money.js';
import { Explanation, fenFigure, formatMonth, formatParam, numberFigure, textFigure } from './explain.js';
import { readBoolean, readMonths, readStandard, type UsedParams } from './params.js';
import { ageOn, assessIncome, countMembers, incomeWindow, totalIncome } from './income.rules.js';
import { assessProperty } from './property.rules.js';
import {
  assessDibaoEligibility,
  assessNationalEdge,
  assessQhRuralLowIncome,
  assessRigidExpenditure,
  assessSinglePerson,
  computeDibaoAmount,
  perCapitaMonthly,
  singlePersonGround,
  triText,
  type HouseholdIncome,
} from './dibao.rules.js';
import { assessTekunMember } from './tekun.rules.js';

const S = {
  MEMBERS: '家庭成员认定',
  BASIS: '标准与计算期',
  INCOME: '家庭收入核算',
  PROPERTY: '家庭财产核查',
  TEKUN: '特困人员认定',
  PER_CAPITA: '家庭人均收入',
  DIBAO: '低保资格与金额',
  EDGE: '低保边缘与低收入家庭',
  SINGLE: '单人保',
  RIGID: '刚性支出困难家庭',
  RESULT: '分类结论',
} as const;

const UR_LABEL = { URBAN: '城市', RURAL: '农村' } as const;

const STAGE_LABELS: Readonly<Record<string, string>> = {
  PRESCHOOL: '学前',
  PRIMARY: '小学',
  JUNIOR: '初中',
  SENIOR: '高中',
  VOCATIONAL: '中职',
  COLLEGE: '大专',
  UNDERGRAD: '本科',
  POSTGRAD: '研究生',
};

export interface AssessOptions {
  /** false: quiet mode, no explanation is built (`explanation` is []). Default true. */
  explain?: boolean;
}

function refuse(violation: Violation): Decision<Assessment> {
  return { ok: false, violations: [violation] };
}

/**
 * Assess one household on a reference date ('YYYY-MM-DD', e.g. the acceptance date of an
 * application or the review date). `params` must be resolved for the household's region,
 * urban/rural type and that date.
 */
export function assessHousehold(facts: HouseholdFacts, params: ParameterSet, referenceDate: string, opts: AssessOptions = {}): Decision<Assessment> {
  const explain = opts.explain !== false;
  if (!isIsoDate(referenceDate)) {
    return refuse({ path: 'referenceDate', code: 'POLICY_REFERENCE_DATE_INVALID', params: { referenceDate: String(referenceDate) } });
  }
  const used: UsedParams = {};
  const standard = readStandard(params, facts.urbanRural, used);
  if (!standard) {
    return refuse({
      path: 'P01',
      code: 'POLICY_STANDARD_NOT_CONFIGURED',
      params: { regionCode: facts.regionCode, urbanRural: facts.urbanRural, referenceDate },
    });
  }
  const p04 = readMonths(params, 'P04', used);
  if (!p04) return refuse({ path: 'P04', code: 'POLICY_PARAMETER_MISSING', params: { code: 'P04' } });

  const ex = explain ? new Explanation() : null;
  const standardFen = standard.value.monthlyFen;
  const window = incomeWindow(referenceDate, p04.value);

  // R14 / R15
  const members = countMembers(facts.members, params, used, explain);
  ex?.addAll(S.MEMBERS, members.steps);
  const countedIds = new Set<string>();
  for (const m of members.counted) countedIds.add(m.personId);

  // standard and window
  const published = standard.value.published;
  ex?.add(S.BASIS, {
    kind: 'INPUT',
    rule: 'R27',
    text: `适用${UR_LABEL[facts.urbanRural]}低保标准每人每月${formatYuan(standardFen)}${published.unit === 'YUAN_PER_PERSON_YEAR' ? `（公布为每人每年${formatYuan(Math.round(published.amount * 100))}）` : ''}（${formatParam(standard.ref)}）`,
    figures: [fenFigure('低保标准', standardFen, { parameter: standard.ref })],
  });
  ex?.add(S.BASIS, {
    kind: 'INPUT',
    rule: 'R18',
    text: `收入计算期为${formatMonth(referenceDate)}之前的${window.months}个月：${formatMonth(window.from)}至${formatMonth(window.to)}（${formatParam(p04.ref)}）`,
    figures: [numberFigure('计算期月数', window.months, p04.ref), textFigure('计算期', `${window.from}至${window.to}`)],
  });

  // R17–R22
  const income = assessIncome(facts, members.counted, window, standardFen, params, used, explain);
  ex?.addAll(S.INCOME, income.steps);

  // R25
  const property = assessProperty(facts, countedIds, members.counted.length, standardFen, params, used, explain);
  ex?.addAll(S.PROPERTY, property.steps);

  // R48–R55 per counted member, P75 headcount (R102.1)
  const outcomes: MemberOutcome[] = [];
  let removed: Set<string> | null = null;
  let anyTekun = false;
  let anyTekunOpen = false;
  const tekunOpenNames: string[] = [];
  let p75: ReturnType<typeof readBoolean> | undefined;
  for (const m of members.counted) {
    const own = income.memberFen.get(m.personId) ?? 0;
    const t = assessTekunMember(m, {
      referenceDate,
      urbanRural: facts.urbanRural,
      standardMonthlyFen: standardFen,
      ownIncomeMonthlyFen: divRoundHalfUp(own, window.months),
      property: property.result,
      params,
      used, // the parameters its steps cite (P19, P20, P21, P65)
      explain,
      household: members.counted, // R51: obligors living in the household
    });
    if (ex) {
      for (const s of t.steps) {
        s.text = `${m.name}：${s.text}`;
        ex.add(S.TEKUN, s);
      }
    }
    if (t.tekun === 'YES') {
      anyTekun = true;
      if (p75 === undefined) p75 = readBoolean(params, 'P75', used);
      if (p75?.value !== true) {
        (removed ??= new Set()).add(m.personId);
        ex?.add(S.TEKUN, {
          kind: 'RULE',
          rule: 'R102',
          text: p75
            ? `${m.name}符合特困人员条件，单独供养，不计入家庭低保人数（${formatParam(p75.ref)}）`
            : `${m.name}符合特困人员条件，单独供养；特困人员是否计入低保人数（P75）未配置，按默认不计入家庭低保人数`,
          figures: [textFigure('计入低保人数', '否', p75?.ref)],
        });
      } else {
        ex?.add(S.TEKUN, {
          kind: 'RULE',
          rule: 'R102',
          text: `${m.name}符合特困人员条件，按本地规定仍计入家庭低保人数（${formatParam(p75.ref)}）`,
          figures: [textFigure('计入低保人数', '是', p75.ref)],
        });
      }
    } else if (t.tekun === 'UNDETERMINED') {
      anyTekunOpen = true;
      tekunOpenNames.push(m.name);
    }
    outcomes.push({
      personId: m.personId,
      name: m.name,
      noLabourCapacity: t.noLabourCapacity,
      tekun: t.tekun,
      careLevel: t.careLevel,
      tekunSupportMonthlyFen: t.tekunSupportMonthlyFen,
      singlePerson: 'NO',
      singlePersonAmountFen: null,
    });
  }

  // R23 per capita
  const headcount: MemberFacts[] = removed ? members.counted.filter((m) => !removed!.has(m.personId)) : members.counted;
  const total = totalIncome(income, removed);
  const h: HouseholdIncome = {
    totalFen: total.totalFen,
    size: headcount.length,
    months: window.months,
    standardFen,
    standardRef: standard.ref,
    mayBeOverstated: income.mayBeOverstated,
  };
  const perCapita = perCapitaMonthly(h.totalFen, h.size, h.months);
  ex?.add(S.PER_CAPITA, {
    kind: 'RESULT',
    rule: 'R23',
    text:
      h.size > 0
        ? `计算期内家庭计入收入合计${formatYuan(h.totalFen)}，÷ ${h.size}人 ÷ ${h.months}个月 = 月人均收入${formatYuan(perCapita)}`
        : `计算期内家庭计入收入合计${formatYuan(h.totalFen)}；计入低保的家庭人口为0人，不计算人均收入`,
    figures: [fenFigure('家庭计入收入合计', h.totalFen), numberFigure('低保计入人数', h.size), numberFigure('计算期月数', h.months), fenFigure('月人均收入', perCapita)],
  });

  // R26 / R29
  const dibao = assessDibaoEligibility(h, property.result, explain);
  ex?.addAll(S.DIBAO, dibao.steps);
  let amountFen: number | null = null;
  let method: string | null = null;
  let jobRefusals: JobRefusalOutcome[] = [];
  if (dibao.eligible !== 'NO') {
    const noLabourIds = new Set(outcomes.filter((o) => o.noLabourCapacity).map((o) => o.personId));
    const amount = computeDibaoAmount(h, headcount, facts.dibaoBand ?? null, referenceDate, params, used, noLabourIds, explain);
    ex?.addAll(S.DIBAO, amount.steps);
    amountFen = amount.amountFen;
    method = amount.method;
    jobRefusals = amount.jobRefusals;
  }

  // R45 / R46
  const edge = assessNationalEdge(h, dibao, property.result, params, used, explain);
  ex?.addAll(S.EDGE, edge.steps);
  const qh = assessQhRuralLowIncome(h, facts.urbanRural, params, used, explain);
  ex?.addAll(S.EDGE, qh.steps);

  // R31 / R32: each member of the headcount separately
  let singleYes = false;
  let singleOpen = false;
  for (const m of headcount) {
    const ground = singlePersonGround(m, params, used);
    if (!ground) continue;
    const r = assessSinglePerson(
      { member: m, ownIncomeFen: income.memberFen.get(m.personId) ?? 0, household: h, dibao, property: property.result, urbanRural: facts.urbanRural },
      ground,
      params,
      used,
      explain,
    );
    ex?.addAll(S.SINGLE, r.steps);
    const o = outcomes.find((x) => x.personId === m.personId)!;
    o.singlePerson = r.tri;
    o.singlePersonAmountFen = r.amountFen;
    if (r.tri === 'YES') singleYes = true;
    else if (r.tri === 'UNDETERMINED') singleOpen = true;
  }

  // R47
  const rigid = assessRigidExpenditure(
    { household: h, dibao: dibao.eligible, edge: edge.tri, property: property.result, expenditures: facts.expenditures, countedIds, referenceDate },
    params,
    used,
    explain,
  );
  ex?.addAll(S.RIGID, rigid.steps);

  // R102 classification: the first test in order that is not NO decides
  const order: Array<[Tri, Classification]> = [
    [dibao.eligible, 'DIBAO'],
    [singleYes ? 'YES' : singleOpen ? 'UNDETERMINED' : 'NO', 'DIBAO_SINGLE_PERSON'],
    [edge.tri, 'DIBAO_EDGE'],
    [qh.tri, 'QH_RURAL_LOW_INCOME'],
    [rigid.tri, 'RIGID_EXPENDITURE'],
    [anyTekun ? 'YES' : anyTekunOpen ? 'UNDETERMINED' : 'NO', 'TEKUN_ONLY'],
  ];
  let classification: Classification = 'NONE';
  for (const [tri, label] of order) {
    if (tri === 'NO') continue;
    classification = tri === 'YES' ? label : 'UNDETERMINED';
    break;
  }

  const fangfanpin = facts.categories.includes('FANGFANPIN');
  const categories: string[] = [];
  if (dibao.eligible === 'YES' || singleYes) categories.push('DIBAO');
  if (anyTekun) categories.push('TEKUN');
  if (fangfanpin) categories.push('FANGFANPIN');
  if (edge.tri === 'YES') categories.push('DIBAO_EDGE');
  if (rigid.tri === 'YES') categories.push('RIGID_EXPENDITURE');

  const referrals = buildReferrals(classification, members.counted, referenceDate, property.result, income.mayBeOverstated, tekunOpenNames);
  for (const r of jobRefusals) {
    if (r.reducedFen === null) referrals.push(`减发决定：${r.name}连续${r.refusals}次无正当理由拒绝就业服务机构介绍的工作，须县级民政部门决定减发或停发其本人低保金（R43）`);
  }

  ex?.add(S.RESULT, {
    kind: 'RESULT',
    rule: 'R102',
    text: `按R102顺序：特困${anyTekun ? '有' : anyTekunOpen ? '待核实' : '无'}；低保${triText(dibao.eligible)}；单人保${singleYes ? '有' : singleOpen ? '待核定' : '无'}；低保边缘${triText(edge.tri)}；农牧区低收入${triText(qh.tri)}；刚性支出困难${triText(rigid.tri)}${fangfanpin ? '；防返贫监测对象（农业农村部门认定）' : ''}。结论：${CLASS_TEXT[classification]}`,
    figures: [textFigure('结论', CLASS_TEXT[classification])],
  });
  if (ex) for (const r of referrals) ex.add(S.RESULT, { kind: 'NOTE', rule: 'R71', text: r, figures: [] });

  const result: AssessmentResult = {
    referenceDate,
    window: { from: window.from, to: window.to, months: window.months },
    householdSize: h.size,
    countedIncomeFen: h.totalFen,
    countedByType: total.byType,
    perCapitaMonthlyFen: perCapita,
    standardMonthlyFen: standardFen,
    urbanRural: facts.urbanRural,
    property: { result: property.result, findings: property.findings },
    dibao: { eligible: dibao.eligible, monthlyAmountFen: amountFen, method, ...(jobRefusals.length > 0 ? { jobRefusals } : {}) },
    isNationalEdge: edge.tri,
    isQhRuralLowIncome: qh.tri,
    rigidExpenditure: rigid.tri,
    fangfanpin,
    members: outcomes,
    classification,
    categories,
    referrals,
  };
  return { ok: true, value: { result, explanation: ex ? ex.steps : [], parametersUsed: used } };
}

const CLASS_TEXT: Readonly<Record<Classification, string>> = {
  DIBAO: '低保家庭',
  DIBAO_SINGLE_PERSON: '家庭成员按单人户享受低保',
  DIBAO_EDGE: '低保边缘家庭',
  QH_RURAL_LOW_INCOME: '农牧区低收入贫困家庭',
  RIGID_EXPENDITURE: '刚性支出困难家庭',
  TEKUN_ONLY: '家庭成员中有特困人员（单独供养）',
  NONE: '不符合救助条件',
  UNDETERMINED: '待人工核定',
};

/** R8, R71: special-assistance referrals and follow-ups, in Chinese. */
function buildReferrals(
  classification: Classification,
  counted: readonly MemberFacts[],
  referenceDate: string,
  property: 'PASS' | 'FAIL' | 'NOT_CONFIGURED',
  mayBeOverstated: boolean,
  tekunOpen: readonly string[],
): string[] {
  const out: string[] = [];
  if (property === 'NOT_CONFIGURED') out.push('财产核查：本地财产认定规则未配置或资料不全，须人工核查家庭财产后方可审批');
  if (mayBeOverstated) out.push('收入核定：部分扣除项因参数未配置无法自动计算，须人工核定收入');
  for (const name of tekunOpen) out.push(`特困核实：${name}的特困人员条件待核实`);
  if (classification === 'NONE') return out;
  const dibaoLike = classification === 'DIBAO' || classification === 'DIBAO_SINGLE_PERSON';
  for (const m of counted) {
    if (m.healthStatus === 'SERIOUS' || m.seriousIllness) {
      out.push(`医疗救助：${m.name}${m.seriousIllness ? `患${m.seriousIllness}` : '患重病'}，转介医疗保障部门`);
    }
    if (m.studentStage && m.studentStage !== 'NONE') {
      out.push(`教育救助：${m.name}在读（${STAGE_LABELS[m.studentStage] ?? m.studentStage}），转介教育部门`);
    }
    if (dibaoLike && m.employment === 'UNEMPLOYED' && m.labourCapacity === 'FULL') {
      const age = ageOn(m.birthDate, referenceDate);
      if (age >= 16 && age < 60) out.push(`就业救助：${m.name}有劳动能力、处于失业状态，转介人力资源社会保障部门`);
    }
  }
  return out;
}
