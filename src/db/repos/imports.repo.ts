import { and, asc, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor, RawTx } from '../database.js';
import { toCopyRows } from '../copy-rows.js';
import { importBatches, importErrors, importFiles, regions, users } from '../schema/index.js';

export type ImportBatchRow = typeof importBatches.$inferSelect;
export type ImportErrorRow = typeof importErrors.$inferSelect;

/** Statuses of a batch that is still to be (or being) processed. */
export const RUNNING_IMPORT_STATUSES = ['UPLOADED', 'VALIDATING', 'APPLYING'] as const;
const RUNNING = [...RUNNING_IMPORT_STATUSES] as string[];

export async function insertImportBatch(
  db: Executor,
  values: typeof importBatches.$inferInsert,
  content: Buffer,
): Promise<ImportBatchRow> {
  const [b] = await db.insert(importBatches).values(values).returning();
  // Sent as hex text and decoded by the server: PGlite's own bytea serialiser (and parser)
  // goes byte by byte in JavaScript and took seconds for a 10 MB file.
  await db.insert(importFiles).values({ batchId: b!.id, content: sql`decode(${content.toString('hex')}, 'hex')` });
  return b!;
}

/** Scoped: a batch created inside `scope` (another region's batch is "not found"). */
export async function findImportBatch(db: Executor, scope: RegionScope, id: string): Promise<ImportBatchRow | null> {
  const [b] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), like(importBatches.regionCode, `${scope.regionCode}%`)));
  return b ?? null;
}

/** Unscoped, for the job that processes the batch; with the uploader's display name for the audit trail. */
export async function findImportBatchForRun(db: Executor, id: string): Promise<(ImportBatchRow & { createdByName: string | null }) | null> {
  const [r] = await db
    .select({ batch: importBatches, createdByName: users.displayName })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(eq(importBatches.id, id));
  return r ? { ...r.batch, createdByName: r.createdByName } : null;
}

export async function listImportBatches(db: Executor, scope: RegionScope, kind: string, limit: number): Promise<ImportBatchRow[]> {
  return db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.kind, kind), like(importBatches.regionCode, `${scope.regionCode}%`)))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit);
}

/** A batch of the same file that is still running in the same scope. */
export async function findRunningBatchByHash(db: Executor, scope: RegionScope, kind: string, fileHash: string): Promise<ImportBatchRow | null> {
  const [b] = await db
    .select()
    .from(importBatches)
    .where(
      and(
        eq(importBatches.kind, kind),
        eq(importBatches.fileHash, fileHash),
        eq(importBatches.regionCode, scope.regionCode),
        inArray(importBatches.status, RUNNING),
      ),
    )
    .limit(1);
  return b ?? null;
}

/** Batches left unfinished (by a restart), oldest first. */
export async function findUnfinishedImportBatchIds(db: Executor, kind: string): Promise<string[]> {
  const rows = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.kind, kind), inArray(importBatches.status, RUNNING)))
    .orderBy(asc(importBatches.createdAt));
  return rows.map((r) => r.id);
}

export async function readImportFile(db: Executor, batchId: string): Promise<Buffer | null> {
  const [f] = await db
    .select({ hex: sql<string>`encode(${importFiles.content}, 'hex')` })
    .from(importFiles)
    .where(eq(importFiles.batchId, batchId));
  return f ? Buffer.from(f.hex, 'hex') : null;
}

/** Update a batch that is still running; a finished batch (APPLIED, INVALID, FAILED) is left alone. */
export async function updateRunningImportBatch(
  db: Executor,
  id: string,
  patch: Partial<Pick<ImportBatchRow, 'status' | 'processedRows' | 'totalRows' | 'startedAt' | 'finishedAt' | 'failureCode' | 'errorCount'>>,
): Promise<boolean> {
  const r = await db
    .update(importBatches)
    .set(patch)
    .where(and(eq(importBatches.id, id), inArray(importBatches.status, RUNNING)))
    .returning({ id: importBatches.id });
  return r.length > 0;
}

export async function countImportErrors(db: Executor, batchId: string): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(importErrors).where(eq(importErrors.batchId, batchId));
  return c?.n ?? 0;
}

export async function listImportErrors(db: Executor, batchId: string, limit: number, offset: number): Promise<ImportErrorRow[]> {
  return db
    .select()
    .from(importErrors)
    .where(eq(importErrors.batchId, batchId))
    .orderBy(asc(importErrors.id))
    .limit(limit)
    .offset(offset);
}

/** Keyset page for long reports. */
export async function listImportErrorsAfter(db: Executor, batchId: string, afterId: number, limit: number): Promise<ImportErrorRow[]> {
  return db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.batchId, batchId), gt(importErrors.id, afterId)))
    .orderBy(asc(importErrors.id))
    .limit(limit);
}

/** Regions by code, unscoped (the import rules check the scope and report each code). */
export async function findRegionsForImport(db: Executor, codes: string[]): Promise<{ code: string; level: number; active: boolean }[]> {
  if (codes.length === 0) return [];
  const out: { code: string; level: number; active: boolean }[] = [];
  for (let i = 0; i < codes.length; i += 5000) {
    out.push(
      ...(await db
        .select({ code: regions.code, level: regions.level, active: regions.active })
        .from(regions)
        .where(inArray(regions.code, codes.slice(i, i + 5000)))),
    );
  }
  return out;
}

/** The first active village (level 5) inside the scope, for the template's example row. */
export async function findFirstVillage(db: Executor, scope: RegionScope): Promise<{ code: string; name: string } | null> {
  const [r] = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, 5), eq(regions.active, true), like(regions.code, `${scope.regionCode}%`)))
    .orderBy(asc(regions.code))
    .limit(1);
  return r ?? null;
}

// ---------------------------------------------------------------------------------------
// Inside the apply transaction (RawTx)

/** Lock the batch row for the rest of the transaction and return its status. */
export async function lockImportBatch(raw: RawTx, id: string): Promise<string | null> {
  const [r] = await raw.query<{ status: string }>('SELECT status FROM import_batches WHERE id = $1 FOR UPDATE', [id]);
  return r?.status ?? null;
}

export interface ImportErrorInput {
  rowNo: number;
  column: string;
  code: string;
  params: Record<string, unknown> | null;
  value: string | null;
}

/** Replace the batch's errors (a re-run starts clean) with COPY. */
export async function replaceImportErrors(raw: RawTx, batchId: string, errors: readonly ImportErrorInput[]): Promise<void> {
  await raw.query('DELETE FROM import_errors WHERE batch_id = $1', [batchId]);
  for (let i = 0; i < errors.length; i += 20_000) {
    const rows = errors.slice(i, i + 20_000).map((e) => [batchId, e.rowNo, e.column, e.code, e.params === null ? null : JSON.stringify(e.params), e.value]);
    await raw.copy('import_errors', ['batch_id', 'row_no', '"column"', 'code', 'params', 'value'], toCopyRows(rows));
  }
}

export interface ImportBatchOutcome {
  status: 'INVALID' | 'APPLIED';
  totalRows: number;
  errorCount: number;
  finishedAt: string;
  householdsCreated?: number;
  householdsUpdated?: number;
  membersCreated?: number;
  membersUpdated?: number;
  unchangedRows?: number;
}

export async function finishImportBatch(raw: RawTx, id: string, o: ImportBatchOutcome): Promise<void> {
  await raw.query(
    `UPDATE import_batches SET status = $2, total_rows = $3, processed_rows = $3, error_count = $4, finished_at = $5,
       households_created = $6, households_updated = $7, members_created = $8, members_updated = $9, unchanged_rows = $10,
       failure_code = NULL
     WHERE id = $1`,
    [
      id, o.status, o.totalRows, o.errorCount, o.finishedAt,
      o.householdsCreated ?? 0, o.householdsUpdated ?? 0, o.membersCreated ?? 0, o.membersUpdated ?? 0, o.unchangedRows ?? 0,
    ],
  );
}
