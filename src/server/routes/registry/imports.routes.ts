import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  fileResponse,
  importBatchList,
  importBatchView,
  importErrorList,
  importErrorsQuery,
  importIdParams,
  importTemplateQuery,
} from '../../../contracts/imports.schemas.js';
import { AppError } from '../../../domain/errors.js';
import { getImportBatch, listImportBatches, listImportErrors } from '../../../services/registry/import-batches.js';
import { createImportBatch } from '../../../services/registry/import-households.js';
import { exportImportErrorReport } from '../../../services/registry/import-report.js';
import { buildImportTemplate } from '../../../services/registry/import-template.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 (Chinese) name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function importRoutes(app: App, deps: RouteDeps) {
  const tags = ['导入'];
  const access = 'registry:import' as const;

  app.get(
    '/api/imports/template',
    { config: { access }, schema: { tags, summary: '下载导入模板（xlsx含填写说明）', querystring: importTemplateQuery, response: { 200: fileResponse, ...errorResponses } } },
    async (request, reply) => {
      const file = await buildImportTemplate(deps.ctx(request), actorOf(request), request.query.format ?? 'xlsx');
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(file.content);
    },
  );

  app.post(
    '/api/imports',
    {
      config: { access },
      schema: { tags, summary: '上传导入文件（multipart 字段 file，.xlsx 或 .csv，最大200MB）', consumes: ['multipart/form-data'], response: { 202: importBatchView, ...errorResponses } },
    },
    async (request, reply) => {
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new AppError('IMPORT_FILE_REQUIRED');
      const content = await file.toBuffer().catch((e: unknown) => {
        throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('IMPORT_FILE_TOO_LARGE', { cause: e }) : e;
      });
      const view = await createImportBatch(deps.ctx(request), actorOf(request), { fileName: file.filename, content });
      return reply.status(202).send(view);
    },
  );

  app.get(
    '/api/imports',
    { config: { access }, schema: { tags, summary: '最近的导入批次（本人管辖范围，最新50个）', response: { 200: importBatchList, ...errorResponses } } },
    async (request) => ({ items: await listImportBatches(deps.ctx(request), actorOf(request)) }),
  );

  app.get(
    '/api/imports/:id',
    { config: { access }, schema: { tags, summary: '导入批次进度与结果', params: importIdParams, response: { 200: importBatchView, ...errorResponses } } },
    async (request) => getImportBatch(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.get(
    '/api/imports/:id/errors',
    {
      config: { access },
      schema: { tags, summary: '导入错误（分页）', params: importIdParams, querystring: importErrorsQuery, response: { 200: importErrorList, ...errorResponses } },
    },
    async (request) =>
      listImportErrors(deps.ctx(request), actorOf(request), request.params.id, {
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 50,
      }),
  );

  app.get(
    '/api/imports/:id/report',
    { config: { access }, schema: { tags, summary: '下载错误报告（xlsx：行号、列、错误说明、原值）', params: importIdParams, response: { 200: fileResponse, ...errorResponses } } },
    async (request, reply) => {
      const file = await exportImportErrorReport(deps.ctx(request), actorOf(request), request.params.id);
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(file.stream);
    },
  );
}
