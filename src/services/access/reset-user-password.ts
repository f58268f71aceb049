import { AppError } from '../../domain/errors.js';
import { checkAccountChange, countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { deleteUserSessions, findUserById, updateUser } from '../../db/repos/users.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';

/**
 * Give an account a new one-time password (returned once): its sessions end, the lockout
 * is lifted and the holder must choose a new password at the next login.
 */
export async function resetUserPassword(ctx: ServiceContext, actor: Actor, id: string): Promise<{ oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await ctx.database.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.scope, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const violation = checkAccountChange(actor, user, 'reset-password');
    if (violation) throw new AppError(violation);
    await updateUser(tx, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await deleteUserSessions(tx, id);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'user.reset-password',
        entityType: 'user',
        entityId: id,
        countyCode: countyOfRegion(user.regionCode),
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: true, sessionsEnded: true },
      }),
    ]);
  });
  return { oneTimePassword };
}
