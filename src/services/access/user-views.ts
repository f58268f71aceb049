import { maskPhone } from '../../domain/registry/mask.js';
import { findRegionsByCodes } from '../../db/repos/regions.repo.js';
import type { UserRow } from '../../db/repos/users.repo.js';
import type { Executor } from '../../db/database.js';

/** An account as user management shows it: no password data, phone masked, region named. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  phone: string | null;
}

export async function toUserViews(db: Executor, rows: UserRow[]): Promise<UserView[]> {
  const codes = [...new Set(rows.map((r) => r.regionCode))];
  const names = new Map((await findRegionsByCodes(db, codes)).map((r) => [r.code, r.name]));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    regionCode: u.regionCode,
    regionName: names.get(u.regionCode) ?? u.regionCode,
    roles: [...u.roles],
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    phone: maskPhone(u.phone) ?? null,
  }));
}

export async function toUserView(db: Executor, row: UserRow): Promise<UserView> {
  const [view] = await toUserViews(db, [row]);
  return view!;
}

/** What the audit log keeps of an account: never the password hash, the phone masked. */
export function auditedAccount(u: UserRow) {
  return {
    username: u.username,
    displayName: u.displayName,
    regionCode: u.regionCode,
    roles: [...u.roles],
    disabled: u.disabled,
    phone: maskPhone(u.phone) ?? null,
  };
}
