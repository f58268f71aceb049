import { AppError } from '../../domain/errors.js';
import type { ExpenditureInput } from '../../contracts/households.schemas.js';
import { deleteExpenditure, insertExpenditure } from '../../db/repos/policy-facts.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { changeHousehold, checkPersonIsMember } from './household-items.js';

/** Record one R47 rigid-expenditure item (amount in fen) on a household in the actor's scope. */
export function addExpenditure(ctx: ServiceContext, actor: Actor, householdId: string, body: ExpenditureInput) {
  if (body.periodEnd < body.periodStart) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'periodEnd', code: 'REGISTRY_PERIOD_REVERSED' }] });
  }
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    await checkPersonIsMember(tx, h, body.personId);
    const item = await insertExpenditure(tx, {
      countyCode: h.countyCode,
      householdId: h.id,
      personId: body.personId ?? null,
      expenditureType: body.expenditureType,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      amountFen: body.amountFen,
      source: body.source,
      sourceDetail: body.sourceDetail ?? null,
      note: body.note ?? null,
      recordedBy: actor.id,
      recordedAt: ctx.clock.now(),
    });
    return { action: 'expenditure.add', entityType: 'expenditure', entityId: item.id, source: body.source, after: { ...body } };
  });
}

export function removeExpenditure(ctx: ServiceContext, actor: Actor, householdId: string, itemId: string) {
  return changeHousehold(ctx, actor, householdId, async (tx, h) => {
    const gone = await deleteExpenditure(tx, h.id, itemId);
    if (!gone) throw new AppError('ITEM_NOT_FOUND');
    const { id: _id, countyCode: _c, householdId: _h, recordedAt, ...before } = gone;
    return {
      action: 'expenditure.remove',
      entityType: 'expenditure',
      entityId: itemId,
      source: gone.source,
      before: { ...before, recordedAt: recordedAt.toISOString() },
    };
  });
}
