/**
 * 入户核查 (R81, R82 VERIFYING): a field visit with checklist, findings, the phone's time and
 * GPS position. Photos are uploaded one by one to the visit (visit-photos.ts).
 */
import { AppError } from '../../domain/errors.js';
import { isVisitTimeInFuture } from '../../domain/monitoring/clue.rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { CreateVisitBody } from '../../contracts/clues.schemas.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findClue, insertClueEvent, insertSiteVisit, updateClue } from '../../db/repos/clues.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { toVisitView } from './clue-views.js';

export async function recordVisit(ctx: ServiceContext, actor: Actor, clueId: string, body: CreateVisitBody) {
  const now = ctx.clock.now();
  const visitedAt = body.visitedAt ? new Date(body.visitedAt) : now;
  const details = [];
  if (Number.isNaN(visitedAt.getTime())) details.push({ path: 'visitedAt', code: 'FIELD_INVALID', params: { field: 'visitedAt' } });
  else if (isVisitTimeInFuture(visitedAt, now)) details.push({ path: 'visitedAt', code: 'CLUE_VISIT_TIME_FUTURE' });
  if ((body.latitude === undefined) !== (body.longitude === undefined)) {
    details.push({ path: body.latitude === undefined ? 'latitude' : 'longitude', code: 'CLUE_VISIT_POSITION_INCOMPLETE' });
  }
  if (!body.findings.trim()) details.push({ path: 'findings', code: 'FIELD_REQUIRED', params: { field: '核查情况' } });
  if (details.length) throw new AppError('VALIDATION_FAILED', { details });
  const hasPosition = body.latitude !== undefined && body.longitude !== undefined;

  return ctx.database.db.transaction(async (tx) => {
    const clue = await findClue(tx, actor.scope, clueId, { forUpdate: true });
    if (!clue) throw new AppError('CLUE_NOT_FOUND');
    if (clue.status === 'CLOSED') throw new AppError('CLUE_ALREADY_CLOSED');
    const visit = await insertSiteVisit(tx, {
      clueId: clue.id,
      countyCode: clue.countyCode,
      visitedAt,
      latitude: hasPosition ? body.latitude! : null,
      longitude: hasPosition ? body.longitude! : null,
      accuracyM: hasPosition && body.accuracy !== undefined ? body.accuracy : null,
      checklist: body.checklist,
      findings: body.findings.trim(),
      createdBy: actor.id,
      createdAt: now,
    });
    await updateClue(tx, clue.id, { status: 'VERIFYING', ...(clue.assignedTo ? {} : { assignedTo: actor.id }) });
    await insertClueEvent(tx, {
      clueId: clue.id,
      countyCode: clue.countyCode,
      action: 'VISITED',
      detail: { visitId: visit.id, visitedAt: visitedAt.toISOString(), hasPosition, accuracyM: visit.accuracyM },
      actorId: actor.id,
      at: now,
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'clue.visit',
        entityType: 'site_visit',
        entityId: visit.id,
        householdId: clue.householdId,
        countyCode: clue.countyCode,
        source: 'FIELD_CHECK',
        before: { status: clue.status },
        after: {
          _summary: `${shanghaiDate(visitedAt)}，${body.findings.trim().slice(0, 60)}`,
          clueId: clue.id,
          status: 'VERIFYING',
          latitude: visit.latitude,
          longitude: visit.longitude,
          accuracyM: visit.accuracyM,
        },
      }),
    ]);
    return toVisitView(visit, actor.displayName, []);
  });
}
