import type { ServiceContext } from '../context.js';
import { runImportBatch } from './import-households.js';
import type { ImportHouseholdsPayload, JobLog } from './import-households.job.js';

/** Body of 'registry.import-households@1': validate and apply one uploaded batch. */
export async function handleImportHouseholds(ctx: ServiceContext, payload: ImportHouseholdsPayload, log: JobLog): Promise<void> {
  const view = await runImportBatch(ctx, payload.batchId, {
    onError: (err) => log.error({ err, batchId: payload.batchId }, 'registry import failed'),
  });
  log.info({ batchId: payload.batchId, status: view.status, totalRows: view.totalRows }, 'registry import finished');
}
