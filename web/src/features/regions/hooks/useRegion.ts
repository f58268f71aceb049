import { useQuery } from '@tanstack/react-query';
import { fetchRegion, regionKeys } from '../api';

export function useRegion(code: string | null) {
  return useQuery({ queryKey: regionKeys.one(code ?? ''), queryFn: () => fetchRegion(code!), enabled: !!code });
}
