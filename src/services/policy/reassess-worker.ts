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

/** The chunk's households in parts (see WORKER_FACTS_PART); the first part is read at once. */
function readInParts(ids: readonly string[]): { ids: string[]; facts: () => Promise<Facts> }[] {
  const parts: { ids: string[]; facts: () => Promise<Facts> }[] = [];
  for (let i = 0; i < ids.length; i += init.factsPart) {
    const part = ids.slice(i, i + init.factsPart);
    let read: Promise<Facts> | null = null;
    const facts = () => {
      if (!read) {
        read = loadWindowFacts(database.db, part, { parallel: true });
        read.catch(() => undefined); // raised when the part is worked out
      }
      return read;
    };
    parts.push({ ids: part, facts });
  }
  void parts[0]?.facts();
  return parts;
}

async function compute(seq: number, parts: ReturnType<typeof readInParts>): Promise<void> {
  let reply: WorkerReply;
  try {
    let work: ChunkWork | undefined;
    for (let k = 0; k < parts.length; k++) {
      const facts = await parts[k]!.facts();
      void parts[k + 1]?.facts();
      work = await computeChunk(setup, init.run, parts[k]!.ids, (id) => facts.get(id), work);
    }
    if (!work) throw new Error('re-assessment worker asked for an empty chunk');
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
  // The chunk's first part is read now, while the chunk before it is still worked out.
  const parts = readInParts(m.ids);
  queue = queue.then(() => compute(m.seq, parts));
});
