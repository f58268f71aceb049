/**
 * 复核类别 (R42): an officer records whether a recipient household's finances change little
 * (STABLE: reviewed every P07 months) or its income is unstable with members able to work
 * (UNSTABLE: every P08 months). It is a judgment the platform does not make from the facts;
 * the reason is kept in the audit trail with the class before and after.
 */
import { AppError } from '../../domain/errors.js';
import { REVIEW_CLASS_LABELS, type ReviewClass } from '../../domain/policy/periodic-review.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findBenefitStatus, setBenefitReviewClass } from '../../db/repos/assessments.repo.js';
import { findHousehold } from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { listHouseholdAssessments } from './assessment-views.js';

export async function setReviewClass(ctx: ServiceContext, actor: Actor, householdId: string, input: { reviewClass: ReviewClass; reason: string }) {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'reason', code: 'FIELD_REQUIRED', params: { field: '理由' } }] });
  await ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, householdId, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const b = await findBenefitStatus(tx, householdId, { forUpdate: true });
    if (!b) throw new AppError('POLICY_NOT_RECIPIENT');
    if (b.status === 'STOPPED') throw new AppError('POLICY_RECIPIENT_STOPPED');
    if (b.reviewClass === input.reviewClass) return; // already so: nothing to write or audit
    await setBenefitReviewClass(tx, householdId, input.reviewClass);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'benefit.review-class',
        entityType: 'benefit_status',
        entityId: householdId,
        householdId,
        countyCode: h.countyCode,
        before: { reviewClass: b.reviewClass },
        after: { _summary: `${REVIEW_CLASS_LABELS[b.reviewClass as ReviewClass] ?? b.reviewClass} → ${REVIEW_CLASS_LABELS[input.reviewClass]}，理由：${reason}`, reviewClass: input.reviewClass, reason },
      }),
    ]);
  });
  return listHouseholdAssessments(ctx, actor, householdId);
}
