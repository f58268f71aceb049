import { AppError } from '../../domain/errors.js';
import { LIVESTOCK_UNITS } from '../../domain/registry/codes.js';
import type { AssetInput, CategoryInput, IncomeInput } from '../../contracts/households.schemas.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import type { Tx } from '../../db/database.js';
import {
  deleteAsset,
  deleteIncome,
  endCategory,
  findHousehold,
  insertAsset,
  insertCategory,
  insertIncome,
  listMembers,
  refreshHouseholdSummary,
  updateHouseholdRow,
  type HouseholdRow,
} from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadHouseholdDetail } from './household-detail.js';

/** Lock the household in scope, run the change, bump its version, audit, return the fresh page. */
export async function changeHousehold(
  ctx: ServiceContext,
  actor: Actor,
  householdId: string,
  change: (tx: Tx, h: HouseholdRow) => Promise<{ action: string; entityType: string; entityId: string; before?: unknown; after?: unknown; source?: string }>,
) {
  return ctx.database.db.transaction(async (tx) => {
    const h = await findHousehold(tx, actor.scope, householdId, { forUpdate: true });
    if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const e = await change(tx, h);
    await updateHouseholdRow(tx, h.id, {});
    const updated = await refreshHouseholdSummary(tx, h.id);
    await appendAudit(tx, [auditEvent(ctx, actor, { ...e, householdId: h.id, countyCode: h.countyCode, source: e.source ?? 'DECLARED' })]);
    return loadHouseholdDetail(tx, ctx, updated);
  });
}

export async function checkPersonIsMember(tx: Tx, h: HouseholdRow, personId: string | null | undefined) {
  if (!personId) return;
  const members = await listMembers(tx, h.id);
  if (!members.some((m) => m.person.id === personId)) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'personId', code: 'REGISTRY_PERSON_NOT_MEMBER' }] });
  }
}

export function addIncome(ctx: ServiceContext, actor: Actor, householdId: string, body: IncomeInput) {
  if (body.periodEnd < body.periodStart) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'periodEnd', code: 'REGISTRY_PERIOD_REVERSED' }] });
  }
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    await checkPersonIsMember(tx, h, body.personId);
    const item = await insertIncome(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      personId: body.personId ?? null,
      incomeType: body.incomeType,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      amountFen: body.amountFen,
      source: body.source,
      sourceDetail: body.sourceDetail ?? null,
      note: body.note ?? null,
      recordedBy: actor.id,
      recordedAt: ctx.clock.now(),
    });
    return { action: 'income.add', entityType: 'income', entityId: item.id, source: body.source, after: { ...body } };
  });
}

export function removeIncome(ctx: ServiceContext, actor: Actor, householdId: string, itemId: string) {
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const gone = await deleteIncome(tx, h.id, itemId);
    if (!gone) throw new AppError('ITEM_NOT_FOUND');
    const { id: _id, countyCode: _c, householdId: _h, recordedAt, ...before } = gone;
    return { action: 'income.remove', entityType: 'income', entityId: itemId, before: { ...before, recordedAt: recordedAt.toISOString() } };
  });
}

/**
 * What R25 needs of an asset beyond its type, checked and put in `details`: a herd is recorded
 * one species at a time with its head count (P19 converts species to sheep units), a vehicle
 * may say what it is for (P19 exempts some purposes).
 */
function assetDetails(body: AssetInput): { details: Record<string, unknown> | null; unit: string | null } {
  const violations: { path: string; code: string; params?: Record<string, string> }[] = [];
  if (body.species && body.assetType !== 'LIVESTOCK') violations.push({ path: 'species', code: 'REGISTRY_ASSET_DETAIL_MISMATCH', params: { field: '畜种', assetType: '牲畜' } });
  if (body.vehiclePurpose && body.assetType !== 'VEHICLE') {
    violations.push({ path: 'vehiclePurpose', code: 'REGISTRY_ASSET_DETAIL_MISMATCH', params: { field: '车辆用途', assetType: '车辆' } });
  }
  if (body.assetType === 'LIVESTOCK') {
    if (!body.species) violations.push({ path: 'species', code: 'REGISTRY_LIVESTOCK_SPECIES_REQUIRED' });
    if (body.quantity === null || body.quantity === undefined) violations.push({ path: 'quantity', code: 'REGISTRY_LIVESTOCK_COUNT_REQUIRED' });
  }
  if (violations.length) throw new AppError('VALIDATION_FAILED', { details: violations });
  if (body.assetType === 'LIVESTOCK' && body.species) return { details: { species: body.species }, unit: body.unit ?? LIVESTOCK_UNITS[body.species] };
  if (body.assetType === 'VEHICLE' && body.vehiclePurpose) return { details: { purpose: body.vehiclePurpose }, unit: body.unit ?? null };
  return { details: null, unit: body.unit ?? null };
}

export function addAsset(ctx: ServiceContext, actor: Actor, householdId: string, body: AssetInput) {
  const { details, unit } = assetDetails(body);
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    await checkPersonIsMember(tx, h, body.personId);
    const item = await insertAsset(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      personId: body.personId ?? null,
      assetType: body.assetType,
      description: body.description ?? '',
      quantity: body.quantity ?? null,
      unit,
      valueFen: body.valueFen ?? null,
      details,
      source: body.source,
      sourceDetail: body.sourceDetail ?? null,
      recordedBy: actor.id,
      recordedAt: ctx.clock.now(),
    });
    return { action: 'asset.add', entityType: 'asset', entityId: item.id, source: body.source, after: { ...body } };
  });
}

export function removeAsset(ctx: ServiceContext, actor: Actor, householdId: string, itemId: string) {
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const gone = await deleteAsset(tx, h.id, itemId);
    if (!gone) throw new AppError('ITEM_NOT_FOUND');
    const { id: _id, countyCode: _c, householdId: _h, recordedAt, ...before } = gone;
    return { action: 'asset.remove', entityType: 'asset', entityId: itemId, before: { ...before, recordedAt: recordedAt.toISOString() } };
  });
}

export function addCategory(ctx: ServiceContext, actor: Actor, householdId: string, body: CategoryInput) {
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    await checkPersonIsMember(tx, h, body.personId);
    if (h.categories.includes(body.category) && !body.personId) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'category', code: 'REGISTRY_CATEGORY_ALREADY_CURRENT' }] });
    }
    const item = await insertCategory(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      personId: body.personId ?? null,
      category: body.category,
      effectiveFrom: body.effectiveFrom,
      reason: body.reason ?? null,
      recordedBy: actor.id,
      recordedAt: ctx.clock.now(),
    });
    return { action: 'category.add', entityType: 'category', entityId: item.id, after: { ...body } };
  });
}

export function endHouseholdCategory(
  ctx: ServiceContext,
  actor: Actor,
  householdId: string,
  itemId: string,
  body: { effectiveTo: string; reason: string },
) {
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const item = await endCategory(tx, h.id, itemId, body.effectiveTo, body.reason);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    if (item.effectiveTo! < item.effectiveFrom) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'effectiveTo', code: 'REGISTRY_PERIOD_REVERSED' }] });
    }
    return {
      action: 'category.end',
      entityType: 'category',
      entityId: item.id,
      before: { category: item.category, effectiveTo: null },
      after: { category: item.category, effectiveTo: body.effectiveTo, reason: body.reason },
    };
  });
}
