import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { deptKeys, fetchBatch, fetchBatchErrors, fetchBatchRecords, fetchBatches, RUNNING_DEPT_STATUSES, uploadBatch } from './api';

export function useDeptBatches(sourceCode: string | null) {
  return useQuery({ queryKey: deptKeys.batches(sourceCode), queryFn: () => fetchBatches(sourceCode) });
}

/** One batch, polled every second while it is being processed. */
export function useDeptBatch(id: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: deptKeys.batch(id ?? ''),
    queryFn: () => fetchBatch(id!),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !RUNNING_DEPT_STATUSES.includes(q.state.data.status) ? false : 1_000),
  });
  const status = query.data?.status;
  const prev = useRef(status);
  useEffect(() => {
    if (prev.current && status && prev.current !== status && !RUNNING_DEPT_STATUSES.includes(status)) {
      void qc.invalidateQueries({ queryKey: ['dept', 'batches'] });
      if (status === 'APPLIED') void qc.invalidateQueries({ queryKey: ['households'] });
    }
    prev.current = status;
  }, [status, qc]);
  return query;
}

export function useDeptBatchErrors(id: string | null, page: number, enabled: boolean) {
  return useQuery({ queryKey: deptKeys.errors(id ?? '', page), queryFn: () => fetchBatchErrors(id!, page), enabled: !!id && enabled });
}

export function useDeptBatchRecords(id: string | null, page: number, enabled: boolean) {
  return useQuery({ queryKey: deptKeys.records(id ?? '', page), queryFn: () => fetchBatchRecords(id!, page), enabled: !!id && enabled });
}

export function useUploadDeptBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { sourceCode: string; file: File }) => uploadBatch(v.sourceCode, v.file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dept', 'batches'] }),
  });
}
