/** The row report of an INVALID department batch: 行号, 列, 错误说明, 原值 (xlsx). */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { findDeptBatch, listDeptBatchErrors } from '../../db/repos/dept-data.repo.js';
import { AppError } from '../../domain/errors.js';
import { formatMessage } from '../../domain/messages.zh-CN.js';
import { findDeptSource } from '../../domain/monitoring/sources.js';
import type { ServiceContext } from '../context.js';
import { XLSX_CONTENT_TYPE, type FileDownload } from '../registry/import-report.js';

const PAGE = 5000;

export async function exportDeptBatchReport(ctx: ServiceContext, id: string): Promise<FileDownload> {
  const { db } = ctx.database;
  const batch = await findDeptBatch(db, id);
  if (!batch) throw new AppError('DEPT_BATCH_NOT_FOUND');
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
      for (let offset = 0; ; offset += PAGE) {
        const rows = await listDeptBatchErrors(db, id, PAGE, offset);
        for (const r of rows) {
          sheet
            .addRow({ rowNo: r.rowNo > 0 ? r.rowNo : null, column: r.column, message: formatMessage(r.code, (r.params as Record<string, unknown> | null) ?? {}), value: r.value ?? '' })
            .commit();
        }
        if (rows.length < PAGE) break;
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  const source = findDeptSource(batch.sourceCode);
  const name = batch.fileName?.replace(/\.[^.]*$/, '') ?? `${source?.datasetName ?? batch.sourceCode}-${batch.id.slice(0, 8)}`;
  return { fileName: `部门数据错误报告-${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, stream: out };
}
