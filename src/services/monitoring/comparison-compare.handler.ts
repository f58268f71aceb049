import type { ServiceContext } from '../context.js';
import type { JobLog } from '../registry/import-households.job.js';
import { runComparison } from './comparison-run.js';

/** Body of 'monitoring.compare@1': run (or resume) one comparison to the end. */
export async function handleCompare(ctx: ServiceContext, runId: string, log: JobLog): Promise<void> {
  try {
    const run = await runComparison(ctx, runId, { log: { info: (obj, msg) => log.info(obj, msg) } });
    log.info({ runId, status: run.status, processed: run.processed, raised: run.raised, merged: run.merged }, 'monitoring comparison finished');
  } catch (err) {
    log.error({ err, runId }, 'monitoring comparison failed');
  }
}
