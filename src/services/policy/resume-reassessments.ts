import { findUnfinishedReassessmentRunIds } from '../../db/repos/reassessments.repo.js';
import type { ServiceContext } from '../context.js';
import { sendReassessJob } from './reassess.job.js';

/** Re-enqueue runs left QUEUED or RUNNING by a restart; each continues after its cursor. */
export async function resumeReassessments(ctx: ServiceContext): Promise<number> {
  if (!ctx.jobs) return 0;
  const ids = await findUnfinishedReassessmentRunIds(ctx.database.db);
  for (const id of ids) await sendReassessJob(ctx.jobs, id);
  return ids.length;
}
