import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchHouseholds, householdKeys, type HouseholdListQuery } from '../api';

export function useHouseholdList(q: HouseholdListQuery) {
  return useQuery({
    queryKey: householdKeys.list(q),
    queryFn: ({ signal }) => fetchHouseholds(q, signal),
    placeholderData: keepPreviousData,
  });
}
