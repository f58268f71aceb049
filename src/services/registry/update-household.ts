import { AppError } from '../../domain/errors.js';
import { isInScope } from '../../domain/access/scope.js';
import { countyCodeOf } from '../../domain/registry/region-code.js';
import type { UpdateHouseholdBody } from '../../contracts/households.schemas.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import { findHousehold, listMembers, refreshHouseholdSummary, updateHouseholdRow } from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadHouseholdDetail } from './household-detail.js';
import { diffFields } from './person-views.js';

/** Edit household fields with optimistic locking on `version`. */
export async function updateHousehold(ctx: ServiceContext, actor: Actor, id: string, body: UpdateHouseholdBody) {
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, id, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    if (h.version !== body.version) throw new AppError('HOUSEHOLD_VERSION_CONFLICT');
    const patch: Record<string, unknown> = {};
    if (body.address !== undefined) patch.address = body.address.trim();
    if (body.urbanRural !== undefined) patch.urbanRural = body.urbanRural;
    if (body.status !== undefined) patch.status = body.status;
    if (body.regionCode !== undefined && body.regionCode !== h.regionCode) {
      const region = isInScope(actor.scope, body.regionCode) ? await findRegionByCode(tx, actor.scope, body.regionCode) : null;
      if (!region || region.level !== 5) {
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'regionCode', code: 'REGISTRY_REGION_NOT_VILLAGE' }] });
      }
      if (countyCodeOf(body.regionCode) !== h.countyCode) {
        // Moving across counties changes the distribution key: a transfer, not an edit.
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'regionCode', code: 'REGISTRY_REGION_OTHER_COUNTY' }] });
      }
      patch.regionCode = body.regionCode;
    }
    if (body.headPersonId !== undefined && body.headPersonId !== h.headPersonId) {
      const members = await listMembers(tx, h.id);
      const newHead = members.find((m) => m.member.active && m.person.id === body.headPersonId);
      if (!newHead) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'headPersonId', code: 'REGISTRY_HEAD_NOT_MEMBER' }] });
      patch.headPersonId = body.headPersonId;
    }
    const d = diffFields(h as unknown as Record<string, unknown>, patch);
    if (!d.changed) return loadHouseholdDetail(tx, ctx, h);
    await updateHouseholdRow(tx, h.id, patch);
    const updated = await refreshHouseholdSummary(tx, h.id);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'household.update',
        entityType: 'household',
        entityId: h.id,
        householdId: h.id,
        countyCode: h.countyCode,
        source: 'DECLARED',
        before: d.before,
        after: d.after,
      }),
    ]);
    return loadHouseholdDetail(tx, ctx, { ...updated });
  });
}

