import type { Permission } from '../../../../../src/domain/access/roles';
import { useSession } from './useSession';

/** `can('registry:write')` for the signed-in user; false while the session is loading. */
export function usePermissions() {
  const { data } = useSession();
  const set = new Set(data?.user.permissions ?? []);
  return {
    can: (p: Permission) => set.has(p),
    canAny: (...ps: Permission[]) => ps.some((p) => set.has(p)),
  };
}
