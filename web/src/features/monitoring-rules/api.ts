/** 预警规则 and 月度比对 (issue 4 §3, §6): /api/monitoring/rules, /api/monitoring/comparisons. */
import type {
  ComparisonViewBody,
  StartComparisonBody,
  UpdateWarningRuleBody,
  WarningRuleViewBody,
} from '../../../../src/contracts/monitoring-rules.schemas';
import { apiClient } from '../../lib/api-client';

export type WarningRule = WarningRuleViewBody;
export type ComparisonRun = ComparisonViewBody;

export const monitoringRuleKeys = {
  all: ['monitoring-rules'] as const,
  rules: () => ['monitoring-rules', 'rules'] as const,
  comparisons: () => ['monitoring-rules', 'comparisons'] as const,
  comparison: (id: string) => ['monitoring-rules', 'comparisons', id] as const,
};

export const fetchRules = (): Promise<{ items: WarningRule[] }> => apiClient.get('/api/monitoring/rules');
export const updateRule = (id: string, body: UpdateWarningRuleBody): Promise<WarningRule> => apiClient.put(`/api/monitoring/rules/${id}`, body);
export const switchRule = (id: string, regionCode: string, enabled: boolean): Promise<WarningRule> =>
  apiClient.put(`/api/monitoring/rules/${id}/regions/${regionCode}`, { enabled });
export const fetchComparisons = (): Promise<{ items: ComparisonRun[] }> => apiClient.get('/api/monitoring/comparisons');
export const fetchComparison = (id: string): Promise<ComparisonRun> => apiClient.get(`/api/monitoring/comparisons/${id}`);
export const startComparison = (body: StartComparisonBody): Promise<ComparisonRun> => apiClient.post('/api/monitoring/comparisons', body);
