import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateWarningRuleBody } from '../../../../src/contracts/monitoring-rules.schemas';
import { fetchComparisons, fetchRules, monitoringRuleKeys, startComparison, switchRule, updateRule } from './api';

export function useWarningRules() {
  return useQuery({ queryKey: monitoringRuleKeys.rules(), queryFn: fetchRules });
}

export function useUpdateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWarningRuleBody }) => updateRule(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: monitoringRuleKeys.all }),
  });
}

export function useSwitchRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, regionCode, enabled }: { id: string; regionCode: string; enabled: boolean }) => switchRule(id, regionCode, enabled),
    onSuccess: () => qc.invalidateQueries({ queryKey: monitoringRuleKeys.all }),
  });
}

/** Runs of my region; polled every second while one is queued or running. */
export function useComparisons() {
  return useQuery({
    queryKey: monitoringRuleKeys.comparisons(),
    queryFn: fetchComparisons,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING') ? 1000 : false),
  });
}

export function useStartComparison() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string | undefined) => startComparison(period ? { period } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: monitoringRuleKeys.comparisons() }),
  });
}
