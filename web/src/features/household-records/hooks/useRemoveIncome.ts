import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { removeIncome } from '../api';

export function useRemoveIncome(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason?: string }) => removeIncome(householdId, itemId, reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
