/**
 * Job definition (STYLE §7): batch re-assessment of the households under a parameter
 * version's region. The run row holds the real state (status, cursor, progress, figures),
 * so a job sent twice or resumed after a crash is harmless.
 */
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobLog } from '../registry/import-households.job.js';

export const REASSESS_JOB = 'policy.reassess@1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseReassessPayload(data: Record<string, unknown>): { runId: string } {
  const runId = data.runId;
  if (typeof runId !== 'string' || !UUID.test(runId)) {
    throw new AppError('VALIDATION_FAILED', { message: `${REASSESS_JOB}: runId must be a uuid` });
  }
  return { runId };
}

export async function sendReassessJob(queue: JobQueue, runId: string): Promise<void> {
  await queue.send(REASSESS_JOB, { runId }, { singletonKey: runId });
}

export async function registerReassessJob(queue: JobQueue, ctx: ServiceContext, log: JobLog): Promise<void> {
  await queue.work(REASSESS_JOB, async (data) => {
    const { runId } = parseReassessPayload(data);
    const { handleReassess } = await import('./reassess.handler.js');
    await handleReassess(ctx, runId, log);
  });
}
