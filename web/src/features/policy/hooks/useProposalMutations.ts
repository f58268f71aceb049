import { useMutation, useQueryClient } from '@tanstack/react-query';
import { approveProposal, policyKeys, proposeParameter, rejectProposal, withdrawProposal } from '../api';

/** Propose / approve / reject / withdraw; each refreshes every policy query. */
export function useProposalMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: policyKeys.all });
  return {
    propose: useMutation({ mutationFn: proposeParameter, onSuccess: refresh }),
    approve: useMutation({ mutationFn: ({ id, note }: { id: string; note?: string }) => approveProposal(id, note ? { note } : {}), onSuccess: refresh }),
    reject: useMutation({ mutationFn: ({ id, note }: { id: string; note: string }) => rejectProposal(id, { note }), onSuccess: refresh }),
    withdraw: useMutation({ mutationFn: (id: string) => withdrawProposal(id), onSuccess: refresh }),
  };
}
