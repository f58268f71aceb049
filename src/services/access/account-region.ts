import { AppError } from '../../domain/errors.js';
import { findRegionByCode, findRegionsByCodes } from '../../db/repos/regions.repo.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../context.js';

/**
 * An account's region must exist and lie inside the actor's own scope: an administrator
 * cannot create or move an account to where he cannot see it.
 */
export async function assertAccountRegion(db: Executor, actor: Actor, regionCode: string): Promise<void> {
  if (await findRegionByCode(db, actor.scope, regionCode)) return;
  const [exists] = await findRegionsByCodes(db, [regionCode]);
  if (exists) {
    throw new AppError('USER_SCOPE_OUTSIDE', {
      message: `region ${regionCode} is outside the actor's scope`,
      details: [{ path: 'regionCode', code: 'USER_SCOPE_OUTSIDE' }],
    });
  }
  throw new AppError('VALIDATION_FAILED', {
    message: `region ${regionCode} does not exist`,
    details: [{ path: 'regionCode', code: 'REGION_NOT_FOUND' }],
  });
}
