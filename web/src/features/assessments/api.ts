import type {
  AssessmentViewBody,
  BenefitRecipientListBody,
  BenefitRecipientQueryString,
  HouseholdAssessmentsBody,
  RunAssessmentBody,
  SetReviewClassBody,
} from '../../../../src/contracts/assessments.schemas';
import type { ReassessmentViewBody, StartReassessmentBody, reassessmentChanges } from '../../../../src/contracts/reassessments.schemas';
import type { AssessmentResult, ExplanationStep } from '../../../../src/domain/policy/assessment.types';
import type { Static } from 'typebox';
import { apiClient, apiUrl } from '../../lib/api-client';

/** The stored decision with its result and explanation typed as the engine produced them. */
export type AssessmentView = Omit<AssessmentViewBody, 'result' | 'explanation'> & { result: AssessmentResult; explanation: ExplanationStep[] };
export type HouseholdAssessments = HouseholdAssessmentsBody;
export type ReassessmentView = ReassessmentViewBody;
export type ReassessmentChanges = Static<typeof reassessmentChanges>;
export type BenefitRecipientQuery = BenefitRecipientQueryString;
export type BenefitRecipientList = BenefitRecipientListBody;

export const assessmentKeys = {
  all: ['assessments'] as const,
  household: (id: string) => ['assessments', 'household', id] as const,
  one: (id: string) => ['assessments', 'one', id] as const,
  runs: () => ['assessments', 'runs'] as const,
  recipients: (q: BenefitRecipientQuery) => ['assessments', 'recipients', q] as const,
  run: (id: string) => ['assessments', 'run', id] as const,
  changes: (id: string, change: string | undefined, page: number, runStatus: string) => ['assessments', 'run', id, 'changes', change ?? '', page, runStatus] as const,
};

export function fetchHouseholdAssessments(householdId: string): Promise<HouseholdAssessments> {
  return apiClient.get(`/api/households/${encodeURIComponent(householdId)}/assessments`);
}

export function fetchAssessment(id: string): Promise<AssessmentView> {
  return apiClient.get(`/api/assessments/${encodeURIComponent(id)}`);
}

export function runAssessment(householdId: string, body: RunAssessmentBody): Promise<AssessmentView> {
  return apiClient.post(`/api/households/${encodeURIComponent(householdId)}/assessments`, body);
}

/** 复核类别 (R42); answers with the household's assessments and status, as read again. */
export function setReviewClass(householdId: string, body: SetReviewClassBody): Promise<HouseholdAssessments> {
  return apiClient.put(`/api/households/${encodeURIComponent(householdId)}/benefit-status/review-class`, body);
}

export function assessmentPdfUrl(id: string): string {
  return apiUrl(`/api/assessments/${encodeURIComponent(id)}/pdf`, {});
}

export function fetchReassessments(): Promise<{ items: ReassessmentView[] }> {
  return apiClient.get('/api/policy/reassessments');
}

export function fetchReassessment(id: string): Promise<ReassessmentView> {
  return apiClient.get(`/api/policy/reassessments/${encodeURIComponent(id)}`);
}

export function startReassessment(body: StartReassessmentBody): Promise<ReassessmentView> {
  return apiClient.post('/api/policy/reassessments', body);
}

export function fetchReassessmentChanges(id: string, change: string | undefined, page: number): Promise<ReassessmentChanges> {
  return apiClient.get(`/api/policy/reassessments/${encodeURIComponent(id)}/changes`, { query: { change, page, pageSize: 50 } });
}

/** Link for 导出 Excel of 低保对象: the same filters, without paging. */
export function benefitRecipientExportUrl(q: BenefitRecipientQuery): string {
  const { page: _p, pageSize: _s, ...filters } = q;
  return apiUrl('/api/benefit-recipients/export', { ...filters });
}

/** 低保对象: recipients of a region, 渐退 first (R44.3, R85). */
export function fetchBenefitRecipients(q: BenefitRecipientQuery, signal?: AbortSignal): Promise<BenefitRecipientList> {
  return apiClient.get('/api/benefit-recipients', { query: { ...q }, signal });
}
