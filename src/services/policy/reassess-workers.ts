/**
 * Worker threads for a batch re-assessment on PostgreSQL (issue 3 §8). Each worker opens its
 * own small pool, reads the facts of the windows it is given and works them out
 * (reassess-chunk.ts); the main thread lists the windows, keeps a few of them in flight and
 * writes each chunk's work in its transaction, in the walk's order, as before.
 *
 * Why: on one thread the engine, the explanations and the encoding of stored decisions kept
 * Node.js busy for the whole run while PostgreSQL used well under one core, so on a 2-core
 * machine the run took about as long as Node.js's CPU time (`docs/benchmarks.md`). PGlite
 * lives in the main thread's memory, so a run on PGlite works everything out in process.
 */
import { Worker } from 'node:worker_threads';
import type { ParameterVersion } from '../../domain/policy/resolve-parameters.js';
import type { ReassessmentResultInsert } from '../../db/repos/reassessments.repo.js';
import type { ChunkRun } from './reassess-chunk.js';
import type { DecisionBatchData } from './policy-decision.js';

/** What a worker is started with (workerData). */
export interface ReassessWorkerInit {
  /** the PostgreSQL connection string */
  url: string;
  poolSize: number;
  runId: string;
  run: ChunkRun;
  /** parameter versions in force without the run's versions (before) … */
  baseline: ParameterVersion[];
  /** … and the run's own (after = baseline overlaid with these) */
  runVersions: ParameterVersion[];
  decisionDate: string;
  /** households of a chunk whose facts are read at once (WORKER_FACTS_PART) */
  factsPart: number;
  /** the worker's module (reassess-worker.ts), loaded by the boot script */
  entry: string;
}

/** A chunk's work as data: the households it covers, their results and the decisions to store. */
export interface ChunkWorkData {
  results: ReassessmentResultInsert[];
  decisions: DecisionBatchData;
}

/** `recycle`: memory of written rows the worker encoded earlier (transferred back, see CopyBlockPool) */
export type WorkerRequest = { type: 'compute'; seq: number; ids: string[]; recycle: ArrayBuffer[] } | { type: 'close' };
export type WorkerReply = { seq: number; ok: true; work: ChunkWorkData } | { seq: number; ok: false; message: string; stack?: string };

/**
 * Households whose facts an applying worker reads at once, a quarter of a chunk; the next part
 * is read while one is worked out. Facts read for a whole chunk of 1,000 lived through two or
 * more of the worker's young-generation collections while the chunk's decisions were explained
 * and encoded, and were promoted: 1.3 GB per full-scale applied run, each page of it a page
 * fault (≈ 13 µs on the benchmark machine), and ≈ 17 s of scavenging (pauses and helper
 * threads). Read by quarters: 0.4 GB promoted, ≈ 10 s of scavenging, 5 s less Node.js CPU for
 * ≈ 3 s more of PostgreSQL's on the extra queries. A what-if, whose chunks are quickly worked
 * out, reads whole chunks: in quarters it took 2–3 s longer (`docs/benchmarks.md`).
 */
export const WORKER_FACTS_PART = 250;

/** Connections per worker: a window's seven fact queries run at once (loadHouseholdFacts). */
const WORKER_POOL_SIZE = 4;

interface Pending {
  resolve: (w: ChunkWorkData) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** set when the worker failed or exited: its pending and later requests are refused */
  failed: Error | null;
  exited: Promise<void>;
}

/** A fixed set of workers for one run; requests go to them in turn. */
export class ReassessWorkers {
  private readonly slots: Slot[];
  private nextSlot = 0;
  private seq = 0;
  /** memory of written rows, to go back with the next request */
  private recycled: ArrayBuffer[] = [];

  constructor(count: number, private readonly init: Omit<ReassessWorkerInit, 'entry' | 'poolSize'>) {
    const workerData: ReassessWorkerInit = { ...init, poolSize: WORKER_POOL_SIZE, entry: new URL('./reassess-worker.ts', import.meta.url).href };
    this.slots = Array.from({ length: count }, () => {
      // The boot script registers the TypeScript loader in the worker, so that it runs the same
      // way under `tsx` (npm start, the bench) and under the test runner.
      const worker = new Worker(new URL('./reassess-worker.boot.mjs', import.meta.url), { workerData, execArgv: [] });
      const slot: Slot = { worker, pending: new Map(), failed: null, exited: Promise.resolve() };
      slot.exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const fail = (e: Error) => {
        slot.failed ??= e;
        for (const p of slot.pending.values()) p.reject(slot.failed);
        slot.pending.clear();
      };
      worker.on('message', (m: WorkerReply) => {
        const p = slot.pending.get(m.seq);
        if (!p) return;
        slot.pending.delete(m.seq);
        if (m.ok) p.resolve(m.work);
        else p.reject(Object.assign(new Error(m.message), { stack: m.stack ?? m.message }));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`re-assessment worker exited (code ${code})`)));
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Households of a chunk a worker reads at once. */
  get factsPart(): number {
    return this.init.factsPart;
  }

  /** Read and work out these households (consecutive, of one county) on the next worker in turn. */
  compute(ids: string[]): Promise<ChunkWorkData> {
    const slot = this.slots[this.nextSlot]!;
    this.nextSlot = (this.nextSlot + 1) % this.slots.length;
    if (slot.failed) return Promise.reject(slot.failed);
    const seq = ++this.seq;
    return new Promise<ChunkWorkData>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      const recycle = this.recycled;
      this.recycled = [];
      slot.worker.postMessage({ type: 'compute', seq, ids, recycle } satisfies WorkerRequest, recycle);
    });
  }

  /** Memory of rows a worker encoded, once they were copied: it goes back with the next request. */
  recycle(memory: readonly ArrayBuffer[]): void {
    for (const m of memory) if (m.byteLength > 0) this.recycled.push(m);
  }

  /** Let the workers finish what they hold, close their pools and exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        if (!s.failed) s.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
        if ((await Promise.race([s.exited, timeout])) === 'timeout') await s.worker.terminate();
      }),
    );
  }
}
