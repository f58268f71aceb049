/** Read model of monthly comparison runs (progress and figures). */
import { AppError } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import { findComparisonRun, findCreatorName, listComparisonRuns, type ComparisonRunRow } from '../../db/repos/comparison-runs.repo.js';
import { findRegionName } from '../../db/repos/reassessments.repo.js';

async function toView(db: Executor, run: ComparisonRunRow, createdByName: string | null) {
  return {
    id: run.id,
    period: run.period,
    regionCode: run.regionCode,
    regionName: await findRegionName(db, run.regionCode),
    status: run.status,
    total: run.total,
    processed: run.processed,
    raised: run.raised,
    merged: run.merged,
    error: run.error,
    createdByName,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
export type ComparisonView = Awaited<ReturnType<typeof toView>>;

/** `scopeCode`: the caller's region; a run is visible when its region and the scope overlap. */
export async function loadComparisonView(db: Executor, id: string, scopeCode?: string): Promise<ComparisonView> {
  const run = await findComparisonRun(db, id);
  if (!run) throw new AppError('COMPARISON_NOT_FOUND');
  if (scopeCode !== undefined && !(run.regionCode.startsWith(scopeCode) || scopeCode.startsWith(run.regionCode))) throw new AppError('COMPARISON_NOT_FOUND');
  return toView(db, run, await findCreatorName(db, run.createdBy));
}

export async function listComparisonViews(db: Executor, scopeCode: string): Promise<ComparisonView[]> {
  const rows = await listComparisonRuns(db, scopeCode);
  return Promise.all(rows.map((r) => toView(db, r.run, r.createdByName)));
}
