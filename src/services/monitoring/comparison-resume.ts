import { findUnfinishedComparisonRunIds } from '../../db/repos/comparison-runs.repo.js';
import type { ServiceContext } from '../context.js';
import { sendCompareJob } from './comparison-compare.job.js';

/** Re-enqueue comparison runs left QUEUED or RUNNING by a restart; each continues after its cursor. */
export async function resumeComparisons(ctx: ServiceContext): Promise<number> {
  if (!ctx.jobs) return 0;
  const ids = await findUnfinishedComparisonRunIds(ctx.database.db);
  for (const id of ids) await sendCompareJob(ctx.jobs, id);
  return ids.length;
}
