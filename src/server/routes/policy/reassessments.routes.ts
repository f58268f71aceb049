import { Type } from 'typebox';
import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  reassessmentChanges,
  reassessmentChangesQuery,
  reassessmentList,
  reassessmentView,
  startReassessmentBody,
} from '../../../contracts/reassessments.schemas.js';
import { listReassessmentChanges, listReassessments, loadReassessmentView } from '../../../services/policy/reassessment-views.js';
import { startReassessment } from '../../../services/policy/start-reassessment.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function reassessmentRoutes(app: App, deps: RouteDeps) {
  const tags = ['政策核算'];
  const runParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

  app.post(
    '/api/policy/reassessments',
    {
      config: { access: 'reassessment:run' },
      schema: {
        tags,
        summary: '批量重新核算：试算（待审批参数，不改变任何数据）或正式应用（已批准参数）',
        body: startReassessmentBody,
        response: { 200: reassessmentView, ...errorResponses },
      },
    },
    async (request) => startReassessment(deps.ctx(request), actorOf(request), request.body),
  );

  app.get(
    '/api/policy/reassessments',
    { config: { access: 'policy:read' }, schema: { tags, summary: '批量重新核算任务列表', response: { 200: reassessmentList, ...errorResponses } } },
    async (request) => ({ items: await listReassessments(deps.ctx(request).database.db, actorOf(request).scope.regionCode) }),
  );

  app.get(
    '/api/policy/reassessments/:id',
    {
      config: { access: 'policy:read' },
      schema: { tags, summary: '批量重新核算的进度与按县统计的影响', params: runParams, response: { 200: reassessmentView, ...errorResponses } },
    },
    async (request) => loadReassessmentView(deps.ctx(request).database.db, request.params.id, actorOf(request).scope.regionCode),
  );

  app.get(
    '/api/policy/reassessments/:id/changes',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: '批量重新核算中发生变化的家庭（仅列出管辖范围内的家庭）',
        params: runParams,
        querystring: reassessmentChangesQuery,
        response: { 200: reassessmentChanges, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listReassessmentChanges(deps.ctx(request).database.db, actorOf(request).scope.regionCode, request.params.id, {
        change: request.query.change,
        page: request.query.page ?? 1,
        pageSize: request.query.pageSize ?? 50,
      }),
    }),
  );
}
