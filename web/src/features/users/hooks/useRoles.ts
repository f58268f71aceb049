import { useQuery } from '@tanstack/react-query';
import { fetchRoles, userKeys } from '../api';

export function useRoles(enabled = true) {
  return useQuery({ queryKey: userKeys.roles(), queryFn: fetchRoles, staleTime: 10 * 60_000, enabled });
}
