/**
 * Job definition (STYLE §7) of 'monitoring.dept-batch@1': validate and apply one received
 * department batch. The batch row is the job's real state, so a job sent twice or resumed
 * after a restart is harmless.
 */
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobLog } from '../registry/import-households.job.js';

export const DEPT_BATCH_JOB = 'monitoring.dept-batch@1';

export interface DeptBatchPayload {
  batchId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseDeptBatchPayload(data: Record<string, unknown>): DeptBatchPayload {
  const batchId = data.batchId;
  if (typeof batchId !== 'string' || !UUID.test(batchId)) {
    throw new AppError('VALIDATION_FAILED', { message: `${DEPT_BATCH_JOB}: batchId must be a uuid` });
  }
  return { batchId };
}

export async function sendDeptBatchJob(queue: JobQueue, payload: DeptBatchPayload): Promise<void> {
  await queue.send(DEPT_BATCH_JOB, { batchId: payload.batchId }, { singletonKey: payload.batchId });
}

export async function registerDeptBatchJob(queue: JobQueue, ctx: ServiceContext, log: JobLog): Promise<void> {
  await queue.work(DEPT_BATCH_JOB, async (data) => {
    const payload = parseDeptBatchPayload(data);
    const { handleDeptBatch } = await import('./dept-batch.handler.js');
    await handleDeptBatch(ctx, payload, log);
  });
}
