/**
 * Household imports (STYLE §7). No contract file exists for these routes yet
 * (src/contracts has no imports.schemas.ts), so the shapes below follow the
 * import_batches / import_errors tables; extra fields are ignored.
 */
import { apiClient, apiUrl } from '../../lib/api-client';

export type ImportStatus = 'UPLOADED' | 'VALIDATING' | 'INVALID' | 'APPLYING' | 'APPLIED' | 'FAILED';

export interface ImportBatch {
  id: string;
  kind?: string;
  fileName: string;
  status: ImportStatus | string;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  householdsCreated: number;
  householdsUpdated: number;
  membersCreated: number;
  membersUpdated: number;
  unchangedRows: number;
  failureCode?: string | null;
  createdAt: string;
  finishedAt?: string | null;
  createdByName?: string | null;
}

export interface ImportErrorItem {
  rowNo: number;
  column: string;
  code: string;
  params?: Record<string, unknown> | null;
  value?: string | null;
  /** Chinese text when the server words it; otherwise the web app words `code`. */
  message?: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Still working: poll while in one of these. */
export const RUNNING_STATUSES: readonly string[] = ['UPLOADED', 'VALIDATING', 'APPLYING'];

export const importKeys = {
  all: ['imports'] as const,
  list: () => ['imports', 'list'] as const,
  batch: (id: string) => ['imports', 'batch', id] as const,
  errors: (id: string, page: number, pageSize: number) => ['imports', 'errors', id, page, pageSize] as const,
};

export const templateUrl = (format: 'xlsx' | 'csv') => apiUrl('/api/imports/template', { format });
export const reportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report`;

export async function fetchImports(): Promise<ImportBatch[]> {
  const r = await apiClient.get<Paged<ImportBatch> | ImportBatch[]>('/api/imports');
  return Array.isArray(r) ? r : r.items;
}

export function fetchImport(id: string): Promise<ImportBatch> {
  return apiClient.get<ImportBatch>(`/api/imports/${encodeURIComponent(id)}`);
}

export function fetchImportErrors(id: string, page: number, pageSize: number): Promise<Paged<ImportErrorItem>> {
  return apiClient.get<Paged<ImportErrorItem>>(`/api/imports/${encodeURIComponent(id)}/errors`, { query: { page, pageSize } });
}

/** multipart field `file`; the CSRF header goes with it like any POST. */
export function uploadImport(file: File, signal?: AbortSignal): Promise<ImportBatch> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.upload<ImportBatch>('/api/imports', form, { signal });
}
