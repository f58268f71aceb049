import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  approveProposalBody,
  parameterCodeParams,
  parameterHistory,
  parameterHistoryQuery,
  parameterList,
  parameterListQuery,
  parameterVersion,
  proposalIdParams,
  proposalList,
  proposeParameterBody,
  rejectProposalBody,
  withdrawProposalBody,
} from '../../../contracts/policy.schemas.js';
import { approveParameter } from '../../../services/policy/approve-parameter.js';
import { reassessAfterApproval } from '../../../services/policy/start-reassessment.js';
import { listParameters } from '../../../services/policy/list-parameters.js';
import { listProposals } from '../../../services/policy/list-proposals.js';
import { getParameterHistory } from '../../../services/policy/parameter-history.js';
import { proposeParameter } from '../../../services/policy/propose-parameter.js';
import { rejectParameter } from '../../../services/policy/reject-parameter.js';
import { withdrawParameter } from '../../../services/policy/withdraw-parameter.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** Policy parameters (POLICY.md §19) and their four-eyes editing (issue 3 §1). */
export function parameterRoutes(app: App, deps: RouteDeps) {
  const tags = ['政策参数'];
  const version = { 200: parameterVersion, ...errorResponses };

  app.get(
    '/api/policy/parameters',
    {
      config: { access: 'policy:read' },
      schema: { tags, summary: '某地区某日有效的全部政策参数（继承或本级设置）', querystring: parameterListQuery, response: { 200: parameterList, ...errorResponses } },
    },
    async (request) => listParameters(deps.ctx(request), actorOf(request), request.query),
  );

  app.get(
    '/api/policy/parameters/:code/history',
    {
      config: { access: 'policy:read' },
      schema: { tags, summary: '参数的全部版本（提议人、审批人、时间、理由）', params: parameterCodeParams, querystring: parameterHistoryQuery, response: { 200: parameterHistory, ...errorResponses } },
    },
    async (request) => getParameterHistory(deps.ctx(request), actorOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/policy/proposals',
    { config: { access: 'policy:manage' }, schema: { tags, summary: '管辖范围内待审批的参数修改', response: { 200: proposalList, ...errorResponses } } },
    async (request) => listProposals(deps.ctx(request), actorOf(request)),
  );

  app.post(
    '/api/policy/proposals',
    {
      config: { access: 'policy:manage' },
      schema: { tags, summary: '提议修改政策参数（须由另一名管理员批准）', body: proposeParameterBody, response: { 201: parameterVersion, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await proposeParameter(deps.ctx(request), actorOf(request), request.body)),
  );

  app.post(
    '/api/policy/proposals/:id/approve',
    { config: { access: 'policy:manage' }, schema: { tags, summary: '批准他人提议的参数修改', params: proposalIdParams, body: approveProposalBody, response: version } },
    async (request) => {
      const ctx = deps.ctx(request);
      const actor = actorOf(request);
      const approved = await approveParameter(ctx, actor, request.params.id, request.body ?? {});
      // The approval stands on its own; the applied re-assessment is a background job that the
      // 批量重新核算 page shows (and that can be started there again if this fails).
      await reassessAfterApproval(ctx, actor, approved).catch((err: unknown) => request.log.error({ err }, 'could not start the applied re-assessment'));
      return approved;
    },
  );

  app.post(
    '/api/policy/proposals/:id/reject',
    { config: { access: 'policy:manage' }, schema: { tags, summary: '驳回他人提议的参数修改（须说明理由）', params: proposalIdParams, body: rejectProposalBody, response: version } },
    async (request) => rejectParameter(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/policy/proposals/:id/withdraw',
    { config: { access: 'policy:manage' }, schema: { tags, summary: '提议人撤回本人的参数修改', params: proposalIdParams, body: withdrawProposalBody, response: version } },
    async (request) => withdrawParameter(deps.ctx(request), actorOf(request), request.params.id, request.body ?? {}),
  );
}
