import { Type } from 'typebox';
import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  assignClueBody,
  assigneeList,
  clueDetail,
  clueIdParams,
  clueList,
  clueListQuery,
  closeClueBody,
  createClueBody,
  createClueResult,
  createVisitBody,
  escalateResult,
  photoMeta,
  visitIdParams,
  visitPhotoParams,
  visitView,
} from '../../../contracts/clues.schemas.js';
import { AppError } from '../../../domain/errors.js';
import { VISIT_PHOTO_MAX_BYTES } from '../../../domain/monitoring/clue.rules.js';
import { shanghaiDate } from '../../../domain/registry/import.rules.js';
import { assignClue } from '../../../services/monitoring/clue-assign.js';
import { getClue, listClueAssignees, searchClues } from '../../../services/monitoring/clue-queries.js';
import { reportClue } from '../../../services/monitoring/clue-report.js';
import { closeClue } from '../../../services/monitoring/close-clue.js';
import { escalateOverdueClues } from '../../../services/monitoring/escalate-clues.js';
import { addVisitPhoto, getVisitPhoto } from '../../../services/monitoring/visit-photos.js';
import { recordVisit } from '../../../services/monitoring/visit-record.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** 预警线索 (issue 4 §4–§5): staff entry, the queue, assignment, 入户核查, 办结, escalation. */
export function clueRoutes(app: App, deps: RouteDeps) {
  const tags = ['动态监测·预警线索'];
  const detail = { 200: clueDetail, ...errorResponses };

  app.get(
    '/api/monitoring/clues',
    { config: { access: 'monitoring:read' }, schema: { tags, summary: '预警线索列表（本辖区；按等级、期限排序）', querystring: clueListQuery, response: { 200: clueList, ...errorResponses } } },
    async (request) => searchClues(deps.ctx(request), actorOf(request), request.query),
  );

  app.post(
    '/api/monitoring/clues',
    {
      config: { access: 'monitoring:report' },
      schema: { tags, summary: '登记线索（自主申报/入户走访/热线反映/部门预警标识）', body: createClueBody, response: { 200: createClueResult, 201: createClueResult, ...errorResponses } },
    },
    async (request, reply) => {
      const r = await reportClue(deps.ctx(request), actorOf(request), request.body);
      return reply.status(r.merged ? 200 : 201).send(r);
    },
  );

  app.post(
    '/api/monitoring/clues/escalate',
    { config: { access: 'monitoring:manage' }, schema: { tags, summary: '超期线索升级（本辖区，按今天计算）', response: { 200: escalateResult, ...errorResponses } } },
    async (request) => {
      const ctx = deps.ctx(request);
      const actor = actorOf(request);
      return escalateOverdueClues(ctx, shanghaiDate(ctx.clock.now()), { actor, scope: actor.scope });
    },
  );

  app.get(
    '/api/monitoring/clues/:id',
    { config: { access: 'monitoring:read' }, schema: { tags, summary: '线索详情（证据、过程、核查记录、关联家庭与核算）', params: clueIdParams, response: detail } },
    async (request) => getClue(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.get(
    '/api/monitoring/clues/:id/assignees',
    { config: { access: 'monitoring:handle' }, schema: { tags, summary: '可分派的核查人员', params: clueIdParams, response: { 200: assigneeList, ...errorResponses } } },
    async (request) => listClueAssignees(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.post(
    '/api/monitoring/clues/:id/assign',
    { config: { access: 'monitoring:handle' }, schema: { tags, summary: '分派线索', params: clueIdParams, body: assignClueBody, response: detail } },
    async (request) => assignClue(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/monitoring/clues/:id/visits',
    {
      config: { access: 'monitoring:handle' },
      schema: { tags, summary: '登记入户核查（清单、核查情况、时间、定位）；照片另行上传', params: clueIdParams, body: createVisitBody, response: { 201: visitView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await recordVisit(deps.ctx(request), actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/monitoring/visits/:id/photos',
    {
      config: { access: 'monitoring:handle' },
      schema: {
        tags,
        summary: '上传核查照片（multipart 字段 photo；jpeg/png/webp，每张≤5MB，每次核查≤6张）',
        consumes: ['multipart/form-data'],
        params: visitIdParams,
        response: { 201: photoMeta, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      let content: Buffer | null = null;
      if (request.isMultipart()) {
        const file = await request.file({ limits: { fileSize: VISIT_PHOTO_MAX_BYTES, files: 1 } });
        if (file) {
          content = await file.toBuffer().catch((e: unknown) => {
            throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('CLUE_PHOTO_TOO_LARGE', { cause: e }) : e;
          });
        }
      }
      const photo = await addVisitPhoto(deps.ctx(request), actorOf(request), request.params.id, content ? { content } : null);
      return reply.status(201).send(photo);
    },
  );

  app.get(
    '/api/monitoring/visits/:id/photos/:photoId',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: '查看核查照片', params: visitPhotoParams, response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'image/jpeg | image/png | image/webp' }), ...errorResponses } },
    },
    async (request, reply) => {
      const p = await getVisitPhoto(deps.ctx(request), actorOf(request), request.params.id, request.params.photoId);
      return reply
        .header('content-type', p.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('etag', `"${p.sha256}"`)
        .send(p.content);
    },
  );

  app.post(
    '/api/monitoring/clues/:id/close',
    { config: { access: 'monitoring:handle' }, schema: { tags, summary: '办结线索（纳入低保/特困/临时救助/转办/纳入监测/风险消除/排除）', params: clueIdParams, body: closeClueBody, response: detail } },
    async (request) => closeClue(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
}
