/**
 * Registry import of households (issue 2 §9), the use case:
 *
 *   upload → import_batches (UPLOADED, sha256) + import_files → job 'registry.import-households@1'
 *   job    → VALIDATING: stream the sheet, check every row (import.rules.ts), then the whole file
 *          → APPLYING: one transaction — compare with the registry (import-plan.rules.ts),
 *            and either record every error (INVALID, nothing applied) or COPY the plan into
 *            staging tables, apply it set-based, append the audit events and mark APPLIED.
 *
 * Because the apply is a single transaction that also sets the final status, a crash at any
 * point leaves either nothing or everything; resumeImportBatches re-enqueues what was left
 * running, and running a finished batch again does nothing.
 */
import { findParameterInForce } from '../../db/repos/policy.repo.js';
import { createHash } from 'node:crypto';
import { newId } from '../../db/ids.js';
import { appendAudit, appendAuditBulk } from '../../db/repos/audit.repo.js';
import {
  findImportBatchForRun,
  findRegionsForImport,
  findRunningBatchByHash,
  findUnfinishedImportBatchIds,
  finishImportBatch,
  insertImportBatch,
  lockImportBatch,
  readImportFile,
  replaceImportErrors,
  updateRunningImportBatch,
  RUNNING_IMPORT_STATUSES,
  type ImportBatchRow,
} from '../../db/repos/imports.repo.js';
import { applyImportPlan, loadRegistrySnapshot, lockRegistryImport } from '../../db/repos/registry-bulk.repo.js';
import { AppError, isAppError } from '../../domain/errors.js';
import {
  cellsByKey,
  checkImportFile,
  collectRegionCodes,
  defaultIncomePeriod,
  isEmptyRow,
  isImportHeaderRow,
  mapImportHeader,
  shanghaiDate,
  sortImportViolations,
  validateImportRow,
  type ImportHeader,
  type ImportRecord,
  type ImportRecordPartial,
  type ImportViolation,
} from '../../domain/registry/import.rules.js';
import { checkAgainstRegistry, importColumnHeader, planImport } from '../../domain/registry/import-plan.rules.js';
import type { Actor, ServiceContext } from '../context.js';
import { sendImportHouseholdsJob } from './import-households.job.js';
import { readSpreadsheetRows, spreadsheetFormatOf } from './spreadsheet-reader.js';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';

export const IMPORT_KIND_HOUSEHOLDS = 'households';
/** Errors kept for the report; errorCount still counts them all. */
export const MAX_STORED_IMPORT_ERRORS = 100_000;
const PROGRESS_EVERY_ROWS = 1000;
/** The header row must appear within the first rows of the sheet. */
const HEADER_SEARCH_ROWS = 100;
const MAX_VALUE_LENGTH = 200;

export interface ImportBatchView {
  id: string;
  fileName: string;
  status: string;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  householdsCreated: number;
  householdsUpdated: number;
  membersCreated: number;
  membersUpdated: number;
  unchangedRows: number;
  failureCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toImportBatchView(b: ImportBatchRow): ImportBatchView {
  return {
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    totalRows: b.totalRows,
    processedRows: b.processedRows,
    errorCount: b.errorCount,
    householdsCreated: b.householdsCreated,
    householdsUpdated: b.householdsUpdated,
    membersCreated: b.membersCreated,
    membersUpdated: b.membersUpdated,
    unchangedRows: b.unchangedRows,
    failureCode: b.failureCode,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

const isRunning = (status: string) => (RUNNING_IMPORT_STATUSES as readonly string[]).includes(status);

/** 'C:\\fakepath\\名单.xlsx' → '名单.xlsx'. */
function baseName(fileName: string): string {
  const b = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return Array.from(b).slice(-200).join('');
}

/**
 * Store an uploaded file as a batch (status UPLOADED) and, when this process has a job
 * queue, enqueue its processing. Refuses files that are neither .xlsx nor .csv, empty
 * files, and a file identical to one still being processed in the same scope.
 */
export async function createImportBatch(
  ctx: ServiceContext,
  actor: Actor,
  input: { fileName: string; content: Buffer },
): Promise<ImportBatchView> {
  const { db } = ctx.database;
  const fileName = baseName(input.fileName);
  if (input.content.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
  spreadsheetFormatOf(fileName, input.content);
  const fileHash = createHash('sha256').update(input.content).digest('hex');
  const running = await findRunningBatchByHash(db, actor.scope, IMPORT_KIND_HOUSEHOLDS, fileHash);
  if (running) {
    throw new AppError('IMPORT_ALREADY_RUNNING', {
      message: `the same file is already being imported as batch ${running.id}`,
      details: [{ path: 'file', code: 'IMPORT_ALREADY_RUNNING', params: { batchId: running.id } }],
    });
  }
  const now = ctx.clock.now();
  const batch = await db.transaction(async (tx) => {
    const b = await insertImportBatch(
      tx,
      {
        kind: IMPORT_KIND_HOUSEHOLDS,
        fileName,
        fileHash,
        fileSize: input.content.length,
        status: 'UPLOADED',
        regionCode: actor.scope.regionCode,
        createdBy: actor.id,
        createdAt: now,
      },
      input.content,
    );
    await appendAudit(tx, [
      {
        at: now.toISOString(),
        actorId: actor.id,
        actorName: actor.displayName,
        action: 'import.upload',
        entityType: 'import_batch',
        entityId: b.id,
        countyCode: actor.scope.regionCode.length >= 6 ? actor.scope.regionCode.slice(0, 6) : null,
        source: 'IMPORT',
        after: { kind: IMPORT_KIND_HOUSEHOLDS, fileName, fileSize: input.content.length, fileHash },
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      },
    ]);
    return b;
  });
  if (ctx.jobs) await sendImportHouseholdsJob(ctx.jobs, { batchId: batch.id });
  return toImportBatchView(batch);
}

/** Re-enqueue batches left UPLOADED, VALIDATING or APPLYING (after a restart). Returns how many. */
export async function resumeImportBatches(ctx: ServiceContext): Promise<number> {
  if (!ctx.jobs) return 0;
  const ids = await findUnfinishedImportBatchIds(ctx.database.db, IMPORT_KIND_HOUSEHOLDS);
  for (const batchId of ids) await sendImportHouseholdsJob(ctx.jobs, { batchId });
  return ids.length;
}

/**
 * Validate and apply one batch, synchronously (the job handler, the demo generator and the
 * benchmark call it). A finished batch is returned as it is. An unexpected error marks the
 * batch FAILED with a failure code; it is reported through `onError`, not thrown.
 */
export async function runImportBatch(
  ctx: ServiceContext,
  batchId: string,
  opts: { onError?: (err: unknown) => void } = {},
): Promise<ImportBatchView> {
  const { db } = ctx.database;
  const batch = await findImportBatchForRun(db, batchId);
  if (!batch) throw new AppError('IMPORT_NOT_FOUND');
  if (!isRunning(batch.status)) return toImportBatchView(batch);
  try {
    await processBatch(ctx, batch);
    // PGlite has no autovacuum: keep the planner's statistics up to date after a bulk load.
    await refreshPlannerStatistics(ctx.database);
  } catch (err) {
    opts.onError?.(err);
    await updateRunningImportBatch(db, batchId, {
      status: 'FAILED',
      failureCode: isAppError(err) ? err.code : 'IMPORT_FAILED',
      finishedAt: ctx.clock.now(),
    });
  }
  return toImportBatchView((await findImportBatchForRun(db, batchId))!);
}

interface ParsedFile {
  records: ImportRecord[];
  partials: ImportRecordPartial[];
  violations: ImportViolation[];
  totalRows: number;
}

const FILE_ERRORS = new Set(['IMPORT_FILE_UNREADABLE', 'IMPORT_FILE_TYPE']);

async function parseFile(ctx: ServiceContext, batch: ImportBatchRow, content: Buffer): Promise<ParsedFile> {
  const today = shanghaiDate(batch.createdAt);
  // R18: the income window is P04 months, read from the parameters in force (never assumed).
  const p04 = await findParameterInForce(ctx.database.db, 'P04', batch.regionCode, today);
  if (!p04 || typeof p04.value !== 'number') {
    throw new AppError('POLICY_PARAMETER_MISSING', { message: 'P04 (income window) is not configured', details: [{ path: 'P04', code: 'POLICY_PARAMETER_MISSING', params: { code: 'P04' } }] });
  }
  const rowOpts = { today, incomePeriod: defaultIncomePeriod(today, p04.value) };
  const out: ParsedFile = { records: [], partials: [], violations: [], totalRows: 0 };
  let header: ImportHeader | null = null;
  let headerRowNo = 0;
  let scanned = 0;
  let fileError = false;
  let nextProgress = PROGRESS_EVERY_ROWS;
  try {
    reading: for await (const rows of readSpreadsheetRows(batch.fileName, content)) {
      for (const row of rows) {
        if (!header) {
          if (isImportHeaderRow(row.values)) {
            header = mapImportHeader(row.values, row.rowNo);
            headerRowNo = row.rowNo;
            out.violations.push(...header.violations);
            if (header.violations.some((v) => v.code === 'IMPORT_COLUMN_MISSING')) break reading;
          } else if (++scanned >= HEADER_SEARCH_ROWS) break reading;
          continue;
        }
        // The next worksheet (e.g. 填写说明) starts again at row 1: only the data sheet is read.
        if (row.rowNo <= headerRowNo) break reading;
        if (isEmptyRow(row.values)) continue;
        out.totalRows += 1;
        const r = validateImportRow(row.rowNo, cellsByKey(header, row.values), rowOpts);
        if (r.ok) out.records.push(r.value);
        else {
          out.partials.push(r.partial);
          for (const v of r.violations) out.violations.push(v);
        }
      }
      if (out.totalRows >= nextProgress) {
        nextProgress = out.totalRows + PROGRESS_EVERY_ROWS;
        await updateRunningImportBatch(ctx.database.db, batch.id, { processedRows: out.totalRows });
      }
    }
  } catch (e) {
    if (!isAppError(e) || !FILE_ERRORS.has(e.code)) throw e;
    out.violations.push({ rowNo: 0, path: '', code: e.code, value: null });
    fileError = true;
  }
  if (!fileError && !header) out.violations.push({ rowNo: 0, path: '', code: 'IMPORT_HEADER_NOT_FOUND', value: null });
  else if (!fileError && header && header.violations.length === 0 && out.totalRows === 0) {
    out.violations.push({ rowNo: headerRowNo, path: '', code: 'IMPORT_NO_ROWS', value: null });
  }
  return out;
}

function distinct<T>(values: Iterable<T | undefined>): T[] {
  const s = new Set<T>();
  for (const v of values) if (v !== undefined) s.add(v);
  return [...s];
}

function toErrorInput(v: ImportViolation) {
  return {
    rowNo: v.rowNo,
    column: importColumnHeader(v.path),
    code: v.code,
    params: v.params ?? null,
    value: v.value === null ? null : Array.from(v.value).slice(0, MAX_VALUE_LENGTH).join(''),
  };
}

async function processBatch(ctx: ServiceContext, batch: ImportBatchRow & { createdByName: string | null }): Promise<void> {
  const { db } = ctx.database;
  await updateRunningImportBatch(db, batch.id, { status: 'VALIDATING', startedAt: ctx.clock.now(), processedRows: 0, totalRows: 0 });
  const content = await readImportFile(db, batch.id);
  if (!content) throw new AppError('IMPORT_FILE_MISSING', { message: `batch ${batch.id} has no stored file` });

  const parsed = await parseFile(ctx, batch, content);
  const rows: ImportRecordPartial[] = parsed.partials.length ? [...parsed.records, ...parsed.partials] : parsed.records;
  const regions = await findRegionsForImport(db, collectRegionCodes(rows));
  parsed.violations.push(
    ...checkImportFile(rows, { scopeRegionCode: batch.regionCode, regions: new Map(regions.map((r) => [r.code, r])) }),
  );
  await updateRunningImportBatch(db, batch.id, {
    processedRows: parsed.totalRows,
    totalRows: parsed.totalRows,
    ...(parsed.violations.length === 0 ? { status: 'APPLYING' } : {}),
  });

  const today = shanghaiDate(batch.createdAt);
  await ctx.database.rawTransaction(async (raw) => {
    await lockRegistryImport(raw);
    const status = await lockImportBatch(raw, batch.id);
    if (!status || !isRunning(status)) return; // finished by another run meanwhile
    const at = ctx.clock.now().toISOString();
    const snapshot = await loadRegistrySnapshot(raw, {
      idNumbers: distinct(rows.map((r) => r.idNumber)),
      householdNos: distinct(rows.map((r) => r.householdNo)),
    });
    const violations = parsed.violations.concat(checkAgainstRegistry(rows, snapshot, { scopeRegionCode: batch.regionCode }));
    if (violations.length > 0) {
      sortImportViolations(violations);
      await replaceImportErrors(raw, batch.id, violations.slice(0, MAX_STORED_IMPORT_ERRORS).map(toErrorInput));
      await finishImportBatch(raw, batch.id, { status: 'INVALID', totalRows: parsed.totalRows, errorCount: violations.length, finishedAt: at });
      return;
    }
    const plan = planImport(parsed.records, snapshot, { today, newId });
    await applyImportPlan(raw, plan, { at, actorId: batch.createdBy, sourceDetail: `导入文件“${batch.fileName}”` });
    await appendAuditBulk(
      raw,
      plan.audit.map((e) => ({
        at,
        actorId: batch.createdBy,
        actorName: batch.createdByName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        householdId: e.householdId,
        countyCode: e.countyCode,
        source: 'IMPORT',
        before: e.before,
        after: e.after,
        requestId: `import:${batch.id}`,
        ip: null,
      })),
    );
    await replaceImportErrors(raw, batch.id, []);
    await finishImportBatch(raw, batch.id, {
      status: 'APPLIED',
      totalRows: parsed.totalRows,
      errorCount: 0,
      finishedAt: at,
      ...plan.counts,
    });
  });
}
