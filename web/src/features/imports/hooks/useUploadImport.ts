import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importKeys, uploadImport } from '../api';

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadImport(file),
    onSuccess: (batch) => {
      qc.setQueryData(importKeys.batch(batch.id), batch);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
