import { AppError } from '../../domain/errors.js';
import { checkRoleAssignment } from '../../domain/access/roles.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findUserById, updateUser } from '../../db/repos/users.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { toUserView } from './user-views.js';

/**
 * The security administrator sets an account's roles (三员分立, issue 2 §12).
 *
 * Rule: a holder of user:assign-roles may grant ANY role, SECURITY_ADMIN included, to any
 * account in his scope except his own (USER_ROLE_SELF_GRANT), and no account ends up with
 * two administrator roles (USER_ROLE_NOT_ALLOWED); both checked by checkRoleAssignment.
 * Granting a second security administrator is allowed because a province needs a deputy
 * and the grant is audited; what 三员分立 forbids is one person holding two of the powers,
 * and the self-grant ban plus the one-admin-role rule keep that. The change takes effect
 * on the holder's next request (permissions are read from the account every time).
 */
export async function setUserRoles(ctx: ServiceContext, actor: Actor, id: string, roles: readonly string[]) {
  const { db } = ctx.database;
  const next = [...new Set(roles)];
  const updated = await db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.scope, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const violation = checkRoleAssignment(actor, user, next);
    if (violation) throw new AppError(violation, { details: [{ path: 'roles', code: violation }] });
    const after = await updateUser(tx, id, { roles: next });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'user.set-roles',
        entityType: 'user',
        entityId: id,
        countyCode: countyOfRegion(user.regionCode),
        before: { roles: [...user.roles] },
        after: { roles: next },
      }),
    ]);
    return after;
  });
  return toUserView(db, updated);
}
