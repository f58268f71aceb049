/**
 * 审计日志. No contract file exists for these routes yet; shapes as given in issue 2 §16.
 */
import { apiClient } from '../../lib/api-client';

export interface AuditQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  householdId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorName: string | null;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  householdId: string | null;
  countyCode: string | null;
  source: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (q: AuditQuery) => ['audit', 'list', q] as const,
};

export function fetchAudit(q: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
  return apiClient.get('/api/audit', { query: { ...q } });
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiClient.get('/api/audit/verify');
}
