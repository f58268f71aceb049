import { errorResponses } from '../../../contracts/common.schemas.js';
import { boardQuery, monitoringBoard } from '../../../contracts/monitoring-board.schemas.js';
import { getMonitoringBoard } from '../../../services/monitoring/board.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** 监测看板 (issue 4 §5, POLICY.md R85): clue figures of a region inside the caller's scope. */
export function monitoringBoardRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/api/monitoring/board',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags: ['动态监测'],
        summary: '监测看板：在办与超期线索、办结结果、预警到救助时长、规则精准率、下级区域',
        querystring: boardQuery,
        response: { 200: monitoringBoard, ...errorResponses },
      },
    },
    async (request) => getMonitoringBoard(deps.ctx(request), actorOf(request), request.query),
  );
}
