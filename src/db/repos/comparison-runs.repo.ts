/** Monthly comparison runs (issue 4 §6): the run row is the job's real state. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { comparisonRuns, users } from '../schema/index.js';

export type ComparisonRunRow = typeof comparisonRuns.$inferSelect;

export async function insertComparisonRun(db: Executor, row: typeof comparisonRuns.$inferInsert) {
  const [r] = await db.insert(comparisonRuns).values(row).returning();
  return r!;
}

export async function findComparisonRun(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(comparisonRuns).where(eq(comparisonRuns.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

export async function updateComparisonRun(db: Executor, id: string, patch: Partial<typeof comparisonRuns.$inferInsert>) {
  await db.update(comparisonRuns).set(patch).where(eq(comparisonRuns.id, id));
}

/** Runs whose region lies inside `scopeCode` (or on its path), newest first. */
export async function listComparisonRuns(db: Executor, scopeCode: string, limit = 50) {
  return db
    .select({ run: comparisonRuns, createdByName: users.displayName })
    .from(comparisonRuns)
    .leftJoin(users, eq(users.id, comparisonRuns.createdBy))
    .where(sql`(${comparisonRuns.regionCode} LIKE ${scopeCode + '%'} OR ${scopeCode} LIKE ${comparisonRuns.regionCode} || '%')`)
    .orderBy(desc(comparisonRuns.createdAt))
    .limit(limit);
}

export async function findCreatorName(db: Executor, userId: string | null) {
  if (!userId) return null;
  const [r] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return r?.name ?? null;
}

export async function findUnfinishedComparisonRunIds(db: Executor) {
  const rows = await db.select({ id: comparisonRuns.id }).from(comparisonRuns).where(inArray(comparisonRuns.status, ['QUEUED', 'RUNNING']));
  return rows.map((r) => r.id);
}

/** An unfinished run of the same region and period (a second start returns it). */
export async function findActiveComparisonRun(db: Executor, regionCode: string, period: string) {
  const [r] = await db
    .select()
    .from(comparisonRuns)
    .where(and(eq(comparisonRuns.regionCode, regionCode), eq(comparisonRuns.period, period), inArray(comparisonRuns.status, ['QUEUED', 'RUNNING'])))
    .limit(1);
  return r ?? null;
}

/** Any run (finished or not) of `period` over exactly `regionCode`: the monthly schedule starts one only when none exists. */
export async function findComparisonRunForPeriod(db: Executor, regionCode: string, period: string) {
  const [r] = await db
    .select({ id: comparisonRuns.id, status: comparisonRuns.status })
    .from(comparisonRuns)
    .where(and(eq(comparisonRuns.regionCode, regionCode), eq(comparisonRuns.period, period)))
    .limit(1);
  return r ?? null;
}
