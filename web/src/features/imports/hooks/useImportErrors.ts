import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchImportErrors, importKeys } from '../api';

export function useImportErrors(id: string | null, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.errors(id ?? '', page, pageSize),
    queryFn: () => fetchImportErrors(id!, page, pageSize),
    enabled: enabled && !!id,
    placeholderData: keepPreviousData,
  });
}
