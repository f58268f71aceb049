import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys, updateHousehold, type UpdateHouseholdBody } from '../api';

export function useUpdateHousehold(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateHouseholdBody) => updateHousehold(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
