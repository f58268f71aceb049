import { errorResponses } from '../../../contracts/common.schemas.js';
import { comparisonList, comparisonParams, comparisonView, startComparisonBody } from '../../../contracts/monitoring-rules.schemas.js';
import { startComparison } from '../../../services/monitoring/comparison-start.js';
import { listComparisonViews, loadComparisonView } from '../../../services/monitoring/comparison-views.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function comparisonRoutes(app: App, deps: RouteDeps) {
  const tags = ['动态监测'];

  app.post(
    '/api/monitoring/comparisons',
    {
      config: { access: 'monitoring:manage' },
      schema: {
        tags,
        summary: '启动本辖区的月度数据比对（默认本月），按规则生成或合并预警线索',
        body: startComparisonBody,
        response: { 200: comparisonView, ...errorResponses },
      },
    },
    async (request) => startComparison(deps.ctx(request), actorOf(request), request.body ?? {}),
  );

  app.get(
    '/api/monitoring/comparisons',
    { config: { access: 'monitoring:read' }, schema: { tags, summary: '月度比对任务列表', response: { 200: comparisonList, ...errorResponses } } },
    async (request) => ({ items: await listComparisonViews(deps.ctx(request).database.db, actorOf(request).scope.regionCode) }),
  );

  app.get(
    '/api/monitoring/comparisons/:id',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: '月度比对任务的进度和结果', params: comparisonParams, response: { 200: comparisonView, ...errorResponses } },
    },
    async (request) => loadComparisonView(deps.ctx(request).database.db, request.params.id, actorOf(request).scope.regionCode),
  );
}
