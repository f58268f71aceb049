/** 部门数据 (issue 4 §1–§3): sources and mappings, batches, API keys. Shapes from src/contracts/dept.schemas.ts. */
import type { Static } from 'typebox';
import type {
  deptBatchErrorList,
  deptKeyCreated,
  deptKeyView,
  deptMappingHistory,
  deptRecordList,
  DeptBatchView,
  DeptSourceView,
} from '../../../../src/contracts/dept.schemas';
import { apiClient, apiUrl } from '../../lib/api-client';

export type DeptSource = DeptSourceView;
export type DeptBatch = DeptBatchView;
export type DeptMappingHistory = Static<typeof deptMappingHistory>;
export type DeptErrorPage = Static<typeof deptBatchErrorList>;
export type DeptRecordPage = Static<typeof deptRecordList>;
export type DeptKey = Static<typeof deptKeyView>;
export type DeptKeyCreated = Static<typeof deptKeyCreated>;

export const RUNNING_DEPT_STATUSES: readonly string[] = ['RECEIVED', 'VALIDATING', 'APPLYING'];

export const deptKeys = {
  all: ['dept'] as const,
  sources: () => ['dept', 'sources'] as const,
  mapping: (code: string) => ['dept', 'mapping', code] as const,
  batches: (sourceCode: string | null) => ['dept', 'batches', sourceCode ?? ''] as const,
  batch: (id: string) => ['dept', 'batch', id] as const,
  errors: (id: string, page: number) => ['dept', 'errors', id, page] as const,
  records: (id: string, page: number) => ['dept', 'records', id, page] as const,
  apiKeys: () => ['dept', 'keys'] as const,
};

const enc = encodeURIComponent;

export const templateUrl = (code: string) => apiUrl(`/api/dept/sources/${enc(code)}/template`);
export const reportUrl = (id: string) => apiUrl(`/api/dept/batches/${enc(id)}/report`);

export const fetchSources = async () => (await apiClient.get<{ items: DeptSource[] }>('/api/dept/sources')).items;
export const fetchMapping = (code: string) => apiClient.get<DeptMappingHistory>(`/api/dept/sources/${enc(code)}/mapping`);
export const saveMapping = (code: string, mapping: Record<string, string>, note?: string) =>
  apiClient.put<DeptMappingHistory>(`/api/dept/sources/${enc(code)}/mapping`, { mapping, ...(note ? { note } : {}) });

export const fetchBatches = async (sourceCode: string | null) =>
  (await apiClient.get<{ items: DeptBatch[] }>('/api/dept/batches', { query: { sourceCode: sourceCode ?? undefined } })).items;
export const fetchBatch = (id: string) => apiClient.get<DeptBatch>(`/api/dept/batches/${enc(id)}`);
export const fetchBatchErrors = (id: string, page: number, pageSize = 20) =>
  apiClient.get<DeptErrorPage>(`/api/dept/batches/${enc(id)}/errors`, { query: { page, pageSize } });
export const fetchBatchRecords = (id: string, page: number, pageSize = 20) =>
  apiClient.get<DeptRecordPage>(`/api/dept/batches/${enc(id)}/records`, { query: { page, pageSize } });

/** multipart: sourceCode first, then the file. */
export function uploadBatch(sourceCode: string, file: File): Promise<DeptBatch> {
  const form = new FormData();
  form.append('sourceCode', sourceCode);
  form.append('file', file, file.name);
  return apiClient.upload<DeptBatch>('/api/dept/batches', form);
}

export const fetchApiKeys = async () => (await apiClient.get<{ items: DeptKey[] }>('/api/dept/keys')).items;
export const createApiKey = (department: string, label: string) => apiClient.post<DeptKeyCreated>('/api/dept/keys', { department, label });
export const revokeApiKey = (id: string) => apiClient.post<DeptKey>(`/api/dept/keys/${enc(id)}/revoke`, {});
