/** 政策参数 (POLICY.md §19) and their four-eyes editing: /api/policy/parameters, /api/policy/proposals. */
import type {
  ApproveProposalBody,
  ParameterHistory,
  ParameterList,
  ParameterListItem,
  ParameterVersion,
  ProposalItem,
  ProposalList,
  ProposeParameterBody,
  RejectProposalBody,
} from '../../../../src/contracts/policy.schemas';
import { apiClient } from '../../lib/api-client';

export type { ParameterHistory, ParameterList, ParameterListItem, ParameterVersion, ProposalItem, ProposeParameterBody };

export interface ParameterListParams {
  regionCode?: string | undefined;
  date?: string | undefined;
}

export const policyKeys = {
  all: ['policy'] as const,
  parameters: (p: ParameterListParams) => ['policy', 'parameters', p] as const,
  history: (code: string, regionCode: string | undefined) => ['policy', 'history', code, regionCode ?? null] as const,
  proposals: () => ['policy', 'proposals'] as const,
};

export function fetchParameters(p: ParameterListParams): Promise<ParameterList> {
  return apiClient.get('/api/policy/parameters', { query: { regionCode: p.regionCode, date: p.date } });
}

export function fetchParameterHistory(code: string, regionCode: string | undefined): Promise<ParameterHistory> {
  return apiClient.get(`/api/policy/parameters/${encodeURIComponent(code)}/history`, { query: { regionCode } });
}

export function fetchProposals(): Promise<ProposalList> {
  return apiClient.get('/api/policy/proposals');
}

export function proposeParameter(body: ProposeParameterBody): Promise<ParameterVersion> {
  return apiClient.post('/api/policy/proposals', body);
}

export function approveProposal(id: string, body: ApproveProposalBody = {}): Promise<ParameterVersion> {
  return apiClient.post(`/api/policy/proposals/${encodeURIComponent(id)}/approve`, body);
}

export function rejectProposal(id: string, body: RejectProposalBody): Promise<ParameterVersion> {
  return apiClient.post(`/api/policy/proposals/${encodeURIComponent(id)}/reject`, body);
}

export function withdrawProposal(id: string): Promise<ParameterVersion> {
  return apiClient.post(`/api/policy/proposals/${encodeURIComponent(id)}/withdraw`, {});
}
