/**
 * Start the monthly comparison (issue 4 §6) over the caller's region for a period (default:
 * the current month, Asia/Shanghai). Starting it again while it runs returns the same run.
 */
import { AppError } from '../../domain/errors.js';
import { comparisonReferenceDate, periodOf } from '../../domain/monitoring/warning-rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { countActiveHouseholds } from '../../db/repos/assessments.repo.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findActiveComparisonRun, findComparisonRunForPeriod, insertComparisonRun } from '../../db/repos/comparison-runs.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { sendCompareJob } from './comparison-compare.job.js';
import { loadComparisonView } from './comparison-views.js';

const PROVINCE = '63';

/**
 * Issue 4 §6, "monthly": the province-wide comparison of the current month starts by itself
 * (checked at start-up and hourly) when no run of this month exists yet. Returns the run
 * started, or null.
 */
export async function ensureMonthlyComparison(ctx: ServiceContext) {
  const period = periodOf(shanghaiDate(ctx.clock.now()));
  if (await findComparisonRunForPeriod(ctx.database.db, PROVINCE, period)) return null;
  return startComparison(ctx, null, { period, regionCode: PROVINCE });
}

export async function startComparison(ctx: ServiceContext, actor: Actor | null, input: { period?: string | undefined; regionCode?: string | undefined }) {
  const { db } = ctx.database;
  const today = shanghaiDate(ctx.clock.now());
  const period = input.period ?? periodOf(today);
  if (comparisonReferenceDate(period, today) === null) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'period', code: 'COMPARISON_PERIOD_INVALID', params: { period } }] });
  }
  const regionCode = actor ? actor.scope.regionCode : (input.regionCode ?? PROVINCE);
  const existing = await findActiveComparisonRun(db, regionCode, period);
  if (existing) return loadComparisonView(db, existing.id);
  const run = await db.transaction(async (tx) => {
    const total = await countActiveHouseholds(tx, regionCode);
    const r = await insertComparisonRun(tx, { period, regionCode, status: 'QUEUED', total, createdBy: actor?.id ?? null });
    await appendAudit(tx, [
      auditEvent(ctx, actor, { action: 'comparison.start', entityType: 'comparison_run', entityId: r.id, source: actor ? 'MANUAL' : 'SYSTEM', after: { period, regionCode, households: total } }),
    ]);
    return r;
  });
  if (ctx.jobs) await sendCompareJob(ctx.jobs, run.id);
  return loadComparisonView(db, run.id);
}
