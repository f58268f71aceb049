/**
 * 分派 (R82 ASSIGNED): a clue is the township's by region from the start; here it is given
 * to one person, who must hold monitoring:handle and have the clue's village in scope.
 */
import { AppError } from '../../domain/errors.js';
import { hasPermission } from '../../domain/access/roles.js';
import { isInScope } from '../../domain/access/scope.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findClue, insertClueEvent, updateClue } from '../../db/repos/clues.repo.js';
import { findUserById } from '../../db/repos/users.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadClueDetail } from './clue-views.js';

export async function assignClue(ctx: ServiceContext, actor: Actor, id: string, body: { userId: string }) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const clue = await findClue(tx, actor.scope, id, { forUpdate: true });
    if (!clue) throw new AppError('CLUE_NOT_FOUND');
    if (clue.status === 'CLOSED') throw new AppError('CLUE_ALREADY_CLOSED');
    const user = await findUserById(tx, actor.scope, body.userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.disabled || !hasPermission(user.roles, 'monitoring:handle') || !isInScope({ regionCode: user.regionCode }, clue.regionCode)) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'userId', code: 'CLUE_ASSIGNEE_NOT_ALLOWED' }] });
    }
    // A clue under verification stays VERIFYING; a new one becomes ASSIGNED.
    const status = clue.status === 'VERIFYING' ? 'VERIFYING' : 'ASSIGNED';
    await updateClue(tx, clue.id, { assignedTo: user.id, status });
    await insertClueEvent(tx, {
      clueId: clue.id,
      countyCode: clue.countyCode,
      action: 'ASSIGNED',
      detail: { userId: user.id, name: user.displayName, from: clue.assignedTo },
      actorId: actor.id,
      at: now,
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'clue.assign',
        entityType: 'clue',
        entityId: clue.id,
        householdId: clue.householdId,
        countyCode: clue.countyCode,
        source: 'SYSTEM',
        before: { assignedTo: clue.assignedTo, status: clue.status },
        after: { _summary: `分派给${user.displayName}`, assignedTo: user.id, status },
      }),
    ]);
  });
  return loadClueDetail(ctx.database.db, actor.scope, id, shanghaiDate(now));
}
