import { useQuery } from '@tanstack/react-query';
import { fetchTimeline, householdKeys } from '../api';

export function useHouseholdTimeline(id: string, enabled = true) {
  return useQuery({ queryKey: householdKeys.timeline(id), queryFn: () => fetchTimeline(id), enabled: enabled && !!id });
}
