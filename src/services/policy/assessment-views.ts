/** Read models of stored decisions (what the household page and the 核算表 show). */
import { AppError } from '../../domain/errors.js';
import type { RegionScope } from '../../domain/access/scope.js';
import type { AssessmentResult, ExplanationStep, GradualExitSegment } from '../../domain/policy/assessment.types.js';
import { amountInMonth } from '../../domain/policy/gradual-exit-schedule.js';
import { reviewGradualExit } from '../../domain/policy/gradual-exit-review.rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { Executor } from '../../db/database.js';
import {
  findAssessment,
  findBenefitStatus,
  findCategoryStarts,
  findParameterVersions,
  listAssessments,
  listBenefitStatusEvents,
} from '../../db/repos/assessments.repo.js';
import { findHousehold } from '../../db/repos/households.repo.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadReviewIntervals, periodicReviewOf } from './review-intervals.js';

export async function loadAssessmentView(db: Executor, scope: RegionScope, id: string) {
  const r = await findAssessment(db, scope, id);
  if (!r) throw new AppError('ASSESSMENT_NOT_FOUND');
  const a = r.assessment;
  const used = a.parametersUsed as Record<string, string>;
  const versions = await findParameterVersions(db, Object.values(used));
  return {
    id: a.id,
    householdId: a.householdId,
    referenceDate: a.referenceDate,
    trigger: a.trigger,
    runId: a.runId,
    classification: a.classification,
    perCapitaMonthlyFen: a.perCapitaMonthlyFen,
    standardMonthlyFen: a.standardMonthlyFen,
    dibaoAmountFen: a.dibaoAmountFen,
    result: a.result as AssessmentResult,
    explanation: a.explanation as ExplanationStep[],
    parametersUsed: versions
      .map((v) => ({
        code: v.code,
        name: v.name,
        versionId: v.id,
        regionCode: v.regionCode,
        urbanRural: v.urbanRural,
        effectiveFrom: v.effectiveFrom,
        confidence: v.confidence,
      }))
      .sort((x, y) => x.code.localeCompare(y.code)),
    createdAt: a.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}
export type AssessmentView = Awaited<ReturnType<typeof loadAssessmentView>>;

/**
 * A household's decisions, its recipient status (a 渐退 one with where it stands against the
 * end of its period, R44.3; one paid normally with where it stands against its periodic
 * review, R42) and its transitions.
 */
export async function listHouseholdAssessments(ctx: ServiceContext, actor: Actor, householdId: string) {
  const { db } = ctx.database;
  const { scope } = actor;
  const today = shanghaiDate(ctx.clock.now());
  const h = await findHousehold(db, scope, householdId);
  if (!h) throw new AppError('HOUSEHOLD_NOT_FOUND');
  const rows = await listAssessments(db, scope, householdId);
  const benefit = await findBenefitStatus(db, householdId);
  const events = await listBenefitStatusEvents(db, householdId);
  const onRoster = !benefit && (await findCategoryStarts(db, [householdId], 'DIBAO')).has(householdId);
  const schedule = (benefit?.gradualExitSchedule ?? null) as GradualExitSegment[] | null;
  const intervals = benefit?.status === 'ACTIVE' ? await loadReviewIntervals(db, h.countyCode, today) : null;
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    benefit: benefit
      ? {
          status: benefit.status,
          // this month's amount: a stepped-down gradual exit pays its schedule's (R44.2)
          monthlyAmountFen: amountInMonth({ monthlyAmountFen: benefit.monthlyAmountFen, gradualExitSchedule: schedule }, today.slice(0, 7)),
          sinceMonth: benefit.sinceMonth.slice(0, 7),
          gradualExitFrom: benefit.gradualExitFrom?.slice(0, 7) ?? null,
          gradualExitUntil: benefit.gradualExitUntil?.slice(0, 7) ?? null,
          gradualExitSchedule: schedule,
          review: benefit.status === 'GRADUAL_EXIT' && benefit.gradualExitUntil ? reviewGradualExit(benefit.gradualExitUntil, today) : null,
          reviewClass: benefit.reviewClass,
          periodicReview: intervals ? periodicReviewOf(intervals, benefit, today) : null,
          lastAssessmentId: benefit.lastAssessmentId,
        }
      : null,
    unregisteredOnRoster: onRoster,
    events: events.map((e) => ({
      id: e.event.id,
      fromStatus: e.event.fromStatus,
      toStatus: e.event.toStatus,
      effectiveMonth: e.event.effectiveMonth.slice(0, 7),
      monthlyAmountFen: e.event.monthlyAmountFen,
      reason: e.event.reason,
      decidedOn: e.event.decidedOn,
      assessmentId: e.event.assessmentId,
      createdAt: e.event.createdAt.toISOString(),
      createdByName: e.createdByName,
    })),
  };
}

/** A decision's page: incomes, health and the explanation of one household — the read is audited. */
export async function getAssessment(ctx: ServiceContext, actor: Actor, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const view = await loadAssessmentView(tx, actor.scope, id);
    const h = await findHousehold(tx, actor.scope, view.householdId);
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'assessment.view',
        entityType: 'assessment',
        entityId: id,
        householdId: view.householdId,
        countyCode: h?.countyCode ?? null,
      }),
    ]);
    return view;
  });
}
