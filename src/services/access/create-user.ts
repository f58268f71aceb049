import { AppError } from '../../domain/errors.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { insertUser, isUsernameTaken } from '../../db/repos/users.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { assertAccountRegion } from './account-region.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { auditedAccount, toUserView } from './user-views.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  regionCode: string;
  phone?: string | null | undefined;
}

/**
 * The system administrator opens an account inside his scope. It has no roles (the
 * security administrator grants them, 三员分立) and a one-time password that must be
 * changed at first login; the password is returned once and never stored in clear.
 */
export async function createUser(ctx: ServiceContext, actor: Actor, input: CreateUserInput) {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const username = input.username.trim();
  const user = await ctx.database.db.transaction(async (tx) => {
    await assertAccountRegion(tx, actor, input.regionCode);
    if (await isUsernameTaken(tx, username)) {
      throw new AppError('USER_USERNAME_TAKEN', { details: [{ path: 'username', code: 'USER_USERNAME_TAKEN' }] });
    }
    const u = await insertUser(tx, {
      username,
      displayName: input.displayName.trim(),
      passwordHash,
      mustChangePassword: true,
      regionCode: input.regionCode,
      roles: [],
      phone: input.phone?.trim() || null,
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        countyCode: countyOfRegion(u.regionCode),
        before: null,
        after: auditedAccount(u),
      }),
    ]);
    return u;
  });
  return { user: await toUserView(ctx.database.db, user), oneTimePassword };
}
