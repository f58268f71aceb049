import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import {
  findRegionByCode,
  findRegionChildren,
  searchRegions,
  updateRegionFlags,
} from '../../db/repos/regions.repo.js';
import { regions } from '../../db/schema/index.js';
import { inArray } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../context.js';

type RegionRow = typeof regions.$inferSelect;

async function withHasChildren(ctx: ServiceContext, rows: RegionRow[]) {
  if (rows.length === 0) return [];
  const parents = await ctx.database.db
    .selectDistinct({ code: regions.parentCode })
    .from(regions)
    .where(inArray(regions.parentCode, rows.map((r) => r.code)));
  const has = new Set(parents.map((p) => p.code));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    urbanRural: r.urbanRural,
    areaType: r.areaType,
    hasChildren: has.has(r.code),
  }));
}

/** Children of `parent` inside the actor's scope; with no parent, the scope's root. */
export async function listRegionChildren(ctx: ServiceContext, actor: Actor, parent: string | undefined) {
  const rows = await findRegionChildren(ctx.database.db, actor.scope, parent ?? null);
  return withHasChildren(ctx, rows);
}

export async function findRegions(ctx: ServiceContext, actor: Actor, q: string) {
  return withHasChildren(ctx, await searchRegions(ctx.database.db, actor.scope, q, 30));
}

export async function getRegion(ctx: ServiceContext, actor: Actor, code: string) {
  const r = await findRegionByCode(ctx.database.db, actor.scope, code);
  if (!r) throw new AppError('REGION_NOT_FOUND');
  const [out] = await withHasChildren(ctx, [r]);
  return out!;
}

/** Set the urban/rural and area-type (P47) flags of a region: admin work, audited. */
export async function setRegionFlags(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
  patch: { urbanRural?: string | null | undefined; areaType?: string | null | undefined },
) {
  // withHasChildren reads through ctx.database.db, so it runs after the transaction: on
  // PGlite (one connection) a read outside the open transaction would wait forever.
  const after = await ctx.database.db.transaction(async (tx) => {
    const before = await findRegionByCode(tx, actor.scope, code);
    if (!before) throw new AppError('REGION_NOT_FOUND');
    const clean: { urbanRural?: string | null; areaType?: string | null } = {};
    if (patch.urbanRural !== undefined) clean.urbanRural = patch.urbanRural;
    if (patch.areaType !== undefined) clean.areaType = patch.areaType;
    const after = await updateRegionFlags(tx, actor.scope, code, clean);
    await appendAudit(tx, [
      {
        at: ctx.clock.now().toISOString(),
        actorId: actor.id,
        actorName: actor.displayName,
        action: 'region.update-flags',
        entityType: 'region',
        entityId: code,
        countyCode: code.length >= 6 ? code.slice(0, 6) : null,
        before: { urbanRural: before.urbanRural, areaType: before.areaType },
        after: { urbanRural: after!.urbanRural, areaType: after!.areaType },
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      },
    ]);
    return after!;
  });
  const [out] = await withHasChildren(ctx, [after]);
  return out!;
}

