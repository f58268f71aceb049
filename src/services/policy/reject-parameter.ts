import { AppError } from '../../domain/errors.js';
import { versionSummary } from '../../domain/policy/parameter-proposal.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { decideProposal } from '../../db/repos/policy.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { loadProposalForReview } from './approve-parameter.js';
import { auditCountyOf, regionNamesOf, toVersionView } from './parameter-views.js';

/** Reject another administrator's proposal, saying why. The version is kept in the history. */
export async function rejectParameter(ctx: ServiceContext, actor: Actor, id: string, body: { note: string }) {
  const note = body.note.trim();
  if (note === '') throw new AppError('VALIDATION_FAILED', { details: [{ path: 'note', code: 'POLICY_REVIEW_NOTE_REQUIRED' }] });
  return ctx.database.db.transaction(async (tx) => {
    const draft = await loadProposalForReview(tx, actor, id);
    const row = await decideProposal(tx, { id, status: 'REJECTED', reviewerId: actor.id, at: ctx.clock.now(), note });
    if (!row) throw new AppError('POLICY_PROPOSAL_NOT_PENDING');
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'policy.parameter.reject',
        entityType: 'policy_parameter',
        entityId: row.id,
        countyCode: auditCountyOf(row.regionCode),
        source: 'DECLARED',
        before: { status: draft.status },
        after: { summary: `${versionSummary('驳回', row)}；驳回理由：${note}`, status: row.status, proposerId: row.createdBy, reviewNote: note },
      }),
    ]);
    const names = await regionNamesOf(tx, [row.regionCode]);
    return toVersionView({ ...row, reviewedByName: actor.displayName }, names);
  });
}
