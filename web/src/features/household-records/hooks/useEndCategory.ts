import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { endCategory, type EndCategoryBody } from '../api';

export function useEndCategory(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: EndCategoryBody }) => endCategory(householdId, itemId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
