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
 * in flight and the last chunks whose commits were not yet on disk (see beginChunk), which are
 * simply done again; two processes on one run serialise on the row lock and
 * never repeat a chunk.
 *
 * Where the work is done: on PostgreSQL, worker threads read the windows' facts and work the
 * chunks out (reassess-workers.ts) while this thread lists the windows and writes each chunk in
 * its transaction; on PGlite, or with `workers: 0`, everything runs on this thread.
 */
import { availableParallelism } from 'node:os';
import { sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.js';
import { createParameterResolver, type ParameterVersion } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import { CopyBlockPool } from '../../db/copy-binary.js';
import type { Tx } from '../../db/database.js';
import { appendAudit, appendAuditInTransaction } from '../../db/repos/audit.repo.js';
import { findParameterVersions, listHouseholdsAfter, listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import {
  findReassessmentRun,
  insertReassessmentResults,
  summariseReassessmentResults,
  updateReassessmentRun,
  type ReassessmentRunRow,
} from '../../db/repos/reassessments.repo.js';
import type { ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { idsOfFirstCounty, listWindow, loadFactsWindow, loadHouseholdFacts, loadWindowFacts, type FactsWindow, type LoadedHousehold } from './load-household-facts.js';
import { DecisionBatch } from './policy-decision.js';
import { computeChunk, type ChunkSetup, type ChunkWork } from './reassess-chunk.js';
import { ReassessWorkers, WORKER_FACTS_PART } from './reassess-workers.js';
import { summariseRun } from './reassessment-summary.js';

export const REASSESS_CHUNK = 1000;

/** Households per chunk of a run (its option, else REASSESS_CHUNK). */
const chunkSizeOf = (opts: { chunkSize?: number }): number => opts.chunkSize ?? REASSESS_CHUNK;
/**
 * Households whose facts are read at once (see loadFactsWindow): one chunk. Full scale, what-if
 * and applied alternated with windows of 5,000: what-if 38–41 s against 52–62 s, applied 74–81 s
 * against 96–99 s; a bigger window's facts outlive the young generation while the engine runs,
 * and the collector's marking doubled Node.js's CPU time (`docs/benchmarks.md`).
 */
export const FACTS_WINDOW = REASSESS_CHUNK;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function asVersion(v: ParameterVersion): ParameterVersion {
  return { id: v.id, code: v.code, regionCode: v.regionCode, urbanRural: v.urbanRural, effectiveFrom: v.effectiveFrom, value: v.value, confidence: v.confidence, status: v.status, reviewedAt: v.reviewedAt, createdAt: v.createdAt };
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

/** Store a chunk's work and move the cursor past it, in the chunk's transaction. */
async function writeChunk(tx: Tx, r: ReassessmentRunRow, ids: string[], work: ChunkWork, onProgress?: (processed: number, total: number) => void): Promise<void> {
  await work.decisions.write(tx);
  await insertReassessmentResults(tx, work.results);
  const audit = work.decisions.audit();
  if (audit.length) await appendAuditInTransaction(tx, audit);
  await updateReassessmentRun(tx, r.id, { cursor: ids[ids.length - 1]!, processed: r.processed + ids.length });
  onProgress?.(r.processed + ids.length, r.total);
}

export interface RunOptions {
  onProgress?: (processed: number, total: number) => void;
  stopAfterChunks?: number;
  chunkSize?: number;
  /**
   * Households whose facts are read at once: in process, a window of one chunk or more (default
   * one chunk); on a worker thread, a part of its chunk (default: WORKER_FACTS_PART when
   * applying, the whole chunk for a what-if).
   */
  windowSize?: number;
  /**
   * Worker threads that read and work out the chunks (PostgreSQL only). By default a what-if
   * has as many as the machine has cores, and an applied run one fewer (at least one); at most
   * 4. 0 works everything out on this thread, as on PGlite. An applied run leaves a core to the
   * main thread and the connection writing its decisions chunk after chunk: on 2 cores, one
   * worker used 10–20 s less CPU than two at full scale, in as much time or less, while a
   * what-if, which writes little, was faster with two (`docs/benchmarks.md`).
   */
  workers?: number;
  /**
   * With workers: every `mainShare`-th window is read and worked out on this thread instead,
   * between the writes (0: none). By default an applied run's every fourth; a what-if's none.
   * An applied run waits on its one worker while this thread is mostly idle (docs/benchmarks.md).
   */
  mainShare?: number;
}

/** Default of RunOptions.mainShare. */
const MAIN_SHARE_APPLY = 4;

function defaultWorkers(mode: string): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(4, mode === 'APPLY' ? cores - 1 : cores));
}

/** Run (or resume) a batch re-assessment to the end. A finished run is returned as it is. */
export async function runReassessment(ctx: ServiceContext, runId: string, opts: RunOptions = {}) {
  const { db } = ctx.database;
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
    const setup: ChunkSetup = {
      runId,
      resolveBefore: createParameterResolver(baseline),
      resolveAfter: createParameterResolver(baseline, runVersions),
      decisionDate: shanghaiDate(ctx.clock.now()),
      audit: (e) => auditEvent(ctx, null, e),
      blocks: new CopyBlockPool(),
    };
    const url = ctx.database.kind === 'postgres' ? ctx.database.url : undefined;
    let walked: Walked;
    const workerCount = url ? (opts.workers ?? defaultWorkers(run.mode)) : 0;
    if (url && workerCount > 0) {
      const workers = new ReassessWorkers(workerCount, {
        url,
        runId,
        run: { mode: run.mode, referenceDate: run.referenceDate, createdBy: run.createdBy },
        baseline,
        runVersions,
        decisionDate: setup.decisionDate,
        factsPart: opts.windowSize ?? (run.mode === 'APPLY' ? WORKER_FACTS_PART : chunkSizeOf(opts)),
      });
      try {
        walked = await walkWithWorkers(ctx, setup, run, workers, opts);
      } finally {
        await workers.close();
      }
    } else {
      walked = await walkInProcess(ctx, setup, run, opts);
    }
    run = (await findReassessmentRun(db, runId))!;
    if (walked === 'STOPPED' || run.status !== 'RUNNING') return run;
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

/** How a walk over the run's households ended: at the end (or the run stopped running), or after `stopAfterChunks`. */
type Walked = 'ENDED' | 'STOPPED';

/** Where a walk stands between two chunks. */
interface WalkProgress {
  chunks: number;
  /**
   * The run as this walk's last chunk left it (null: read it). A chunk's transaction locks the
   * run and lists the households after its cursor again, so between chunks the walk goes on
   * from what it wrote instead of asking: two round trips a chunk, each waiting behind the
   * window being read ahead.
   */
  state: ReassessmentRunRow | null;
  /** set when a chunk's transaction found no household after the cursor */
  finished: boolean;
}

/** Before the next chunk: the run to go on with, or how the walk ends. */
async function nextChunkRun(ctx: ServiceContext, runId: string, p: WalkProgress, opts: RunOptions): Promise<ReassessmentRunRow | Walked> {
  if (opts.stopAfterChunks !== undefined && p.chunks >= opts.stopAfterChunks) return 'STOPPED';
  const current = p.state ?? (await findReassessmentRun(ctx.database.db, runId));
  p.state = null;
  if (p.finished || !current || current.status !== 'RUNNING') return 'ENDED';
  return current;
}

/**
 * A chunk's transaction begins here: lock the run and list the households after its cursor (at
 * most `chunkSize`). Null when the run is no longer running, or when no household is left (the
 * walk is then finished).
 */
async function beginChunk(tx: Tx, runId: string, chunkSize: number, walk: WalkProgress): Promise<{ r: ReassessmentRunRow; listed: { id: string; countyCode: string }[] } | null> {
  // A chunk's commit does not wait for its WAL to reach the disk: the decisions and the cursor
  // commit together, so a crash that loses the last chunks' commits leaves the run at an
  // earlier cursor, and resuming it works those chunks out again. The run's closing commit
  // waits as usual, and that flushes every chunk before it. On a full-scale applied run this
  // took the ≈ 180 flushes off the writing connection's path (`docs/benchmarks.md`).
  await tx.execute(sql`SET LOCAL synchronous_commit = off`);
  const r = await findReassessmentRun(tx, runId, { forUpdate: true });
  if (!r || r.status !== 'RUNNING') return null;
  const listed = await listHouseholdsAfter(tx, r.regionCode, r.cursor, chunkSize);
  if (listed.length === 0) {
    walk.finished = true;
    return null;
  }
  return { r, listed };
}

/**
 * The walk on PostgreSQL with worker threads: the main thread lists the windows (one chunk each)
 * ahead of the cursor and hands them to the workers in turn, a few in flight, then writes each
 * chunk in its transaction in the walk's order. A chunk's transaction lists the households after
 * the run's cursor again; when they are not the window at the head of the queue (another worker
 * process moved the cursor), that chunk is read and worked out here, in the transaction, and the
 * queue starts again after it.
 */
async function walkWithWorkers(ctx: ServiceContext, setup: ChunkSetup, run: ReassessmentRunRow, workers: ReassessWorkers, opts: RunOptions): Promise<Walked> {
  const { db } = ctx.database;
  const chunkSize = chunkSizeOf(opts);
  /** windows in flight, in walk order; each listed after the cursor `after`; `here`: worked out on this thread */
  let queue: { after: string | null; ids: string[]; work: Promise<ChunkWork>; here: boolean }[] = [];
  /** where the next window is to be listed from; undefined: the walk's end was listed */
  let listFrom: string | null | undefined = run.cursor;
  const mainShare = opts.mainShare ?? (run.mode === 'APPLY' ? MAIN_SHARE_APPLY : 0);
  let listed = 0;
  /** windows kept in flight: one being written, one being worked out by each worker (and one here) */
  const depth = workers.size + 1 + (mainShare > 0 ? 1 : 0);
  let generation = 0;
  const restart = (cursor: string | null) => {
    generation++;
    queue = [];
    listFrom = cursor;
  };
  const fill = async () => {
    const g = generation;
    while (queue.length < depth && listFrom !== undefined) {
      const w = await listWindow(db, run.regionCode, listFrom, chunkSize);
      if (g !== generation) return; // restarted meanwhile
      if (!w) {
        listFrom = undefined;
        return;
      }
      const here = mainShare > 0 && listed++ % mainShare === mainShare - 1;
      const work = here
        ? workOutHere(ctx, setup, run, w.ids, workers.factsPart)
        : workers.compute(w.ids).then((d) => ({ results: d.results, decisions: DecisionBatch.fromData(d.decisions, setup.audit) }));
      work.catch(() => undefined); // raised when its chunk comes
      queue.push({ after: listFrom, ids: w.ids, work, here });
      listFrom = w.ids[w.ids.length - 1]!;
    }
  };
  const walk: WalkProgress = { chunks: 0, state: null, finished: false };
  for (;;) {
    const current = await nextChunkRun(ctx, setup.runId, walk, opts);
    if (typeof current === 'string') return current;
    if (queue[0]?.after !== current.cursor) restart(current.cursor);
    await fill();
    await db.transaction(async (tx) => {
      const begun = await beginChunk(tx, setup.runId, chunkSize, walk);
      if (!begun) return;
      const { r, listed } = begun;
      const ids = idsOfFirstCounty(listed);
      const head = queue[0];
      let work: ChunkWork;
      /** where the written rows' memory goes: back to the workers, or this thread's pool */
      let giveBack = (memory: ArrayBuffer[]) => setup.blocks.give(memory);
      if (head && head.after === r.cursor && sameIds(head.ids, ids)) {
        queue.shift();
        work = await head.work;
        if (!head.here) giveBack = (memory) => workers.recycle(memory);
      } else {
        const facts = await loadHouseholdFacts(tx, ids);
        work = await computeChunk(setup, r, ids, (id) => facts.get(id));
        restart(ids[ids.length - 1]!);
      }
      const writing = writeChunk(tx, r, ids, work, opts.onProgress);
      // The next windows are listed and handed out while this chunk is written.
      const more = fill();
      await writing;
      giveBack(work.decisions.releaseBlocks());
      await more;
      walk.state = { ...r, cursor: ids[ids.length - 1]!, processed: r.processed + ids.length };
    });
    walk.chunks++;
  }
}

/**
 * A window worked out on this thread while a walk with workers writes (RunOptions.mainShare):
 * its facts read a part at a time, as a worker reads them, over the pool.
 */
async function workOutHere(ctx: ServiceContext, setup: ChunkSetup, run: ReassessmentRunRow, ids: string[], part: number): Promise<ChunkWork> {
  let work: ChunkWork | undefined;
  for (let i = 0; i < ids.length; i += part) {
    const partIds = ids.slice(i, i + part);
    const facts = await loadWindowFacts(ctx.database.db, partIds, { parallel: true });
    work = await computeChunk(setup, run, partIds, (id) => facts.get(id), work);
  }
  return work ?? { results: [], decisions: new DecisionBatch(setup.blocks) };
}

/** The walk on this thread (PGlite, or no workers): windows read ahead, the next chunk worked out while one is written. */
async function walkInProcess(ctx: ServiceContext, setup: ChunkSetup, run: ReassessmentRunRow, opts: RunOptions): Promise<Walked> {
  const { db } = ctx.database;
  const chunkSize = chunkSizeOf(opts);
  // Facts are read a window at a time: up to `windowSize` consecutive households of one
  // county, one query by id per kind of fact (see loadFactsWindow for why not a whole
  // county). PostgreSQL reads the next window over the pool while this one is assessed
  // (PGlite has one connection, so there a window is read between chunks). A chunk never
  // spans two windows; the first chunk of the window read ahead is worked out while the
  // last chunk of this one is written. A household edited after its window was read is
  // assessed on the facts as read (the stored decision's inputs digest says which).
  const parallel = ctx.database.kind === 'postgres';
  const windowSize = opts.windowSize ?? FACTS_WINDOW;
  const readWindow = (cursor: string | null) => loadFactsWindow(db, run.regionCode, cursor, windowSize, { parallel });
  let window = null as FactsWindow | null;
  /** the window after `after` (the last household of the current window), read ahead */
  let windowAhead = null as { after: string; window: Promise<FactsWindow | null> } | null;
  /** the next chunk, worked out while the current one was written (null: none) */
  let chunkAhead = null as Promise<{ ids: string[]; work: ChunkWork } | null> | null;
  const walk: WalkProgress = { chunks: 0, state: null, finished: false };
  for (;;) {
    const current = await nextChunkRun(ctx, setup.runId, walk, opts);
    if (typeof current === 'string') return current;
    const cursor = current.cursor;
    if (!(window && cursor !== null && idsAfter(window.facts, cursor, 1).length > 0)) {
      window = null; // free the previous window's facts first
      // A failed read ahead is read again here.
      const pending = windowAhead && windowAhead.after === cursor ? windowAhead.window.catch(() => readWindow(cursor)) : readWindow(cursor);
      windowAhead = null;
      window = await pending;
      if (!window) return 'ENDED';
      const last = window.ids[window.ids.length - 1]!;
      if (parallel) {
        const ahead = readWindow(last);
        ahead.catch(() => undefined);
        windowAhead = { after: last, window: ahead };
      }
    }
    const inWindow = window;
    await db.transaction(async (tx) => {
      const begun = await beginChunk(tx, setup.runId, chunkSize, walk);
      if (!begun) return;
      const { r, listed } = begun;
      // The households after the cursor that the window holds; if another worker moved the
      // cursor past the window, the next county's households, whose facts are read below.
      let ids: string[] = [];
      for (const h of listed) {
        if (!inWindow.facts.has(h.id)) break;
        ids.push(h.id);
      }
      if (ids.length === 0) ids = idsOfFirstCounty(listed);
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
      setup.blocks.give(work.decisions.releaseBlocks());
      walk.state = { ...r, cursor: lastId, processed: r.processed + ids.length };
    });
    walk.chunks++;
  }
}
