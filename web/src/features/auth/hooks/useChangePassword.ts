import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword, SESSION_KEY } from '../api';

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => qc.setQueryData(SESSION_KEY, session),
  });
}
