/** The row report of an INVALID department batch: 行号, 列, 错误说明, 原值 (xlsx). */
import { findDeptBatch, listDeptBatchErrors } from '../../db/repos/dept-data.repo.js';
import { AppError } from '../../domain/errors.js';
import { findDeptSource } from '../../domain/monitoring/sources.js';
import type { ServiceContext } from '../context.js';
import { XLSX_CONTENT_TYPE, errorReportStream, type FileDownload } from '../registry/import-report.js';

const PAGE = 5000;

export async function exportDeptBatchReport(ctx: ServiceContext, id: string): Promise<FileDownload> {
  const { db } = ctx.database;
  const batch = await findDeptBatch(db, id);
  if (!batch) throw new AppError('DEPT_BATCH_NOT_FOUND');
  async function* pages() {
    for (let offset = 0; ; offset += PAGE) {
      const rows = await listDeptBatchErrors(db, id, PAGE, offset);
      yield rows.map((r) => ({ ...r, params: (r.params as Record<string, unknown> | null) ?? null }));
      if (rows.length < PAGE) return;
    }
  }
  const source = findDeptSource(batch.sourceCode);
  const name = batch.fileName?.replace(/\.[^.]*$/, '') ?? `${source?.datasetName ?? batch.sourceCode}-${batch.id.slice(0, 8)}`;
  return { fileName: `部门数据错误报告-${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, stream: errorReportStream(pages()) };
}
