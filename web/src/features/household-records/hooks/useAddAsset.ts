import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { addAsset, type AssetInput } from '../api';

export function useAddAsset(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssetInput) => addAsset(householdId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
