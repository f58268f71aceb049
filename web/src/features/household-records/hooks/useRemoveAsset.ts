import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { removeAsset } from '../api';

export function useRemoveAsset(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason?: string }) => removeAsset(householdId, itemId, reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
