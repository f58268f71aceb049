import { Type } from 'typebox';
import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  addMemberBody,
  assetInput,
  categoryInput,
  categoryStats,
  createHouseholdBody,
  duplicateList,
  endCategoryBody,
  expenditureInput,
  householdDetail,
  householdExportQuery,
  householdList,
  householdListQuery,
  idParams,
  incomeInput,
  itemParams,
  memberParams,
  memberPersonParams,
  personPatch,
  policyFactsInput,
  removeMemberBody,
  revealBody,
  revealResult,
  timeline,
  updateHouseholdBody,
} from '../../../contracts/households.schemas.js';
import { createHousehold } from '../../../services/registry/create-household.js';
import { getHousehold } from '../../../services/registry/household-detail.js';
import {
  addAsset,
  addCategory,
  addIncome,
  endHouseholdCategory,
  removeAsset,
  removeIncome,
} from '../../../services/registry/household-items.js';
import {
  exportHouseholds,
  getCategoryStats,
  listLikelyDuplicates,
  searchHouseholds,
} from '../../../services/registry/household-queries.js';
import { addExpenditure, removeExpenditure } from '../../../services/registry/household-expenditures.js';
import { getHouseholdTimeline } from '../../../services/registry/household-timeline.js';
import { setPersonPolicyFacts } from '../../../services/registry/person-policy-facts.js';
import { addMember, removeMember, revealPersonField, updatePerson } from '../../../services/registry/members.js';
import { updateHousehold } from '../../../services/registry/update-household.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function householdRoutes(app: App, deps: RouteDeps) {
  const tags = ['低收入人口数据库'];
  const detail = { 200: householdDetail, ...errorResponses };

  app.get(
    '/api/households',
    { config: { access: 'registry:read' }, schema: { tags, summary: '家庭列表（分页、检索、筛选）', querystring: householdListQuery, response: { 200: householdList, ...errorResponses } } },
    async (request) => searchHouseholds(deps.ctx(request), actorOf(request), request.query),
  );

  app.get(
    '/api/households/export',
    {
      config: { access: 'registry:export' },
      schema: {
        tags,
        summary: '导出筛选结果为 Excel（默认脱敏）',
        querystring: householdExportQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { unmasked, page: _p, pageSize: _s, ...filter } = request.query;
      const r = await exportHouseholds(deps.ctx(request), actorOf(request), filter, { unmasked: unmasked ?? false });
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.send(r.stream as never);
    },
  );

  app.get(
    '/api/households/duplicates',
    { config: { access: 'registry:read' }, schema: { tags, summary: '疑似重复人员（同名、同出生日期、同县，身份证号不同）', response: { 200: duplicateList, ...errorResponses } } },
    async (request) => listLikelyDuplicates(deps.ctx(request), actorOf(request)),
  );

  app.post(
    '/api/households',
    { config: { access: 'registry:write' }, schema: { tags, summary: '新建家庭档案', body: createHouseholdBody, response: { 201: householdDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createHousehold(deps.ctx(request), actorOf(request), request.body)),
  );

  app.get(
    '/api/households/:id',
    { config: { access: 'registry:read' }, schema: { tags, summary: '家庭详情（查看即记入审计）', params: idParams, response: detail } },
    async (request) => getHousehold(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.patch(
    '/api/households/:id',
    { config: { access: 'registry:write' }, schema: { tags, summary: '修改家庭信息', params: idParams, body: updateHouseholdBody, response: detail } },
    async (request) => updateHousehold(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/households/:id/timeline',
    { config: { access: 'registry:read' }, schema: { tags, summary: '变更记录', params: idParams, response: { 200: timeline, ...errorResponses } } },
    async (request) => ({ items: await getHouseholdTimeline(deps.ctx(request), actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/households/:id/members',
    { config: { access: 'registry:write' }, schema: { tags, summary: '添加成员（可从他户迁入）', params: idParams, body: addMemberBody, response: detail } },
    async (request) => addMember(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/households/:id/members/:memberId/remove',
    { config: { access: 'registry:write' }, schema: { tags, summary: '成员移出本户（保留历史）', params: memberParams, body: removeMemberBody, response: detail } },
    async (request) => removeMember(deps.ctx(request), actorOf(request), request.params.id, request.params.memberId, request.body),
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: '修改人员信息', params: idParams, body: personPatch, response: { 200: Type.Object({ personId: Type.String() }), ...errorResponses } },
    },
    async (request) => updatePerson(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/persons/:id/reveal',
    { config: { access: 'person:reveal' }, schema: { tags, summary: '查看完整身份证号/电话/银行账号（记入审计）', params: idParams, body: revealBody, response: { 200: revealResult, ...errorResponses } } },
    async (request) => revealPersonField(deps.ctx(request), actorOf(request), request.params.id, request.body.field, request.body.reason),
  );

  app.post(
    '/api/households/:id/incomes',
    { config: { access: 'registry:write' }, schema: { tags, summary: '登记收入', params: idParams, body: incomeInput, response: detail } },
    async (request) => addIncome(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/incomes/:itemId/remove',
    { config: { access: 'registry:write' }, schema: { tags, summary: '删除收入记录', params: itemParams, response: detail } },
    async (request) => removeIncome(deps.ctx(request), actorOf(request), request.params.id, request.params.itemId),
  );
  app.post(
    '/api/households/:id/assets',
    { config: { access: 'registry:write' }, schema: { tags, summary: '登记财产', params: idParams, body: assetInput, response: detail } },
    async (request) => addAsset(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/assets/:itemId/remove',
    { config: { access: 'registry:write' }, schema: { tags, summary: '删除财产记录', params: itemParams, response: detail } },
    async (request) => removeAsset(deps.ctx(request), actorOf(request), request.params.id, request.params.itemId),
  );
  app.post(
    '/api/households/:id/expenditures',
    { config: { access: 'registry:write' }, schema: { tags, summary: '登记刚性支出（R47）', params: idParams, body: expenditureInput, response: detail } },
    async (request) => addExpenditure(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/households/:id/expenditures/:itemId',
    { config: { access: 'registry:write' }, schema: { tags, summary: '删除刚性支出记录', params: itemParams, response: detail } },
    async (request) => removeExpenditure(deps.ctx(request), actorOf(request), request.params.id, request.params.itemId),
  );
  app.put(
    '/api/households/:id/members/:personId/policy-facts',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: '登记成员救助认定信息（不计入家庭人口情形、生活自理能力、法定义务人）', params: memberPersonParams, body: policyFactsInput, response: detail },
    },
    async (request) => setPersonPolicyFacts(deps.ctx(request), actorOf(request), request.params.id, request.params.personId, request.body),
  );
  app.post(
    '/api/households/:id/categories',
    { config: { access: 'registry:write' }, schema: { tags, summary: '认定类别', params: idParams, body: categoryInput, response: detail } },
    async (request) => addCategory(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/categories/:itemId/end',
    { config: { access: 'registry:write' }, schema: { tags, summary: '终止类别', params: itemParams, body: endCategoryBody, response: detail } },
    async (request) => endHouseholdCategory(deps.ctx(request), actorOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.get(
    '/api/stats/categories',
    {
      config: { access: 'registry:read' },
      schema: { tags: ['统计'], summary: '按类别统计（工作台）', querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) }), response: { 200: categoryStats, ...errorResponses } },
    },
    async (request) => getCategoryStats(deps.ctx(request), actorOf(request), request.query.region),
  );
}
