import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api';
import { setPolicyFacts, type PolicyFactsInput } from '../api';

export function useSetPolicyFacts(householdId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: PolicyFactsInput }) => setPolicyFacts(householdId, personId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: householdKeys.all }),
  });
}
