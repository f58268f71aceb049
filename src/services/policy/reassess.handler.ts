import type { ServiceContext } from '../context.js';
import type { JobLog } from '../registry/import-households.job.js';
import { runReassessment } from './run-reassessment.js';

/** Body of 'policy.reassess@1': run (or resume) one batch re-assessment to the end. */
export async function handleReassess(ctx: ServiceContext, runId: string, log: JobLog): Promise<void> {
  try {
    const run = await runReassessment(ctx, runId);
    log.info({ runId, status: run.status, processed: run.processed }, 'policy re-assessment finished');
  } catch (err) {
    log.error({ err, runId }, 'policy re-assessment failed');
  }
}
