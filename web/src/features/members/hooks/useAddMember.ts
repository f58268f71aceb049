import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { addMember, type AddMemberBody } from '../api';

export function useAddMember(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember(householdId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
