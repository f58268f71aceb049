/**
 * 办结 (R82 DISPOSED → CLOSED, R83): a verified clue is closed with an outcome, in one
 * transaction with everything the outcome sets in motion:
 *   DIBAO / TEKUN   → the policy engine runs on the household (the decision is stored with its
 *                     explanation; its id is kept on the clue) and a pending case is opened
 *                     for the case workflow (issue 5);
 *   TEMPORARY       → a pending case for temporary assistance;
 *   REFERRED        → the receiving department is required;
 *   MONITORING      → a rural household gets the category 防返贫监测 (FANGFANPIN) if it has
 *                     not; urban households (no 防返贫 monitoring in towns) record the outcome only;
 *   RISK_ELIMINATED → an open 防返贫监测 category ends today;
 *   EXCLUDED        → a reason is required.
 * R81: every clue needs a field visit first, except EXCLUDED for invalid data, with a reason.
 */
import { AppError } from '../../domain/errors.js';
import { checkClose, pendingProgrammeOf } from '../../domain/monitoring/clue.rules.js';
import { CLUE_OUTCOME_LABELS } from '../../domain/monitoring/clue.types.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { CloseClueBody } from '../../contracts/clues.schemas.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import { countSiteVisits, findClue, insertClueEvent, insertPendingCase, updateClue } from '../../db/repos/clues.repo.js';
import {
  endCategory,
  findHousehold,
  insertCategory,
  listCategories,
  refreshHouseholdSummary,
  updateHouseholdRow,
} from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { assessHouseholdInTransaction } from '../policy/run-assessment.js';
import { loadClueDetail } from './clue-views.js';

export async function closeClue(ctx: ServiceContext, actor: Actor, id: string, body: CloseClueBody) {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  await ctx.database.db.transaction(async (tx) => {
    const clue = await findClue(tx, actor.scope, id, { forUpdate: true });
    if (!clue) throw new AppError('CLUE_NOT_FOUND');
    if (clue.status === 'CLOSED') throw new AppError('CLUE_ALREADY_CLOSED');
    const violations = checkClose(body, await countSiteVisits(tx, clue.id));
    if (violations.some((v) => v.code === 'CLUE_VISIT_REQUIRED')) throw new AppError('CLUE_VISIT_REQUIRED', { details: violations });
    if (violations.length) throw new AppError('VALIDATION_FAILED', { details: violations });

    const outcome = body.outcome;
    const reason = body.reason?.trim() || null;
    const referredTo = outcome === 'REFERRED' ? body.referredTo!.trim() : null;
    const h = clue.householdId ? await findHousehold(tx, actor.scope, clue.householdId, { forUpdate: true }) : null;
    const audit: AuditInput[] = [];
    const audited = (e: Parameters<typeof auditEvent>[2]) => audit.push(auditEvent(ctx, actor, e));
    let assessmentId: string | null = null;
    let pendingCaseId: string | null = null;
    let categoryChanged = false;
    const note: string[] = [];

    if ((outcome === 'DIBAO' || outcome === 'TEKUN') && h) {
      assessmentId = await assessHouseholdInTransaction(tx, ctx, actor, h, today, today, audit);
    }
    const programme = pendingProgrammeOf(outcome);
    if (programme) {
      const pc = await insertPendingCase(tx, {
        countyCode: clue.countyCode,
        householdId: clue.householdId,
        personId: clue.personId,
        programme,
        clueId: clue.id,
        status: 'PENDING',
        note: [clue.subjectName, reason ?? clue.title].filter(Boolean).join('：'),
        createdBy: actor.id,
        createdAt: now,
      });
      pendingCaseId = pc.id;
    }
    if (outcome === 'MONITORING' && h) {
      if (h.urbanRural !== 'RURAL') note.push('城镇家庭不纳入防返贫监测，仅记录结果');
      else if (h.categories.includes('FANGFANPIN')) note.push('已在防返贫监测中');
      else {
        const item = await insertCategory(tx, {
          countyCode: h.countyCode,
          householdId: h.id,
          personId: null,
          category: 'FANGFANPIN',
          effectiveFrom: today,
          reason: `预警核查：${reason ?? clue.title}`,
          recordedBy: actor.id,
          recordedAt: now,
        });
        categoryChanged = true;
        audited({
          action: 'category.add',
          entityType: 'category',
          entityId: item.id,
          householdId: h.id,
          countyCode: h.countyCode,
          source: 'FIELD_CHECK',
          after: { category: 'FANGFANPIN', effectiveFrom: today, reason: item.reason, clueId: clue.id },
        });
      }
    }
    if (outcome === 'RISK_ELIMINATED' && h) {
      const open = (await listCategories(tx, h.id)).filter((c) => c.item.category === 'FANGFANPIN' && c.item.effectiveTo === null);
      for (const c of open) {
        const ended = await endCategory(tx, h.id, c.item.id, today, `预警核查风险消除${reason ? `：${reason}` : ''}`);
        if (!ended) continue;
        categoryChanged = true;
        audited({
          action: 'category.end',
          entityType: 'category',
          entityId: ended.id,
          householdId: h.id,
          countyCode: h.countyCode,
          source: 'FIELD_CHECK',
          before: { category: 'FANGFANPIN', effectiveTo: null },
          after: { category: 'FANGFANPIN', effectiveTo: today, reason: reason ?? '风险消除', clueId: clue.id },
        });
      }
      if (!categoryChanged) note.push('该户不在防返贫监测中');
    }
    if (categoryChanged && h) {
      await updateHouseholdRow(tx, h.id, {});
      await refreshHouseholdSummary(tx, h.id);
    }

    await updateClue(tx, clue.id, {
      status: 'CLOSED',
      outcome,
      outcomeReason: reason,
      referredTo,
      assessmentId,
      pendingCaseId,
      closedAt: now,
      closedBy: actor.id,
    });
    await insertClueEvent(tx, {
      clueId: clue.id,
      countyCode: clue.countyCode,
      action: 'CLOSED',
      detail: { outcome, reason, referredTo, assessmentId, pendingCaseId, invalidData: body.invalidData ?? false, ...(note.length ? { note: note.join('；') } : {}) },
      actorId: actor.id,
      at: now,
    });
    const label = CLUE_OUTCOME_LABELS[outcome];
    const why = [referredTo ? `转至${referredTo}` : null, reason ?? clue.title, ...note].filter(Boolean).join('；');
    audited({
      action: 'clue.close',
      entityType: 'clue',
      entityId: clue.id,
      householdId: clue.householdId,
      countyCode: clue.countyCode,
      source: 'FIELD_CHECK',
      before: { status: clue.status },
      after: { _summary: `${label}（${why}）`, status: 'CLOSED', outcome, reason, referredTo, assessmentId, pendingCaseId },
    });
    await appendAudit(tx, audit);
  });
  return loadClueDetail(ctx.database.db, actor.scope, id, today);
}

