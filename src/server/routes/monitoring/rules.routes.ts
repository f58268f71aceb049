import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  ruleRegionParams,
  switchRuleBody,
  updateWarningRuleBody,
  warningRuleList,
  warningRuleParams,
  warningRuleView,
} from '../../../contracts/monitoring-rules.schemas.js';
import { listRuleViews } from '../../../services/monitoring/rules-views.js';
import { switchRuleForRegion } from '../../../services/monitoring/rules-switch.js';
import { updateRule } from '../../../services/monitoring/rules-update.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function warningRuleRoutes(app: App, deps: RouteDeps) {
  const tags = ['动态监测'];

  app.get(
    '/api/monitoring/rules',
    { config: { access: 'monitoring:read' }, schema: { tags, summary: '预警规则列表（含本辖区启用状态和准确率）', response: { 200: warningRuleList, ...errorResponses } } },
    async (request) => ({ items: await listRuleViews(deps.ctx(request).database.db, actorOf(request).scope.regionCode) }),
  );

  app.put(
    '/api/monitoring/rules/:id',
    {
      config: { access: 'monitoring:manage' },
      schema: {
        tags,
        summary: '修改预警规则（参数按规则类型校验，版本号加一，留痕）；规则全省统一，仅省级用户可改',
        params: warningRuleParams,
        body: updateWarningRuleBody,
        response: { 200: warningRuleView, ...errorResponses },
      },
    },
    async (request) => updateRule(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/monitoring/rules/:id/regions/:regionCode',
    {
      config: { access: 'monitoring:manage' },
      schema: {
        tags,
        summary: '在管辖范围内的某一地区启用或停用预警规则（最具体的地区设置优先）',
        params: ruleRegionParams,
        body: switchRuleBody,
        response: { 200: warningRuleView, ...errorResponses },
      },
    },
    async (request) => switchRuleForRegion(deps.ctx(request), actorOf(request), request.params.id, request.params.regionCode, request.body.enabled),
  );
}
