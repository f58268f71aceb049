import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchParameters, policyKeys, type ParameterListParams } from '../api';

/** Every catalog parameter in force for a region on a date. */
export function useParameterList(p: ParameterListParams) {
  return useQuery({ queryKey: policyKeys.parameters(p), queryFn: () => fetchParameters(p), placeholderData: keepPreviousData });
}
