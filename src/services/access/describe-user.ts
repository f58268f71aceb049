import { permissionsOf } from '../../domain/access/roles.js';
import { findRegionsByCodes } from '../../db/repos/regions.repo.js';
import type { UserRow } from '../../db/repos/users.repo.js';
import type { ServiceContext } from '../context.js';

/** The signed-in user as the web app sees it (no password data). */
export async function describeUser(ctx: ServiceContext, u: UserRow) {
  const [region] = await findRegionsByCodes(ctx.database.db, [u.regionCode]);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    permissions: [...permissionsOf(u.roles)],
    regionCode: u.regionCode,
    regionName: region?.name ?? u.regionCode,
    mustChangePassword: u.mustChangePassword,
  };
}
