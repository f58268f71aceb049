import { findParameterDefinition } from '../../domain/policy/parameter-catalog.js';
import { parameterValueText } from '../../domain/policy/parameter-proposal.rules.js';
import { findParameterInForce, listPendingProposals } from '../../db/repos/policy.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { regionNamesOf, toVersionView } from './parameter-views.js';

/**
 * Pending proposals inside the actor's scope, oldest first, each with the value it would
 * replace on its effective date and whether the actor proposed it (then he may withdraw it
 * but not approve it).
 */
export async function listProposals(ctx: ServiceContext, actor: Actor) {
  const db = ctx.database.db;
  const rows = await listPendingProposals(db, actor.scope);
  const names = await regionNamesOf(db, rows.map((r) => r.regionCode));
  const items = [];
  for (const r of rows) {
    const current = await findParameterInForce(db, r.code, r.regionCode, r.effectiveFrom, r.urbanRural);
    items.push({
      ...toVersionView(r, names),
      mine: r.createdBy === actor.id,
      replaces: current
        ? {
            id: current.id,
            regionCode: current.regionCode,
            effectiveFrom: current.effectiveFrom,
            valueText: parameterValueText(findParameterDefinition(current.code), current.value),
          }
        : null,
    });
  }
  return { items };
}
