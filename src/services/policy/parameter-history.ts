import { AppError } from '../../domain/errors.js';
import { findParameterDefinition } from '../../domain/policy/parameter-catalog.js';
import { listVersionsOnRegionPath } from '../../db/repos/policy.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { resolvePolicyRegion } from './list-parameters.js';
import { regionNamesOf, toVersionView } from './parameter-views.js';

/**
 * Every version of one parameter that applies to a region (its own and those of its
 * province and 市州), all statuses, newest proposal first: who proposed and reviewed it,
 * when, and why.
 */
export async function getParameterHistory(ctx: ServiceContext, actor: Actor, code: string, query: { regionCode?: string | undefined }) {
  const def = findParameterDefinition(code);
  if (!def) throw new AppError('POLICY_PARAMETER_NOT_FOUND');
  const db = ctx.database.db;
  const region = await resolvePolicyRegion(db, actor, query.regionCode);
  const rows = await listVersionsOnRegionPath(db, region.code, def.code);
  const names = await regionNamesOf(db, rows.map((r) => r.regionCode).concat(region.code));
  return {
    code: def.code,
    name: def.name,
    regionCode: region.code,
    regionName: region.name,
    items: rows.map((r) => toVersionView(r, names)),
  };
}
