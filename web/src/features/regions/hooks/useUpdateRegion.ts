import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateRegionBody } from '../../../../../src/contracts/regions.schemas';
import { regionKeys, updateRegion } from '../api';

export function useUpdateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateRegionBody }) => updateRegion(code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
