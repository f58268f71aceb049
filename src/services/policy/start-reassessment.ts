/**
 * Start a batch re-assessment (issue 3 §6): WHAT_IF over draft versions (changes nothing),
 * APPLY over approved ones. Starting the same run twice returns the one already under way.
 */
import { ENGINE_PARAMETER_CODES } from '../../domain/policy/parameter-catalog.js';
import { AppError } from '../../domain/errors.js';
import { isInScope } from '../../domain/access/scope.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { countActiveHouseholds, findParameterVersions } from '../../db/repos/assessments.repo.js';
import { findActiveRunFor, findLatestWhatIf, insertReassessmentRun } from '../../db/repos/reassessments.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { sendReassessJob } from './reassess.job.js';
import { loadReassessmentView } from './reassessment-views.js';

export interface StartReassessmentInput {
  mode: 'WHAT_IF' | 'APPLY';
  parameterVersionIds: string[];
  referenceDate?: string | undefined;
}

/** The region whose households a set of versions affects: their common ancestor. */
function commonRegion(codes: string[]): string {
  let p = codes[0]!;
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, p.length - (p.length > 6 ? 3 : 2));
  return p;
}

export async function startReassessment(ctx: ServiceContext, actor: Actor | null, input: StartReassessmentInput) {
  const ids = [...new Set(input.parameterVersionIds)].sort();
  if (ids.length === 0) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'parameterVersionIds', code: 'FIELD_REQUIRED', params: { field: '参数版本' } }] });
  const { db } = ctx.database;
  const versions = await findParameterVersions(db, ids);
  if (versions.length !== ids.length) throw new AppError('NOT_FOUND');
  const want = input.mode === 'WHAT_IF' ? 'DRAFT' : 'APPROVED';
  const wrong = versions.find((v) => v.status !== want);
  if (wrong) {
    throw new AppError('REASSESSMENT_VERSION_STATUS', {
      details: [
        {
          path: 'parameterVersionIds',
          code: 'REASSESSMENT_VERSION_STATUS',
          params: { reason: input.mode === 'WHAT_IF' ? '试算只能针对待审批的参数版本' : '只有已批准的参数版本才能正式应用' },
        },
      ],
    });
  }
  const regionCode = commonRegion(versions.map((v) => v.regionCode));
  if (actor && !isInScope(actor.scope, regionCode)) throw new AppError('REASSESSMENT_REGION_OUTSIDE');
  const today = shanghaiDate(ctx.clock.now());
  const latestFrom = versions.map((v) => v.effectiveFrom).sort().at(-1)!;
  const referenceDate = input.referenceDate ?? (latestFrom > today ? latestFrom : today);

  const existing = await findActiveRunFor(db, input.mode, ids);
  if (existing) return loadReassessmentView(db, existing.id);

  const basedOn = input.mode === 'APPLY' ? await findLatestWhatIf(db, ids) : null;
  const run = await db.transaction(async (tx) => {
    const total = await countActiveHouseholds(tx, regionCode);
    const r = await insertReassessmentRun(tx, {
      mode: input.mode,
      parameterVersionIds: ids,
      regionCode,
      referenceDate,
      status: 'QUEUED',
      total,
      basedOnRunId: basedOn?.id ?? null,
      createdBy: actor?.id ?? null,
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: input.mode === 'APPLY' ? 'reassessment.apply-start' : 'reassessment.what-if-start',
        entityType: 'reassessment_run',
        entityId: r.id,
        source: 'SYSTEM',
        after: { regionCode, referenceDate, parameters: versions.map((v) => `${v.code}@${v.regionCode}/${v.urbanRural}/${v.effectiveFrom}`), households: total },
      }),
    ]);
    return r;
  });
  if (ctx.jobs) await sendReassessJob(ctx.jobs, run.id);
  return loadReassessmentView(db, run.id);
}

/**
 * Issue 3 §6: once a version of an engine parameter is approved, every affected household is
 * re-assessed for real (the same computation as its what-if). Returns the run, or null when
 * the parameter does not feed the engine.
 */
export async function reassessAfterApproval(ctx: ServiceContext, actor: Actor, version: { id: string; code: string }) {
  if (!ENGINE_PARAMETER_CODES.has(version.code)) return null;
  return startReassessment(ctx, actor, { mode: 'APPLY', parameterVersionIds: [version.id] });
}
