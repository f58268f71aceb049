/**
 * Department data batches (issue 4 §2–§3), modelled on the registry import:
 *
 *   upload (.xlsx/.csv) or push (JSON) → dept_batches (RECEIVED, sha256 of the content;
 *   the same content of the same source is the same batch) → job 'monitoring.dept-batch@1'
 *   job → VALIDATING: every row checked (sources.ts parseDeptRow)
 *       → INVALID (row report, nothing stored) or APPLYING: one transaction that matches the
 *         rows to the registry, stores every row in dept_records, applies the facts of the
 *         matched rows (source DEPARTMENT, audited on the household), evaluates the warning
 *         rules for the persons concerned and marks the batch APPLIED.
 *
 * A crash leaves nothing or everything; resumeDeptBatches re-enqueues what was left running
 * and running a finished batch again does nothing.
 */
import { createHash } from 'node:crypto';
import { appendAudit, canonicalJson, type AuditInput } from '../../db/repos/audit.repo.js';
import {
  countDeptBatchErrors,
  findDeptBatch,
  findPersonsForDeptMatch,
  findUnfinishedDeptBatchIds,
  finishDeptBatch,
  insertDeptBatch,
  insertDeptRecords,
  listDeptBatchErrors as findDeptBatchErrors,
  listDeptBatches as findDeptBatches,
  listDeptRecords,
  lockDeptBatch,
  lockHouseholdsForDept,
  readDeptBatchContent,
  reopenDeptBatch,
  replaceDeptBatchErrors,
  updateRunningDeptBatch,
  RUNNING_DEPT_BATCH_STATUSES,
  type DeptBatchErrorInput,
  type DeptBatchInfo,
  type RegistryMatch,
} from '../../db/repos/dept-data.repo.js';
import type { Tx } from '../../db/database.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { formatMessage } from '../../domain/messages.zh-CN.js';
import {
  checkDeptHeader,
  columnOf,
  DEPARTMENT_LABELS,
  departmentMayPush,
  deptFactsOf,
  isDeptHeaderRow,
  matchDeptRecord,
  parseDeptRow,
  type Department,
  type DeptMatchStatus,
  type DeptSource,
  type NormalisedDeptRecord,
} from '../../domain/monitoring/sources.js';
import { cellText, normaliseHeader } from '../../domain/registry/cell-values.js';
import { maskIdNumber } from '../../domain/registry/mask.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { Actor, ServiceContext } from '../context.js';
import { readSpreadsheetRows, spreadsheetFormatOf } from '../registry/spreadsheet-reader.js';
import { sendDeptBatchJob } from './dept-batch.job.js';
import { applyDeptFacts } from './dept-apply.js';
import type { DeptKeyPrincipal } from './dept-keys.js';
import { currentDeptMapping, deptMappingVersion, requireDeptSource } from './dept-sources.js';
import { evaluateWarnings } from './evaluate-warnings.js';
import { reviewAfterDeptData } from '../policy/review-after-dept-data.js';

const PROGRESS_EVERY_ROWS = 1000;
const HEADER_SEARCH_ROWS = 100;
const MAX_STORED_ERRORS = 100_000;
const MAX_VALUE_LENGTH = 200;
export const MAX_PUSH_RECORDS = 50_000;

export interface DeptBatchView {
  id: string;
  sourceCode: string;
  channel: string;
  fileName: string | null;
  mappingVersion: number | null;
  status: string;
  totalRows: number;
  processedRows: number;
  matched: number;
  unmatched: number;
  mismatched: number;
  errorCount: number;
  factsApplied: number;
  cluesRaised: number;
  failureCode: string | null;
  sentBy: string | null;
  receivedAt: string;
  finishedAt: string | null;
  duplicate: boolean;
}

export function toDeptBatchView(b: DeptBatchInfo, duplicate = false): DeptBatchView {
  return {
    id: b.id,
    sourceCode: b.sourceCode,
    channel: b.channel,
    fileName: b.fileName,
    mappingVersion: b.mappingVersion,
    status: b.status,
    totalRows: b.totalRows,
    processedRows: b.processedRows,
    matched: b.matched,
    unmatched: b.unmatched,
    mismatched: b.mismatched,
    errorCount: b.errorCount,
    factsApplied: b.factsApplied,
    cluesRaised: b.cluesRaised,
    failureCode: b.failureCode,
    sentBy: b.uploadedByName ?? (b.apiKeyLabel ? `接口：${b.apiKeyLabel}` : null),
    receivedAt: b.receivedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    duplicate,
  };
}

/** Who a push is audited as: '医保局接口（医保局结算平台）'. */
function keyActorName(department: string | null, label: string | null): string {
  const name = department ? (DEPARTMENT_LABELS[department as Department] ?? department) : '部门';
  return `${name}接口（${label ?? ''}）`;
}

const isRunning = (status: string) => (RUNNING_DEPT_BATCH_STATUSES as readonly string[]).includes(status);

function baseName(fileName: string): string {
  const b = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return Array.from(b).slice(-200).join('');
}

interface Receipt {
  source: DeptSource;
  channel: 'UPLOAD' | 'API';
  fileName: string | null;
  content: Buffer;
  uploadedBy: Actor | null;
  apiKey: DeptKeyPrincipal | null;
}

/** Store a received batch (or find the one with the same content) and enqueue its processing. */
async function receiveDeptBatch(ctx: ServiceContext, r: Receipt): Promise<DeptBatchView> {
  const { db } = ctx.database;
  const contentHash = createHash('sha256').update(r.content).digest('hex');
  const now = ctx.clock.now();
  const { batch, created, reopened } = await db.transaction(async (tx) => {
    const { version } = await currentDeptMapping(tx, r.source);
    const [b, isNew] = await insertDeptBatch(
      tx,
      {
        sourceCode: r.source.code,
        channel: r.channel,
        fileName: r.fileName,
        contentHash,
        mappingVersion: version,
        status: 'RECEIVED',
        uploadedBy: r.uploadedBy?.id ?? null,
        apiKeyId: r.apiKey?.id ?? null,
        receivedAt: now,
      },
      r.content,
    );
    const again = !isNew && (b.status === 'FAILED' || b.status === 'INVALID') ? await reopenDeptBatch(tx, b.id, version) : false;
    if (isNew) {
      await appendAudit(tx, [
        {
          at: now.toISOString(),
          actorId: r.uploadedBy?.id ?? null,
          actorName: r.uploadedBy?.displayName ?? keyActorName(r.apiKey?.department ?? null, r.apiKey?.label ?? null),
          action: 'dept.batch-receive',
          entityType: 'dept_batch',
          entityId: b.id,
          source: 'DEPARTMENT',
          after: { sourceCode: r.source.code, channel: r.channel, fileName: r.fileName, size: r.content.length, contentHash, mappingVersion: version },
          requestId: ctx.requestId ?? null,
          ip: ctx.ip ?? null,
        },
      ]);
    }
    return { batch: b, created: isNew, reopened: again };
  });
  if ((created || reopened) && ctx.jobs) await sendDeptBatchJob(ctx.jobs, { batchId: batch.id });
  const fresh = reopened ? ((await findDeptBatch(db, batch.id)) ?? batch) : batch;
  return toDeptBatchView(fresh, !created);
}

/** A file uploaded by a department data clerk (multipart field sourceCode + file). */
export async function createDeptUpload(
  ctx: ServiceContext,
  actor: Actor,
  input: { sourceCode: string; fileName: string; content: Buffer },
): Promise<DeptBatchView> {
  const source = requireDeptSource(input.sourceCode);
  const fileName = baseName(input.fileName);
  if (input.content.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
  spreadsheetFormatOf(fileName, input.content);
  return receiveDeptBatch(ctx, { source, channel: 'UPLOAD', fileName, content: input.content, uploadedBy: actor, apiKey: null });
}

/** A JSON push with a department API key; the content hash is over the canonical JSON of the records. */
export async function pushDeptBatch(
  ctx: ServiceContext,
  key: DeptKeyPrincipal,
  sourceCode: string,
  records: readonly Record<string, unknown>[],
): Promise<DeptBatchView> {
  const source = requireDeptSource(sourceCode);
  if (!departmentMayPush(source, key.department)) {
    throw new AppError('DEPT_KEY_WRONG_SOURCE', { message: `a ${key.department} key may not push ${source.code}` });
  }
  if (records.length === 0) throw new AppError('DEPT_PUSH_EMPTY');
  if (records.length > MAX_PUSH_RECORDS) throw new AppError('DEPT_PUSH_TOO_MANY', { details: [{ path: 'records', code: 'DEPT_PUSH_TOO_MANY', params: { max: MAX_PUSH_RECORDS } }] });
  const content = Buffer.from(canonicalJson(records), 'utf8');
  return receiveDeptBatch(ctx, { source, channel: 'API', fileName: null, content, uploadedBy: null, apiKey: key });
}

/** Re-enqueue batches left RECEIVED, VALIDATING or APPLYING (after a restart). */
export async function resumeDeptBatches(ctx: ServiceContext): Promise<number> {
  if (!ctx.jobs) return 0;
  const ids = await findUnfinishedDeptBatchIds(ctx.database.db);
  for (const batchId of ids) await sendDeptBatchJob(ctx.jobs, { batchId });
  return ids.length;
}

/** Validate and apply one batch (the job body). Unexpected errors mark it FAILED and go to `onError`. */
export async function runDeptBatch(ctx: ServiceContext, batchId: string, opts: { onError?: (err: unknown) => void } = {}): Promise<DeptBatchView> {
  const { db } = ctx.database;
  const batch = await findDeptBatch(db, batchId);
  if (!batch) throw new AppError('DEPT_BATCH_NOT_FOUND');
  if (!isRunning(batch.status)) return toDeptBatchView(batch);
  try {
    await processDeptBatch(ctx, batch);
  } catch (err) {
    opts.onError?.(err);
    await updateRunningDeptBatch(db, batchId, {
      status: 'FAILED',
      failureCode: isAppError(err) ? err.code.slice(0, 48) : 'DEPT_BATCH_FAILED',
      finishedAt: ctx.clock.now(),
    });
  }
  return toDeptBatchView((await findDeptBatch(db, batchId))!);
}

interface ParsedRow {
  rowNo: number;
  record: NormalisedDeptRecord;
}
interface Parsed {
  rows: ParsedRow[];
  errors: DeptBatchErrorInput[];
  totalRows: number;
}

const FILE_ERRORS = new Set(['IMPORT_FILE_UNREADABLE', 'IMPORT_FILE_TYPE']);
const clip = (s: string) => Array.from(s).slice(0, MAX_VALUE_LENGTH).join('');

/** One raw row (their column → value): validate, keep the record or its errors. */
function takeRow(source: DeptSource, mapping: Record<string, string>, today: string, rowNo: number, raw: Record<string, unknown>, out: Parsed) {
  out.totalRows += 1;
  const r = parseDeptRow(source, mapping, raw, { today });
  if (r.ok) {
    out.rows.push({ rowNo, record: r.value });
    return;
  }
  for (const v of r.violations) {
    const wanted = normaliseHeader(v.path);
    const key = Object.keys(raw).find((k) => normaliseHeader(k) === wanted) ?? v.path;
    out.errors.push({ rowNo, column: v.path, code: v.code, params: v.params ?? null, value: raw[key] === undefined ? null : clip(cellText(raw[key])) });
  }
}

async function parseUpload(ctx: ServiceContext, batch: DeptBatchInfo, source: DeptSource, mapping: Record<string, string>, content: Buffer, today: string): Promise<Parsed> {
  const out: Parsed = { rows: [], errors: [], totalRows: 0 };
  let headers: string[] | null = null;
  let headerRowNo = 0;
  let scanned = 0;
  let nextProgress = PROGRESS_EVERY_ROWS;
  try {
    reading: for await (const rows of readSpreadsheetRows(batch.fileName ?? 'data.csv', content)) {
      for (const row of rows) {
        if (!headers) {
          if (isDeptHeaderRow(source, mapping, row.values)) {
            headers = row.values.map((v) => cellText(v));
            headerRowNo = row.rowNo;
            const missing = checkDeptHeader(source, mapping, headers);
            for (const v of missing) out.errors.push({ rowNo: row.rowNo, column: v.path, code: v.code, params: v.params ?? null, value: null });
            if (missing.length) break reading;
          } else if (++scanned >= HEADER_SEARCH_ROWS) break reading;
          continue;
        }
        if (row.rowNo <= headerRowNo) break reading; // the next worksheet
        if (row.values.every((v) => cellText(v) === '')) continue;
        const raw: Record<string, unknown> = {};
        headers.forEach((h, i) => {
          if (h !== '' && !(h in raw)) raw[h] = row.values[i];
        });
        takeRow(source, mapping, today, row.rowNo, raw, out);
      }
      if (out.totalRows >= nextProgress) {
        nextProgress = out.totalRows + PROGRESS_EVERY_ROWS;
        await updateRunningDeptBatch(ctx.database.db, batch.id, { processedRows: out.totalRows });
      }
    }
  } catch (e) {
    if (!isAppError(e) || !FILE_ERRORS.has(e.code)) throw e;
    out.errors.push({ rowNo: 0, column: '', code: e.code, params: null, value: null });
    return out;
  }
  if (!headers) {
    const column = columnOf(source, mapping, 'idNumber');
    out.errors.push({ rowNo: 0, column: '', code: 'DEPT_HEADER_NOT_FOUND', params: { column }, value: null });
  } else if (out.errors.length === 0 && out.totalRows === 0) {
    out.errors.push({ rowNo: headerRowNo, column: '', code: 'DEPT_NO_ROWS', params: null, value: null });
  }
  return out;
}

async function parsePush(ctx: ServiceContext, batch: DeptBatchInfo, source: DeptSource, mapping: Record<string, string>, content: Buffer, today: string): Promise<Parsed> {
  const out: Parsed = { rows: [], errors: [], totalRows: 0 };
  const records = JSON.parse(content.toString('utf8')) as Record<string, unknown>[];
  records.forEach((raw, i) => takeRow(source, mapping, today, i + 1, raw, out));
  await updateRunningDeptBatch(ctx.database.db, batch.id, { processedRows: out.totalRows });
  return out;
}

async function processDeptBatch(ctx: ServiceContext, batch: DeptBatchInfo): Promise<void> {
  const { db } = ctx.database;
  const source = requireDeptSource(batch.sourceCode);
  await updateRunningDeptBatch(db, batch.id, { status: 'VALIDATING', processedRows: 0, totalRows: 0 });
  const content = await readDeptBatchContent(db, batch.id);
  if (!content) throw new AppError('DEPT_FILE_MISSING', { message: `batch ${batch.id} has no stored content` });
  const mapping = await deptMappingVersion(db, source, batch.mappingVersion);
  const today = shanghaiDate(batch.receivedAt);
  const parsed = batch.channel === 'API'
    ? await parsePush(ctx, batch, source, mapping, content, today)
    : await parseUpload(ctx, batch, source, mapping, content, today);
  await updateRunningDeptBatch(db, batch.id, {
    processedRows: parsed.totalRows,
    totalRows: parsed.totalRows,
    ...(parsed.errors.length === 0 ? { status: 'APPLYING' } : {}),
  });

  await db.transaction(async (tx) => {
    const status = await lockDeptBatch(tx, batch.id);
    if (!status || !isRunning(status)) return; // finished by another run meanwhile
    const at = ctx.clock.now();
    if (parsed.errors.length > 0) {
      parsed.errors.sort((a, b) => a.rowNo - b.rowNo);
      await replaceDeptBatchErrors(tx, batch.id, parsed.errors.slice(0, MAX_STORED_ERRORS));
      await finishDeptBatch(tx, batch.id, {
        status: 'INVALID',
        totalRows: parsed.totalRows,
        processedRows: parsed.totalRows,
        errorCount: parsed.errors.length,
        finishedAt: at,
      });
      return;
    }
    await replaceDeptBatchErrors(tx, batch.id, []);
    const summary = await applyBatch(tx, ctx, batch, source, parsed.rows, at);
    await finishDeptBatch(tx, batch.id, { status: 'APPLIED', totalRows: parsed.totalRows, processedRows: parsed.totalRows, errorCount: 0, finishedAt: at, ...summary });
  });
}

async function applyBatch(tx: Tx, ctx: ServiceContext, batch: DeptBatchInfo, source: DeptSource, rows: ParsedRow[], at: Date) {
  const ids = [...new Set(rows.map((r) => r.record.idNumber))];
  const persons = new Map<string, RegistryMatch>((await findPersonsForDeptMatch(tx, ids)).map((p) => [p.idNumber, p]));
  const counts = { matched: 0, unmatched: 0, mismatched: 0, factsApplied: 0, cluesRaised: 0 };
  const statuses: DeptMatchStatus[] = [];
  const records = rows.map(({ rowNo, record }) => {
    const p = persons.get(record.idNumber) ?? null;
    const matchStatus = matchDeptRecord(record, p);
    statuses.push(matchStatus);
    if (matchStatus === 'MATCHED') counts.matched += 1;
    else if (matchStatus === 'UNMATCHED') counts.unmatched += 1;
    else counts.mismatched += 1;
    return {
      countyCode: p?.countyCode ?? '000000',
      batchId: batch.id,
      sourceCode: source.code,
      rowNo,
      idNumber: record.idNumber,
      name: record.name,
      personId: p?.personId ?? null,
      householdId: p?.householdId ?? null,
      matchStatus,
      eventDate: record.eventDate,
      amountFen: record.amountFen,
      data: record.data,
      receivedAt: batch.receivedAt,
    };
  });
  await insertDeptRecords(tx, records);

  const month = shanghaiDate(batch.receivedAt).slice(0, 7);
  const actorName = batch.uploadedByName ?? keyActorName(batch.apiKeyDepartment, batch.apiKeyLabel);
  const matched = rows.flatMap((r, i) => (statuses[i] === 'MATCHED' ? [{ ...r, person: persons.get(r.record.idNumber)! }] : []));
  await lockHouseholdsForDept(tx, [...new Set(matched.map((m) => m.person.householdId))]);
  const audit: AuditInput[] = [];
  const applied = await applyDeptFacts(tx, {
    items: matched.map((m) => ({
      person: m.person,
      facts: deptFactsOf(source, m.record),
      sourceDetail: `${source.departmentName} ${month} 批次 #${batch.id.slice(0, 8)} 第${m.rowNo}行`,
    })),
    recordedBy: batch.uploadedBy,
    at,
    audit: (e) =>
      audit.push({
        at: at.toISOString(),
        actorId: batch.uploadedBy,
        actorName,
        requestId: `dept:${batch.id}`,
        ip: null,
        source: 'DEPARTMENT',
        ...e,
      }),
  });
  counts.factsApplied = applied;
  // Issue 4 §2: the engine re-assesses households whose facts came in, with the department
  // as the source in its explanation (a review: statuses move only after a site visit, R81).
  if (applied > 0 && source.applies.kind !== 'NONE') {
    const review = await reviewAfterDeptData(tx, ctx, {
      householdIds: matched.map((m) => m.person.householdId),
      sourceLabel: `${source.departmentName}${source.datasetName}（批次#${batch.id.slice(0, 8)}）`,
    });
    audit.push(...review.audit);
  }
  audit.push({
    at: at.toISOString(),
    actorId: batch.uploadedBy,
    actorName,
    action: 'dept.batch-apply',
    entityType: 'dept_batch',
    entityId: batch.id,
    source: 'DEPARTMENT',
    after: { sourceCode: source.code, rows: rows.length, matched: counts.matched, unmatched: counts.unmatched, mismatched: counts.mismatched, factsApplied: applied },
    requestId: `dept:${batch.id}`,
    ip: null,
  });
  await appendAudit(tx, audit);
  const personIds = [...new Set(records.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const warnings = await evaluateWarnings(tx, ctx, { personIds, batchId: batch.id });
  counts.cluesRaised = warnings.raised;
  return counts;
}

// ---------------------------------------------------------------------------------------
// Reading

export async function getDeptBatch(ctx: ServiceContext, id: string): Promise<DeptBatchView> {
  const b = await findDeptBatch(ctx.database.db, id);
  if (!b) throw new AppError('DEPT_BATCH_NOT_FOUND');
  return toDeptBatchView(b);
}

export async function listDeptBatches(ctx: ServiceContext, filter: { sourceCode?: string | undefined }): Promise<DeptBatchView[]> {
  return (await findDeptBatches(ctx.database.db, filter, 100)).map((b) => toDeptBatchView(b));
}

export async function listDeptBatchErrors(ctx: ServiceContext, id: string, page: { page: number; pageSize: number }) {
  const { db } = ctx.database;
  if (!(await findDeptBatch(db, id))) throw new AppError('DEPT_BATCH_NOT_FOUND');
  const [rows, total] = await Promise.all([findDeptBatchErrors(db, id, page.pageSize, (page.page - 1) * page.pageSize), countDeptBatchErrors(db, id)]);
  return {
    items: rows.map((r) => ({ rowNo: r.rowNo, column: r.column, code: r.code, message: formatMessage(r.code, (r.params as Record<string, unknown> | null) ?? {}), value: r.value })),
    total,
  };
}

/** Stored rows of a batch (identity numbers masked), limited to the caller's counties. */
export async function listDeptBatchRecords(ctx: ServiceContext, actor: Actor, id: string, page: { page: number; pageSize: number }) {
  const { db } = ctx.database;
  if (!(await findDeptBatch(db, id))) throw new AppError('DEPT_BATCH_NOT_FOUND');
  // Province-level users also see the rows that matched nobody (county '000000').
  const prefix = actor.scope.regionCode.length <= 2 ? '' : actor.scope.regionCode.slice(0, 6);
  const r = await listDeptRecords(db, id, prefix, page.pageSize, (page.page - 1) * page.pageSize);
  return {
    items: r.items.map((x) => ({
      id: x.id,
      rowNo: x.rowNo,
      idNumber: maskIdNumber(x.idNumber),
      name: x.name,
      matchStatus: x.matchStatus,
      countyCode: x.countyCode,
      householdId: x.householdId,
      eventDate: x.eventDate,
      amountFen: x.amountFen,
    })),
    total: r.total,
  };
}
