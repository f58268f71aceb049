import { useQuery } from '@tanstack/react-query';
import { fetchDuplicates, householdKeys } from '../api';

export function useDuplicateList() {
  return useQuery({ queryKey: householdKeys.duplicates(), queryFn: fetchDuplicates });
}
