import { Type } from 'typebox';
import type { App, RouteDeps } from '../types.js';

export function systemRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        security: [],
        response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) },
      },
    },
    async (request) => {
      const { database } = deps.ctx(request);
      await database.db.execute('select 1');
      return { status: 'ok', database: database.kind };
    },
  );
}
