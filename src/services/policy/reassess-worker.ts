/**
 * A re-assessment worker thread (see reassess-workers.ts): reads the facts of each window it is
 * sent over its own pool and works the chunk out; replies in the order it was asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockMemory, CopyBlockPool } from '../../db/copy-binary.js';
import { openDatabase } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import { createParameterResolver } from '../../domain/policy/resolve-parameters.js';
import { loadWindowFacts } from './load-household-facts.js';
import { computeChunk, type ChunkSetup } from './reassess-chunk.js';
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

async function compute(seq: number, ids: string[]): Promise<void> {
  let reply: WorkerReply;
  try {
    const facts = await loadWindowFacts(database.db, ids, { parallel: true });
    const work = await computeChunk(setup, init.run, ids, (id) => facts.get(id));
    reply = { seq, ok: true, work: { results: work.results, decisions: work.decisions.toData() } };
  } catch (e) {
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
  queue = queue.then(() => compute(m.seq, m.ids));
});
