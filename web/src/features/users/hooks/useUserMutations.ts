import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createUser, resetPassword, setUserRoles, unlockUser, updateUser, userKeys, type UpdateUserBody } from '../api';

/** The user-admin mutations; each refreshes the user list. */
export function useUserMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: userKeys.all });
  return {
    create: useMutation({ mutationFn: createUser, onSuccess: refresh }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body), onSuccess: refresh }),
    resetPassword: useMutation({ mutationFn: (id: string) => resetPassword(id), onSuccess: refresh }),
    unlock: useMutation({ mutationFn: (id: string) => unlockUser(id), onSuccess: refresh }),
    setRoles: useMutation({ mutationFn: ({ id, roles }: { id: string; roles: string[] }) => setUserRoles(id, roles), onSuccess: refresh }),
  };
}
