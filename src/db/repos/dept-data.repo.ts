/**
 * Department data (issue 4 §1–§2): field mappings, API keys, batches with their errors and
 * records, and the lookups the apply step needs (registry persons by identity number, facts
 * already recorded). Department data is province-wide; record lists take a county prefix.
 */
import { and, asc, desc, eq, gt, inArray, isNull, like, sql, type Column } from 'drizzle-orm';
import type { Executor } from '../database.js';
import {
  assets,
  deptApiKeys,
  deptBatchErrors,
  deptBatches,
  deptFieldMappings,
  deptRecords,
  expenditureItems,
  householdCategories,
  householdMembers,
  households,
  incomeItems,
  persons,
  users,
} from '../schema/index.js';

export type DeptMappingRow = typeof deptFieldMappings.$inferSelect;
export type DeptApiKeyRow = typeof deptApiKeys.$inferSelect;
export type DeptBatchRow = typeof deptBatches.$inferSelect;
export type DeptBatchErrorRow = typeof deptBatchErrors.$inferSelect;
export type DeptRecordRow = typeof deptRecords.$inferSelect;

/** Statuses of a batch still to be (or being) processed. */
export const RUNNING_DEPT_BATCH_STATUSES = ['RECEIVED', 'VALIDATING', 'APPLYING'] as const;
const RUNNING = [...RUNNING_DEPT_BATCH_STATUSES] as string[];

function anyText(column: Column, values: readonly string[]) {
  return sql`${column} = ANY(${sql.param([...values])}::text[])`;
}

// ---- mappings ------------------------------------------------------------------------

export async function findLatestDeptMapping(db: Executor, sourceCode: string): Promise<DeptMappingRow | null> {
  const [r] = await db
    .select()
    .from(deptFieldMappings)
    .where(eq(deptFieldMappings.sourceCode, sourceCode))
    .orderBy(desc(deptFieldMappings.version))
    .limit(1);
  return r ?? null;
}

export async function findDeptMappingVersion(db: Executor, sourceCode: string, version: number): Promise<DeptMappingRow | null> {
  const [r] = await db
    .select()
    .from(deptFieldMappings)
    .where(and(eq(deptFieldMappings.sourceCode, sourceCode), eq(deptFieldMappings.version, version)));
  return r ?? null;
}

/** Latest version per source (sources never saved have no row). */
export async function listLatestDeptMappingVersions(db: Executor): Promise<{ sourceCode: string; version: number }[]> {
  return db
    .select({ sourceCode: deptFieldMappings.sourceCode, version: sql<number>`max(${deptFieldMappings.version})::int` })
    .from(deptFieldMappings)
    .groupBy(deptFieldMappings.sourceCode);
}

export async function listDeptMappingHistory(db: Executor, sourceCode: string) {
  return db
    .select({ mapping: deptFieldMappings, createdByName: users.displayName })
    .from(deptFieldMappings)
    .leftJoin(users, eq(users.id, deptFieldMappings.createdBy))
    .where(eq(deptFieldMappings.sourceCode, sourceCode))
    .orderBy(desc(deptFieldMappings.version));
}

/** Insert the next version under a per-source lock (two saves at once get consecutive versions). */
export async function insertDeptMappingVersion(
  db: Executor,
  values: { sourceCode: string; mapping: Record<string, string>; note: string | null; createdBy: string | null; createdAt: Date },
): Promise<DeptMappingRow> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'dept-mapping:' + values.sourceCode}))`);
  const [m] = await db
    .select({ v: sql<number>`coalesce(max(${deptFieldMappings.version}), 0)::int` })
    .from(deptFieldMappings)
    .where(eq(deptFieldMappings.sourceCode, values.sourceCode));
  const [r] = await db
    .insert(deptFieldMappings)
    .values({ ...values, version: (m?.v ?? 0) + 1 })
    .returning();
  return r!;
}

// ---- API keys ------------------------------------------------------------------------

export async function insertDeptApiKey(db: Executor, values: typeof deptApiKeys.$inferInsert): Promise<DeptApiKeyRow> {
  const [r] = await db.insert(deptApiKeys).values(values).returning();
  return r!;
}

export async function listDeptApiKeys(db: Executor) {
  return db
    .select({ key: deptApiKeys, createdByName: users.displayName })
    .from(deptApiKeys)
    .leftJoin(users, eq(users.id, deptApiKeys.createdBy))
    .orderBy(desc(deptApiKeys.createdAt));
}

export async function revokeDeptApiKey(db: Executor, id: string, at: Date): Promise<DeptApiKeyRow | null> {
  const [r] = await db
    .update(deptApiKeys)
    .set({ revokedAt: sql`coalesce(${deptApiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(deptApiKeys.id, id))
    .returning();
  return r ?? null;
}

/** An active key by its hash, stamping last_used_at. */
export async function useDeptApiKey(db: Executor, keyHash: string, at: Date): Promise<DeptApiKeyRow | null> {
  const [r] = await db
    .update(deptApiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(deptApiKeys.keyHash, keyHash), isNull(deptApiKeys.revokedAt)))
    .returning();
  return r ?? null;
}

// ---- batches -------------------------------------------------------------------------

const BATCH_COLUMNS = {
  id: deptBatches.id,
  sourceCode: deptBatches.sourceCode,
  channel: deptBatches.channel,
  fileName: deptBatches.fileName,
  contentHash: deptBatches.contentHash,
  mappingVersion: deptBatches.mappingVersion,
  status: deptBatches.status,
  totalRows: deptBatches.totalRows,
  processedRows: deptBatches.processedRows,
  matched: deptBatches.matched,
  unmatched: deptBatches.unmatched,
  mismatched: deptBatches.mismatched,
  errorCount: deptBatches.errorCount,
  factsApplied: deptBatches.factsApplied,
  cluesRaised: deptBatches.cluesRaised,
  failureCode: deptBatches.failureCode,
  uploadedBy: deptBatches.uploadedBy,
  apiKeyId: deptBatches.apiKeyId,
  receivedAt: deptBatches.receivedAt,
  finishedAt: deptBatches.finishedAt,
};
/** A batch without its content, with who sent it. */
export type DeptBatchInfo = Omit<DeptBatchRow, 'content'> & { uploadedByName: string | null; apiKeyLabel: string | null; apiKeyDepartment: string | null };

function batchQuery(db: Executor) {
  return db
    .select({ ...BATCH_COLUMNS, uploadedByName: users.displayName, apiKeyLabel: deptApiKeys.label, apiKeyDepartment: deptApiKeys.department })
    .from(deptBatches)
    .leftJoin(users, eq(users.id, deptBatches.uploadedBy))
    .leftJoin(deptApiKeys, eq(deptApiKeys.id, deptBatches.apiKeyId));
}

/** Insert a batch unless the same content of the same source is there; returns [batch, created]. */
export async function insertDeptBatch(
  db: Executor,
  values: Omit<typeof deptBatches.$inferInsert, 'content'>,
  content: Buffer,
): Promise<[DeptBatchInfo, boolean]> {
  const inserted = await db
    .insert(deptBatches)
    .values({ ...values, content: sql`decode(${content.toString('hex')}, 'hex')` as unknown as Buffer })
    .onConflictDoNothing({ target: [deptBatches.sourceCode, deptBatches.contentHash] })
    .returning({ id: deptBatches.id });
  const [b] = await batchQuery(db).where(and(eq(deptBatches.sourceCode, values.sourceCode), eq(deptBatches.contentHash, values.contentHash)));
  return [b!, inserted.length > 0];
}

export async function findDeptBatch(db: Executor, id: string): Promise<DeptBatchInfo | null> {
  const [b] = await batchQuery(db).where(eq(deptBatches.id, id));
  return b ?? null;
}

export async function listDeptBatches(db: Executor, filter: { sourceCode?: string | undefined }, limit: number): Promise<DeptBatchInfo[]> {
  return batchQuery(db)
    .where(filter.sourceCode ? eq(deptBatches.sourceCode, filter.sourceCode) : undefined)
    .orderBy(desc(deptBatches.receivedAt), desc(deptBatches.id))
    .limit(limit);
}

export async function readDeptBatchContent(db: Executor, id: string): Promise<Buffer | null> {
  const [r] = await db.select({ hex: sql<string | null>`encode(${deptBatches.content}, 'hex')` }).from(deptBatches).where(eq(deptBatches.id, id));
  return r?.hex ? Buffer.from(r.hex, 'hex') : null;
}

export async function findUnfinishedDeptBatchIds(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: deptBatches.id })
    .from(deptBatches)
    .where(inArray(deptBatches.status, RUNNING))
    .orderBy(asc(deptBatches.receivedAt));
  return rows.map((r) => r.id);
}

export type DeptBatchPatch = Partial<
  Pick<DeptBatchRow, 'status' | 'totalRows' | 'processedRows' | 'matched' | 'unmatched' | 'mismatched' | 'errorCount' | 'factsApplied' | 'cluesRaised' | 'failureCode' | 'finishedAt'>
>;

/** Update a batch still running; a finished one is left alone. */
export async function updateRunningDeptBatch(db: Executor, id: string, patch: DeptBatchPatch): Promise<boolean> {
  const r = await db
    .update(deptBatches)
    .set(patch)
    .where(and(eq(deptBatches.id, id), inArray(deptBatches.status, RUNNING)))
    .returning({ id: deptBatches.id });
  return r.length > 0;
}

/**
 * Re-open a finished batch that stored nothing: FAILED (any mapping), or INVALID when the
 * mapping has changed since (the same file is read again with the new column names).
 */
export async function reopenDeptBatch(db: Executor, id: string, mappingVersion: number): Promise<boolean> {
  const r = await db
    .update(deptBatches)
    .set({ status: 'RECEIVED', failureCode: null, finishedAt: null, processedRows: 0, errorCount: 0, mappingVersion })
    .where(
      and(
        eq(deptBatches.id, id),
        sql`(${deptBatches.status} = 'FAILED' OR (${deptBatches.status} = 'INVALID' AND ${deptBatches.mappingVersion} IS DISTINCT FROM ${mappingVersion}))`,
      ),
    )
    .returning({ id: deptBatches.id });
  return r.length > 0;
}

/** Lock the batch row for the rest of the transaction; its status. */
export async function lockDeptBatch(db: Executor, id: string): Promise<string | null> {
  const [r] = await db.select({ status: deptBatches.status }).from(deptBatches).where(eq(deptBatches.id, id)).for('update');
  return r?.status ?? null;
}

export async function finishDeptBatch(db: Executor, id: string, patch: DeptBatchPatch & { status: string; finishedAt: Date }): Promise<void> {
  await db.update(deptBatches).set({ failureCode: null, ...patch }).where(eq(deptBatches.id, id));
}

// ---- errors --------------------------------------------------------------------------

export interface DeptBatchErrorInput {
  rowNo: number;
  column: string;
  code: string;
  params: Record<string, unknown> | null;
  value: string | null;
}

export async function replaceDeptBatchErrors(db: Executor, batchId: string, errors: readonly DeptBatchErrorInput[]): Promise<void> {
  await db.delete(deptBatchErrors).where(eq(deptBatchErrors.batchId, batchId));
  for (let i = 0; i < errors.length; i += 2000) {
    await db.insert(deptBatchErrors).values(errors.slice(i, i + 2000).map((e) => ({ batchId, ...e })));
  }
}

export async function listDeptBatchErrors(db: Executor, batchId: string, limit: number, offset: number): Promise<DeptBatchErrorRow[]> {
  return db
    .select()
    .from(deptBatchErrors)
    .where(eq(deptBatchErrors.batchId, batchId))
    .orderBy(asc(deptBatchErrors.rowNo), asc(deptBatchErrors.column))
    .limit(limit)
    .offset(offset);
}

export async function countDeptBatchErrors(db: Executor, batchId: string): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(deptBatchErrors).where(eq(deptBatchErrors.batchId, batchId));
  return c?.n ?? 0;
}

// ---- records -------------------------------------------------------------------------

export async function insertDeptRecords(db: Executor, rows: readonly (typeof deptRecords.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(deptRecords).values(rows.slice(i, i + 1000));
}

/** Records of a batch, limited to counties under `countyPrefix` ('' = all, unmatched included). */
export async function listDeptRecords(db: Executor, batchId: string, countyPrefix: string, limit: number, offset: number) {
  const where = and(eq(deptRecords.batchId, batchId), countyPrefix ? like(deptRecords.countyCode, `${countyPrefix}%`) : undefined);
  const [items, [c]] = await Promise.all([
    db.select().from(deptRecords).where(where).orderBy(asc(deptRecords.rowNo)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(deptRecords).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

export async function listDeptRecordsAfter(db: Executor, batchId: string, afterRowNo: number, limit: number) {
  return db
    .select()
    .from(deptRecords)
    .where(and(eq(deptRecords.batchId, batchId), gt(deptRecords.rowNo, afterRowNo)))
    .orderBy(asc(deptRecords.rowNo))
    .limit(limit);
}

// ---- matching and facts ----------------------------------------------------------------

export interface RegistryMatch {
  personId: string;
  idNumber: string;
  name: string;
  birthDate: string;
  householdId: string;
  countyCode: string;
}

/** Persons with an active membership of an active household, by identity number. */
export async function findPersonsForDeptMatch(db: Executor, idNumbers: readonly string[]): Promise<RegistryMatch[]> {
  if (idNumbers.length === 0) return [];
  const out: RegistryMatch[] = [];
  for (let i = 0; i < idNumbers.length; i += 5000) {
    out.push(
      ...(await db
        .select({
          personId: persons.id,
          idNumber: persons.idNumber,
          name: persons.name,
          birthDate: persons.birthDate,
          householdId: households.id,
          countyCode: households.countyCode,
        })
        .from(persons)
        .innerJoin(householdMembers, and(eq(householdMembers.personId, persons.id), eq(householdMembers.active, true)))
        .innerJoin(households, eq(households.id, householdMembers.householdId))
        .where(and(anyText(persons.idNumber, idNumbers.slice(i, i + 5000)), eq(households.status, 'ACTIVE')))),
    );
  }
  return out;
}

/** Lock the households about to change, in id order (no deadlock with another batch). */
export async function lockHouseholdsForDept(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`SELECT id FROM households WHERE id = ANY(${sql.param([...ids].sort())}::uuid[]) ORDER BY id FOR UPDATE`);
}

export async function findPersonFacts(db: Executor, personId: string) {
  const [p] = await db
    .select({
      name: persons.name,
      disabilityCategory: persons.disabilityCategory,
      disabilityGrade: persons.disabilityGrade,
      healthStatus: persons.healthStatus,
      seriousIllness: persons.seriousIllness,
      employment: persons.employment,
      studentStage: persons.studentStage,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  return p ?? null;
}

/** An identical department expenditure item already recorded (idempotent apply). */
export async function hasSameDeptExpenditure(
  db: Executor,
  v: { householdId: string; personId: string; expenditureType: string; periodStart: string; periodEnd: string; amountFen: number },
): Promise<boolean> {
  const r = await db
    .select({ id: expenditureItems.id })
    .from(expenditureItems)
    .where(
      and(
        eq(expenditureItems.householdId, v.householdId),
        eq(expenditureItems.personId, v.personId),
        eq(expenditureItems.expenditureType, v.expenditureType),
        eq(expenditureItems.periodStart, v.periodStart),
        eq(expenditureItems.periodEnd, v.periodEnd),
        eq(expenditureItems.amountFen, v.amountFen),
        eq(expenditureItems.source, 'DEPARTMENT'),
      ),
    )
    .limit(1);
  return r.length > 0;
}

export async function hasSameDeptIncome(
  db: Executor,
  v: { householdId: string; personId: string; incomeType: string; periodStart: string; periodEnd: string; amountFen: number },
): Promise<boolean> {
  const r = await db
    .select({ id: incomeItems.id })
    .from(incomeItems)
    .where(
      and(
        eq(incomeItems.householdId, v.householdId),
        eq(incomeItems.personId, v.personId),
        eq(incomeItems.incomeType, v.incomeType),
        eq(incomeItems.periodStart, v.periodStart),
        eq(incomeItems.periodEnd, v.periodEnd),
        eq(incomeItems.amountFen, v.amountFen),
        eq(incomeItems.source, 'DEPARTMENT'),
      ),
    )
    .limit(1);
  return r.length > 0;
}

/** A department asset of the person with the same key (plate, certificate, credit code). */
export async function hasSameDeptAsset(db: Executor, v: { householdId: string; personId: string; assetType: string; assetKey: string }): Promise<boolean> {
  const r = await db
    .select({ id: assets.id })
    .from(assets)
    .where(
      and(
        eq(assets.householdId, v.householdId),
        eq(assets.personId, v.personId),
        eq(assets.assetType, v.assetType),
        eq(assets.source, 'DEPARTMENT'),
        sql`${assets.details} ->> 'assetKey' = ${v.assetKey}`,
      ),
    )
    .limit(1);
  return r.length > 0;
}

/** The household's open category item (whole household), if any. */
export async function findOpenHouseholdCategory(db: Executor, householdId: string, category: string) {
  const [r] = await db
    .select()
    .from(householdCategories)
    .where(
      and(
        eq(householdCategories.householdId, householdId),
        eq(householdCategories.category, category),
        isNull(householdCategories.effectiveTo),
      ),
    )
    .orderBy(desc(householdCategories.effectiveFrom))
    .limit(1);
  return r ?? null;
}
