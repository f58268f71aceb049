import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createHousehold, householdKeys } from '../api';

export function useCreateHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createHousehold,
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
