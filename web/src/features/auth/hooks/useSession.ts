import { useQuery } from '@tanstack/react-query';
import { fetchSession, SESSION_KEY } from '../api';

/** The signed-in user, roles, permissions, CSRF token and idle timeout. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
