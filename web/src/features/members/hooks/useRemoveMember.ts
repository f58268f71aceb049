import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { removeMember, type RemoveMemberBody } from '../api';

export function useRemoveMember(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: RemoveMemberBody }) => removeMember(householdId, memberId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
