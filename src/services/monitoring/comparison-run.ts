/**
 * The monthly comparison (issue 4 §6): every active household under the run's region is
 * checked against every warning rule switched on for it, with the department records in the
 * rules' windows, and clues are raised or merged.
 *
 * Resumable like the batch re-assessment (run-reassessment.ts): households in id order in
 * chunks; each chunk is one transaction that locks the run row, continues after its cursor,
 * raises/merges clues and advances the cursor and the figures. A crash loses at most the
 * chunk in flight, which is done again; because clues merge by cause, a chunk done twice (or
 * a whole run repeated) never duplicates a warning — it only counts a repeat.
 */
import { AppError } from '../../domain/errors.js';
import { comparisonReferenceDate } from '../../domain/monitoring/warning-rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { listHouseholdsAfter } from '../../db/repos/assessments.repo.js';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findComparisonRun, updateComparisonRun, type ComparisonRunRow } from '../../db/repos/comparison-runs.repo.js';
import type { ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { evaluateHouseholdWarnings, loadRuleSet, type WarningLog } from './evaluate-warnings.js';

export const COMPARE_CHUNK = 500;

export async function runComparison(
  ctx: ServiceContext,
  runId: string,
  opts: { chunkSize?: number; stopAfterChunks?: number; log?: WarningLog } = {},
): Promise<ComparisonRunRow> {
  const { db } = ctx.database;
  const chunkSize = opts.chunkSize ?? COMPARE_CHUNK;
  let run = await findComparisonRun(db, runId);
  if (!run) throw new AppError('COMPARISON_NOT_FOUND');
  if (run.status === 'DONE' || run.status === 'FAILED') return run;
  if (run.status === 'QUEUED') await updateComparisonRun(db, runId, { status: 'RUNNING', startedAt: ctx.clock.now() });
  const notDecided: Record<string, number> = {};
  try {
    await refreshPlannerStatistics(ctx.database);
    const today = comparisonReferenceDate(run.period, shanghaiDate(ctx.clock.now())) ?? shanghaiDate(ctx.clock.now());
    let chunks = 0;
    for (;;) {
      if (opts.stopAfterChunks !== undefined && chunks >= opts.stopAfterChunks) return (await findComparisonRun(db, runId))!;
      const done = await db.transaction(async (tx) => {
        const r = await findComparisonRun(tx, runId, { forUpdate: true });
        if (!r || r.status !== 'RUNNING') return true;
        const ids = (await listHouseholdsAfter(tx, r.regionCode, r.cursor, chunkSize)).map((h) => h.id);
        if (ids.length === 0) return true;
        const f = await evaluateHouseholdWarnings(tx, ctx, ids, { today, origin: { comparisonRunId: runId, period: r.period }, ruleSet: await loadRuleSet(tx), log: opts.log });
        for (const [k, n] of Object.entries(f.notDecided)) notDecided[k] = (notDecided[k] ?? 0) + n;
        await updateComparisonRun(tx, runId, {
          cursor: ids[ids.length - 1]!,
          processed: r.processed + ids.length,
          raised: r.raised + f.raised,
          merged: r.merged + f.merged,
        });
        return ids.length < chunkSize;
      });
      chunks++;
      if (done) break;
    }
    run = (await findComparisonRun(db, runId))!;
    if (run.status !== 'RUNNING') return run;
    const finished = run;
    await db.transaction(async (tx) => {
      await updateComparisonRun(tx, runId, { status: 'DONE', finishedAt: ctx.clock.now(), total: finished.processed });
      await appendAudit(tx, [
        auditEvent(ctx, null, {
          action: 'comparison.done',
          entityType: 'comparison_run',
          entityId: runId,
          source: 'SYSTEM',
          after: { period: finished.period, regionCode: finished.regionCode, households: finished.processed, raised: finished.raised, merged: finished.merged },
        }),
      ]);
    });
    if (Object.keys(notDecided).length) opts.log?.info({ runId, notDecided }, 'some warning rules could not decide (see rule reasons)');
  } catch (err) {
    await updateComparisonRun(db, runId, { status: 'FAILED', error: err instanceof AppError ? err.code : String((err as Error).message ?? err), finishedAt: ctx.clock.now() });
    throw err;
  }
  return (await findComparisonRun(db, runId))!;
}
