import { hasPermission } from '../../domain/access/roles.js';
import { AppError } from '../../domain/errors.js';
import { versionSummary } from '../../domain/policy/parameter-proposal.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { decideProposal, findProposalById } from '../../db/repos/policy.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import type { Executor } from '../../db/database.js';
import { auditCountyOf, regionNamesOf, toVersionView } from './parameter-views.js';

/**
 * Load a pending proposal for review by `actor` (four-eyes): visible in the actor's scope,
 * not the actor's own, still DRAFT. Shared by approve and reject.
 */
export async function loadProposalForReview(tx: Executor, actor: Actor, id: string) {
  if (!hasPermission(actor.roles, 'policy:manage')) throw new AppError('FORBIDDEN');
  const row = await findProposalById(tx, actor.scope, id, { forUpdate: true });
  if (!row) throw new AppError('POLICY_PROPOSAL_NOT_FOUND');
  if (row.createdBy === actor.id) throw new AppError('POLICY_SELF_APPROVAL');
  if (row.status !== 'DRAFT') throw new AppError('POLICY_PROPOSAL_NOT_PENDING', { details: [{ path: 'id', code: 'POLICY_PROPOSAL_NOT_PENDING', params: { status: row.status } }] });
  return row;
}

/**
 * Approve another administrator's proposal: from its effective date it is the version in
 * force for its region. Returns the approved version (the batch re-assessment is started by
 * the caller, not here).
 */
export async function approveParameter(ctx: ServiceContext, actor: Actor, id: string, body: { note?: string | null | undefined }) {
  return ctx.database.db.transaction(async (tx) => {
    const draft = await loadProposalForReview(tx, actor, id);
    const note = body.note?.trim() || null;
    const row = await decideProposal(tx, { id, status: 'APPROVED', reviewerId: actor.id, at: ctx.clock.now(), note });
    if (!row) throw new AppError('POLICY_PROPOSAL_NOT_PENDING');
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'policy.parameter.approve',
        entityType: 'policy_parameter',
        entityId: row.id,
        countyCode: auditCountyOf(row.regionCode),
        source: 'DECLARED',
        before: { status: draft.status },
        after: { summary: versionSummary('批准', row), status: row.status, proposerId: row.createdBy, reviewNote: note },
      }),
    ]);
    const names = await regionNamesOf(tx, [row.regionCode]);
    return toVersionView({ ...row, reviewedByName: actor.displayName }, names);
  });
}
