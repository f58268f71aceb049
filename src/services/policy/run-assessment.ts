/**
 * 核算 (issue 3 §2–§5): an officer runs the policy engine on one household for a reference
 * date; the decision is stored with its explanation and the parameter versions it used, and
 * a recipient household's status moves as the life-cycle rules say (R4, R44).
 */
import { AppError } from '../../domain/errors.js';
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import type { Tx } from '../../db/database.js';
import { findBenefitStatus, listParameterVersionsOnPath } from '../../db/repos/assessments.repo.js';
import { findHousehold, type HouseholdRow } from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadHouseholdFacts } from './load-household-facts.js';
import { decide, storeDecision } from './policy-decision.js';
import { loadAssessmentView } from './assessment-views.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function runAssessment(ctx: ServiceContext, actor: Actor, householdId: string, input: { referenceDate?: string | undefined }) {
  const today = shanghaiDate(ctx.clock.now());
  const referenceDate = input.referenceDate ?? today;
  if (!DATE.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'referenceDate', code: 'DATE_INVALID' }] });
  }
  if (referenceDate > today) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'referenceDate', code: 'POLICY_REFERENCE_DATE_FUTURE' }] });
  }
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, householdId, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const audit: AuditInput[] = [];
    const assessmentId = await assessHouseholdInTransaction(tx, ctx, actor, h, referenceDate, today, audit);
    await appendAudit(tx, audit);
    return loadAssessmentView(tx, actor.scope, assessmentId);
  });
}

/**
 * The policy engine on one locked household inside the caller's transaction: an officer's
 * 核算 and a clue closed as 纳入低保/特困 both come here. Refusals (no standard, R27) throw;
 * the audit events to append are pushed onto `audit`.
 */
export async function assessHouseholdInTransaction(
  tx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  h: HouseholdRow,
  referenceDate: string,
  decisionDate: string,
  audit: AuditInput[],
): Promise<string> {
  if (h.status !== 'ACTIVE') throw new AppError('POLICY_HOUSEHOLD_NOT_ACTIVE');
  // Lock the recipient status too, so two officers cannot move it at once.
  await findBenefitStatus(tx, h.id, { forUpdate: true });
  const loaded = (await loadHouseholdFacts(tx, [h.id])).get(h.id)!;
  const versions = await listParameterVersionsOnPath(tx, h.regionCode.slice(0, 6));
  const params = resolveParameterSet(versions, h.regionCode, h.urbanRural, referenceDate);
  const outcome = decide(loaded, params, referenceDate, decisionDate);
  if (!outcome.ok) {
    const first = outcome.violations[0]!;
    throw new AppError(first.code, { details: outcome.violations });
  }
  const stored = await storeDecision(tx, {
    loaded,
    outcome,
    referenceDate,
    decisionDate,
    trigger: 'MANUAL',
    runId: null,
    actorId: actor.id,
    audit: (e) => auditEvent(ctx, actor, e),
  });
  audit.push(...stored.audit);
  return stored.assessmentId;
}
