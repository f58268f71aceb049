import { hasPermission } from '../../domain/access/roles.js';
import { AppError } from '../../domain/errors.js';
import { versionSummary } from '../../domain/policy/parameter-proposal.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findProposalById, withdrawProposal } from '../../db/repos/policy.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditCountyOf, regionNamesOf, toVersionView } from './parameter-views.js';

/** The proposer takes back a pending proposal. Nobody else may withdraw it. */
export async function withdrawParameter(ctx: ServiceContext, actor: Actor, id: string, body: { note?: string | null | undefined }) {
  if (!hasPermission(actor.roles, 'policy:manage')) throw new AppError('FORBIDDEN');
  return ctx.database.db.transaction(async (tx) => {
    const draft = await findProposalById(tx, actor.scope, id, { forUpdate: true });
    if (!draft) throw new AppError('POLICY_PROPOSAL_NOT_FOUND');
    if (draft.createdBy !== actor.id) throw new AppError('POLICY_PROPOSAL_NOT_OWN');
    if (draft.status !== 'DRAFT') throw new AppError('POLICY_PROPOSAL_NOT_PENDING', { details: [{ path: 'id', code: 'POLICY_PROPOSAL_NOT_PENDING', params: { status: draft.status } }] });
    const note = body.note?.trim() || null;
    const row = await withdrawProposal(tx, { id, proposerId: actor.id, at: ctx.clock.now(), note });
    if (!row) throw new AppError('POLICY_PROPOSAL_NOT_PENDING');
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'policy.parameter.withdraw',
        entityType: 'policy_parameter',
        entityId: row.id,
        countyCode: auditCountyOf(row.regionCode),
        source: 'DECLARED',
        before: { status: draft.status },
        after: { summary: versionSummary('撤回提议', row), status: row.status, note },
      }),
    ]);
    const names = await regionNamesOf(tx, [row.regionCode]);
    return toVersionView({ ...row, createdByName: actor.displayName }, names);
  });
}
