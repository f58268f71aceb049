/**
 * Parameter versions the policy engine reads, batch iteration over households, and the
 * writes of its decisions (assessments, recipient status and its dated transitions). The
 * household facts themselves are read by household-facts.repo.ts.
 */
import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { newId } from '../ids.js';
import { copyInTransaction, type Executor, type Tx } from '../database.js';
import { BinaryCopyWriter } from '../copy-binary.js';
import { CopyWriter } from '../copy-rows.js';
import {
  assessments,
  benefitStatusEvents,
  benefitStatuses,
  householdCategories,
  households,
  policyParameters,
  users,
} from '../schema/index.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type BenefitStatusRow = typeof benefitStatuses.$inferSelect;
export type BenefitStatusEventRow = typeof benefitStatusEvents.$inferSelect;
export type ParameterVersionRow = typeof policyParameters.$inferSelect;

export type AssessmentInsert = typeof assessments.$inferInsert;
export type BenefitStatusInsert = typeof benefitStatuses.$inferInsert;
export type BenefitStatusEventInsert = typeof benefitStatusEvents.$inferInsert;

/** Every parameter version on the path of `regionCode` (its ancestors and itself) with one of `statuses`. */
export async function listParameterVersionsOnPath(db: Executor, regionCode: string, statuses: string[] = ['APPROVED']) {
  return db
    .select()
    .from(policyParameters)
    .where(and(sql`${regionCode} LIKE ${policyParameters.regionCode} || '%'`, inArray(policyParameters.status, statuses)));
}

/** Approved versions anywhere under `regionCode` or on its path (a batch run covers a subtree). */
export async function listParameterVersionsForSubtree(db: Executor, regionCode: string) {
  return db
    .select()
    .from(policyParameters)
    .where(
      and(
        sql`(${policyParameters.regionCode} LIKE ${regionCode + '%'} OR ${regionCode} LIKE ${policyParameters.regionCode} || '%')`,
        eq(policyParameters.status, 'APPROVED'),
      ),
    );
}

export async function findParameterVersions(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(policyParameters).where(inArray(policyParameters.id, ids));
}

// ---- batch iteration -------------------------------------------------------------------
// (the facts themselves: household-facts.repo.ts)

/**
 * Active households under `regionCode` after `cursor` (a household id) in (county, household
 * number) order: batch iteration, resumable. Household numbers follow the order rows were
 * written, so a window of consecutive households finds its facts close together on disk.
 */
export async function listHouseholdsAfter(db: Executor, regionCode: string, cursor: string | null, limit: number): Promise<{ id: string; countyCode: string }[]> {
  return db
    .select({ id: households.id, countyCode: households.countyCode })
    .from(households)
    .where(
      and(
        like(households.regionCode, `${regionCode}%`),
        eq(households.status, 'ACTIVE'),
        cursor
          ? sql`(${households.countyCode}, ${households.householdNo}) > (SELECT h2.county_code, h2.household_no FROM households h2 WHERE h2.id = ${cursor})`
          : undefined,
      ),
    )
    .orderBy(asc(households.countyCode), asc(households.householdNo))
    .limit(limit);
}

export async function countActiveHouseholds(db: Executor, regionCode: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(like(households.regionCode, `${regionCode}%`), eq(households.status, 'ACTIVE')));
  return r?.n ?? 0;
}

// ---- decisions ----------------------------------------------------------------------------

const ASSESSMENT_COPY_COLUMNS = [
  'id', 'county_code', 'household_id', 'reference_date', 'trigger', 'run_id', 'classification', 'per_capita_monthly_fen',
  'standard_monthly_fen', 'dibao_amount_fen', 'result', 'explanation', 'parameters_used', 'inputs_digest', 'created_by',
] as const;

/**
 * Decisions are stored with COPY in the caller's transaction. A batch stores thousands, each with
 * ≈ 9 KB of explanation: the ORM's multi-row insert spent ≈ 0.35 ms per row building
 * parameters, and unpacking rows from one JSON or array parameter cost the server as much
 * again; COPY costs ≈ a tenth of either (`docs/benchmarks.md`). A batch encodes each row as soon
 * as it is decided (`encodeAssessment`) and copies the encoded rows at once (`copyAssessments`),
 * in binary format, which costs the server a quarter to a third less than text for rows this
 * large (copy-binary.ts).
 */
export function encodeAssessment(w: BinaryCopyWriter, r: AssessmentInsert): void {
  w.row(ASSESSMENT_COPY_COLUMNS.length)
    .uuid(r.id ?? newId())
    .text(r.countyCode)
    .uuid(r.householdId)
    .date(r.referenceDate)
    .text(r.trigger)
    .uuid(r.runId)
    .text(r.classification)
    .int8(r.perCapitaMonthlyFen)
    .int8(r.standardMonthlyFen)
    .int8(r.dibaoAmountFen)
    .text(JSON.stringify(r.result))
    .text(JSON.stringify(r.explanation))
    .text(JSON.stringify(r.parametersUsed))
    .text(r.inputsDigest)
    .uuid(r.createdBy);
}

/** Rows encoded by `encodeAssessment` (the writer's finished blocks), in the caller's transaction. */
export async function copyAssessments(tx: Tx, blocks: readonly Uint8Array[]): Promise<void> {
  if (blocks.length === 0) return;
  await copyInTransaction(tx, 'assessments', ASSESSMENT_COPY_COLUMNS, blocks, 'binary');
}

export async function listAssessments(db: Executor, scope: RegionScope, householdId: string, limit = 50) {
  return db
    .select({
      id: assessments.id,
      referenceDate: assessments.referenceDate,
      trigger: assessments.trigger,
      runId: assessments.runId,
      classification: assessments.classification,
      perCapitaMonthlyFen: assessments.perCapitaMonthlyFen,
      standardMonthlyFen: assessments.standardMonthlyFen,
      dibaoAmountFen: assessments.dibaoAmountFen,
      createdAt: assessments.createdAt,
      createdByName: users.displayName,
    })
    .from(assessments)
    .innerJoin(households, eq(households.id, assessments.householdId))
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(and(eq(assessments.householdId, householdId), like(households.regionCode, `${scope.regionCode}%`)))
    .orderBy(desc(assessments.createdAt))
    .limit(limit);
}

export async function findAssessment(db: Executor, scope: RegionScope, id: string) {
  const [r] = await db
    .select({ assessment: assessments, createdByName: users.displayName })
    .from(assessments)
    .innerJoin(households, eq(households.id, assessments.householdId))
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(and(eq(assessments.id, id), like(households.regionCode, `${scope.regionCode}%`)));
  return r ?? null;
}

export async function findBenefitStatus(db: Executor, householdId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(benefitStatuses).where(eq(benefitStatuses.householdId, householdId));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

/** Insert or move recipients' statuses: one statement, one array parameter per column (a move keeps registered_on). */
export async function upsertBenefitStatuses(db: Executor, rows: BenefitStatusInsert[]) {
  if (rows.length === 0) return;
  const col = (f: (r: BenefitStatusInsert) => unknown) => sql.param(rows.map((r) => f(r) ?? null));
  await db.execute(sql`
    INSERT INTO benefit_statuses (household_id, county_code, status, monthly_amount_fen, since_month, gradual_exit_from, gradual_exit_until,
                                  gradual_exit_schedule, last_assessment_id, last_counted_by_type, last_per_capita_monthly_fen, registered_on)
    SELECT * FROM unnest(${col((r) => r.householdId)}::uuid[], ${col((r) => r.countyCode)}::varchar[], ${col((r) => r.status)}::varchar[],
                         ${col((r) => r.monthlyAmountFen)}::int8[], ${col((r) => r.sinceMonth)}::date[], ${col((r) => r.gradualExitFrom)}::date[],
                         ${col((r) => r.gradualExitUntil)}::date[],
                         ${col((r) => (r.gradualExitSchedule == null ? null : JSON.stringify(r.gradualExitSchedule)))}::jsonb[],
                         ${col((r) => r.lastAssessmentId)}::uuid[],
                         ${col((r) => (r.lastCountedByType == null ? null : JSON.stringify(r.lastCountedByType)))}::jsonb[],
                         ${col((r) => r.lastPerCapitaMonthlyFen)}::int8[], ${col((r) => r.registeredOn)}::date[])
    ON CONFLICT (household_id) DO UPDATE SET
      status = excluded.status, monthly_amount_fen = excluded.monthly_amount_fen, gradual_exit_from = excluded.gradual_exit_from,
      gradual_exit_until = excluded.gradual_exit_until, gradual_exit_schedule = excluded.gradual_exit_schedule, last_assessment_id = excluded.last_assessment_id,
      last_counted_by_type = excluded.last_counted_by_type, last_per_capita_monthly_fen = excluded.last_per_capita_monthly_fen,
      version = benefit_statuses.version + 1, updated_at = now()`);
}

/** A recipient's status pointed at a newer decision that changed nothing else (with that decision's R44 baseline). */
export interface BenefitStatusTouch {
  householdId: string;
  assessmentId: string;
  countedByType: Record<string, number>;
  perCapitaMonthlyFen: number;
}

/** Point unchanged recipient statuses at their newer decisions (one statement). */
export async function touchBenefitStatuses(db: Executor, rows: BenefitStatusTouch[]) {
  if (rows.length === 0) return;
  const col = (f: (r: BenefitStatusTouch) => unknown) => sql.param(rows.map(f));
  await db.execute(sql`
    UPDATE benefit_statuses b
       SET last_assessment_id = v.aid, last_counted_by_type = v.counted, last_per_capita_monthly_fen = v.per_capita, updated_at = now()
      FROM unnest(${col((r) => r.householdId)}::uuid[], ${col((r) => r.assessmentId)}::uuid[],
                  ${col((r) => JSON.stringify(r.countedByType))}::jsonb[], ${col((r) => r.perCapitaMonthlyFen)}::int8[]) AS v(hid, aid, counted, per_capita)
     WHERE b.household_id = v.hid`);
}

/** The day of an officer's 核算 on the recipients' statuses (R42 periodic review); households without one are left alone. */
export async function markBenefitStatusesReviewed(db: Executor, rows: { householdId: string; on: string }[]) {
  if (rows.length === 0) return;
  await db.execute(sql`
    UPDATE benefit_statuses b SET last_reviewed_on = v.reviewed_on, updated_at = now()
      FROM unnest(${sql.param(rows.map((r) => r.householdId))}::uuid[], ${sql.param(rows.map((r) => r.on))}::date[]) AS v(hid, reviewed_on)
     WHERE b.household_id = v.hid`);
}

/** Set a recipient's periodic-review class (R42). */
export async function setBenefitReviewClass(db: Executor, householdId: string, reviewClass: string): Promise<void> {
  await db
    .update(benefitStatuses)
    .set({ reviewClass, version: sql`${benefitStatuses.version} + 1`, updatedAt: sql`now()` })
    .where(eq(benefitStatuses.householdId, householdId));
}

/** Dated transitions, with COPY in the caller's transaction (a batch writes one per recipient). */
export async function insertBenefitStatusEvents(tx: Tx, rows: BenefitStatusEventInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const w = new CopyWriter();
  for (const r of rows) {
    w.field(r.id ?? newId()).field(r.countyCode).field(r.householdId).field(r.fromStatus).field(r.toStatus).field(r.effectiveMonth)
      .field(r.monthlyAmountFen).field(r.assessmentId).field(r.reason).field(r.decidedOn).field(r.createdBy);
    w.endLine();
  }
  await copyInTransaction(
    tx,
    'benefit_status_events',
    ['id', 'county_code', 'household_id', 'from_status', 'to_status', 'effective_month', 'monthly_amount_fen', 'assessment_id', 'reason', 'decided_on', 'created_by'],
    w.finish(),
  );
}

export async function listBenefitStatusEvents(db: Executor, householdId: string) {
  return db
    .select({ event: benefitStatusEvents, createdByName: users.displayName })
    .from(benefitStatusEvents)
    .leftJoin(users, eq(users.id, benefitStatusEvents.createdBy))
    .where(eq(benefitStatusEvents.householdId, householdId))
    .orderBy(desc(benefitStatusEvents.createdAt));
}

/** When each household's open household-level `category` began ('YYYY-MM-DD'), for those that hold it. */
export async function findCategoryStarts(db: Executor, householdIds: readonly string[], category: string): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .select({ householdId: householdCategories.householdId, from: sql<string>`min(${householdCategories.effectiveFrom})::text` })
    .from(householdCategories)
    .where(
      and(
        sql`${householdCategories.householdId} = ANY(${sql.param([...householdIds])}::uuid[])`,
        eq(householdCategories.category, category),
        isNull(householdCategories.personId),
        isNull(householdCategories.effectiveTo),
      ),
    )
    .groupBy(householdCategories.householdId);
  return new Map(rows.map((r) => [r.householdId, r.from]));
}

/** End the household-level DIBAO category on `lastDay` (a stop takes effect the next month). */
export async function endHouseholdCategory(db: Executor, householdId: string, category: string, lastDay: string) {
  await db
    .update(householdCategories)
    .set({ effectiveTo: lastDay })
    .where(
      and(
        eq(householdCategories.householdId, householdId),
        eq(householdCategories.category, category),
        isNull(householdCategories.personId),
        isNull(householdCategories.effectiveTo),
      ),
    );
}
