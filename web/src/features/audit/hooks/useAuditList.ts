import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditKeys, fetchAudit, type AuditQuery } from '../api';

export function useAuditList(q: AuditQuery) {
  return useQuery({ queryKey: auditKeys.list(q), queryFn: () => fetchAudit(q), placeholderData: keepPreviousData });
}
