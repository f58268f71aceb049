import { AppError } from '../../domain/errors.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findUserById, updateUser } from '../../db/repos/users.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { toUserView } from './user-views.js';

/** Lift a login lockout (after too many wrong passwords) before it runs out. */
export async function unlockUser(ctx: ServiceContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const updated = await db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.scope, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const after = await updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        countyCode: countyOfRegion(user.regionCode),
        before: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedLogins: user.failedLogins },
        after: { lockedUntil: null, failedLogins: 0 },
      }),
    ]);
    return after;
  });
  return toUserView(db, updated);
}
