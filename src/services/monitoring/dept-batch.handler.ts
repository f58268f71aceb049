import type { ServiceContext } from '../context.js';
import type { JobLog } from '../registry/import-households.job.js';
import { runDeptBatch } from './dept-batches.js';
import type { DeptBatchPayload } from './dept-batch.job.js';

/** Body of 'monitoring.dept-batch@1': validate, match and apply one department batch. */
export async function handleDeptBatch(ctx: ServiceContext, payload: DeptBatchPayload, log: JobLog): Promise<void> {
  const view = await runDeptBatch(ctx, payload.batchId, {
    onError: (err) => log.error({ err, batchId: payload.batchId }, 'department batch failed'),
  });
  log.info({ batchId: payload.batchId, status: view.status, totalRows: view.totalRows, matched: view.matched }, 'department batch finished');
}
