import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../../db/database.js';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * The background job port. Production uses pg-boss on the same database (PGlite through
 * its in-process adapter, PostgreSQL through its own pool). Job state that people look
 * at (progress, results) lives in our own tables, so a job that dies is simply run again.
 */
export interface JobQueue {
  send(name: string, data: Record<string, unknown>, opts?: { singletonKey?: string }): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss queue names allow only letters, digits and `_ . - /`; our job ids are
 * `feature.name@version` (STYLE §3), so `@1` becomes `.v1`.
 */
export function queueNameOf(jobId: string): string {
  return jobId.replace(/@(\d+)$/, '.v$1').replace(/[^A-Za-z0-9_.\-/]/g, '_');
}

export async function startPgBossQueue(
  database: Database,
  databaseUrl: string | undefined,
  log: (msg: string, err?: unknown) => void,
): Promise<JobQueue> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schedule: false })
      : new PgBoss({ connectionString: databaseUrl!, max: 3, schedule: false });
  boss.on('error', (err: unknown) => log('job queue error', err));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (jobId: string) => {
    const name = queueNameOf(jobId);
    if (!created.has(name)) {
      await boss.createQueue(name).catch(() => undefined);
      created.add(name);
    }
    return name;
  };
  return {
    async send(jobId, data, opts) {
      const name = await ensureQueue(jobId);
      await boss.send(name, data, {
        retryLimit: 3,
        retryDelay: 5,
        ...(opts?.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      });
    },
    async work(jobId, handler) {
      const name = await ensureQueue(jobId);
      await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * In-process queue for tests and CLI runs: handlers run on the next tick, `drain()` waits
 * for all of them. Same contract as the pg-boss queue.
 */
export class InlineQueue implements JobQueue {
  private handlers = new Map<string, JobHandler>();
  private pending = new Set<Promise<void>>();
  readonly errors: unknown[] = [];

  async send(name: string, data: Record<string, unknown>): Promise<void> {
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        const h = this.handlers.get(name);
        if (!h) throw new Error(`no handler for job ${name}`);
        return h(data);
      })
      .catch((e: unknown) => {
        this.errors.push(e);
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async work(name: string, handler: JobHandler): Promise<void> {
    this.handlers.set(name, handler);
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async stop(): Promise<void> {
    await this.drain();
  }
}
