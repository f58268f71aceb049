import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { addExpenditure, type ExpenditureInput } from '../api';

export function useAddExpenditure(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpenditureInput) => addExpenditure(householdId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
