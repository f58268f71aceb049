import { useQuery } from '@tanstack/react-query';
import { deptKeys, fetchSources } from './api';

export function useDeptSources() {
  return useQuery({ queryKey: deptKeys.sources(), queryFn: fetchSources });
}
