/**
 * 特困人员认定 — POLICY.md §10 (R48–R55, with R1/R2 for ages and R52 for minors).
 *
 * Pure: one member's facts plus the household context in, a Tri decision with its
 * explanation steps out. Called for every member of every household, so the common case
 * (a working-age member without a disability) returns after one step.
 */
import { ageOn } from '../registry/id-number.js';
import { careLevelOf as careLevelOfAssessment } from '../registry/self-care.js';
import { CARE_LEVEL_LABELS, componentsOfCertificate, describeDisability, describeDisabilityComponents, describeSupportArrangement, sortDisabilityComponents, SUPPORT_MODE_LABELS } from '../registry/codes.js';
import type {
  ExplanationStep,
  Figure,
  MemberFacts,
  MemberOutcome,
  ObligorFacts,
  ObligorInabilityGround,
  ParameterInForce,
  ParameterSet,
  SelfCareFacts,
  SupportArrangementFacts,
  Tri,
} from './assessment.types.js';
import type { UsedParams } from './params.js';
import { formatYuan as yuan } from './money.js';

type Step = Omit<ExplanationStep, 'n' | 'section'>;
/** Steps being collected, or null in quiet mode: `steps?.push(…)` then builds nothing. */
type Steps = Step[] | null;
type CareLevel = MemberOutcome['careLevel'];

export interface TekunContext {
  /** age reference date (P41: acceptance date for eligibility), 'YYYY-MM-DD' */
  referenceDate: string;
  urbanRural: 'URBAN' | 'RURAL';
  standardMonthlyFen: number;
  /** the member's own counted income per month per R50, fen, rounded */
  ownIncomeMonthlyFen: number;
  /** R50: extreme-poverty property rule (P19) applied to this member */
  property: 'PASS' | 'FAIL' | 'NOT_CONFIGURED';
  params: ParameterSet;
  /**
   * When given, receives code → versionId of every parameter the member's explanation cites
   * (P19, P20, P21, P65), in quiet mode as well, for the assessment's `parametersUsed`.
   */
  used?: UsedParams;
  /** false: quiet mode, the same decision without building steps (`steps` is []). Default true. */
  explain?: boolean;
  /**
   * The household's counted members (R14), the assessed member among them. Where the member's
   * obligors are not recorded, the ones living in the household are looked for here (R51).
   */
  household?: readonly MemberFacts[];
}

export interface TekunMemberResult {
  /** R49 proper (not the R52 continuation of supported minors) */
  noLabourCapacity: boolean;
  tekun: Tri;
  careLevel: CareLevel;
  /** R55 basic living + care standard; null unless tekun = YES and every figure is configured */
  tekunSupportMonthlyFen: number | null;
  /** empty in quiet mode (`ctx.explain` false) */
  steps: Step[];
}

/**
 * R49 / R99: S3 (民发〔2021〕43号) widened the disability grades and (R52) extended support
 * of minors to 18. POLICY.md gives no date; the notice is dated 2021-04-26 and, as we
 * recall it, takes effect on 2021-07-01 [U — confirm with 青海省民政厅]. Reference dates
 * before this use the 2016 version (民发〔2016〕178号), kept for historical records.
 */
export const TEKUN_RULES_2021_FROM = '2021-07-01';

/** R49 item 1 / R1 “60周岁以上”. */
export const ELDERLY_AGE = 60;
/** R49 item 2 / R1 “未满16周岁”. */
export const UNDER_AGE_NO_LABOUR = 16;
/** R52 / Civil Code: 未成年人 = under 18. */
export const ADULT_AGE = 18;

/**
 * P65 items the engine can match against recorded facts. Any other configured code cannot
 * be checked automatically and leaves condition 1 undetermined (manual review).
 */
export const P65_RECOGNISED_SITUATIONS: Readonly<Record<string, string>> = {
  SERIOUS_ILLNESS: '患重病',
  RECORDED_NO_LABOUR_CAPACITY: '经评定无劳动能力',
};

const INABILITY_LABELS: Readonly<Record<ObligorInabilityGround, string>> = {
  TEKUN: '系特困人员',
  DIBAO_AGED_60: '60周岁以上的低保对象',
  AGED_70_LOW_INCOME: '70周岁以上，收入低于上年人均可支配收入，财产符合规定',
  SEVERE_DISABILITY_LOW_INCOME: '重度残疾（或三级智力、精神残疾），收入低于上年人均可支配收入，财产符合规定',
  NO_CIVIL_CAPACITY_MISSING_OR_PRISON: '无民事行为能力、被宣告失踪或在监狱服刑，财产符合规定',
  PROVINCIAL_OTHER: '省定其他情形',
};

/** R52: stages in which a supported person keeps support after the age limit. */
const CONTINUING_STUDY_STAGES = new Set(['PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL']);

const ACTIVITIES: ReadonlyArray<readonly [keyof Omit<SelfCareFacts, 'assessedOn'>, string]> = [
  ['eating', '吃饭'],
  ['dressing', '穿衣'],
  ['gettingInOutOfBed', '上下床'],
  ['usingToilet', '如厕'],
  ['walkingIndoors', '室内行走'],
  ['bathing', '洗澡'],
];


// ---------------------------------------------------------------------------------------
// Small exported rules

/**
 * R2: age in full years on `date`. A person reaches age N on the N-th birthday; someone
 * born on 29 February reaches it on 1 March in non-leap years (28 Feb sorts before 29 Feb).
 */
export { ageOn };

/** Activities (Chinese names) the person cannot do independently (R53). */
export function failedActivities(selfCare: SelfCareFacts): string[] {
  const out: string[] = [];
  for (const [key, label] of ACTIVITIES) if (!selfCare[key]) out.push(label);
  return out;
}

/** R53: 0 failed → 全自理; 1–3 → 半护理; 4 or more → 全护理; null when not assessed. */
export function careLevelOf(selfCare: SelfCareFacts | null): CareLevel {
  return selfCare ? careLevelOfAssessment(selfCare) : null;
}

/** R49 item 3 (2021) or its narrower 2016 version. */
export function isNoLabourDisability(category: string | null, grade: number | null, referenceDate: string): boolean {
  if (!category || !grade) return false;
  const v2021 = referenceDate >= TEKUN_RULES_2021_FROM;
  switch (category) {
    case 'INTELLECTUAL':
    case 'MENTAL':
      return grade <= (v2021 ? 3 : 2);
    case 'PHYSICAL':
      return grade <= (v2021 ? 2 : 1);
    case 'VISUAL':
      return v2021 && grade === 1;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------
// Private helpers

function paramRef(p: ParameterInForce): NonNullable<Figure['parameter']> {
  return { code: p.code, versionId: p.versionId, effectiveFrom: p.effectiveFrom, regionCode: p.regionCode, confidence: p.confidence };
}

/** Record a parameter that a step cites in `ctx.used` (done whether or not the step is built). */
function cite(ctx: TekunContext, p: ParameterInForce): void {
  if (ctx.used) ctx.used[p.code] = p.versionId;
}

/** fen × multiplier, half up to whole fen (multiplier exact to 6 decimals). */
function multiplyHalfUp(fen: number, multiplier: number): number {
  const scaled = Math.round(multiplier * 1_000_000);
  return Math.floor((fen * scaled + 500_000) / 1_000_000);
}

/** fen × numerator / denominator, half up to whole fen. */
function fractionHalfUp(fen: number, f: { numerator: number; denominator: number }): number {
  return Math.floor((2 * fen * f.numerator + f.denominator) / (2 * f.denominator));
}

function combine(...parts: Tri[]): Tri {
  if (parts.includes('NO')) return 'NO';
  return parts.includes('UNDETERMINED') ? 'UNDETERMINED' : 'YES';
}

const TRI_TEXT: Readonly<Record<Tri, string>> = { YES: '符合', NO: '不符合', UNDETERMINED: '待定' };

// ---------------------------------------------------------------------------------------
// R49 and R52: condition 1

interface ConditionOne {
  noLabourCapacity: boolean;
  met: Tri;
}

function assessConditionOne(member: MemberFacts, age: number, ctx: TekunContext, steps: Steps): ConditionOne {
  const ageFig: Figure = { label: '年龄', number: age };
  let noLabour = false;

  if (age >= ELDERLY_AGE) {
    noLabour = true;
    steps?.push({
      kind: 'COMPARE', rule: 'R49', figures: [ageFig],
      text: `年龄${age}周岁，属60周岁以上（含60周岁），无劳动能力`,
      compare: { left: ageFig, op: '>=', right: { label: '老年人年龄', number: ELDERLY_AGE }, result: true },
    });
  } else {
    const under16 = age < UNDER_AGE_NO_LABOUR;
    noLabour = under16;
    steps?.push({
      kind: 'COMPARE', rule: 'R49', figures: [ageFig],
      text: under16
        ? `年龄${age}周岁，未满16周岁，无劳动能力`
        : `年龄${age}周岁，不属60周岁以上或未满16周岁`,
      compare: { left: ageFig, op: '<', right: { label: '未成年人年龄上限', number: UNDER_AGE_NO_LABOUR }, result: under16 },
    });
  }

  const { disabilityCategory: cat, disabilityGrade: grade } = member;
  const current = componentsOfCertificate(cat, grade, member.disabilityComponents);
  const components = current ? sortDisabilityComponents(current) : null;
  if (cat && grade) {
    const version = ctx.referenceDate >= TEKUN_RULES_2021_FROM ? '2021年办法' : '2016年办法';
    const held = describeDisability(cat, grade);
    if (components) {
      // 多重残疾: each recorded category is tested on its own grade (R49 item 3).
      const hit = components.find((c) => isNoLabourDisability(c.category, c.grade, ctx.referenceDate));
      const listed = describeDisabilityComponents(components);
      steps?.push({
        kind: 'RULE', rule: 'R49',
        figures: [{ label: '残疾类别等级', text: held }, { label: '多重残疾各类别等级', text: listed }],
        text: hit
          ? `持${held}残疾证（${listed}），其中${describeDisability(hit.category, hit.grade)}按${version}属无劳动能力`
          : `持${held}残疾证（${listed}），各类别残疾等级按${version}均不属无劳动能力的残疾等级`,
      });
      noLabour ||= hit !== undefined;
    } else {
      const qualifies = isNoLabourDisability(cat, grade, ctx.referenceDate);
      steps?.push({
        kind: 'RULE', rule: 'R49',
        figures: [{ label: '残疾类别等级', text: held }],
        text: qualifies ? `持${held}残疾证，按${version}属无劳动能力` : `持${held}残疾证，按${version}不属无劳动能力的残疾等级`,
      });
      noLabour ||= qualifies;
    }
  }

  let undetermined = false;
  if (!noLabour && cat === 'MULTIPLE' && grade && !components) {
    undetermined = true;
    const recorded = member.disabilityComponents?.length ? member.disabilityComponents : null;
    steps?.push({
      kind: 'NOTE', rule: 'R49', figures: [],
      text: recorded
        ? `多重残疾，登记的各类别等级（${describeDisabilityComponents(recorded)}）与残疾证等级${describeDisability(cat, grade)}不符，需更新救助认定信息并人工核实是否无劳动能力`
        : '多重残疾，未登记各类别残疾等级（救助认定信息），需按各类别残疾等级人工核实是否无劳动能力',
    });
  }
  const p65 = ctx.params.P65;
  if (!noLabour && p65 && Array.isArray(p65.value) && p65.value.length > 0) {
    for (const code of p65.value as string[]) {
      const label = P65_RECOGNISED_SITUATIONS[code];
      if (label === undefined) {
        undetermined = true;
        cite(ctx, p65);
        steps?.push({ kind: 'NOTE', rule: 'R49', figures: situationFigures(code, p65), text: `省定无劳动能力情形“${code}”无对应登记信息，需人工核实` });
        continue;
      }
      const hit =
        code === 'SERIOUS_ILLNESS'
          ? member.seriousIllness !== null || member.healthStatus === 'SERIOUS'
          : member.labourCapacity === 'NONE';
      if (hit) {
        noLabour = true;
        cite(ctx, p65);
        steps?.push({ kind: 'RULE', rule: 'R49', figures: situationFigures(label, p65), text: `属省定无劳动能力情形：${label}` });
        break;
      }
    }
  }

  if (noLabour) return { noLabourCapacity: true, met: 'YES' };

  // R52: a supported minor keeps support up to 18 (2021) and while studying after that;
  // under the 2016 version support ended at 16 unless still studying.
  if (member.personCategories.includes('TEKUN')) {
    const studying = member.studentStage !== null && CONTINUING_STUDY_STAGES.has(member.studentStage);
    const v2021 = ctx.referenceDate >= TEKUN_RULES_2021_FROM;
    const continues = v2021 ? age < ADULT_AGE || studying : studying;
    if (continues) {
      steps?.push({
        kind: 'RULE', rule: 'R52', figures: [ageFig],
        text: studying
          ? `已纳入特困供养，仍在校就读，就读期间继续供养`
          : `已纳入特困供养的未成年人，年满18周岁前继续供养`,
      });
      return { noLabourCapacity: false, met: 'YES' };
    }
  }
  return { noLabourCapacity: false, met: undetermined ? 'UNDETERMINED' : 'NO' };
}

function situationFigures(text: string, p65: ParameterInForce): Figure[] {
  return [{ label: '省定情形', text, parameter: paramRef(p65) }];
}

// ---------------------------------------------------------------------------------------
// R50: condition 2

function assessConditionTwo(ctx: TekunContext, steps: Steps): Tri {
  const income: Figure = { label: '本人月收入', fen: ctx.ownIncomeMonthlyFen };
  const standard: Figure = { label: '低保标准', fen: ctx.standardMonthlyFen };
  const below = ctx.ownIncomeMonthlyFen < ctx.standardMonthlyFen;
  steps?.push({
    kind: 'COMPARE', rule: 'R50', figures: [income, standard],
    text: below
      ? `本人月收入${yuan(ctx.ownIncomeMonthlyFen)}，低于低保标准${yuan(ctx.standardMonthlyFen)}`
      : `本人月收入${yuan(ctx.ownIncomeMonthlyFen)}，不低于低保标准${yuan(ctx.standardMonthlyFen)}，有生活来源`,
    compare: { left: income, op: '<', right: standard, result: below },
  });
  if (!below) return 'NO';
  const p19 = ctx.params.P19;
  if (p19) cite(ctx, p19);
  switch (ctx.property) {
    case 'PASS':
      steps?.push({ kind: 'RULE', rule: 'R50', figures: propertyRuleFigures(p19), text: '财产符合特困人员财产规定，无生活来源' });
      return 'YES';
    case 'FAIL':
      steps?.push({ kind: 'RULE', rule: 'R50', figures: propertyRuleFigures(p19), text: '财产不符合特困人员财产规定，不属无生活来源' });
      return 'NO';
    default:
      steps?.push({ kind: 'NOTE', rule: 'R50', figures: propertyRuleFigures(p19), text: '特困人员财产认定规则未配置（P19），无法判断是否无生活来源' });
      return 'UNDETERMINED';
  }
}

function propertyRuleFigures(p19: ParameterInForce | undefined): Figure[] {
  return p19 ? [{ label: '财产认定规则', text: '特困人员财产规定', parameter: paramRef(p19) }] : [];
}

// ---------------------------------------------------------------------------------------
// R48(3), R51: condition 3

function assessConditionThree(member: MemberFacts, ctx: TekunContext, steps: Steps): Tri {
  const { obligors } = member;
  if (obligors === null) return householdObligors(member, ctx, steps);
  if (obligors.length === 0) {
    steps?.push({ kind: 'RULE', rule: 'R48', figures: [], text: '无法定赡养、抚养、扶养义务人' });
    return 'YES';
  }
  const able = obligors.filter((o) => o.inabilityGround === null);
  if (able.length > 0) {
    steps?.push({
      kind: 'RULE', rule: 'R51', figures: obligorFigures(obligors),
      text: `法定义务人${able.map((o) => `${o.name}（${o.relationship}）`).join('、')}有履行义务能力`,
    });
    return 'NO';
  }
  steps?.push({
    kind: 'RULE', rule: 'R51', figures: obligorFigures(obligors),
    text: `法定义务人均无履行义务能力：${obligors.map((o) => `${o.name}（${o.relationship}）：${INABILITY_LABELS[o.inabilityGround!]}`).join('；')}`,
  });
  return 'YES';
}

/**
 * Who in the household is certainly a legal obligor of `member`, by relationship to the head:
 * a child's parent (the head: 抚养), the spouse (扶养), a parent's child (the head: 赡养), an
 * adult child of the head (赡养). Relationships that make a duty only in some cases (the head's
 * spouse to the head's child, who may be a step-child; grandparents, siblings) are left out.
 */
function obligorsInHousehold(member: MemberFacts, household: readonly MemberFacts[]): MemberFacts[] {
  const out: MemberFacts[] = [];
  for (const o of household) {
    if (o.personId === member.personId) continue;
    const r = o.relationship;
    const obligor = member.relationship === 'HEAD' ? r === 'SPOUSE' || r === 'CHILD' : r === 'HEAD' && OBLIGED_HEAD.has(member.relationship);
    if (obligor) out.push(o);
  }
  return out;
}

/** The duty an obligor found by `obligorsInHousehold` owes the member: a child's to a parent, spouses', a parent's to a child. */
function dutyOf(member: string, obligor: string): '赡养' | '扶养' | '抚养' {
  if (obligor === 'CHILD' || member === 'PARENT') return '赡养';
  return member === 'CHILD' ? '抚养' : '扶养';
}

/** Whom the head is certainly a legal obligor of (the member's relationship to the head). */
const OBLIGED_HEAD = new Set(['CHILD', 'SPOUSE', 'PARENT']);

const OBLIGOR_ROLE: Readonly<Record<string, string>> = { HEAD: '户主', SPOUSE: '配偶', CHILD: '子女' };

/**
 * R51 with nothing of it recorded for this obligor but what the registry holds: able when no
 * ground of R51 can apply. A counted member is not missing or in prison (R15); aged 18–59
 * (not a minor, none of R51.2–3); not supported as 特困 (R51.1); with no disability, serious
 * illness or assessed lack of labour capacity on record (R51.4–5, and any provincial ground);
 * not in school (an adult student is not on R51's list, but whether one can support anybody is
 * for the officer). Anything else leaves the question to the officer.
 */
function certainlyAble(o: MemberFacts, referenceDate: string): boolean {
  const age = ageOn(o.birthDate, referenceDate);
  return (
    age >= ADULT_AGE &&
    age < ELDERLY_AGE &&
    o.exclusion === null &&
    !o.personCategories.includes('TEKUN') &&
    o.disabilityCategory === null &&
    o.disabilityGrade === null &&
    !o.seriousIllness &&
    o.healthStatus !== 'SERIOUS' &&
    o.healthStatus !== 'DISABLED' &&
    o.labourCapacity !== 'NONE' &&
    (o.studentStage === null || o.studentStage === 'NONE')
  );
}

/**
 * R48(3) when the member's obligors are not recorded: one able obligor defeats the condition
 * (R51), so an obligor living in the household who is certainly able settles it (NO).
 * Otherwise it stays undetermined: obligors outside the household, and the ability of those in
 * it, are for the officer to record.
 */
function householdObligors(member: MemberFacts, ctx: TekunContext, steps: Steps): Tri {
  const inHousehold = ctx.household ? obligorsInHousehold(member, ctx.household) : [];
  const able = inHousehold.find((o) => certainlyAble(o, ctx.referenceDate));
  if (able) {
    if (steps) {
      const ableAge = ageOn(able.birthDate, ctx.referenceDate);
      const duty = dutyOf(member.relationship, able.relationship);
      const label = `${able.name}（${OBLIGOR_ROLE[able.relationship] ?? able.relationship}）`;
      steps.push({
        kind: 'RULE', rule: 'R51',
        figures: [{ label, text: `同户成员，${ableAge}周岁，有履行义务能力` }],
        text: `未另行登记义务人情况；同户成员${label}为法定${duty}义务人，${ableAge}周岁，未登记特困供养、残疾、重病、丧失劳动能力或在校就读，不具备无履行义务能力的情形，有履行义务能力`,
      });
    }
    return 'NO';
  }
  if (steps) {
    const names = inHousehold.map((o) => `${o.name}（${OBLIGOR_ROLE[o.relationship] ?? o.relationship}）`);
    steps.push({
      kind: 'NOTE', rule: 'R51', figures: [],
      text: names.length
        ? `未登记法定赡养、抚养、扶养义务人情况；同户义务人${names.join('、')}的履行能力需核实`
        : '未登记法定赡养、抚养、扶养义务人情况',
    });
  }
  return 'UNDETERMINED';
}

function obligorFigures(obligors: readonly ObligorFacts[]): Figure[] {
  return obligors.map((o) => ({
    label: `${o.name}（${o.relationship}）`,
    text: o.inabilityGround === null ? '有履行义务能力' : INABILITY_LABELS[o.inabilityGround],
  }));
}

// ---------------------------------------------------------------------------------------
// R53, R55: care level and support standard

function careLevelStep(selfCare: SelfCareFacts, level: NonNullable<CareLevel>): Step {
  const failed = failedActivities(selfCare);
  const which = failed.length > 0 ? `（${failed.join('、')}）` : '';
  return {
    kind: 'RULE', rule: 'R53',
    figures: [
      { label: '不能自主完成的活动项数', number: failed.length },
      { label: '评估日期', text: selfCare.assessedOn },
    ],
    text: `${selfCare.assessedOn}评估：六项日常活动中${failed.length}项不能自主完成${which}，护理等级为${CARE_LEVEL_LABELS[level]}`,
  };
}

const SHARE_KEYS = { FULL_SELF_CARE: 'fullSelfCare', PARTIAL_CARE: 'partialCare', FULL_CARE: 'fullCare' } as const;

interface P21Value {
  basis: 'PREVIOUS_YEAR_MINIMUM_WAGE' | 'MLA_STANDARD';
  minimumShares: Record<'fullSelfCare' | 'partialCare' | 'fullCare', { numerator: number; denominator: number }>;
  institutionalUpliftRate: number;
  previousYearMinimumWageMonthlyFenByYear?: Record<string, number>;
}

/**
 * R55 with R56: the care standard raised by P21's uplift for a person in institutional care
 * (集中供养) and for a community resident with mental illness or an infectious disease;
 * unchanged for other home support. An arrangement not recorded, or recorded from after the
 * reference date, raises nothing and the step says so.
 */
function careUplift(
  care: number,
  support: SupportArrangementFacts | null,
  rate: number,
  p21: NonNullable<Figure['parameter']>,
  referenceDate: string,
  steps: Steps,
): number {
  const rateFigure: Figure = { label: '照料护理标准上浮比例', number: rate, parameter: p21 };
  if (!support || support.since > referenceDate) {
    steps?.push({
      kind: 'NOTE', rule: 'R56', figures: [rateFigure],
      text: support
        ? `供养方式${describeSupportArrangement(support)}晚于核算基准日${referenceDate}，本次未计算照料护理标准上浮（P21）`
        : '未登记供养方式（集中供养或分散供养），未计算集中供养（及患精神病、传染病社区居住人员）照料护理标准上浮（P21），请在成员政策信息中登记',
    });
    return care;
  }
  const raises = support.mode === 'INSTITUTIONAL' || support.homeCondition !== null;
  if (!raises) {
    steps?.push({
      kind: 'RULE', rule: 'R56',
      figures: [{ label: '供养方式', text: SUPPORT_MODE_LABELS[support.mode] }],
      text: `${describeSupportArrangement(support)}，照料护理标准不上浮`,
    });
    return care;
  }
  const raised = multiplyHalfUp(care, 1 + rate);
  steps?.push({
    kind: 'RULE', rule: 'R55',
    figures: [
      { label: '供养方式', text: SUPPORT_MODE_LABELS[support.mode] },
      { label: '照料护理标准', fen: care },
      rateFigure,
      { label: '上浮后照料护理标准', fen: raised },
    ],
    text: `${describeSupportArrangement(support)}，照料护理标准上浮${percent(rate)}：${yuan(care)} × (1 + ${percent(rate)}) = ${yuan(raised)}`,
  });
  return raised;
}

/** 0.5 → “50%” (a rate exact to 4 decimals). */
function percent(rate: number): string {
  return `${Math.round(rate * 1_000_000) / 10_000}%`;
}

function supportAmount(careLevel: CareLevel, support: SupportArrangementFacts | null, ctx: TekunContext, steps: Steps): number | null {
  const p20 = ctx.params.P20;
  if (!p20 || typeof p20.value !== 'number') {
    steps?.push({ kind: 'NOTE', rule: 'R55', figures: [], text: '未配置特困人员基本生活标准倍数（P20），供养标准暂无法计算' });
    return null;
  }
  const multiplier = p20.value;
  const basic = multiplyHalfUp(ctx.standardMonthlyFen, multiplier);
  cite(ctx, p20);
  steps?.push({
    kind: 'RULE', rule: 'R55',
    figures: [
      { label: '低保标准', fen: ctx.standardMonthlyFen },
      { label: '倍数', number: multiplier, parameter: paramRef(p20) },
      { label: '基本生活标准', fen: basic },
    ],
    text: `基本生活标准 = 低保标准${yuan(ctx.standardMonthlyFen)} × ${multiplier} = ${yuan(basic)}`,
  });

  if (careLevel === null) {
    steps?.push({ kind: 'NOTE', rule: 'R53', figures: [], text: '未登记生活自理能力评估，照料护理标准和供养标准暂无法计算' });
    return null;
  }
  const p21 = ctx.params.P21;
  if (!p21) {
    steps?.push({ kind: 'NOTE', rule: 'R55', figures: [], text: '未配置特困照料护理标准（P21），供养标准暂无法计算' });
    return null;
  }
  const v = p21.value as P21Value;
  const share = v.minimumShares[SHARE_KEYS[careLevel]];
  cite(ctx, p21); // every path below cites P21 in a step
  let base: number;
  let year: string | null = null; // set for the minimum-wage basis
  if (v.basis === 'MLA_STANDARD') {
    base = ctx.standardMonthlyFen;
  } else {
    year = String(Number(ctx.referenceDate.slice(0, 4)) - 1);
    const wage = v.previousYearMinimumWageMonthlyFenByYear?.[year];
    if (wage === undefined) {
      steps?.push({
        kind: 'NOTE', rule: 'R55',
        figures: [{ label: '照料护理标准基数', text: `${year}年当地月最低工资标准`, parameter: paramRef(p21) }],
        text: `照料护理标准以上年度（${year}年）当地月最低工资标准为基数，该数额未配置（P21），照料护理标准和供养标准暂无法计算`,
      });
      return null;
    }
    base = wage;
  }
  const care = fractionHalfUp(base, share);
  if (steps) {
    const baseLabel = year === null ? '低保标准' : `${year}年月最低工资标准`;
    steps.push({
      kind: 'RULE', rule: 'R55',
      figures: [
        { label: baseLabel, fen: base, parameter: paramRef(p21) },
        { label: '比例', text: `${share.numerator}/${share.denominator}`, parameter: paramRef(p21) },
        { label: '照料护理标准', fen: care },
      ],
      text: `${CARE_LEVEL_LABELS[careLevel]}照料护理标准 = ${baseLabel}${yuan(base)} × ${share.numerator}/${share.denominator} = ${yuan(care)}`,
    });
  }
  const careApplied = careUplift(care, support, v.institutionalUpliftRate, paramRef(p21), ctx.referenceDate, steps);
  const total = basic + careApplied;
  steps?.push({
    kind: 'RESULT', rule: 'R55',
    figures: [{ label: '基本生活标准', fen: basic }, { label: '照料护理标准', fen: careApplied }, { label: '供养标准', fen: total }],
    text: `供养标准 = 基本生活标准${yuan(basic)} + 照料护理标准${yuan(careApplied)} = ${yuan(total)}/月`,
  });
  return total;
}

// ---------------------------------------------------------------------------------------
// The member assessment

/**
 * R48: elderly, disabled and minor members are supported when (1) no labour capacity
 * (R49, or continuing support of a supported minor, R52), (2) no source of livelihood
 * (R50) and (3) no able legal obligor (R51) all hold.
 */
export function assessTekunMember(member: MemberFacts, ctx: TekunContext): TekunMemberResult {
  const steps: Steps = ctx.explain === false ? null : [];
  const age = ageOn(member.birthDate, ctx.referenceDate);
  const careLevel = careLevelOf(member.selfCare);
  const disabled = member.disabilityCategory !== null && member.disabilityGrade !== null;
  const supported = member.personCategories.includes('TEKUN');
  const candidate = age >= ELDERLY_AGE || age < ADULT_AGE || disabled || supported;

  if (!candidate) {
    steps?.push({
      kind: 'RESULT', rule: 'R48',
      figures: [{ label: '年龄', number: age }],
      text: `年龄${age}周岁，非老年人、残疾人或未成年人，不属特困供养对象`,
    });
    return { noLabourCapacity: false, tekun: 'NO', careLevel, tekunSupportMonthlyFen: null, steps: steps ?? [] };
  }

  const one = assessConditionOne(member, age, ctx, steps);
  const two = assessConditionTwo(ctx, steps);
  const three = assessConditionThree(member, ctx, steps);
  const tekun = combine(one.met, two, three);
  steps?.push(conditionsStep(one.met, two, three, tekun));

  if (member.selfCare && careLevel && tekun !== 'NO') steps?.push(careLevelStep(member.selfCare, careLevel));
  const amount = tekun === 'YES' ? supportAmount(careLevel, member.support, ctx, steps) : null;
  return { noLabourCapacity: one.noLabourCapacity, tekun, careLevel, tekunSupportMonthlyFen: amount, steps: steps ?? [] };
}

/** The labels of the conditions with the given outcome, each in quotes: “无劳动能力”、“无生活来源”. */
function quoted(conditions: readonly Figure[], outcome: string): string {
  return conditions.filter((c) => c.text === outcome).map((c) => `“${c.label}”`).join('、');
}

/** R48 conclusion over the three conditions. */
function conditionsStep(one: Tri, two: Tri, three: Tri, tekun: Tri): Step {
  const conditions: Figure[] = [
    { label: '无劳动能力', text: TRI_TEXT[one] },
    { label: '无生活来源', text: TRI_TEXT[two] },
    { label: '无法定义务人或义务人无履行能力', text: TRI_TEXT[three] },
  ];
  return {
    kind: 'RESULT', rule: 'R48', figures: conditions,
    text:
      tekun === 'YES'
        ? '三项条件同时具备，符合特困人员条件'
        : tekun === 'NO'
          ? `不符合特困人员条件：${quoted(conditions, '不符合')}不具备`
          : `特困人员条件待定：${quoted(conditions, '待定')}需核实`,
  };
}
