/** Batch re-assessment runs (issue 3 §6): the run row is the job's real state. */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { CopyWriter } from '../copy-rows.js';
import { copyInTransaction, type Executor, type Tx } from '../database.js';
import { reassessmentResults, reassessmentRuns, regions, users } from '../schema/index.js';

const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((v) => sql`${v}::uuid`), sql`, `)}]::uuid[]`;

export type ReassessmentRunRow = typeof reassessmentRuns.$inferSelect;
export type ReassessmentResultInsert = typeof reassessmentResults.$inferInsert;

export async function insertReassessmentRun(db: Executor, row: typeof reassessmentRuns.$inferInsert) {
  const [r] = await db.insert(reassessmentRuns).values(row).returning();
  return r!;
}

export async function findReassessmentRun(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(reassessmentRuns).where(eq(reassessmentRuns.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

export async function updateReassessmentRun(db: Executor, id: string, patch: Partial<typeof reassessmentRuns.$inferInsert>) {
  await db.update(reassessmentRuns).set(patch).where(eq(reassessmentRuns.id, id));
}

/** Runs whose region lies inside `scopeCode` (or on its path), newest first. */
export async function listReassessmentRuns(db: Executor, scopeCode: string, limit = 50) {
  return db
    .select({ run: reassessmentRuns, createdByName: users.displayName })
    .from(reassessmentRuns)
    .leftJoin(users, eq(users.id, reassessmentRuns.createdBy))
    .where(sql`(${reassessmentRuns.regionCode} LIKE ${scopeCode + '%'} OR ${scopeCode} LIKE ${reassessmentRuns.regionCode} || '%')`)
    .orderBy(desc(reassessmentRuns.createdAt))
    .limit(limit);
}

export async function findRegionName(db: Executor, code: string) {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return r?.name ?? null;
}

export async function findUnfinishedReassessmentRunIds(db: Executor) {
  const rows = await db
    .select({ id: reassessmentRuns.id })
    .from(reassessmentRuns)
    .where(inArray(reassessmentRuns.status, ['QUEUED', 'RUNNING']));
  return rows.map((r) => r.id);
}

/** An unfinished run for the same versions and mode (a second start is refused). */
export async function findActiveRunFor(db: Executor, mode: string, versionIds: string[]) {
  const [r] = await db
    .select({ id: reassessmentRuns.id })
    .from(reassessmentRuns)
    .where(
      and(
        eq(reassessmentRuns.mode, mode),
        inArray(reassessmentRuns.status, ['QUEUED', 'RUNNING']),
        sql`${reassessmentRuns.parameterVersionIds} @> ${uuidArray(versionIds)}`,
      ),
    )
    .limit(1);
  return r ?? null;
}

/** Latest finished WHAT_IF run over exactly these versions (an APPLY run repeats its figures). */
export async function findLatestWhatIf(db: Executor, versionIds: string[]) {
  const [r] = await db
    .select()
    .from(reassessmentRuns)
    .where(
      and(
        eq(reassessmentRuns.mode, 'WHAT_IF'),
        eq(reassessmentRuns.status, 'DONE'),
        sql`${reassessmentRuns.parameterVersionIds} @> ${uuidArray(versionIds)}`,
      ),
    )
    .orderBy(desc(reassessmentRuns.finishedAt))
    .limit(1);
  return r ?? null;
}

/** Latest APPLY run over these versions (any status): the what-if over them has been applied. */
export async function findLatestApply(db: Executor, versionIds: string[]) {
  const [r] = await db
    .select({ id: reassessmentRuns.id })
    .from(reassessmentRuns)
    .where(and(eq(reassessmentRuns.mode, 'APPLY'), sql`${reassessmentRuns.parameterVersionIds} @> ${uuidArray(versionIds)}`))
    .orderBy(desc(reassessmentRuns.createdAt))
    .limit(1);
  return r ?? null;
}

const RESULT_COPY_COLUMNS = ['run_id', 'household_id', 'county_code', 'before_classification', 'after_classification', 'before_amount_fen', 'after_amount_fen', 'change', 'yearly_diff_fen', 'error_code'];

/**
 * A chunk's results, by COPY in the chunk's transaction. A household's result is written once:
 * the chunk's transaction also moves the run's cursor past it. (An INSERT … SELECT unnest of one
 * array per column, ON CONFLICT DO NOTHING, cost the backend 18–19 µs per stored decision's
 * results against 9–15 µs by COPY, and the driver escaped each array element by element.)
 */
export async function insertReassessmentResults(tx: Tx, rows: ReassessmentResultInsert[]) {
  if (rows.length === 0) return;
  const w = new CopyWriter();
  for (const r of rows) {
    w.raw(r.runId).raw(r.householdId).text(r.countyCode).field(r.beforeClassification).text(r.afterClassification);
    w.field(r.beforeAmountFen ?? 0).field(r.afterAmountFen ?? 0).text(r.change).field(r.yearlyDiffFen ?? null).field(r.errorCode);
    w.endLine();
  }
  await copyInTransaction(tx, 'reassessment_results', RESULT_COPY_COLUMNS, w.finish());
}

export interface ChangeByCounty {
  countyCode: string;
  countyName: string | null;
  change: string;
  households: number;
  beforeFen: number;
  afterFen: number;
  /** over the next 12 months (see reassessment_results.yearly_diff_fen) */
  yearlyDiffFen: number;
}

/** Households and monthly amounts by county and kind of change. */
export async function summariseReassessmentResults(db: Executor, runId: string): Promise<ChangeByCounty[]> {
  const rows = await db
    .select({
      countyCode: reassessmentResults.countyCode,
      countyName: regions.name,
      change: reassessmentResults.change,
      households: sql<number>`count(*)::int`,
      beforeFen: sql<string>`coalesce(sum(${reassessmentResults.beforeAmountFen}), 0)::text`,
      afterFen: sql<string>`coalesce(sum(${reassessmentResults.afterAmountFen}), 0)::text`,
      yearlyDiffFen: sql<string>`coalesce(sum(coalesce(${reassessmentResults.yearlyDiffFen}, (${reassessmentResults.afterAmountFen} - ${reassessmentResults.beforeAmountFen}) * 12)), 0)::text`,
    })
    .from(reassessmentResults)
    .leftJoin(regions, eq(regions.code, reassessmentResults.countyCode))
    .where(eq(reassessmentResults.runId, runId))
    .groupBy(reassessmentResults.countyCode, regions.name, reassessmentResults.change)
    .orderBy(reassessmentResults.countyCode, reassessmentResults.change);
  return rows.map((r) => ({ ...r, beforeFen: Number(r.beforeFen), afterFen: Number(r.afterFen), yearlyDiffFen: Number(r.yearlyDiffFen) }));
}

export async function listReassessmentResultPage(db: Executor, runId: string, change: string | undefined, limit: number, offset: number) {
  return db
    .select()
    .from(reassessmentResults)
    .where(
      and(
        eq(reassessmentResults.runId, runId),
        // 'CHANGED': every household whose outcome moved (the default list of the run page).
        change === 'CHANGED' ? ne(reassessmentResults.change, 'UNCHANGED') : change ? eq(reassessmentResults.change, change) : undefined,
      ),
    )
    .orderBy(reassessmentResults.countyCode, reassessmentResults.householdId)
    .limit(limit)
    .offset(offset);
}
