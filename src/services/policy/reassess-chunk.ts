/**
 * One chunk of a batch re-assessment (issue 3 §6), worked out from facts already read: both
 * sides assessed, the change classified, and for APPLY the decisions to store explained,
 * prepared and encoded. Pure work, no database: the run's loop calls it on the main thread
 * (PGlite) or a worker thread calls it on the windows it reads (PostgreSQL, see
 * reassess-workers.ts), and the main thread writes what it returns.
 */
import type { AssessmentResult } from '../../domain/policy/assessment.types.js';
import type { createParameterResolver } from '../../domain/policy/resolve-parameters.js';
import { addMonths, amountInMonth, paidOverYear, YEAR_MONTHS } from '../../domain/policy/gradual-exit-schedule.js';
import type { CopyBlockPool } from '../../db/copy-binary.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import type { ReassessmentResultInsert, ReassessmentRunRow } from '../../db/repos/reassessments.repo.js';
import type { LoadedHousehold } from './load-household-facts.js';
import { DecisionBatch, decide, prepareDecision, type DecisionOutcome } from './policy-decision.js';

/** households assessed between two yields to the event loop (a chunk being written keeps streaming) */
const YIELD_EVERY = 50;

export interface ChunkWork {
  results: ReassessmentResultInsert[];
  /** each with its own audit events */
  decisions: DecisionBatch;
}


/** Income-test eligibility for 低保 (YES, or undetermined only because property rules are not configured). */
function dibaoIncomeEligible(r: AssessmentResult): boolean {
  if (r.dibao.eligible === 'YES') return true;
  return r.dibao.eligible === 'UNDETERMINED' && r.dibao.monthlyAmountFen != null && r.property.result === 'NOT_CONFIGURED';
}

/** A household paid 低保 now: an active recipient status, or the DIBAO category not yet registered. */
export function isRecipient(loaded: LoadedHousehold): boolean {
  return loaded.benefit ? loaded.benefit.status !== 'STOPPED' : loaded.facts.categories.includes('DIBAO');
}

/**
 * Amount a recipient is paid under an outcome (the transition it triggers, else what it gets
 * in `month`, 'YYYY-MM': a stepped-down gradual exit pays its schedule's, R44.2).
 */
function recipientPayFen(o: DecisionOutcome, loaded: LoadedHousehold, month: string): number {
  const current = loaded.benefit && loaded.benefit.status !== 'STOPPED' ? amountInMonth(loaded.benefit, month) : 0;
  if (!o.ok || !o.transition) return current;
  return o.transition.to === 'STOPPED' ? 0 : o.transition.monthlyAmountFen;
}

/**
 * What a recipient is paid under an outcome over the year from `fromMonth`, the month its
 * transition takes effect (R4): the status it keeps, else the one the transition gives, month by
 * month (see paidOverYear).
 */
function recipientYearFen(o: DecisionOutcome, loaded: LoadedHousehold, fromMonth: string): number {
  const t = o.ok ? o.transition : null;
  if (t) return paidOverYear({ status: t.to, monthlyAmountFen: t.monthlyAmountFen, gradualExitSchedule: t.gradualExitSchedule, gradualExitUntil: t.gradualExitUntil }, fromMonth);
  return loaded.benefit ? paidOverYear(loaded.benefit, fromMonth) : 0;
}

/** What a non-recipient would be paid if enrolled (difference method amount, or the single-person amounts). */
function potentialFen(o: DecisionOutcome): number {
  if (!o.ok) return 0;
  const r = o.assessment.result;
  if (dibaoIncomeEligible(r)) return r.dibao.monthlyAmountFen ?? 0;
  let fen = 0;
  for (const m of r.members) if (m.singlePerson === 'YES') fen += m.singlePersonAmountFen ?? 0;
  return fen;
}

function qualifies(o: DecisionOutcome): boolean {
  if (!o.ok) return false;
  const r = o.assessment.result;
  return dibaoIncomeEligible(r) || r.members.some((m) => m.singlePerson === 'YES');
}

/**
 * Before → after for one household. Recipients: their pay now vs. under the new rules (a
 * rise, a cut, 渐退 or a stop). Others are paid nothing either way; they count as NEW_ELIGIBLE
 * (with the amount they would get) when they qualify only under the new rules.
 *
 * `yearlyDiffFen`: the change over the year from the month after `month` (R4), when it is not
 * 12 × the monthly change — a stepped-down 渐退 (R44.2), or one ending within that year (R44.3),
 * on either side; null otherwise. A recipient paid the same this month but more (less) in the
 * months after counts as AMOUNT_UP (AMOUNT_DOWN).
 */
export function classifyChange(before: DecisionOutcome, after: DecisionOutcome, loaded: LoadedHousehold, month: string) {
  if (!after.ok) {
    const fen = isRecipient(loaded) ? recipientPayFen(before, loaded, month) : 0;
    return { change: 'REFUSED', beforeFen: fen, afterFen: fen, yearlyDiffFen: null, errorCode: after.violations[0]?.code ?? null };
  }
  if (!isRecipient(loaded)) {
    const newly = !qualifies(before) && qualifies(after);
    return { change: newly ? 'NEW_ELIGIBLE' : 'UNCHANGED', beforeFen: 0, afterFen: newly ? potentialFen(after) : 0, yearlyDiffFen: null, errorCode: null };
  }
  const beforeFen = recipientPayFen(before, loaded, month);
  const afterFen = recipientPayFen(after, loaded, month);
  const bt = before.ok ? before.transition?.to : undefined;
  const at = after.transition?.to;
  const from = addMonths(month, 1);
  const yearly = recipientYearFen(after, loaded, from) - recipientYearFen(before, loaded, from);
  let change = 'UNCHANGED';
  if (at === 'GRADUAL_EXIT' && bt !== 'GRADUAL_EXIT') change = 'GRADUAL_EXIT';
  else if (at === 'STOPPED' && bt !== 'STOPPED') change = 'LOST_ELIGIBILITY';
  // the same this month, but not in the months after (a 渐退 stepped down one way and not the other)
  else if (afterFen > beforeFen || (afterFen === beforeFen && yearly > 0)) change = 'AMOUNT_UP';
  else if (afterFen < beforeFen || (afterFen === beforeFen && yearly < 0)) change = 'AMOUNT_DOWN';
  return { change, beforeFen, afterFen, yearlyDiffFen: yearly === (afterFen - beforeFen) * YEAR_MONTHS ? null : yearly, errorCode: null };
}

/** What every chunk of one run shares. */
export interface ChunkSetup {
  runId: string;
  resolveBefore: ReturnType<typeof createParameterResolver>;
  resolveAfter: ReturnType<typeof createParameterResolver>;
  decisionDate: string;
  /** fills who/when of a decision's audit event */
  audit: (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName' | 'requestId' | 'ip'>) => AuditInput;
  /** where the stored decisions are encoded (this thread's spare blocks) */
  blocks: CopyBlockPool;
}

/** The run's fields a chunk reads. */
export type ChunkRun = Pick<ReassessmentRunRow, 'mode' | 'referenceDate' | 'createdBy'>;

/**
 * Assess a chunk on both sides (quietly) and, for APPLY, explain and prepare the decisions to
 * store. Pure work on facts already read; it yields to the event loop every few households so
 * that a chunk being written meanwhile keeps streaming. `into`: the work of the chunk's earlier
 * households, which these are added to (a chunk whose facts are read in parts).
 */
export async function computeChunk(
  s: ChunkSetup,
  r: ChunkRun,
  ids: string[],
  lookup: (id: string) => LoadedHousehold | undefined,
  into?: ChunkWork,
): Promise<ChunkWork> {
  const { runId, decisionDate } = s;
  const results: ReassessmentResultInsert[] = into?.results ?? [];
  const decisions = into?.decisions ?? new DecisionBatch(s.blocks);
  for (let i = 0; i < ids.length; i++) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    const id = ids[i]!;
    const loaded = lookup(id);
    if (!loaded) continue;
    const f = loaded.facts;
    // Both sides quietly, except the "after" of a decision that is certainly stored (a
    // recipient's, when applying), which is explained at once; another stored one is
    // explained below.
    const paramsAfter = s.resolveAfter(f.regionCode, f.urbanRural, r.referenceDate);
    const recipient = isRecipient(loaded);
    const explainAfter = r.mode === 'APPLY' && recipient;
    const before = decide(loaded, s.resolveBefore(f.regionCode, f.urbanRural, r.referenceDate), r.referenceDate, decisionDate, { explain: false });
    const after = decide(loaded, paramsAfter, r.referenceDate, decisionDate, { explain: explainAfter });
    const c = classifyChange(before, after, loaded, decisionDate.slice(0, 7));
    results.push({
      runId,
      householdId: id,
      countyCode: f.countyCode,
      beforeClassification: before.ok ? before.assessment.result.classification : null,
      afterClassification: after.ok ? after.assessment.result.classification : 'REFUSED',
      beforeAmountFen: c.beforeFen,
      afterAmountFen: c.afterFen,
      change: c.change,
      yearlyDiffFen: c.yearlyDiffFen,
      errorCode: c.errorCode,
    });
    // APPLY stores a decision where something changed and for every current recipient
    // (their explanation must show the figures now in force).
    if (r.mode === 'APPLY' && after.ok && (c.change !== 'UNCHANGED' || recipient || after.transition)) {
      const explained = explainAfter ? after : decide(loaded, paramsAfter, r.referenceDate, decisionDate);
      if (!explained.ok) throw new Error(`engine gave a different outcome when explaining household ${id}`);
      const prepared = prepareDecision({
        loaded,
        outcome: explained,
        referenceDate: r.referenceDate,
        decisionDate,
        trigger: 'BATCH',
        runId,
        actorId: r.createdBy,
        audit: s.audit,
      });
      decisions.add(prepared);
    }
  }
  return { results, decisions };
}
