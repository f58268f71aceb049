/**
 * Evaluate the warning rules (issue 4 §3) for a set of households and raise or merge the
 * clues they fire. Used after a department batch is applied (`evaluateWarnings`, for the
 * households of the persons it matched) and by the monthly comparison run (per chunk).
 */
import type { ClueCandidate, ClueLevel, TargetCategory } from '../../domain/monitoring/clue.types.js';
import {
  evaluateRule,
  isRuleEnabledFor,
  kindSpec,
  monthsBefore,
  type DeptRecordFact,
  type RuleSubject,
  type WarningRuleDef,
} from '../../domain/monitoring/warning-rules.js';
import { createParameterResolver } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { Executor } from '../../db/database.js';
import { listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import { findHouseholdIdsOfPersons, loadDeptRecordsOfPersons } from '../../db/repos/clues-raise.repo.js';
import { listWarningRuleRegions, listWarningRules } from '../../db/repos/monitoring-rules.repo.js';
import type { ServiceContext } from '../context.js';
import { loadHouseholdFacts } from '../policy/load-household-facts.js';
import { raiseClues } from './raise-clues.js';

export interface WarningLog {
  info(obj: Record<string, unknown>, msg: string): void;
}

export interface WarningFigures {
  raised: number;
  merged: number;
  skipped: number;
  /** rules that applied but could not decide (e.g. P01 missing), by rule code */
  notDecided: Record<string, number>;
}

export interface RuleSet {
  rules: WarningRuleDef[];
  switches: Map<string, { regionCode: string; enabled: boolean }[]>;
}

/** Every rule with its region switches (a small table, loaded once per chunk or batch). */
export async function loadRuleSet(db: Executor): Promise<RuleSet> {
  const rows = await listWarningRules(db);
  const switches = new Map<string, { regionCode: string; enabled: boolean }[]>();
  for (const s of await listWarningRuleRegions(db)) switches.set(s.ruleId, [...(switches.get(s.ruleId) ?? []), s]);
  return {
    rules: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, params: r.params, level: r.level, targetCategory: r.targetCategory, deadlineWorkingDays: r.deadlineWorkingDays })),
    switches,
  };
}

const dibaoStandard = (v: unknown): number | null => {
  const fen = (v as { monthlyFen?: unknown } | null)?.monthlyFen;
  return typeof fen === 'number' && fen > 0 ? fen : null;
};

/**
 * Evaluate every rule switched on for each household's region on `today`, then raise or
 * merge. `origin` is stored in the evidence (batch or comparison run).
 */
export async function evaluateHouseholdWarnings(
  tx: Executor,
  ctx: ServiceContext,
  householdIds: string[],
  opts: { today: string; origin: Record<string, unknown>; ruleSet?: RuleSet; log?: WarningLog | undefined },
): Promise<WarningFigures> {
  const figures: WarningFigures = { raised: 0, merged: 0, skipped: 0, notDecided: {} };
  if (householdIds.length === 0) return figures;
  const { rules, switches } = opts.ruleSet ?? (await loadRuleSet(tx));
  if (rules.length === 0) return figures;
  const loaded = await loadHouseholdFacts(tx, householdIds);
  const personIds = [...new Set([...loaded.values()].flatMap((l) => l.facts.members.map((m) => m.personId)))];
  const window = Math.max(...rules.map((r) => kindSpec(r.kind)?.windowMonths(r.params) ?? 0));
  const sources = [...new Set(rules.flatMap((r) => kindSpec(r.kind)?.sources ?? []))];
  const rows = await loadDeptRecordsOfPersons(tx, personIds, monthsBefore(opts.today, window), sources);
  if (rows.length === 0) return figures;
  const byPerson = new Map<string, DeptRecordFact[]>();
  for (const r of rows) {
    const rec: DeptRecordFact = {
      id: r.id,
      sourceCode: r.sourceCode,
      personId: r.personId,
      eventDate: r.eventDate,
      amountFen: r.amountFen,
      data: r.data,
      receivedOn: shanghaiDate(r.receivedAt),
    };
    byPerson.set(r.personId!, [...(byPerson.get(r.personId!) ?? []), rec]);
  }
  const provinces = [...new Set([...loaded.values()].map((l) => l.facts.regionCode.slice(0, 2)))];
  const versions = (await Promise.all(provinces.map((p) => listParameterVersionsForSubtree(tx, p)))).flat();
  const resolve = createParameterResolver(
    versions.map((v) => ({ id: v.id, code: v.code, regionCode: v.regionCode, urbanRural: v.urbanRural, effectiveFrom: v.effectiveFrom, value: v.value, confidence: v.confidence, status: v.status })),
  );

  const candidates: ClueCandidate[] = [];
  for (const id of householdIds) {
    const l = loaded.get(id);
    if (!l) continue;
    const h = l.facts;
    const householdRecords = h.members.flatMap((m) => byPerson.get(m.personId) ?? []);
    if (householdRecords.length === 0) continue;
    const on = rules.filter((r) => isRuleEnabledFor(switches.get(r.id) ?? [], h.regionCode));
    if (on.length === 0) continue;
    const base = { household: h, benefitStatus: l.benefit?.status ?? null, today: opts.today, dibaoStandardFen: dibaoStandard(resolve(h.regionCode, h.urbanRural, opts.today).P01?.value) };
    const head = h.members.find((m) => m.relationship === 'HEAD') ?? h.members[0] ?? null;
    for (const rule of on) {
      const spec = kindSpec(rule.kind);
      if (!spec) continue;
      const subjects: RuleSubject[] =
        spec.subject === 'PERSON'
          ? h.members.filter((m) => byPerson.has(m.personId)).map((m) => ({ ...base, person: m, records: byPerson.get(m.personId)! }))
          : [{ ...base, person: null, records: householdRecords }];
      for (const s of subjects) {
        const ev = evaluateRule(rule, s);
        if (!ev) continue;
        if (!ev.fire) {
          if (ev.reason?.includes('not configured')) {
            figures.notDecided[rule.code] = (figures.notDecided[rule.code] ?? 0) + 1;
            opts.log?.info({ rule: rule.code, householdId: h.householdId, reason: ev.reason }, 'warning rule not decided');
          }
          continue;
        }
        const subject = s.person ?? head;
        candidates.push({
          countyCode: h.countyCode,
          regionCode: h.regionCode,
          householdId: h.householdId,
          personId: s.person?.personId ?? null,
          subjectName: subject?.name ?? null,
          subjectIdNumber: null,
          channel: rule.kind === 'DEPT_FLAG' ? 'DEPT_FLAG' : 'DATA_COMPARISON',
          ruleId: rule.id,
          causeKey: ev.causeKey,
          level: ev.level ?? (rule.level as ClueLevel),
          targetCategory: rule.targetCategory as TargetCategory,
          title: ev.title,
          description: ev.description,
          evidence: { ...ev.evidence, ruleName: rule.name, origin: opts.origin },
          deadlineWorkingDays: rule.deadlineWorkingDays,
        });
      }
    }
  }
  const r = await raiseClues(tx, ctx, candidates);
  figures.raised = r.raised;
  figures.merged = r.merged;
  figures.skipped = r.skipped;
  return figures;
}

/**
 * After a department batch is applied: evaluate the households of the persons it matched
 * (their records in every rule's window, not only this batch's) and raise or merge clues.
 */
export async function evaluateWarnings(
  tx: Executor,
  ctx: ServiceContext,
  input: { personIds: string[]; batchId: string; log?: WarningLog },
): Promise<{ raised: number; merged: number; skipped: number }> {
  const householdIds = await findHouseholdIdsOfPersons(tx, input.personIds);
  const today = shanghaiDate(ctx.clock.now());
  const f = await evaluateHouseholdWarnings(tx, ctx, householdIds, { today, origin: { deptBatchId: input.batchId }, log: input.log });
  if (Object.keys(f.notDecided).length) input.log?.info({ batchId: input.batchId, notDecided: f.notDecided }, 'some warning rules could not decide');
  return { raised: f.raised, merged: f.merged, skipped: f.skipped };
}
