/**
 * Job definition (STYLE §7): the monthly province-wide comparison (issue 4 §6). The run row
 * holds the real state (status, cursor, figures), so a job sent twice or resumed is harmless.
 */
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobLog } from '../registry/import-households.job.js';

export const COMPARE_JOB = 'monitoring.compare@1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseComparePayload(data: Record<string, unknown>): { runId: string } {
  const runId = data.runId;
  if (typeof runId !== 'string' || !UUID.test(runId)) throw new AppError('VALIDATION_FAILED', { message: `${COMPARE_JOB}: runId must be a uuid` });
  return { runId };
}

export async function sendCompareJob(queue: JobQueue, runId: string): Promise<void> {
  await queue.send(COMPARE_JOB, { runId }, { singletonKey: runId });
}

export async function registerCompareJob(queue: JobQueue, ctx: ServiceContext, log: JobLog): Promise<void> {
  await queue.work(COMPARE_JOB, async (data) => {
    const { runId } = parseComparePayload(data);
    const { handleCompare } = await import('./comparison-compare.handler.js');
    await handleCompare(ctx, runId, log);
  });
}
