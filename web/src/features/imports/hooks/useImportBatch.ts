import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchImport, importKeys, RUNNING_STATUSES } from '../api';

/** One batch, polled every second while it is UPLOADED / VALIDATING / APPLYING. */
export function useImportBatch(id: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.batch(id ?? ''),
    queryFn: () => fetchImport(id!),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !RUNNING_STATUSES.includes(q.state.data.status) ? false : 1_000),
  });
  // When a batch finishes, the list and the registry have changed.
  const status = query.data?.status;
  const prev = useRef(status);
  useEffect(() => {
    if (prev.current && status && prev.current !== status && !RUNNING_STATUSES.includes(status)) {
      void qc.invalidateQueries({ queryKey: importKeys.list() });
      if (status === 'APPLIED') {
        void qc.invalidateQueries({ queryKey: ['households'] });
        void qc.invalidateQueries({ queryKey: ['stats'] });
      }
    }
    prev.current = status;
  }, [status, qc]);
  return query;
}
