import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deptKeys, fetchMapping, saveMapping } from './api';

export function useDeptMapping(code: string | null) {
  return useQuery({ queryKey: deptKeys.mapping(code ?? ''), queryFn: () => fetchMapping(code!), enabled: !!code });
}

export function useSaveDeptMapping(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { mapping: Record<string, string>; note?: string }) => saveMapping(code, v.mapping, v.note),
    onSuccess: () => void qc.invalidateQueries({ queryKey: deptKeys.all }),
  });
}
