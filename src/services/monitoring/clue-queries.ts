/** The clue queue (预警线索) of the caller's region, one clue's page, who may be assigned. */
import { AppError } from '../../domain/errors.js';
import { hasPermission } from '../../domain/access/roles.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { ClueListQuery } from '../../contracts/clues.schemas.js';
import { countClues, findClue, listClues, listUsersCovering, type ClueFilter } from '../../db/repos/clues.repo.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadClueParameters } from './clue-parameters.js';
import { loadClueDetail, toClueView } from './clue-views.js';

export async function searchClues(ctx: ServiceContext, actor: Actor, q: ClueListQuery) {
  const db = ctx.database.db;
  const today = shanghaiDate(ctx.clock.now());
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const filter: ClueFilter = {
    status: q.status,
    level: q.level,
    channel: q.channel,
    ruleId: q.rule,
    region: q.village,
    q: q.q,
  };
  if (q.overdue) filter.overdueOn = today;
  const [rows, total, params] = [
    await listClues(db, actor.scope, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    await countClues(db, actor.scope, filter),
    await loadClueParameters(db, actor.scope.regionCode, today),
  ];
  return { items: rows.map((r) => toClueView(r, today, params.calendar)), total, page, pageSize, today };
}

/** A clue's page: evidence about a person (health, incomes, reporter) — the read is audited. */
export async function getClue(ctx: ServiceContext, actor: Actor, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const detail = await loadClueDetail(tx, actor.scope, id, shanghaiDate(ctx.clock.now()));
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'clue.view',
        entityType: 'clue',
        entityId: id,
        householdId: detail.clue.householdId,
        countyCode: detail.clue.countyCode,
      }),
    ]);
    return detail;
  });
}

/** Users in the caller's scope who hold monitoring:handle and whose region covers the clue. */
export async function listClueAssignees(ctx: ServiceContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const clue = await findClue(db, actor.scope, id);
  if (!clue) throw new AppError('CLUE_NOT_FOUND');
  const users = await listUsersCovering(db, actor.scope, clue.regionCode);
  return {
    items: users
      .filter((u) => hasPermission(u.roles, 'monitoring:handle'))
      .map((u) => ({ id: u.id, displayName: u.displayName, regionCode: u.regionCode })),
  };
}
