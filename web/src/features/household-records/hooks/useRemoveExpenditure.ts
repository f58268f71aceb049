import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { removeExpenditure } from '../api';

export function useRemoveExpenditure(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => removeExpenditure(householdId, itemId),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
