/**
 * 与上次核算相比: what changed between two stored decisions of one household, in Chinese.
 * Pure; shared by the server and the web app.
 *
 * An officer asked "why did my 低保金 change?" after a batch re-assessment (issue 3 §6) or a
 * 渐退 transition (R44) should not have to read two explanations of twenty steps side by side:
 * the figures that moved (standard, income, amount, classification), the parameter versions
 * that were replaced, and the steps whose text differs are listed here, each with both sides.
 * Both decisions are read as stored (§4): nothing is re-computed.
 */
import type { AssessmentResult, ExplanationStep, MemberOutcome, Tri } from './assessment.types.js';
import { CLASSIFICATION_LABELS } from './assessment-summary.js';
import { formatYuan } from './money.js';
import { CARE_LEVEL_LABELS, CATEGORY_LABELS, INCOME_TYPE_LABELS } from '../registry/codes.js';

/** A parameter version a decision used, as the decision view lists it. */
export interface UsedParameterVersion {
  code: string;
  name: string;
  versionId: string;
  regionCode: string;
  effectiveFrom: string;
}

export interface ComparableDecision {
  referenceDate: string;
  result: AssessmentResult;
  explanation: readonly ExplanationStep[];
  parametersUsed: readonly UsedParameterVersion[];
}

/** One figure (or parameter) whose value differs; `before`/`after` are as written for people. */
export interface FigureChange {
  label: string;
  before: string;
  after: string;
}

/** One step of the explanation that differs; null on the side that has no such step. */
export interface StepChange {
  section: string;
  rule: string | null;
  before: string | null;
  after: string | null;
}

export interface AssessmentComparison {
  /** figures of the result, in the order of the summary on the household page */
  figures: FigureChange[];
  /** parameters both decisions used, whose version differs, by code */
  parameters: FigureChange[];
  /** steps whose text differs, in the order of the newer explanation */
  steps: StepChange[];
  /** nothing above differs */
  unchanged: boolean;
}

const TRI: Record<Tri, string> = { YES: '是', NO: '否', UNDETERMINED: '待核定' };
const PROPERTY: Record<AssessmentResult['property']['result'], string> = { PASS: '符合', FAIL: '不符合', NOT_CONFIGURED: '未配置认定规则' };
const NONE = '—';

const money = (fen: number | null | undefined): string => (fen == null ? NONE : formatYuan(fen));
const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

/** A member's own standing (R48–R55, R31) in one line. */
function memberLine(m: MemberOutcome): string {
  const tekun =
    m.tekun === 'YES'
      ? `特困${m.tekunSupportMonthlyFen != null ? `，供养${formatYuan(m.tekunSupportMonthlyFen)}/月` : '，供养标准待核定'}${m.careLevel ? `，${label(CARE_LEVEL_LABELS, m.careLevel)}` : ''}`
      : `特困${TRI[m.tekun]}`;
  const single = m.singlePerson === 'YES' ? `单人保${m.singlePersonAmountFen != null ? formatYuan(m.singlePersonAmountFen) : '金额待核定'}` : `单人保${TRI[m.singlePerson]}`;
  return `${tekun}；${single}`;
}

function listOrNone(items: readonly string[]): string {
  return items.length > 0 ? items.join('；') : '无';
}

function resultFigures(r: AssessmentResult): [string, string][] {
  const ur = r.urbanRural === 'URBAN' ? '城市' : '农村';
  const rows: [string, string][] = [
    ['结论', label(CLASSIFICATION_LABELS, r.classification)],
    ['城乡类别', ur],
    ['计入家庭人口', `${r.householdSize}人`],
    ['收入计算期', `${r.window.from}至${r.window.to}（${r.window.months}个月）`],
    ['计算期内计入收入合计', money(r.countedIncomeFen)],
  ];
  const types = Object.keys(r.countedByType).sort();
  for (const t of types) rows.push([`其中${label(INCOME_TYPE_LABELS, t)}`, money(r.countedByType[t])]);
  rows.push(
    ['月人均收入', money(r.perCapitaMonthlyFen)],
    ['低保标准', `${money(r.standardMonthlyFen)}/人·月`],
    ['财产状况', PROPERTY[r.property.result]],
    ['低保资格', TRI[r.dibao.eligible]],
    ['月保障金', r.dibao.eligible === 'NO' ? NONE : money(r.dibao.monthlyAmountFen)],
    ['低保边缘（1.5倍）', TRI[r.isNationalEdge]],
    ['农牧区低收入（2倍）', TRI[r.isQhRuralLowIncome]],
    ['刚性支出困难', TRI[r.rigidExpenditure]],
    ['防返贫监测对象', r.fangfanpin ? '是' : '否'],
    ['类别', listOrNone(r.categories.map((c) => label(CATEGORY_LABELS, c)))],
    ['转介建议', listOrNone(r.referrals)],
  );
  return rows;
}

/**
 * Rows of both sides by label, the newer decision's order first; an income type or a member
 * present on one side only reads 无收入 / 未计入 on the other.
 */
function figureChanges(before: AssessmentResult, after: AssessmentResult): FigureChange[] {
  const b = resultFigures(before);
  const a = resultFigures(after);
  // an income type counted on one side only is 0 on the other
  for (const [rows, other] of [
    [b, after],
    [a, before],
  ] as const) {
    for (const t of Object.keys(other.countedByType)) {
      const name = `其中${label(INCOME_TYPE_LABELS, t)}`;
      if (!rows.some(([l]) => l === name)) rows.push([name, money(0)]);
    }
  }
  const members = new Map<string, { name: string; before: string; after: string }>();
  for (const m of before.members) members.set(m.personId, { name: m.name, before: memberLine(m), after: '未计入本次核算' });
  for (const m of after.members) {
    const seen = members.get(m.personId);
    if (seen) seen.after = memberLine(m);
    else members.set(m.personId, { name: m.name, before: '未计入上次核算', after: memberLine(m) });
  }
  const beforeByLabel = new Map(b);
  const out: FigureChange[] = [];
  const order = [...a.map(([l]) => l), ...b.map(([l]) => l).filter((l) => !a.some(([x]) => x === l))];
  const afterByLabel = new Map(a);
  for (const l of order) {
    const x = beforeByLabel.get(l) ?? NONE;
    const y = afterByLabel.get(l) ?? NONE;
    if (x !== y) out.push({ label: l, before: x, after: y });
  }
  for (const m of members.values()) {
    if (m.before !== m.after) out.push({ label: `${m.name}（个人）`, before: m.before, after: m.after });
  }
  return out;
}

function versionText(p: UsedParameterVersion): string {
  return `${p.effectiveFrom}起施行（${p.regionCode}）`;
}

/**
 * Parameters both decisions used, in another version. One used by a single side is not listed:
 * the decision took another path (a household no longer eligible is not paid by P18), and its
 * steps say so.
 */
function parameterChanges(before: readonly UsedParameterVersion[], after: readonly UsedParameterVersion[]): FigureChange[] {
  const b = new Map(before.map((p) => [p.code, p]));
  const out: FigureChange[] = [];
  for (const y of [...after].sort((p, q) => p.code.localeCompare(q.code, 'en', { numeric: true }))) {
    const x = b.get(y.code);
    if (!x || x.versionId === y.versionId) continue;
    let bt = versionText(x);
    let at = versionText(y);
    // two versions with the same date and region (a correction approved later) still differ
    if (bt === at) {
      bt += `，版本${x.versionId.slice(0, 8)}`;
      at += `，版本${y.versionId.slice(0, 8)}`;
    }
    out.push({ label: `${y.code} ${y.name}`, before: bt, after: at });
  }
  return out;
}

/** The part of a step's text before its first '：' when that names someone (per-person steps). */
function subject(text: string): string | null {
  const i = text.indexOf('：');
  return i > 0 && i <= 12 ? text.slice(0, i) : null;
}

/**
 * Steps grouped by section and rule. Within a group, texts found on both sides cancel out;
 * what is left is paired in order among steps that name the same person (or none), and the
 * rest stands alone: a member's step added or dropped is not read as another member's change.
 */
function stepChanges(before: readonly ExplanationStep[], after: readonly ExplanationStep[]): StepChange[] {
  const key = (s: ExplanationStep) => `${s.section}\u0000${s.rule ?? ''}`;
  const groups = new Map<string, { section: string; rule: string | null; before: string[]; after: string[] }>();
  const group = (s: ExplanationStep) => {
    let g = groups.get(key(s));
    if (!g) groups.set(key(s), (g = { section: s.section, rule: s.rule, before: [], after: [] }));
    return g;
  };
  // the newer decision's order first, so its groups come first
  for (const s of after) group(s).after.push(s.text);
  for (const s of before) group(s).before.push(s.text);

  const out: StepChange[] = [];
  for (const g of groups.values()) {
    const olds = [...g.before];
    const news: string[] = [];
    for (const t of g.after) {
      const i = olds.indexOf(t);
      if (i >= 0) olds.splice(i, 1);
      else news.push(t);
    }
    for (const t of news) {
      const who = subject(t);
      const i = olds.findIndex((o) => subject(o) === who);
      const old = i >= 0 ? olds.splice(i, 1)[0]! : null;
      out.push({ section: g.section, rule: g.rule, before: old, after: t });
    }
    for (const t of olds) out.push({ section: g.section, rule: g.rule, before: t, after: null });
  }
  return out;
}

/** What differs from `before` (the earlier decision) to `after`. */
export function compareAssessments(before: ComparableDecision, after: ComparableDecision): AssessmentComparison {
  const figures = figureChanges(before.result, after.result);
  const parameters = parameterChanges(before.parametersUsed, after.parametersUsed);
  const steps = stepChanges(before.explanation, after.explanation);
  return { figures, parameters, steps, unchanged: figures.length === 0 && parameters.length === 0 && steps.length === 0 };
}
