import { AppError } from '../../domain/errors.js';
import { isInScope } from '../../domain/access/scope.js';
import { isIsoDate, mayBeOfficial, PARAMETER_CATALOG, type UrbanRural } from '../../domain/policy/parameter-catalog.js';
import { pickVersionInForce } from '../../domain/policy/parameter-proposal.rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { listVersionsOnRegionPath, type ParameterVersionRow } from '../../db/repos/policy.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import type { Executor } from '../../db/database.js';
import type { Actor, ServiceContext } from '../context.js';
import { regionNamesOf, toVersionView } from './parameter-views.js';

/** The region a policy screen asks about: the actor's own by default, and never outside the scope. */
export async function resolvePolicyRegion(db: Executor, actor: Actor, regionCode: string | undefined) {
  const code = regionCode ?? actor.scope.regionCode;
  const region = isInScope(actor.scope, code) ? await findRegionByCode(db, actor.scope, code) : null;
  if (!region) throw new AppError('REGION_NOT_FOUND', { details: [{ path: 'regionCode', code: 'REGION_NOT_FOUND' }] });
  return region;
}

/**
 * Every catalog parameter for a region on a date (default today): the version in force
 * (inherited from the province or 市州 unless the region overrides it, and from which region),
 * the next approved version if one is scheduled, and how many proposals are pending.
 * Parameters split by urban/rural appear once for 城市 and once for 农村.
 */
export async function listParameters(ctx: ServiceContext, actor: Actor, query: { regionCode?: string | undefined; date?: string | undefined }) {
  const db = ctx.database.db;
  const region = await resolvePolicyRegion(db, actor, query.regionCode);
  const date = query.date ?? shanghaiDate(ctx.clock.now());
  if (!isIsoDate(date)) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'date', code: 'POLICY_EFFECTIVE_DATE_INVALID' }] });

  const rows = await listVersionsOnRegionPath(db, region.code);
  const byCode = new Map<string, ParameterVersionRow[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const names = await regionNamesOf(db, rows.map((r) => r.regionCode).concat(region.code));

  const items = PARAMETER_CATALOG.flatMap((def) => {
    const versions = byCode.get(def.code) ?? [];
    const kinds: UrbanRural[] = def.byUrbanRural ? ['URBAN', 'RURAL'] : ['ALL'];
    return kinds.map((urbanRural) => {
      const inForce = pickVersionInForce(versions, region.code, date, urbanRural);
      const futureDates = [...new Set(versions.filter((v) => v.status === 'APPROVED' && v.effectiveFrom > date).map((v) => v.effectiveFrom))].sort();
      let upcoming: ParameterVersionRow | null = null;
      for (const d of futureDates) {
        const next = pickVersionInForce(versions, region.code, d, urbanRural);
        if (next && next.id !== inForce?.id) {
          upcoming = next;
          break;
        }
      }
      const pendingCount = versions.filter((v) => v.status === 'DRAFT' && (v.urbanRural === 'ALL' || v.urbanRural === urbanRural)).length;
      return {
        code: def.code,
        name: def.name,
        kind: def.kind,
        basis: def.basis,
        scope: def.scope,
        byUrbanRural: def.byUrbanRural,
        mayBeOfficial: mayBeOfficial(def),
        urbanRural,
        inForce: inForce ? toVersionView(inForce, names) : null,
        inherited: !!inForce && inForce.regionCode !== region.code,
        upcoming: upcoming ? toVersionView(upcoming, names) : null,
        pendingCount,
      };
    });
  });
  return { regionCode: region.code, regionName: region.name, date, items };
}
