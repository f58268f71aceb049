/**
 * A re-assessment worker thread (see reassess-workers.ts): reads the facts of each window it is
 * sent over its own pool, a part at a time, and works the chunk out; replies in the order it
 * was asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockMemory, CopyBlockPool } from '../../db/copy-binary.js';
import { openDatabase } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import { createParameterResolver } from '../../domain/policy/resolve-parameters.js';
import { loadWindowFacts, type LoadedHousehold } from './load-household-facts.js';
import { computeChunk, type ChunkSetup, type ChunkWork } from './reassess-chunk.js';
import type { ReassessWorkerInit, WorkerReply, WorkerRequest } from './reassess-workers.js';

const init = workerData as ReassessWorkerInit;
const port = parentPort!;
const database = await openDatabase({ databaseUrl: init.url, poolSize: init.poolSize });
const setup: ChunkSetup = {
  runId: init.runId,
  resolveBefore: createParameterResolver(init.baseline),
  resolveAfter: createParameterResolver(init.baseline, init.runVersions),
  decisionDate: init.decisionDate,
  // who and when are filled by the main thread when it writes the chunk
  audit: (e) => e as AuditInput,
  blocks: new CopyBlockPool(),
};

type Facts = Map<string, LoadedHousehold>;

/** Part of a chunk (see WORKER_FACTS_PART), its facts read ahead of its turn. */
class Part {
  private read: Promise<Facts> | null = null;
  constructor(readonly ids: string[]) {}

  readAhead(): void {
    if (this.read) return;
    this.read = loadWindowFacts(database.db, this.ids, { parallel: true });
    this.read.catch(() => undefined); // raised when the part is worked out
  }

  /** The facts, read now unless read ahead; the part no longer holds them (they die with the part's work). */
  take(): Promise<Facts> {
    this.readAhead();
    const read = this.read!;
    this.read = null;
    return read;
  }
}

/**
 * Parts asked for and not yet worked out, in order. While one is worked out, the next one's
 * facts are read, the next chunk's first part when this was the last: only then, so that no
 * facts wait longer than a part's work (they would be promoted, see WORKER_FACTS_PART).
 */
const upcoming: Part[] = [];

function splitIntoParts(ids: readonly string[]): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < ids.length; i += init.factsPart) parts.push(new Part(ids.slice(i, i + init.factsPart)));
  // Nothing else waits: the part being worked out, if any, is its chunk's last.
  if (upcoming.length === 0) parts[0]?.readAhead();
  upcoming.push(...parts);
  return parts;
}

async function compute(seq: number, parts: Part[]): Promise<void> {
  let reply: WorkerReply;
  try {
    let work: ChunkWork | undefined;
    for (const part of parts) {
      const facts = await part.take();
      upcoming.splice(0, upcoming.indexOf(part) + 1);
      upcoming[0]?.readAhead();
      work = await computeChunk(setup, init.run, part.ids, (id) => facts.get(id), work);
    }
    if (!work) throw new Error('re-assessment worker asked for an empty chunk');
    reply = { seq, ok: true, work: { results: work.results, decisions: work.decisions.toData() } };
  } catch (e) {
    // The chunk's parts not worked out are no longer awaited.
    for (const part of parts) {
      const i = upcoming.indexOf(part);
      if (i >= 0) upcoming.splice(i, 1);
    }
    const err = e instanceof Error ? e : new Error(String(e));
    // The driver's reason (say, a refused connection) is the cause of the ORM's error.
    const message = err.cause instanceof Error ? `${err.message}\n${err.cause.message}` : err.message;
    reply = { seq, ok: false, message, ...(err.stack ? { stack: err.stack } : {}) };
  }
  // The encoded rows' memory moves to the main thread (never Node's shared pool, see
  // CopyBlockPool); the main thread sends it back with a later request once written.
  port.postMessage(reply, reply.ok ? blockMemory(reply.work.decisions.blocks) : []);
}

// One request at a time, in order: the main thread awaits the windows in the walk's order.
let queue = Promise.resolve();
port.on('message', (m: WorkerRequest) => {
  if (m.type === 'close') {
    queue = queue.then(async () => {
      await database.close();
      port.close();
    });
    return;
  }
  setup.blocks.give(m.recycle);
  const parts = splitIntoParts(m.ids);
  queue = queue.then(() => compute(m.seq, parts));
});
