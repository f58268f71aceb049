/**
 * The downloadable error report of an import batch: 行号, 列, 错误说明, 原值, written with
 * exceljs' streaming WorkbookWriter while the errors are read page by page.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { findImportBatch, listImportErrorsAfter } from '../../db/repos/imports.repo.js';
import { AppError } from '../../domain/errors.js';
import { formatMessage } from '../../domain/messages.zh-CN.js';
import type { Actor, ServiceContext } from '../context.js';

const PAGE = 5000;

export interface FileDownload {
  fileName: string;
  contentType: string;
  stream: Readable;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One row of an error report, as both import and department batches store them. */
export interface ErrorReportRow {
  rowNo: number;
  column: string | null;
  code: string;
  params: Record<string, unknown> | null;
  value: string | null;
}

/**
 * The xlsx error report (行号, 列, 错误说明 in Chinese, 原值 kept as text), written with exceljs'
 * streaming WorkbookWriter while `pages` reads the errors page by page. Shared by import and
 * department batches.
 */
export function errorReportStream(pages: AsyncIterable<readonly ErrorReportRow[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'rowNo', width: 8 },
    { header: '列', key: 'column', width: 18 },
    { header: '错误说明', key: 'message', width: 80 },
    { header: '原值', key: 'value', width: 28, style: { numFmt: '@' } },
  ];
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of pages) {
        for (const r of rows) {
          sheet
            .addRow({ rowNo: r.rowNo > 0 ? r.rowNo : null, column: r.column, message: formatMessage(r.code, r.params ?? {}), value: r.value ?? '' })
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}

export async function exportImportErrorReport(ctx: ServiceContext, actor: Actor, id: string): Promise<FileDownload> {
  const { db } = ctx.database;
  const batch = await findImportBatch(db, actor.scope, id);
  if (!batch) throw new AppError('IMPORT_NOT_FOUND');
  async function* pages() {
    let after = 0;
    for (;;) {
      const rows = await listImportErrorsAfter(db, id, after, PAGE);
      yield rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }
  const base = batch.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `导入错误报告-${base}.xlsx`, contentType: XLSX_CONTENT_TYPE, stream: errorReportStream(pages()) };
}
