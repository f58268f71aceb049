/**
 * Raising clues (issue 4 §3): insert-or-merge on the open cause (partial unique index
 * clues_open_cause_uq), the department records and households a warning evaluation reads.
 */
import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { clueEvents, clues, deptRecords, householdMembers, households } from '../schema/index.js';

export type ClueRow = typeof clues.$inferSelect;
export type ClueInsert = typeof clues.$inferInsert;

export async function findOpenClueByCause(db: Executor, causeKey: string): Promise<ClueRow | null> {
  const [r] = await db
    .select()
    .from(clues)
    .where(and(eq(clues.causeKey, causeKey), sql`${clues.status} <> 'CLOSED'`))
    .for('update');
  return r ?? null;
}

/** Insert a new open clue unless one with the same cause is open (then null: merge instead). */
export async function insertOpenClue(db: Executor, row: ClueInsert): Promise<ClueRow | null> {
  const [r] = await db
    .insert(clues)
    .values(row)
    .onConflictDoNothing({ target: clues.causeKey, where: sql`status <> 'CLOSED'` })
    .returning();
  return r ?? null;
}

export async function updateClue(db: Executor, id: string, patch: Partial<ClueInsert>) {
  await db.update(clues).set(patch).where(eq(clues.id, id));
}

export async function insertClueEvents(db: Executor, rows: (typeof clueEvents.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(clueEvents).values(rows);
}

/** Evidence record ids of CLOSED clues per cause: a record already handled does not raise the cause again. */
export async function listClosedEvidence(db: Executor, causeKeys: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (causeKeys.length === 0) return out;
  const rows = await db
    .select({ causeKey: clues.causeKey, evidence: clues.evidence })
    .from(clues)
    .where(and(inArray(clues.causeKey, causeKeys), eq(clues.status, 'CLOSED')));
  for (const r of rows) {
    const set = out.get(r.causeKey) ?? new Set<string>();
    const ids = (r.evidence as { recordIds?: unknown }).recordIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') set.add(id);
    out.set(r.causeKey, set);
  }
  return out;
}

/** Active households of these persons (their current, active membership). */
export async function findHouseholdIdsOfPersons(db: Executor, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: householdMembers.householdId })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(inArray(householdMembers.personId, personIds), eq(householdMembers.active, true), eq(households.status, 'ACTIVE')))
    .orderBy(asc(householdMembers.householdId));
  return rows.map((r) => r.id);
}

/** Matched department records of these persons dated on or after `since` (undated: received on or after). */
export async function loadDeptRecordsOfPersons(db: Executor, personIds: string[], since: string, sources: readonly string[]) {
  if (personIds.length === 0 || sources.length === 0) return [];
  return db
    .select({
      id: deptRecords.id,
      sourceCode: deptRecords.sourceCode,
      personId: deptRecords.personId,
      eventDate: deptRecords.eventDate,
      amountFen: deptRecords.amountFen,
      data: deptRecords.data,
      receivedAt: deptRecords.receivedAt,
    })
    .from(deptRecords)
    .where(
      and(
        inArray(deptRecords.personId, personIds),
        isNotNull(deptRecords.personId),
        eq(deptRecords.matchStatus, 'MATCHED'),
        inArray(deptRecords.sourceCode, [...sources]),
        or(gte(deptRecords.eventDate, since), and(sql`${deptRecords.eventDate} IS NULL`, gte(deptRecords.receivedAt, new Date(`${since}T00:00:00+08:00`)))),
      ),
    )
    .orderBy(asc(deptRecords.eventDate), asc(deptRecords.id));
}
