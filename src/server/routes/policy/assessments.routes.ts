import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  assessmentIdParams,
  assessmentView,
  benefitRecipientList,
  benefitRecipientQuery,
  householdAssessments,
  householdIdParams,
  runAssessmentBody,
  setReviewClassBody,
} from '../../../contracts/assessments.schemas.js';
import { getAssessment, listHouseholdAssessments } from '../../../services/policy/assessment-views.js';
import { exportBenefitRecipients, findBenefitRecipients } from '../../../services/policy/find-benefit-recipients.js';
import { printAssessment } from '../../../services/policy/print-assessment.js';
import { runAssessment } from '../../../services/policy/run-assessment.js';
import { setReviewClass } from '../../../services/policy/set-review-class.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

export function assessmentRoutes(app: App, deps: RouteDeps) {
  const tags = ['政策核算'];

  app.post(
    '/api/households/:id/assessments',
    {
      config: { access: 'assessment:run' },
      schema: {
        tags,
        summary: '按当时有效的政策参数核算家庭收入与救助资格，保存决定及说明',
        params: householdIdParams,
        body: runAssessmentBody,
        response: { 200: assessmentView, ...errorResponses },
      },
    },
    async (request) => runAssessment(deps.ctx(request), actorOf(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/households/:id/assessments',
    {
      config: { access: 'registry:read' },
      schema: { tags, summary: '家庭的核算记录、低保待遇状态及变动', params: householdIdParams, response: { 200: householdAssessments, ...errorResponses } },
    },
    async (request) => listHouseholdAssessments(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.put(
    '/api/households/:id/benefit-status/review-class',
    {
      config: { access: 'assessment:run' },
      schema: {
        tags,
        summary: '设定低保家庭的定期复核类别（收入基本稳定：P07；收入不稳定且有劳动能力：P08，R42）',
        params: householdIdParams,
        body: setReviewClassBody,
        response: { 200: householdAssessments, ...errorResponses },
      },
    },
    async (request) => setReviewClass(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/benefit-recipients',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: '低保对象：待遇状态与金额，渐退期满复核与定期复核（R42、R44.3、R85）',
        querystring: benefitRecipientQuery,
        response: { 200: benefitRecipientList, ...errorResponses },
      },
    },
    async (request) => findBenefitRecipients(deps.ctx(request), actorOf(request), request.query),
  );

  app.get(
    '/api/benefit-recipients/export',
    {
      config: { access: 'registry:export' },
      schema: {
        tags,
        summary: '导出低保对象名单为 Excel（筛选条件同列表，不分页；身份证号脱敏）',
        querystring: benefitRecipientQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page: _p, pageSize: _s, ...filter } = request.query;
      const r = await exportBenefitRecipients(deps.ctx(request), actorOf(request), filter);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.send(r.stream as never);
    },
  );

  app.get(
    '/api/assessments/:id',
    {
      config: { access: 'registry:read' },
      schema: { tags, summary: '一次核算的结果与逐步说明', params: assessmentIdParams, response: { 200: assessmentView, ...errorResponses } },
    },
    async (request) => getAssessment(deps.ctx(request), actorOf(request), request.params.id),
  );

  app.get(
    '/api/assessments/:id/pdf',
    {
      config: { access: 'registry:read' },
      schema: { tags, summary: '打印家庭经济状况核算表（PDF，内嵌中文字体）', params: assessmentIdParams, response: { ...errorResponses } },
    },
    async (request, reply) => {
      const r = await printAssessment(deps.ctx(request), actorOf(request), request.params.id);
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="assessment.pdf"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.send(r.pdf as never);
    },
  );
}
