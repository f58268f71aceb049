import { auditChainCheck, auditList, auditSearchQuery } from '../../../contracts/audit.schemas.js';
import { errorResponses } from '../../../contracts/common.schemas.js';
import { searchAuditLog } from '../../../services/audit/search-audit-log.js';
import { verifyAuditLog } from '../../../services/audit/verify-audit-log.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** The audit trail (issue 2 §15), for the 审计管理员 only. */
export function auditRoutes(app: App, deps: RouteDeps) {
  const tags = ['审计'];
  app.get(
    '/api/audit',
    {
      config: { access: 'audit:read' },
      schema: { tags, summary: '查询审计日志（查询本身也记入日志）', querystring: auditSearchQuery, response: { 200: auditList, ...errorResponses } },
    },
    async (request) => searchAuditLog(deps.ctx(request), actorOf(request), request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit:read' },
      schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditChainCheck, ...errorResponses } },
    },
    async (request) => verifyAuditLog(deps.ctx(request), actorOf(request)),
  );
}
