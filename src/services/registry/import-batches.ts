/** Reading import batches and their errors, always through the caller's region scope. */
import {
  countImportErrors,
  findImportBatch,
  listImportBatches as findImportBatches,
  listImportErrors as findImportErrors,
} from '../../db/repos/imports.repo.js';
import { AppError } from '../../domain/errors.js';
import { formatMessage } from '../../domain/messages.zh-CN.js';
import type { Actor, ServiceContext } from '../context.js';
import { IMPORT_KIND_HOUSEHOLDS, toImportBatchView, type ImportBatchView } from './import-households.js';

export interface ImportErrorView {
  rowNo: number;
  column: string;
  code: string;
  message: string;
  value: string | null;
}

export async function getImportBatch(ctx: ServiceContext, actor: Actor, id: string): Promise<ImportBatchView> {
  const b = await findImportBatch(ctx.database.db, actor.scope, id);
  if (!b) throw new AppError('IMPORT_NOT_FOUND');
  return toImportBatchView(b);
}

/** The 50 newest batches created inside the caller's scope. */
export async function listImportBatches(ctx: ServiceContext, actor: Actor): Promise<ImportBatchView[]> {
  const rows = await findImportBatches(ctx.database.db, actor.scope, IMPORT_KIND_HOUSEHOLDS, 50);
  return rows.map(toImportBatchView);
}

export async function listImportErrors(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  page: { page: number; pageSize: number },
): Promise<{ items: ImportErrorView[]; total: number }> {
  const { db } = ctx.database;
  const b = await findImportBatch(db, actor.scope, id);
  if (!b) throw new AppError('IMPORT_NOT_FOUND');
  const [rows, total] = await Promise.all([
    findImportErrors(db, id, page.pageSize, (page.page - 1) * page.pageSize),
    countImportErrors(db, id),
  ]);
  return { items: rows.map(toImportErrorView), total };
}

export function toImportErrorView(r: { rowNo: number; column: string; code: string; params: Record<string, unknown> | null; value: string | null }): ImportErrorView {
  return { rowNo: r.rowNo, column: r.column, code: r.code, message: formatMessage(r.code, r.params ?? {}), value: r.value };
}
