/**
 * Deadlines and escalation (issue 4 §5, R82): an open clue past its P36 due date moves up to
 * the county coordination mechanism (level 1); past a second P36 period to the 市州 (level
 * 2). Run hourly by the server (main.ts, when it runs jobs) and on demand by an admin.
 * Idempotent: a clue already at the level it should have is left alone.
 */
import type { RegionScope } from '../../domain/access/scope.js';
import { ESCALATION_LABELS, escalationLevelDue, overdueWorkingDays } from '../../domain/monitoring/clue.rules.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import { insertClueEvent, listOverdueClues, updateClue } from '../../db/repos/clues.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { createClueParameterCache } from './clue-parameters.js';

/** How many overdue clues one run looks at (the rest wait for the next run). */
const BATCH = 5000;

export async function escalateOverdueClues(
  ctx: ServiceContext,
  today: string,
  by: { actor: Actor | null; scope: RegionScope },
): Promise<{ today: string; escalated: number }> {
  const now = ctx.clock.now();
  const escalated = await ctx.database.db.transaction(async (tx) => {
    const overdue = await listOverdueClues(tx, by.scope, today, BATCH);
    const paramsFor = createClueParameterCache(tx, today);
    const audit: AuditInput[] = [];
    let n = 0;
    for (const c of overdue) {
      const p = await paramsFor(c.regionCode);
      const target = escalationLevelDue(c, today, p.slaWorkingDays, p.calendar);
      if (target <= c.escalationLevel) continue;
      const days = overdueWorkingDays(c, today, p.calendar);
      await updateClue(tx, c.id, { escalationLevel: target, escalatedAt: now });
      await insertClueEvent(tx, {
        clueId: c.id,
        countyCode: c.countyCode,
        action: 'ESCALATED',
        detail: { from: c.escalationLevel, to: target, dueDate: c.dueDate, overdueWorkingDays: days },
        actorId: by.actor?.id ?? null,
        at: now,
      });
      audit.push(
        auditEvent(ctx, by.actor, {
          action: 'clue.escalate',
          entityType: 'clue',
          entityId: c.id,
          householdId: c.householdId,
          countyCode: c.countyCode,
          source: 'SYSTEM',
          before: { escalationLevel: c.escalationLevel },
          after: { _summary: `${c.title}，超期${days}个工作日，升级至${ESCALATION_LABELS[target]}`, escalationLevel: target, dueDate: c.dueDate },
        }),
      );
      n++;
    }
    if (audit.length) await appendAudit(tx, audit);
    return n;
  });
  return { today, escalated };
}
