import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { addIncome, type IncomeInput } from '../api';

export function useAddIncome(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomeInput) => addIncome(householdId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
