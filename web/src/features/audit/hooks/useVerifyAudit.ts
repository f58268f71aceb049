import { useMutation } from '@tanstack/react-query';
import { verifyAudit } from '../api';

/** 校验哈希链: a button-triggered check, so a mutation rather than a cached query. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
