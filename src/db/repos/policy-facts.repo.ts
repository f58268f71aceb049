import { and, asc, desc, eq, sql, type Column } from 'drizzle-orm';
import type { DisabilityComponent, JobReferralFacts, MeansTestExclusion, ObligorFacts, SelfCareFacts, SupportArrangementFacts } from '../../domain/policy/assessment.types.js';
import { anyUuid, type Executor } from '../database.js';
import { expenditureItems, personPolicyFacts, persons, users } from '../schema/index.js';

/*
 * Registry facts the policy engine needs beyond incomes and assets: per person (R15
 * exclusion, R53 self-care, R51 obligors) and per household (R47 rigid expenditure).
 *
 * The batch reads take ids, not a RegionScope: callers pass ids of households or persons
 * they have already resolved through a scoped query (findHousehold, the re-assessment
 * run's region). Each is one query with a single array parameter (`= ANY($1)`), so a batch
 * of thousands of ids does not become thousands of bind parameters.
 */

export type ExpenditureRow = typeof expenditureItems.$inferSelect;

/** A person_policy_facts row with its jsonb columns typed as the engine reads them. */
export interface PersonPolicyFactsRow {
  personId: string;
  countyCode: string;
  meansTestExclusion: MeansTestExclusion | null;
  selfCare: SelfCareFacts | null;
  /** null = not recorded; [] = recorded, no obligor */
  obligors: ObligorFacts[] | null;
  /** R56 供养方式; null = not recorded */
  support: SupportArrangementFacts | null;
  /** 多重残疾 categories with their grades; null = not recorded */
  disabilityComponents: DisabilityComponent[] | null;
  /** R43 jobs offered; null = not recorded */
  jobReferrals: JobReferralFacts[] | null;
  updatedBy: string | null;
  updatedAt: Date;
}


function toFactsRow(r: typeof personPolicyFacts.$inferSelect): PersonPolicyFactsRow {
  return {
    ...r,
    meansTestExclusion: (r.meansTestExclusion as MeansTestExclusion | null) ?? null,
    selfCare: (r.selfCare as SelfCareFacts | null) ?? null,
    obligors: (r.obligors as ObligorFacts[] | null) ?? null,
    support: (r.support as SupportArrangementFacts | null) ?? null,
    disabilityComponents: (r.disabilityComponents as DisabilityComponent[] | null) ?? null,
    jobReferrals: (r.jobReferrals as JobReferralFacts[] | null) ?? null,
  };
}

/** Policy facts of the given persons; persons with nothing recorded have no row. */
export async function listPersonPolicyFacts(db: Executor, personIds: readonly string[]): Promise<PersonPolicyFactsRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db.select().from(personPolicyFacts).where(anyUuid(personPolicyFacts.personId, personIds));
  return rows.map(toFactsRow);
}

/** Insert or replace a person's policy facts. */
export async function upsertPersonPolicyFacts(
  db: Executor,
  values: {
    personId: string;
    countyCode: string;
    meansTestExclusion: MeansTestExclusion | null;
    selfCare: SelfCareFacts | null;
    obligors: ObligorFacts[] | null;
    support: SupportArrangementFacts | null;
    disabilityComponents: DisabilityComponent[] | null;
    jobReferrals: JobReferralFacts[] | null;
    updatedBy: string | null;
    updatedAt: Date;
  },
): Promise<PersonPolicyFactsRow> {
  const { personId: _p, ...patch } = values;
  const [r] = await db
    .insert(personPolicyFacts)
    .values(values)
    .onConflictDoUpdate({ target: personPolicyFacts.personId, set: patch })
    .returning();
  return toFactsRow(r!);
}

/**
 * Rigid-expenditure items of the given households, with the member's name and the
 * recorder's display name (provenance), newest period first within a household.
 */
export async function listExpenditures(db: Executor, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({ item: expenditureItems, personName: persons.name, recordedByName: users.displayName })
    .from(expenditureItems)
    .leftJoin(persons, eq(persons.id, expenditureItems.personId))
    .leftJoin(users, eq(users.id, expenditureItems.recordedBy))
    .where(anyUuid(expenditureItems.householdId, householdIds))
    .orderBy(asc(expenditureItems.householdId), desc(expenditureItems.periodEnd), asc(expenditureItems.expenditureType), asc(expenditureItems.id));
}

export async function insertExpenditure(db: Executor, values: typeof expenditureItems.$inferInsert): Promise<ExpenditureRow> {
  const [r] = await db.insert(expenditureItems).values(values).returning();
  return r!;
}

/** Delete one item of the household; null when it is not there (or belongs to another household). */
export async function deleteExpenditure(db: Executor, householdId: string, id: string): Promise<ExpenditureRow | null> {
  const [r] = await db
    .delete(expenditureItems)
    .where(and(eq(expenditureItems.id, id), eq(expenditureItems.householdId, householdId)))
    .returning();
  return r ?? null;
}
