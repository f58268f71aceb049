import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCategoryStats, statsKeys } from '../api';

export function useCategoryStats(region: string | null) {
  return useQuery({
    queryKey: statsKeys.categories(region),
    queryFn: () => fetchCategoryStats(region),
    placeholderData: keepPreviousData,
  });
}
