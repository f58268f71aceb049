import { useQuery } from '@tanstack/react-query';
import { fetchParameterHistory, policyKeys } from '../api';

/** All versions of one parameter on a region's path; idle while `code` is null. */
export function useParameterHistory(code: string | null, regionCode: string | undefined) {
  return useQuery({
    queryKey: policyKeys.history(code ?? '', regionCode),
    queryFn: () => fetchParameterHistory(code!, regionCode),
    enabled: !!code,
  });
}
