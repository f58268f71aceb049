import { useQuery } from '@tanstack/react-query';
import { fetchImports, importKeys, RUNNING_STATUSES } from '../api';

export function useImportList() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: fetchImports,
    // Keep the list fresh while one of its batches is still running.
    refetchInterval: (q) => (q.state.data?.some((b) => RUNNING_STATUSES.includes(b.status)) ? 3_000 : false),
  });
}
