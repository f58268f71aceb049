import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { addCategory, type CategoryInput } from '../api';

export function useAddCategory(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CategoryInput) => addCategory(householdId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
