/**
 * Batch re-assessment (issue 3 §6). Every household under the run's region is assessed twice
 * with the same facts and reference date: with the parameters in force WITHOUT the run's
 * versions (before) and WITH them (after). A WHAT_IF run overlays draft versions and changes
 * nothing in the registry; an APPLY run (versions approved) stores the new decisions and moves
 * recipients' status. Because "before" never includes the run's versions, an APPLY run over
 * an unchanged registry reproduces its WHAT_IF figures exactly.
 *
 * Resumable: households are processed county by county in household-number order, in chunks;
 * each chunk is one transaction that locks the run row, continues after its cursor, writes
 * results (and, for APPLY, decisions) and advances the cursor. A crash loses at most the chunk
 * in flight, which is simply done again; two workers on one run serialise on the row lock and
 * never repeat a chunk.
 */
import { AppError } from '../../domain/errors.js';
import type { AssessmentResult } from '../../domain/policy/assessment.types.js';
import { createParameterResolver, type ParameterVersion } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import type { Tx } from '../../db/database.js';
import { appendAudit, appendAuditInTransaction } from '../../db/repos/audit.repo.js';
import { findParameterVersions, listHouseholdsAfter, listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import {
  findReassessmentRun,
  insertReassessmentResults,
  summariseReassessmentResults,
  updateReassessmentRun,
  type ReassessmentResultInsert,
  type ReassessmentRunRow,
} from '../../db/repos/reassessments.repo.js';
import type { ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadFactsWindow, loadHouseholdFacts, type FactsWindow, type LoadedHousehold } from './load-household-facts.js';
import { DecisionBatch, decide, prepareDecision, type DecisionOutcome } from './policy-decision.js';
import { summariseRun } from './reassessment-summary.js';

export const REASSESS_CHUNK = 1000;
/**
 * Households whose facts are read at once (see loadFactsWindow): one chunk. Full scale, what-if
 * and applied alternated with windows of 5,000: what-if 38–41 s against 52–62 s, applied 74–81 s
 * against 96–99 s; a bigger window's facts outlive the young generation while the engine runs,
 * and the collector's marking doubled Node.js's CPU time (`docs/benchmarks.md`).
 */
export const FACTS_WINDOW = REASSESS_CHUNK;
/** households assessed between two yields to the event loop (a chunk being written keeps streaming) */
const YIELD_EVERY = 50;

interface ChunkWork {
  results: ReassessmentResultInsert[];
  /** each with its own audit events */
  decisions: DecisionBatch;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Income-test eligibility for 低保 (YES, or undetermined only because property rules are not configured). */
function dibaoIncomeEligible(r: AssessmentResult): boolean {
  if (r.dibao.eligible === 'YES') return true;
  return r.dibao.eligible === 'UNDETERMINED' && r.dibao.monthlyAmountFen != null && r.property.result === 'NOT_CONFIGURED';
}

/** A household paid 低保 now: an active recipient status, or the DIBAO category not yet registered. */
export function isRecipient(loaded: LoadedHousehold): boolean {
  return loaded.benefit ? loaded.benefit.status !== 'STOPPED' : loaded.facts.categories.includes('DIBAO');
}

/** Amount a recipient is paid under an outcome (the transition it triggers, else what it gets now). */
function recipientPayFen(o: DecisionOutcome, loaded: LoadedHousehold): number {
  const current = loaded.benefit && loaded.benefit.status !== 'STOPPED' ? loaded.benefit.monthlyAmountFen : 0;
  if (!o.ok || !o.transition) return current;
  return o.transition.to === 'STOPPED' ? 0 : o.transition.monthlyAmountFen;
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
 */
export function classifyChange(before: DecisionOutcome, after: DecisionOutcome, loaded: LoadedHousehold) {
  if (!after.ok) {
    const fen = isRecipient(loaded) ? recipientPayFen(before, loaded) : 0;
    return { change: 'REFUSED', beforeFen: fen, afterFen: fen, errorCode: after.violations[0]?.code ?? null };
  }
  if (!isRecipient(loaded)) {
    const newly = !qualifies(before) && qualifies(after);
    return { change: newly ? 'NEW_ELIGIBLE' : 'UNCHANGED', beforeFen: 0, afterFen: newly ? potentialFen(after) : 0, errorCode: null };
  }
  const beforeFen = recipientPayFen(before, loaded);
  const afterFen = recipientPayFen(after, loaded);
  const bt = before.ok ? before.transition?.to : undefined;
  const at = after.transition?.to;
  let change = 'UNCHANGED';
  if (at === 'GRADUAL_EXIT' && bt !== 'GRADUAL_EXIT') change = 'GRADUAL_EXIT';
  else if (at === 'STOPPED' && bt !== 'STOPPED') change = 'LOST_ELIGIBILITY';
  else if (afterFen > beforeFen) change = 'AMOUNT_UP';
  else if (afterFen < beforeFen) change = 'AMOUNT_DOWN';
  return { change, beforeFen, afterFen, errorCode: null };
}

function asVersion(v: ParameterVersion): ParameterVersion {
  return { id: v.id, code: v.code, regionCode: v.regionCode, urbanRural: v.urbanRural, effectiveFrom: v.effectiveFrom, value: v.value, confidence: v.confidence, status: v.status, reviewedAt: v.reviewedAt, createdAt: v.createdAt };
}

/** What every chunk of one run shares. */
interface RunSetup {
  ctx: ServiceContext;
  runId: string;
  resolveBefore: ReturnType<typeof createParameterResolver>;
  resolveAfter: ReturnType<typeof createParameterResolver>;
  decisionDate: string;
}

const windowOrder = new WeakMap<Map<string, LoadedHousehold>, { ids: string[]; index: Map<string, number> }>();

/** The `limit` households after `lastId` in a window's order (the walk's). */
function idsAfter(facts: Map<string, LoadedHousehold>, lastId: string, limit: number): string[] {
  let o = windowOrder.get(facts);
  if (!o) {
    const ids = [...facts.keys()];
    o = { ids, index: new Map(ids.map((id, i) => [id, i])) };
    windowOrder.set(facts, o);
  }
  const at = o.index.get(lastId);
  return at === undefined ? [] : o.ids.slice(at + 1, at + 1 + limit);
}

/**
 * Assess a chunk on both sides (quietly) and, for APPLY, explain and prepare the decisions to
 * store. Pure work on facts already read; it yields to the event loop every few households so
 * that a chunk being written meanwhile keeps streaming.
 */
async function computeChunk(s: RunSetup, r: ReassessmentRunRow, ids: string[], lookup: (id: string) => LoadedHousehold | undefined): Promise<ChunkWork> {
  const { runId, decisionDate } = s;
  const results: ReassessmentResultInsert[] = [];
  const decisions = new DecisionBatch();
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
    const c = classifyChange(before, after, loaded);
    results.push({
      runId,
      householdId: id,
      countyCode: f.countyCode,
      beforeClassification: before.ok ? before.assessment.result.classification : null,
      afterClassification: after.ok ? after.assessment.result.classification : 'REFUSED',
      beforeAmountFen: c.beforeFen,
      afterAmountFen: c.afterFen,
      change: c.change,
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
        audit: (e) => auditEvent(s.ctx, null, e),
      });
      decisions.add(prepared);
    }
  }
  return { results, decisions };
}

/** Store a chunk's work and move the cursor past it, in the chunk's transaction. */
async function writeChunk(tx: Tx, r: ReassessmentRunRow, ids: string[], work: ChunkWork, onProgress?: (processed: number, total: number) => void): Promise<void> {
  await work.decisions.write(tx);
  await insertReassessmentResults(tx, work.results);
  const audit = work.decisions.audit();
  if (audit.length) await appendAuditInTransaction(tx, audit);
  await updateReassessmentRun(tx, r.id, { cursor: ids[ids.length - 1]!, processed: r.processed + ids.length });
  onProgress?.(r.processed + ids.length, r.total);
}

/** Run (or resume) a batch re-assessment to the end. A finished run is returned as it is. */
export async function runReassessment(ctx: ServiceContext, runId: string, opts: { onProgress?: (processed: number, total: number) => void; stopAfterChunks?: number; chunkSize?: number; windowSize?: number } = {}) {
  const { db } = ctx.database;
  const chunkSize = opts.chunkSize ?? REASSESS_CHUNK;
  let run = await findReassessmentRun(db, runId);
  if (!run) throw new AppError('REASSESSMENT_NOT_FOUND');
  if (run.status === 'DONE' || run.status === 'FAILED') return run;
  if (run.status === 'QUEUED') {
    await updateReassessmentRun(db, runId, { status: 'RUNNING', startedAt: ctx.clock.now() });
  }
  try {
    await refreshPlannerStatistics(ctx.database);
    const runVersions = (await findParameterVersions(db, run.parameterVersionIds)).map(asVersion);
    const baseline = (await listParameterVersionsForSubtree(db, run.regionCode))
      .filter((v) => !run!.parameterVersionIds.includes(v.id))
      .map(asVersion);
    const resolveBefore = createParameterResolver(baseline);
    const resolveAfter = createParameterResolver(baseline, runVersions);
    const setup: RunSetup = { ctx, runId, resolveBefore, resolveAfter, decisionDate: shanghaiDate(ctx.clock.now()) };
    let chunks = 0;
    // Facts are read a window at a time: up to `windowSize` consecutive households of one
    // county, one query by id per kind of fact (see loadFactsWindow for why not a whole
    // county). PostgreSQL reads the next window over the pool while this one is assessed
    // (PGlite has one connection, so there a window is read between chunks). A chunk never
    // spans two windows; the first chunk of the window read ahead is worked out while the
    // last chunk of this one is written. A household edited after its window was read is
    // assessed on the facts as read (the stored decision's inputs digest says which).
    const parallel = ctx.database.kind === 'postgres';
    const windowSize = opts.windowSize ?? FACTS_WINDOW;
    const readWindow = (cursor: string | null) => loadFactsWindow(db, run!.regionCode, cursor, windowSize, { parallel });
    let window = null as FactsWindow | null;
    /** the window after `after` (the last household of the current window), read ahead */
    let windowAhead = null as { after: string; window: Promise<FactsWindow | null> } | null;
    /** the next chunk, worked out while the current one was written (null: none) */
    let chunkAhead = null as Promise<{ ids: string[]; work: ChunkWork } | null> | null;
    /**
     * The run as this worker's last chunk left it (null: read it). A chunk's transaction locks
     * the run and lists the households after its cursor again, so between chunks the worker
     * goes on from what it wrote instead of asking: two round trips a chunk, each waiting
     * behind the window being read ahead.
     */
    let state = null as ReassessmentRunRow | null;
    /** set when a chunk's transaction found no household after the cursor */
    let finished = false;
    for (;;) {
      if (opts.stopAfterChunks !== undefined && chunks >= opts.stopAfterChunks) return (await findReassessmentRun(db, runId))!;
      const current = state ?? (await findReassessmentRun(db, runId));
      state = null;
      if (finished || !current || current.status !== 'RUNNING') break;
      const cursor = current.cursor;
      if (!(window && cursor !== null && idsAfter(window.facts, cursor, 1).length > 0)) {
        window = null; // free the previous window's facts first
        // A failed read ahead is read again here.
        const pending = windowAhead && windowAhead.after === cursor ? windowAhead.window.catch(() => readWindow(cursor)) : readWindow(cursor);
        windowAhead = null;
        window = await pending;
        if (!window) break;
        const last = window.ids[window.ids.length - 1]!;
        if (parallel) {
          const ahead = readWindow(last);
          ahead.catch(() => undefined);
          windowAhead = { after: last, window: ahead };
        }
      }
      const inWindow = window;
      await db.transaction(async (tx) => {
        const r = await findReassessmentRun(tx, runId, { forUpdate: true });
        if (!r || r.status !== 'RUNNING') return;
        const listed = await listHouseholdsAfter(tx, r.regionCode, r.cursor, chunkSize);
        if (listed.length === 0) {
          finished = true;
          return;
        }
        // The households after the cursor that the window holds; if another worker moved the
        // cursor past the window, the next county's households, whose facts are read below.
        let ids: string[] = [];
        for (const h of listed) {
          if (!inWindow.facts.has(h.id)) break;
          ids.push(h.id);
        }
        if (ids.length === 0) ids = listed.filter((h) => h.countyCode === listed[0]!.countyCode).map((h) => h.id);
        let work: ChunkWork;
        const ahead = chunkAhead ? await chunkAhead : null;
        if (ahead && sameIds(ahead.ids, ids)) {
          work = ahead.work;
        } else {
          const missing = ids.filter((id) => !inWindow.facts.has(id));
          const extra = missing.length ? await loadHouseholdFacts(tx, missing) : null;
          work = await computeChunk(setup, r, ids, (id) => inWindow.facts.get(id) ?? extra?.get(id));
        }
        chunkAhead = null;
        // While this chunk is written, the next chunk is worked out (the engine runs while
        // PostgreSQL stores): the rest of this window, or the start of the window read ahead.
        // It is used if the next transaction finds the same households after the cursor, which
        // it does unless another worker got there first.
        const writing = writeChunk(tx, r, ids, work, opts.onProgress);
        const lastId = ids[ids.length - 1]!;
        const following = idsAfter(inWindow.facts, lastId, chunkSize);
        const compute = (w: FactsWindow, next: string[]) =>
          next.length === 0 ? null : computeChunk(setup, r, next, (id) => w.facts.get(id)).then((done) => ({ ids: next, work: done }));
        if (following.length > 0) chunkAhead = Promise.resolve(compute(inWindow, following));
        else if (windowAhead && windowAhead.after === lastId) {
          // A failed read ahead is read again when its window comes (above).
          chunkAhead = windowAhead.window.then((w) => (w ? compute(w, w.ids.slice(0, chunkSize)) : null), () => null);
        }
        chunkAhead?.catch(() => undefined); // an engine error is raised when that chunk comes (above)
        await writing;
        state = { ...r, cursor: lastId, processed: r.processed + ids.length };
      });
      chunks++;
    }
    run = (await findReassessmentRun(db, runId))!;
    if (run.status !== 'RUNNING') return run;
    const byCounty = await summariseReassessmentResults(db, runId);
    const summary = summariseRun(byCounty);
    await db.transaction(async (tx) => {
      await updateReassessmentRun(tx, runId, { status: 'DONE', summary, finishedAt: ctx.clock.now(), total: run!.processed });
      await appendAudit(tx, [
        auditEvent(ctx, null, {
          action: run!.mode === 'APPLY' ? 'reassessment.apply-done' : 'reassessment.what-if-done',
          entityType: 'reassessment_run',
          entityId: runId,
          source: 'SYSTEM',
          after: { households: run!.processed, changes: summary.totals },
        }),
      ]);
    });
  } catch (err) {
    await updateReassessmentRun(db, runId, { status: 'FAILED', error: err instanceof AppError ? err.code : String((err as Error).message ?? err), finishedAt: ctx.clock.now() });
    throw err;
  }
  return (await findReassessmentRun(db, runId)) as ReassessmentRunRow;
}
