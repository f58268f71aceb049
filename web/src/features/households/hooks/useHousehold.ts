import { useQuery } from '@tanstack/react-query';
import { fetchHousehold, householdKeys } from '../api';

export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKeys.detail(id), queryFn: () => fetchHousehold(id), enabled: !!id });
}
