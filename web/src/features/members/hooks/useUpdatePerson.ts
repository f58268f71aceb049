import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { updatePerson, type PersonPatch } from '../api';

export function useUpdatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, patch }: { personId: string; patch: PersonPatch }) => updatePerson(personId, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
