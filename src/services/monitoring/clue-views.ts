/** Read models of the clue queue: list rows and the detail page. */
import { AppError } from '../../domain/errors.js';
import type { RegionScope } from '../../domain/access/scope.js';
import { isOverdue, overdueWorkingDays } from '../../domain/monitoring/clue.rules.js';
import type { WorkingDayCalendar } from '../../domain/monitoring/working-days.js';
import { maskIdNumber, maskPhone } from '../../domain/registry/mask.js';
import type { Executor } from '../../db/database.js';
import { findAssessment } from '../../db/repos/assessments.repo.js';
import {
  findClueListRow,
  findPendingCase,
  listClueEvents,
  listSiteVisits,
  listVisitPhotoMeta,
  type ClueRow,
  type SiteVisitRow,
} from '../../db/repos/clues.repo.js';
import { findHousehold } from '../../db/repos/households.repo.js';
import { loadClueParameters } from './clue-parameters.js';

export interface ClueListRow {
  clue: ClueRow;
  householdNo: string | null;
  assignedToName: string | null;
  villageName: string | null;
  townshipName: string | null;
}

export function toClueView(r: ClueListRow, today: string, cal: WorkingDayCalendar) {
  const c = r.clue;
  return {
    id: c.id,
    countyCode: c.countyCode,
    regionCode: c.regionCode,
    villageName: r.villageName,
    townshipCode: c.townshipCode,
    townshipName: r.townshipName,
    householdId: c.householdId,
    householdNo: r.householdNo,
    personId: c.personId,
    subjectName: c.subjectName,
    subjectIdNumber: c.subjectIdNumber ? maskIdNumber(c.subjectIdNumber) : null,
    channel: c.channel,
    ruleId: c.ruleId,
    level: c.level,
    targetCategory: c.targetCategory,
    title: c.title,
    description: c.description,
    status: c.status,
    assignedTo: c.assignedTo,
    assignedToName: r.assignedToName,
    raisedAt: c.raisedAt.toISOString(),
    dueDate: c.dueDate,
    overdue: isOverdue(c, today),
    overdueWorkingDays: overdueWorkingDays(c, today, cal),
    escalationLevel: c.escalationLevel,
    escalatedAt: c.escalatedAt?.toISOString() ?? null,
    repeatCount: c.repeatCount,
    outcome: c.outcome,
    outcomeReason: c.outcomeReason,
    referredTo: c.referredTo,
    assessmentId: c.assessmentId,
    pendingCaseId: c.pendingCaseId,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

/** Evidence as shown: phone and identity numbers masked, at any depth. */
export function maskEvidence(evidence: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(evidence)) {
    if (typeof v === 'string' && /phone/i.test(k)) out[k] = maskPhone(v);
    else if (typeof v === 'string' && /idNumber/i.test(k)) out[k] = maskIdNumber(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = maskEvidence(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

export function toVisitView(v: SiteVisitRow, createdByName: string | null, photos: { id: string; mimeType: string; sizeBytes: number; sha256: string }[]) {
  return {
    id: v.id,
    clueId: v.clueId,
    visitedAt: v.visitedAt.toISOString(),
    latitude: v.latitude,
    longitude: v.longitude,
    accuracyM: v.accuracyM,
    checklist: v.checklist,
    findings: v.findings,
    createdByName,
    createdAt: v.createdAt.toISOString(),
    photos: photos.map((p) => ({ id: p.id, mimeType: p.mimeType, sizeBytes: p.sizeBytes, sha256: p.sha256 })),
  };
}

/** The detail page of one clue in scope (CLUE_NOT_FOUND otherwise). */
export async function loadClueDetail(db: Executor, scope: RegionScope, id: string, today: string) {
  const row = await findClueListRow(db, scope, id);
  if (!row) throw new AppError('CLUE_NOT_FOUND');
  const c = row.clue;
  const { calendar } = await loadClueParameters(db, c.regionCode, today);
  const [events, visits, household, assessment, pending] = [
    await listClueEvents(db, c.id),
    await listSiteVisits(db, c.id),
    c.householdId ? await findHousehold(db, scope, c.householdId) : null,
    c.assessmentId ? await findAssessment(db, scope, c.assessmentId) : null,
    c.pendingCaseId ? await findPendingCase(db, c.pendingCaseId) : null,
  ];
  const photos = await listVisitPhotoMeta(db, visits.map((v) => v.visit.id));
  return {
    clue: toClueView(row, today, calendar),
    evidence: maskEvidence(c.evidence),
    events: events.map((e) => ({
      id: e.event.id,
      action: e.event.action,
      detail: e.event.detail ? maskEvidence(e.event.detail) : null,
      actorName: e.actorName,
      at: e.event.at.toISOString(),
    })),
    visits: visits.map((v) => toVisitView(v.visit, v.createdByName, photos.filter((p) => p.visitId === v.visit.id))),
    household: household
      ? {
          id: household.id,
          householdNo: household.householdNo,
          headName: household.headName,
          regionCode: household.regionCode,
          urbanRural: household.urbanRural,
          status: household.status,
          categories: household.categories,
          memberCount: household.memberCount,
        }
      : null,
    assessment: assessment
      ? {
          id: assessment.assessment.id,
          referenceDate: assessment.assessment.referenceDate,
          classification: assessment.assessment.classification,
          perCapitaMonthlyFen: assessment.assessment.perCapitaMonthlyFen,
          standardMonthlyFen: assessment.assessment.standardMonthlyFen,
          dibaoAmountFen: assessment.assessment.dibaoAmountFen,
        }
      : null,
    pendingCase: pending ? { id: pending.id, programme: pending.programme, status: pending.status } : null,
    today,
  };
}
