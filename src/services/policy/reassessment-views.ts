/** Read models of batch re-assessment runs (progress, figures, changed households). */
import { AppError } from '../../domain/errors.js';
import type { Executor } from '../../db/database.js';
import { findParameterVersions } from '../../db/repos/assessments.repo.js';
import { findHouseholdsByIds } from '../../db/repos/households.repo.js';
import {
  findLatestApply,
  findRegionName,
  findReassessmentRun,
  listReassessmentResultPage,
  listReassessmentRuns,
  summariseReassessmentResults,
  type ReassessmentRunRow,
} from '../../db/repos/reassessments.repo.js';
import { YEAR_MONTHS } from '../../domain/policy/gradual-exit-schedule.js';
import { summariseRun, type RunSummary } from './reassessment-summary.js';

async function toView(db: Executor, run: ReassessmentRunRow, createdByName: string | null, appliedRunId: string | null) {
  const versions = await findParameterVersions(db, run.parameterVersionIds);
  // A finished run has its figures frozen; a running one is summarised from the results so far.
  const summary: RunSummary = (run.summary as RunSummary | null) ?? summariseRun(await summariseReassessmentResults(db, run.id));
  return {
    id: run.id,
    mode: run.mode,
    status: run.status,
    regionCode: run.regionCode,
    regionName: await findRegionName(db, run.regionCode),
    referenceDate: run.referenceDate,
    total: run.total,
    processed: run.processed,
    error: run.error,
    basedOnRunId: run.basedOnRunId,
    // A what-if whose versions were approved and applied links to that run (approval applies them).
    appliedRunId,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdByName,
    parameters: versions.map((v) => ({
      id: v.id,
      code: v.code,
      name: v.name,
      regionCode: v.regionCode,
      urbanRural: v.urbanRural,
      effectiveFrom: v.effectiveFrom,
      status: v.status,
      value: v.value,
    })),
    summary,
  };
}

/** `scopeCode`: the caller's region; a run is visible when its region and the scope overlap. */
export async function loadReassessmentView(db: Executor, id: string, scopeCode?: string) {
  const run = await findReassessmentRun(db, id);
  if (!run) throw new AppError('REASSESSMENT_NOT_FOUND');
  if (scopeCode !== undefined && !(run.regionCode.startsWith(scopeCode) || scopeCode.startsWith(run.regionCode))) {
    throw new AppError('REASSESSMENT_NOT_FOUND');
  }
  const applied = run.mode === 'WHAT_IF' ? await findLatestApply(db, run.parameterVersionIds) : null;
  return toView(db, run, null, applied?.id ?? null);
}
export type ReassessmentView = Awaited<ReturnType<typeof loadReassessmentView>>;

export async function listReassessments(db: Executor, scopeCode: string) {
  const rows = await listReassessmentRuns(db, scopeCode);
  // Newest first, and a run that applied a what-if is newer than it: it is in the list too.
  const applies = rows.filter((r) => r.run.mode === 'APPLY').map((r) => r.run);
  const appliedRunOf = (run: ReassessmentRunRow) =>
    run.mode === 'WHAT_IF' ? (applies.find((a) => run.parameterVersionIds.every((v) => a.parameterVersionIds.includes(v)))?.id ?? null) : null;
  return Promise.all(rows.map((r) => toView(db, r.run, r.createdByName, appliedRunOf(r.run))));
}

export async function listReassessmentChanges(db: Executor, scopeCode: string, runId: string, q: { change?: string | undefined; page: number; pageSize: number }) {
  const run = await findReassessmentRun(db, runId);
  if (!run || !(run.regionCode.startsWith(scopeCode) || scopeCode.startsWith(run.regionCode))) throw new AppError('REASSESSMENT_NOT_FOUND');
  const rows = await listReassessmentResultPage(db, runId, q.change, q.pageSize, (q.page - 1) * q.pageSize);
  // Only households inside the caller's scope are listed by number.
  const hh = await findHouseholdsByIds(db, { regionCode: scopeCode }, rows.map((r) => r.householdId));
  const no = new Map(hh.map((h) => [h.id, h]));
  return rows
    .filter((r) => no.has(r.householdId))
    .map((r) => ({
      householdId: r.householdId,
      householdNo: no.get(r.householdId)!.householdNo,
      headName: no.get(r.householdId)!.headName,
      countyCode: r.countyCode,
      change: r.change,
      beforeClassification: r.beforeClassification,
      afterClassification: r.afterClassification,
      beforeAmountFen: r.beforeAmountFen,
      afterAmountFen: r.afterAmountFen,
      yearlyDiffFen: r.yearlyDiffFen ?? (r.afterAmountFen - r.beforeAmountFen) * YEAR_MONTHS,
      errorCode: r.errorCode,
    }));
}
