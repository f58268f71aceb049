/**
 * Household property (POLICY.md §7, R24–R25; P19). Property limits are local and, for
 * Qinghai, not found: the engine fails closed. P19 `{ configured: false }`, a missing P19,
 * or a check the rules do not mention all give NOT_CONFIGURED, which blocks automatic
 * approval; nothing passes silently.
 *
 * Shape of P19.rules (an OBJECT in the catalog; every key optional, a key may also be
 * `{ "applies": false }` to state that the region deliberately sets no such limit):
 *
 *   {
 *     "financialAssets": { "maxMultipleOfAnnualStandard": 2 },
 *         // deposits + securities ≤ k × (monthly standard × 12) × counted household size
 *     "housing":  { "maxDwellings": 1 },
 *         // number of HOUSE assets ≤ n
 *     "vehicles": { "maxCount": 1, "maxValueFen": 5000000, "exemptPurposes": ["DISABILITY", "WORKING", "AGRICULTURAL"] },
 *         // VEHICLE assets whose details.purpose is not exempt: count ≤ maxCount and each
 *         // value not above maxValueFen (null = no value limit); maxCount 0 = none allowed
 *     "business": { "allowed": false, "maxValueFen": null },
 *         // BUSINESS assets (registered business, company shares): allowed=false → any fails;
 *         // otherwise a value above maxValueFen fails
 *     "livestock": { "maxSheepUnitsPerCapita": 40, "sheepUnitsPerHead": { "SHEEP": 1, "GOAT": 0.8, "YAK": 4, "CATTLE": 5, "HORSE": 6 } }
 *         // LIVESTOCK assets: quantity × factor of details.species, summed, ≤ limit × size
 *   }
 *
 * A value the check needs but the registry does not hold (an unvalued deposit, a vehicle
 * without value when a value limit exists, livestock without species or count) also gives
 * NOT_CONFIGURED with the reason, so an officer completes the record.
 */
import type { AssetFact, HouseholdFacts, ParameterSet, PropertyFinding } from './assessment.types.js';
import { applyRatio, compareProducts, formatYuan, ratioOf } from './money.js';
import { fenFigure, formatParam, numberFigure, textFigure, type StepDraft } from './explain.js';
import { readPropertyRules, type ParamRef, type UsedParams } from './params.js';
import { LIVESTOCK_SPECIES_LABELS, LIVESTOCK_UNITS, type LivestockSpecies } from '../registry/codes.js';

export type PropertyResult = 'PASS' | 'FAIL' | 'NOT_CONFIGURED';

export interface PropertyAssessment {
  result: PropertyResult;
  findings: PropertyFinding[];
  /** empty in quiet mode (the findings, part of the result, are always written) */
  steps: StepDraft[];
}

const CHECK_LABELS = {
  FINANCIAL_ASSETS: '金融资产',
  HOUSING: '住房',
  VEHICLES: '机动车辆',
  BUSINESS: '工商登记',
  LIVESTOCK: '牲畜',
} as const;
type Check = keyof typeof CHECK_LABELS;
const CHECKS = Object.keys(CHECK_LABELS) as Check[];
const RULE_KEYS: Readonly<Record<Check, string>> = {
  FINANCIAL_ASSETS: 'financialAssets',
  HOUSING: 'housing',
  VEHICLES: 'vehicles',
  BUSINESS: 'business',
  LIVESTOCK: 'livestock',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

interface CheckOutcome {
  result: PropertyResult;
  text: string;
  figures: StepDraft['figures'];
}

/** R25: run every property check for the counted household. */
export function assessProperty(
  facts: HouseholdFacts,
  countedIds: ReadonlySet<string>,
  householdSize: number,
  standardMonthlyFen: number,
  params: ParameterSet,
  used: UsedParams,
  explain = true,
): PropertyAssessment {
  const p19 = readPropertyRules(params, used);
  const findings: PropertyFinding[] = [];
  const steps: StepDraft[] | null = explain ? [] : null;
  if (!p19 || !p19.value.configured || !p19.value.rules) {
    const why = !p19 ? '家庭财产认定规则（P19）未配置' : `家庭财产认定规则尚未配置（${formatParam(p19.ref)}）`;
    for (const c of CHECKS) findings.push({ check: c, result: 'NOT_CONFIGURED', text: `${CHECK_LABELS[c]}：${why}，不能自动判定` });
    steps?.push({
      kind: 'RULE',
      rule: 'R25',
      text: `${why}，财产核查结果为“未配置”，不能自动审批，须人工核查家庭财产`,
      figures: [textFigure('财产核查', '未配置', p19?.ref)],
    });
    return { result: 'NOT_CONFIGURED', findings, steps: steps ?? [] };
  }
  const assets: AssetFact[] = [];
  for (const a of facts.assets) if (a.personId === null || countedIds.has(a.personId)) assets.push(a);
  const outcomes = assets.length === 0 ? withoutAssets(p19, householdSize, standardMonthlyFen) : runChecks(p19, assets, householdSize, standardMonthlyFen);

  let anyFail = false;
  let anyOpen = false;
  for (let i = 0; i < CHECKS.length; i++) {
    const c = CHECKS[i]!;
    const out = outcomes[i]!;
    if (out.result === 'FAIL') anyFail = true;
    if (out.result === 'NOT_CONFIGURED') anyOpen = true;
    findings.push({ check: c, result: out.result, text: out.text });
    steps?.push({ kind: 'COMPARE', rule: 'R25', text: out.text, figures: out.figures });
  }
  const result: PropertyResult = anyFail ? 'FAIL' : anyOpen ? 'NOT_CONFIGURED' : 'PASS';
  steps?.push({
    kind: 'RESULT',
    rule: 'R25',
    text:
      result === 'PASS'
        ? '家庭财产符合本地规定'
        : result === 'FAIL'
          ? '家庭财产不符合本地规定'
          : '部分财产核查项无法自动判定，不能自动审批，须人工核查',
    figures: [textFigure('财产核查', result === 'PASS' ? '符合' : result === 'FAIL' ? '不符合' : '未配置/待核查')],
  });
  return { result, findings, steps: steps ?? [] };
}

type RulesInForce = NonNullable<ReturnType<typeof readPropertyRules>>;

/** Every check's outcome, in the order of CHECKS. */
function runChecks(p19: RulesInForce, assets: readonly AssetFact[], size: number, standardMonthlyFen: number): CheckOutcome[] {
  const rules = p19.value.rules ?? {};
  const ref = p19.ref;
  return CHECKS.map((c): CheckOutcome => {
    const rule = rules[RULE_KEYS[c]];
    if (!isObject(rule)) {
      return { result: 'NOT_CONFIGURED', text: `${CHECK_LABELS[c]}：本地限额未配置（${formatParam(ref)}），不能自动判定`, figures: [textFigure(CHECK_LABELS[c], '未配置', ref)] };
    }
    if (rule.applies === false) {
      return { result: 'PASS', text: `${CHECK_LABELS[c]}：本地未设此项限制（${formatParam(ref)}）`, figures: [textFigure(CHECK_LABELS[c], '不设限制', ref)] };
    }
    return runCheck(c, rule, assets, size, standardMonthlyFen, ref);
  });
}

/**
 * Outcomes for a household without assets depend only on the rules, the size and the
 * standard, and most households have none: a batch works them out once per (size, standard)
 * for each parsed P19 version (params.ts caches those per version object). They are frozen,
 * as every household's result and explanation shares them.
 */
const NO_ASSETS = new WeakMap<RulesInForce, Map<string, readonly CheckOutcome[]>>();

function withoutAssets(p19: RulesInForce, size: number, standardMonthlyFen: number): readonly CheckOutcome[] {
  let bySize = NO_ASSETS.get(p19);
  if (!bySize) NO_ASSETS.set(p19, (bySize = new Map()));
  const key = `${size}|${standardMonthlyFen}`;
  let out = bySize.get(key);
  if (!out) {
    out = Object.freeze(runChecks(p19, [], size, standardMonthlyFen).map((o) => Object.freeze({ ...o, figures: Object.freeze(o.figures.map((f) => Object.freeze(f))) as CheckOutcome['figures'] })));
    if (bySize.size < 10_000) bySize.set(key, out);
  }
  return out;
}

function notConfigured(c: Check, why: string, ref: ParamRef): CheckOutcome {
  return { result: 'NOT_CONFIGURED', text: `${CHECK_LABELS[c]}：${why}，不能自动判定`, figures: [textFigure(CHECK_LABELS[c], '未配置', ref)] };
}

function runCheck(
  c: Check,
  rule: Record<string, unknown>,
  assets: readonly AssetFact[],
  size: number,
  standardMonthlyFen: number,
  ref: ParamRef,
): CheckOutcome {
  switch (c) {
    case 'FINANCIAL_ASSETS': {
      const k = num(rule.maxMultipleOfAnnualStandard);
      if (k === null) return notConfigured(c, '金融资产限额倍数未配置', ref);
      let total = 0;
      for (const a of assets) {
        if (a.assetType !== 'DEPOSIT' && a.assetType !== 'SECURITIES') continue;
        if (a.valueFen === null) return notConfigured(c, `${a.description}未登记金额`, ref);
        total += a.valueFen;
      }
      const r = ratioOf(k);
      // total ≤ k × standard × 12 × size  ⇔  total × den ≤ num × standard × 12 × size
      const ok = compareProducts([total, r.den], [r.num, standardMonthlyFen, 12, size]) <= 0;
      const limit = applyRatio(standardMonthlyFen * 12 * size, r);
      return {
        result: ok ? 'PASS' : 'FAIL',
        text: `金融资产合计${formatYuan(total)}，${ok ? '未超过' : '超过'}限额${formatYuan(limit)}（年低保标准${formatYuan(standardMonthlyFen * 12)}×${k}倍×${size}人，${formatParam(ref)}）`,
        figures: [fenFigure('金融资产合计', total), fenFigure('金融资产限额', limit, { parameter: ref })],
      };
    }
    case 'HOUSING': {
      const n = num(rule.maxDwellings);
      if (n === null) return notConfigured(c, '住房套数上限未配置', ref);
      let count = 0;
      for (const a of assets) if (a.assetType === 'HOUSE') count += 1;
      const ok = count <= n;
      return {
        result: ok ? 'PASS' : 'FAIL',
        text: `住房${count}套，${ok ? '不超过' : '超过'}上限${n}套（${formatParam(ref)}）`,
        figures: [numberFigure('住房套数', count), numberFigure('住房上限', n, ref)],
      };
    }
    case 'VEHICLES': {
      const maxCount = num(rule.maxCount);
      if (maxCount === null) return notConfigured(c, '车辆数量上限未配置', ref);
      const maxValue = rule.maxValueFen === null || rule.maxValueFen === undefined ? null : num(rule.maxValueFen);
      const exempt = Array.isArray(rule.exemptPurposes) ? (rule.exemptPurposes as unknown[]) : [];
      let count = 0;
      let exempted = 0;
      for (const a of assets) {
        if (a.assetType !== 'VEHICLE') continue;
        const purpose = isObject(a.details) ? a.details.purpose : undefined;
        if (typeof purpose === 'string' && exempt.includes(purpose)) {
          exempted += 1;
          continue;
        }
        count += 1;
        if (maxValue !== null) {
          if (a.valueFen === null) return notConfigured(c, `车辆“${a.description}”未登记价值`, ref);
          if (a.valueFen > maxValue) {
            return {
              result: 'FAIL',
              text: `车辆“${a.description}”价值${formatYuan(a.valueFen)}，超过限额${formatYuan(maxValue)}（${formatParam(ref)}）`,
              figures: [fenFigure('车辆价值', a.valueFen, { provenance: a.provenance }), fenFigure('车辆价值限额', maxValue, { parameter: ref })],
            };
          }
        }
      }
      const ok = count <= maxCount;
      const ex = exempted ? `（另有残疾人专用车、生产作业用车等豁免车辆${exempted}辆不计）` : '';
      return {
        result: ok ? 'PASS' : 'FAIL',
        text: `机动车辆${count}辆${ex}，${ok ? '不超过' : '超过'}上限${maxCount}辆${maxValue !== null ? `，单车价值限额${formatYuan(maxValue)}` : ''}（${formatParam(ref)}）`,
        figures: [numberFigure('计入车辆数', count), numberFigure('车辆上限', maxCount, ref)],
      };
    }
    case 'BUSINESS': {
      if (typeof rule.allowed !== 'boolean') return notConfigured(c, '是否允许工商登记未配置', ref);
      const maxValue = rule.maxValueFen === null || rule.maxValueFen === undefined ? null : num(rule.maxValueFen);
      let count = 0;
      for (const a of assets) {
        if (a.assetType !== 'BUSINESS') continue;
        count += 1;
        if (!rule.allowed) {
          return {
            result: 'FAIL',
            text: `登记有经营主体“${a.description}”，本地规定不得有工商登记（${formatParam(ref)}）`,
            figures: [textFigure('经营主体', a.description), textFigure('工商登记', '不允许', ref)],
          };
        }
        if (maxValue !== null) {
          if (a.valueFen === null) return notConfigured(c, `经营主体“${a.description}”未登记注册资本或出资额`, ref);
          if (a.valueFen > maxValue) {
            return {
              result: 'FAIL',
              text: `经营主体“${a.description}”出资额${formatYuan(a.valueFen)}，超过限额${formatYuan(maxValue)}（${formatParam(ref)}）`,
              figures: [fenFigure('出资额', a.valueFen, { provenance: a.provenance }), fenFigure('出资额限额', maxValue, { parameter: ref })],
            };
          }
        }
      }
      return {
        result: 'PASS',
        text: count ? `登记经营主体${count}个，符合本地规定（${formatParam(ref)}）` : `无工商登记（${formatParam(ref)}）`,
        figures: [numberFigure('经营主体数', count)],
      };
    }
    case 'LIVESTOCK': {
      const perCapita = num(rule.maxSheepUnitsPerCapita);
      const factors = isObject(rule.sheepUnitsPerHead) ? rule.sheepUnitsPerHead : null;
      if (perCapita === null || !factors) return notConfigured(c, '牲畜（羊单位）限额或折算系数未配置', ref);
      let milliUnits = 0;
      const parts: string[] = []; // 牦牛5头×4
      for (const a of assets) {
        if (a.assetType !== 'LIVESTOCK') continue;
        const species = isObject(a.details) && typeof a.details.species === 'string' ? a.details.species : null;
        const factor = species ? num(factors[species]) : null;
        const which = a.description ? `“${a.description}”` : '一项';
        if (species === null) return notConfigured(c, `${which}未登记畜种（须在“财产”中按畜种分别登记头数）`, ref);
        const name = LIVESTOCK_SPECIES_LABELS[species as LivestockSpecies] ?? species;
        if (factor === null) return notConfigured(c, `${name}的羊单位折算系数未配置`, ref);
        if (a.quantity === null) return notConfigured(c, `${which}未登记数量`, ref);
        milliUnits += Math.round(a.quantity * factor * 1000);
        parts.push(`${name}${a.quantity}${LIVESTOCK_UNITS[species as LivestockSpecies] ?? ''}×${factor}`);
      }
      const limitMilli = Math.round(perCapita * 1000) * size;
      const ok = milliUnits <= limitMilli;
      const breakdown = parts.length ? `（${parts.join('＋')}）` : '';
      return {
        result: ok ? 'PASS' : 'FAIL',
        text: `牲畜折合${milliUnits / 1000}个羊单位${breakdown}，${ok ? '不超过' : '超过'}限额${limitMilli / 1000}个羊单位（每人${perCapita}个×${size}人，${formatParam(ref)}）`,
        figures: [numberFigure('羊单位', milliUnits / 1000), numberFigure('羊单位限额', limitMilli / 1000, ref)],
      };
    }
  }
}
