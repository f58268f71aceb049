/**
 * Reads the policy engine needs (household facts in batches, parameter versions) and the
 * writes of its decisions (assessments, recipient status and its dated transitions).
 * Batch loads take a list of household ids so that one household and 2,000 households go
 * through the same queries.
 */
import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { anyUuid, type Executor } from '../database.js';
import {
  assessments,
  assets,
  benefitStatusEvents,
  benefitStatuses,
  expenditureItems,
  householdCategories,
  householdMembers,
  households,
  incomeItems,
  personPolicyFacts,
  persons,
  policyParameters,
  regions,
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

// ---- household facts in batches ---------------------------------------------------------

export async function loadHouseholdRows(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: households.id,
      householdNo: households.householdNo,
      regionCode: households.regionCode,
      countyCode: households.countyCode,
      urbanRural: households.urbanRural,
      categories: households.categories,
      status: households.status,
    })
    .from(households)
    .where(anyUuid(households.id, ids));
}

export async function loadMemberRows(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      householdId: householdMembers.householdId,
      relationship: householdMembers.relationship,
      personId: persons.id,
      name: persons.name,
      birthDate: persons.birthDate,
      sex: persons.sex,
      labourCapacity: persons.labourCapacity,
      healthStatus: persons.healthStatus,
      seriousIllness: persons.seriousIllness,
      disabilityCategory: persons.disabilityCategory,
      disabilityGrade: persons.disabilityGrade,
      employment: persons.employment,
      studentStage: persons.studentStage,
      meansTestExclusion: personPolicyFacts.meansTestExclusion,
      selfCare: personPolicyFacts.selfCare,
      obligors: personPolicyFacts.obligors,
    })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .leftJoin(personPolicyFacts, eq(personPolicyFacts.personId, persons.id))
    .where(and(anyUuid(householdMembers.householdId, householdIds), eq(householdMembers.active, true)))
    .orderBy(asc(householdMembers.joinedOn), asc(householdMembers.createdAt));
}

export async function loadIncomeRows(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: incomeItems.id,
      householdId: incomeItems.householdId,
      personId: incomeItems.personId,
      incomeType: incomeItems.incomeType,
      periodStart: incomeItems.periodStart,
      periodEnd: incomeItems.periodEnd,
      amountFen: incomeItems.amountFen,
      source: incomeItems.source,
      sourceDetail: incomeItems.sourceDetail,
      recordedAt: incomeItems.recordedAt,
      recordedByName: users.displayName,
      note: incomeItems.note,
    })
    .from(incomeItems)
    .leftJoin(users, eq(users.id, incomeItems.recordedBy))
    .where(anyUuid(incomeItems.householdId, householdIds))
    .orderBy(asc(incomeItems.periodStart), asc(incomeItems.recordedAt), asc(incomeItems.id));
}

export async function loadAssetRows(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: assets.id,
      householdId: assets.householdId,
      personId: assets.personId,
      assetType: assets.assetType,
      description: assets.description,
      quantity: assets.quantity,
      unit: assets.unit,
      valueFen: assets.valueFen,
      details: assets.details,
      source: assets.source,
      sourceDetail: assets.sourceDetail,
      recordedAt: assets.recordedAt,
      recordedByName: users.displayName,
    })
    .from(assets)
    .leftJoin(users, eq(users.id, assets.recordedBy))
    .where(anyUuid(assets.householdId, householdIds))
    .orderBy(asc(assets.recordedAt), asc(assets.id));
}

export async function loadExpenditureRows(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: expenditureItems.id,
      householdId: expenditureItems.householdId,
      personId: expenditureItems.personId,
      expenditureType: expenditureItems.expenditureType,
      periodStart: expenditureItems.periodStart,
      periodEnd: expenditureItems.periodEnd,
      amountFen: expenditureItems.amountFen,
      source: expenditureItems.source,
      sourceDetail: expenditureItems.sourceDetail,
      recordedAt: expenditureItems.recordedAt,
      recordedByName: users.displayName,
    })
    .from(expenditureItems)
    .leftJoin(users, eq(users.id, expenditureItems.recordedBy))
    .where(anyUuid(expenditureItems.householdId, householdIds))
    .orderBy(asc(expenditureItems.periodStart), asc(expenditureItems.id));
}

/** Person-level categories in force (特困, 单人保). */
export async function loadPersonCategoryRows(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({ householdId: householdCategories.householdId, personId: householdCategories.personId, category: householdCategories.category })
    .from(householdCategories)
    .where(
      and(
        anyUuid(householdCategories.householdId, householdIds),
        isNull(householdCategories.effectiveTo),
        sql`${householdCategories.personId} IS NOT NULL`,
      ),
    );
}

export async function loadBenefitStatuses(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db.select().from(benefitStatuses).where(anyUuid(benefitStatuses.householdId, householdIds));
}

/** The counted income by type of each household's last assessment (the base of R44's "rise"). */
export async function loadLastAssessmentSummaries(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: assessments.id,
      householdId: assessments.householdId,
      countedByType: sql<Record<string, number> | null>`${assessments.result} -> 'countedByType'`,
      perCapitaMonthlyFen: assessments.perCapitaMonthlyFen,
      classification: assessments.classification,
      dibaoAmountFen: assessments.dibaoAmountFen,
    })
    .from(assessments)
    .where(anyUuid(assessments.id, ids));
}

/** Area type (P47) of the regions on a path, most specific set value wins. */
export async function loadAreaTypes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ code: regions.code, areaType: regions.areaType }).from(regions).where(inArray(regions.code, codes));
}

/**
 * Household ids under `regionCode` after `cursor` (a household id), in household-number order
 * (batch iteration, resumable). Household numbers follow the order rows were written (by
 * village, as imported), so a chunk reads neighbouring pages of every table rather than
 * pages scattered by random ids.
 */
export async function listHouseholdIdsAfter(db: Executor, regionCode: string, cursor: string | null, limit: number) {
  const rows = await db
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        like(households.regionCode, `${regionCode}%`),
        eq(households.status, 'ACTIVE'),
        cursor ? sql`${households.householdNo} > (SELECT h2.household_no FROM households h2 WHERE h2.id = ${cursor})` : undefined,
      ),
    )
    .orderBy(asc(households.householdNo))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function countActiveHouseholds(db: Executor, regionCode: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(like(households.regionCode, `${regionCode}%`), eq(households.status, 'ACTIVE')));
  return r?.n ?? 0;
}

// ---- decisions ----------------------------------------------------------------------------

export async function insertAssessments(db: Executor, rows: (typeof assessments.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(assessments).values(rows).returning({ id: assessments.id, householdId: assessments.householdId });
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

/** Insert or move recipient statuses (one statement for a batch). */
export async function upsertBenefitStatuses(db: Executor, rows: BenefitStatusInsert[]) {
  if (rows.length === 0) return;
  await db
    .insert(benefitStatuses)
    .values(rows)
    .onConflictDoUpdate({
      target: benefitStatuses.householdId,
      set: {
        status: sql`excluded.status`,
        monthlyAmountFen: sql`excluded.monthly_amount_fen`,
        gradualExitFrom: sql`excluded.gradual_exit_from`,
        gradualExitUntil: sql`excluded.gradual_exit_until`,
        lastAssessmentId: sql`excluded.last_assessment_id`,
        version: sql`${benefitStatuses.version} + 1`,
        updatedAt: sql`now()`,
      },
    });
}

/** Point unchanged recipient statuses at their newer decisions (one statement). */
export async function touchBenefitStatuses(db: Executor, rows: { householdId: string; assessmentId: string }[]) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.householdId}::uuid, ${r.assessmentId}::uuid)`),
    sql`, `,
  );
  await db.execute(
    sql`UPDATE benefit_statuses b SET last_assessment_id = v.aid, updated_at = now() FROM (VALUES ${values}) AS v(hid, aid) WHERE b.household_id = v.hid`,
  );
}

export async function insertBenefitStatusEvents(db: Executor, rows: (typeof benefitStatusEvents.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(benefitStatusEvents).values(rows);
}

export async function listBenefitStatusEvents(db: Executor, householdId: string) {
  return db
    .select({ event: benefitStatusEvents, createdByName: users.displayName })
    .from(benefitStatusEvents)
    .leftJoin(users, eq(users.id, benefitStatusEvents.createdBy))
    .where(eq(benefitStatusEvents.householdId, householdId))
    .orderBy(desc(benefitStatusEvents.createdAt));
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
