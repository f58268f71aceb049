import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '../api';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      qc.clear();
    },
  });
}
