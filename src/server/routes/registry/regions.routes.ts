import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  regionChildrenQuery,
  regionCodeParams,
  regionItem,
  regionList,
  regionSearchQuery,
  updateRegionBody,
} from '../../../contracts/regions.schemas.js';
import { findRegions, getRegion, listRegionChildren, setRegionFlags } from '../../../services/registry/regions.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function regionRoutes(app: App, deps: RouteDeps) {
  const tags = ['区划'];
  app.get(
    '/api/regions',
    { config: { access: 'session' }, schema: { tags, summary: '下级区划（默认为本人管辖区域）', querystring: regionChildrenQuery, response: { 200: regionList, ...errorResponses } } },
    async (request) => ({ items: await listRegionChildren(deps.ctx(request), actorOf(request), request.query.parent) }),
  );
  app.get(
    '/api/regions/search',
    { config: { access: 'session' }, schema: { tags, summary: '按名称或代码查找区划', querystring: regionSearchQuery, response: { 200: regionList, ...errorResponses } } },
    async (request) => ({ items: await findRegions(deps.ctx(request), actorOf(request), request.query.q) }),
  );
  app.get(
    '/api/regions/:code',
    { config: { access: 'session' }, schema: { tags, summary: '区划详情', params: regionCodeParams, response: { 200: regionItem, ...errorResponses } } },
    async (request) => getRegion(deps.ctx(request), actorOf(request), request.params.code),
  );
  app.patch(
    '/api/regions/:code',
    {
      config: { access: 'region:manage' },
      schema: { tags, summary: '设置城乡属性与农牧区类型（P47）', params: regionCodeParams, body: updateRegionBody, response: { 200: regionItem, ...errorResponses } },
    },
    async (request) => setRegionFlags(deps.ctx(request), actorOf(request), request.params.code, request.body),
  );
}
