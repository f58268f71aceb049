import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  deptBatchErrorList,
  deptBatchList,
  deptBatchListQuery,
  deptBatchParams,
  deptBatchView,
  deptKeyCreateBody,
  deptKeyCreated,
  deptKeyList,
  deptKeyParams,
  deptKeyView,
  deptMappingBody,
  deptMappingHistory,
  deptPageQuery,
  deptPushBody,
  deptPushParams,
  deptRecordList,
  deptSourceList,
  deptSourceParams,
} from '../../../contracts/dept.schemas.js';
import { fileResponse } from '../../../contracts/imports.schemas.js';
import { AppError } from '../../../domain/errors.js';
import {
  createDeptUpload,
  getDeptBatch,
  listDeptBatchErrors,
  listDeptBatchRecords,
  listDeptBatches,
  pushDeptBatch,
} from '../../../services/monitoring/dept-batches.js';
import { createDeptApiKey, listDeptApiKeys, revokeDeptApiKey } from '../../../services/monitoring/dept-keys.js';
import { exportDeptBatchReport } from '../../../services/monitoring/dept-report.js';
import { getDeptMappingHistory, listDeptSources, saveDeptMapping } from '../../../services/monitoring/dept-sources.js';
import { buildDeptTemplate } from '../../../services/monitoring/dept-template.js';
import { actorOf, deptKeyOf } from '../../plugins/auth.js';
import { contentDisposition } from '../registry/imports.routes.js';
import type { App, RouteDeps } from '../types.js';

/** Department data intake (issue 4 §1–§3): sources and mappings, batches, the push channel, API keys. */
export function deptRoutes(app: App, deps: RouteDeps) {
  const tags = ['部门数据'];
  const access = 'dept:upload' as const;
  const page = (q: { page?: number | undefined; pageSize?: number | undefined }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 50 });

  app.get(
    '/api/dept/sources',
    { config: { access }, schema: { tags, summary: '部门数据源目录（含当前字段对应）', response: { 200: deptSourceList, ...errorResponses } } },
    async (request) => ({ items: await listDeptSources(deps.ctx(request)) }),
  );

  app.get(
    '/api/dept/sources/:code/mapping',
    { config: { access }, schema: { tags, summary: '字段对应及其历史版本', params: deptSourceParams, response: { 200: deptMappingHistory, ...errorResponses } } },
    async (request) => getDeptMappingHistory(deps.ctx(request), request.params.code),
  );

  app.put(
    '/api/dept/sources/:code/mapping',
    {
      config: { access },
      schema: { tags, summary: '保存字段对应（每次保存生成新版本）', params: deptSourceParams, body: deptMappingBody, response: { 200: deptMappingHistory, ...errorResponses } },
    },
    async (request) => saveDeptMapping(deps.ctx(request), actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/api/dept/sources/:code/template',
    { config: { access }, schema: { tags, summary: '下载数据源模板（xlsx，按当前字段对应的列名）', params: deptSourceParams, response: { 200: fileResponse, ...errorResponses } } },
    async (request, reply) => {
      const file = await buildDeptTemplate(deps.ctx(request), request.params.code);
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(file.content);
    },
  );

  app.post(
    '/api/dept/batches',
    {
      config: { access },
      schema: {
        tags,
        summary: '上传部门数据文件（multipart：字段 sourceCode 与 file，.xlsx 或 .csv）',
        consumes: ['multipart/form-data'],
        response: { 200: deptBatchView, 202: deptBatchView, ...errorResponses },
      },
    },
    async (request, reply) => {
      let sourceCode: string | null = null;
      let file: { fileName: string; content: Buffer } | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const content = await part.toBuffer().catch((e: unknown) => {
            throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('IMPORT_FILE_TOO_LARGE', { cause: e }) : e;
          });
          if (part.fieldname === 'file') file = { fileName: part.filename, content };
        } else if (part.fieldname === 'sourceCode') sourceCode = String(part.value);
      }
      if (!file) throw new AppError('IMPORT_FILE_REQUIRED');
      if (!sourceCode) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'sourceCode', code: 'FIELD_REQUIRED', params: { field: 'sourceCode' } }] });
      const view = await createDeptUpload(deps.ctx(request), actorOf(request), { sourceCode, ...file });
      return reply.status(view.duplicate ? 200 : 202).send(view);
    },
  );

  app.get(
    '/api/dept/batches',
    { config: { access }, schema: { tags, summary: '最近的部门数据批次（最新100个）', querystring: deptBatchListQuery, response: { 200: deptBatchList, ...errorResponses } } },
    async (request) => ({ items: await listDeptBatches(deps.ctx(request), { sourceCode: request.query.sourceCode }) }),
  );

  app.get(
    '/api/dept/batches/:id',
    { config: { access }, schema: { tags, summary: '批次进度与结果', params: deptBatchParams, response: { 200: deptBatchView, ...errorResponses } } },
    async (request) => getDeptBatch(deps.ctx(request), request.params.id),
  );

  app.get(
    '/api/dept/batches/:id/errors',
    { config: { access }, schema: { tags, summary: '批次的行级错误（分页）', params: deptBatchParams, querystring: deptPageQuery, response: { 200: deptBatchErrorList, ...errorResponses } } },
    async (request) => listDeptBatchErrors(deps.ctx(request), request.params.id, page(request.query)),
  );

  app.get(
    '/api/dept/batches/:id/report',
    { config: { access }, schema: { tags, summary: '下载错误报告（xlsx：行号、列、错误说明、原值）', params: deptBatchParams, response: { 200: fileResponse, ...errorResponses } } },
    async (request, reply) => {
      const file = await exportDeptBatchReport(deps.ctx(request), request.params.id);
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(file.stream);
    },
  );

  app.get(
    '/api/dept/batches/:id/records',
    {
      config: { access },
      schema: { tags, summary: '批次中的记录与匹配结果（本人管辖的县；身份证号脱敏）', params: deptBatchParams, querystring: deptPageQuery, response: { 200: deptRecordList, ...errorResponses } },
    },
    async (request) => listDeptBatchRecords(deps.ctx(request), actorOf(request), request.params.id, page(request.query)),
  );

  app.post(
    '/api/dept/push/:sourceCode',
    {
      config: { access: 'dept-api-key' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: '部门系统报送数据（请求头 x-api-key；只能报送本部门的数据源）',
        security: [{ deptApiKey: [] }],
        params: deptPushParams,
        body: deptPushBody,
        response: { 200: deptBatchView, 202: deptBatchView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await pushDeptBatch(deps.ctx(request), deptKeyOf(request), request.params.sourceCode, request.body.records);
      return reply.status(view.duplicate ? 200 : 202).send(view);
    },
  );

  const keys = 'dept:keys' as const;
  app.get(
    '/api/dept/keys',
    { config: { access: keys }, schema: { tags, summary: '部门接口密钥', response: { 200: deptKeyList, ...errorResponses } } },
    async (request) => ({ items: await listDeptApiKeys(deps.ctx(request)) }),
  );

  app.post(
    '/api/dept/keys',
    { config: { access: keys }, schema: { tags, summary: '签发部门接口密钥（完整密钥只显示一次）', body: deptKeyCreateBody, response: { 201: deptKeyCreated, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createDeptApiKey(deps.ctx(request), actorOf(request), request.body)),
  );

  app.post(
    '/api/dept/keys/:id/revoke',
    { config: { access: keys }, schema: { tags, summary: '吊销部门接口密钥', params: deptKeyParams, response: { 200: deptKeyView, ...errorResponses } } },
    async (request) => revokeDeptApiKey(deps.ctx(request), actorOf(request), request.params.id),
  );
}
