import { AppError } from '../../domain/errors.js';
import { checkAccountChange, countyOfRegion, type AccountChange } from '../../domain/access/user-admin.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { deleteUserSessions, findUserById, updateUser } from '../../db/repos/users.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { assertAccountRegion } from './account-region.js';
import { auditedAccount, toUserView } from './user-views.js';

export interface UpdateUserInput {
  displayName?: string | undefined;
  regionCode?: string | undefined;
  disabled?: boolean | undefined;
  phone?: string | null | undefined;
}

/**
 * Edit an account in the actor's scope: name, phone, region, disabled. Disabling ends the
 * account's sessions at once. Nobody disables or re-scopes himself, and the other
 * administrators' accounts are guarded (see checkAccountChange).
 */
export async function updateUserAccount(ctx: ServiceContext, actor: Actor, id: string, input: UpdateUserInput) {
  const { db } = ctx.database;
  const updated = await db.transaction(async (tx) => {
    const before = await findUserById(tx, actor.scope, id);
    if (!before) throw new AppError('USER_NOT_FOUND');
    const patch: { displayName?: string; regionCode?: string; disabled?: boolean; phone?: string | null } = {};
    const changes: AccountChange[] = [];
    if (input.displayName !== undefined && input.displayName.trim() !== before.displayName) {
      patch.displayName = input.displayName.trim();
      changes.push('edit');
    }
    if (input.phone !== undefined && (input.phone?.trim() || null) !== before.phone) {
      patch.phone = input.phone?.trim() || null;
      changes.push('edit');
    }
    if (input.regionCode !== undefined && input.regionCode !== before.regionCode) {
      patch.regionCode = input.regionCode;
      changes.push('rescope');
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      patch.disabled = input.disabled;
      changes.push(input.disabled ? 'disable' : 'enable');
    }
    for (const change of changes) {
      const violation = checkAccountChange(actor, before, change);
      if (violation) throw new AppError(violation, { message: `${change} refused: ${violation}` });
    }
    if (changes.length === 0) return before;
    if (patch.regionCode !== undefined) await assertAccountRegion(tx, actor, patch.regionCode);
    const after = await updateUser(tx, id, patch);
    if (patch.disabled) await deleteUserSessions(tx, id);
    const was = auditedAccount(before);
    const now = auditedAccount(after);
    const keys = (Object.keys(now) as (keyof typeof now)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]));
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: patch.disabled === true ? 'user.disable' : patch.disabled === false ? 'user.enable' : 'user.update',
        entityType: 'user',
        entityId: id,
        countyCode: countyOfRegion(before.regionCode),
        before: Object.fromEntries(keys.map((k) => [k, was[k]])),
        after: { ...Object.fromEntries(keys.map((k) => [k, now[k]])), ...(patch.disabled ? { sessionsEnded: true } : {}) },
      }),
    ]);
    return after;
  });
  return toUserView(db, updated);
}
