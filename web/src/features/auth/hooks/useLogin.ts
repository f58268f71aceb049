import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login, SESSION_KEY } from '../api';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing cached for a previous user survives a new sign-in.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}
