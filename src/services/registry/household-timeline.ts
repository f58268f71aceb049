import { AppError } from '../../domain/errors.js';
import { describeChanges, summariseEvent } from '../../domain/registry/timeline.js';
import { findHouseholdAuditTrail, normaliseTimestamp } from '../../db/repos/audit.repo.js';
import { findHousehold } from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';

/** What changed, when, by whom and from which source (issue 2 §8), newest first. Views are not listed. */
export async function getHouseholdTimeline(ctx: ServiceContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const h = await findHousehold(db, actor.scope, id);
  if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
  const rows = await findHouseholdAuditTrail(db, h.id, 1000);
  return rows
    // Reads (household, decision and clue pages, prints) are audited but are not changes.
    .filter((r) => !r.action.endsWith('.view') && r.action !== 'assessment.print')
    .reverse()
    .map((r) => ({
      seq: r.seq,
      at: normaliseTimestamp(r.at),
      actorName: r.actorName,
      action: r.action,
      summary: summariseEvent(r),
      source: r.source,
      changes: describeChanges(r),
    }));
}
