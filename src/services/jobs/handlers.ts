import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from '../context.js';
import type { JobQueue } from './queue.js';
import { registerImportHouseholdsJob } from '../registry/import-households.job.js';
import { registerReassessJob } from '../policy/reassess.job.js';
import { registerCompareJob } from '../monitoring/comparison-compare.job.js';
import { registerDeptBatchJob } from '../monitoring/dept-batch.job.js';

/** Every job the platform runs, registered in one place. Handlers are loaded lazily. */
export async function registerJobHandlers(queue: JobQueue, ctx: ServiceContext, log: Pick<FastifyBaseLogger, 'error' | 'info'>) {
  void queue;
  void ctx;
  void log;
  await registerImportHouseholdsJob(queue, ctx, log);
  await registerReassessJob(queue, ctx, log);
  await registerCompareJob(queue, ctx, log);
  await registerDeptBatchJob(queue, ctx, log);
}
