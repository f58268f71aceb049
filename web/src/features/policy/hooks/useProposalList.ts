import { useQuery } from '@tanstack/react-query';
import { fetchProposals, policyKeys } from '../api';

/** Pending proposals in the user's scope. */
export function useProposalList(enabled = true) {
  return useQuery({ queryKey: policyKeys.proposals(), queryFn: fetchProposals, enabled });
}
