import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/database.js';
import { insertUser, type UserRow } from '../../src/db/repos/users.repo.js';
import { hashPassword } from '../../src/services/access/passwords.js';
import type { Role } from '../../src/domain/access/roles.js';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let cachedHash: Promise<string> | null = null;

/** A user with random name; defaults: 乡镇经办 of 城东区, password already changed. */
export async function createTestUser(
  database: Database,
  overrides: Partial<{ roles: Role[]; regionCode: string; mustChangePassword: boolean; username: string; displayName: string }> = {},
): Promise<UserRow> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = overrides.username ?? `u_${randomBytes(5).toString('hex')}`;
  return insertUser(database.db, {
    username,
    displayName: overrides.displayName ?? `测试${username.slice(-4)}`,
    passwordHash: await cachedHash,
    mustChangePassword: overrides.mustChangePassword ?? false,
    regionCode: overrides.regionCode ?? '630102',
    roles: overrides.roles ?? ['TOWNSHIP_CLERK'],
  });
}
