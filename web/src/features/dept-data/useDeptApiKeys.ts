import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiKey, deptKeys, fetchApiKeys, revokeApiKey } from './api';

export function useDeptApiKeys(enabled: boolean) {
  return useQuery({ queryKey: deptKeys.apiKeys(), queryFn: fetchApiKeys, enabled });
}

export function useCreateDeptApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { department: string; label: string }) => createApiKey(v.department, v.label),
    onSuccess: () => void qc.invalidateQueries({ queryKey: deptKeys.apiKeys() }),
  });
}

export function useRevokeDeptApiKey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeApiKey, onSuccess: () => void qc.invalidateQueries({ queryKey: deptKeys.apiKeys() }) });
}
