import { existsSync } from 'node:fs';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { countPolicyParameters, insertPolicyParameters, POLICY_SEED_FILE, readPolicySeed } from '../../db/repos/policy.repo.js';
import { countRegions, insertRegions, readRegionSeed } from '../../db/repos/regions.repo.js';
import { countUsers, insertUser } from '../../db/repos/users.repo.js';
import { PARAMETER_CATALOG } from '../../domain/policy/parameter-catalog.js';
import type { ServiceContext } from '../context.js';
import { generateOneTimePassword, hashPassword } from '../access/passwords.js';
import { seedDefaultWarningRules } from '../monitoring/rules-seed.js';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';

export interface BootstrapResult {
  regionsLoaded: number;
  parametersLoaded: number;
  /** default warning rules (P35/R81) inserted now; 0 once they exist */
  warningRulesLoaded: number;
  /**
   * Set only on the very first start: the three administrator accounts of 三员分立
   * (系统管理员 manages accounts, 安全管理员 grants roles, 审计管理员 reads the audit log),
   * each with a one-time password to print once; it is never shown again.
   */
  admins: { username: string; displayName: string; oneTimePassword: string }[];
}

const FIRST_ADMINS = [
  { username: 'admin', displayName: '系统管理员', role: 'SYSTEM_ADMIN' },
  { username: 'secadmin', displayName: '安全管理员', role: 'SECURITY_ADMIN' },
  { username: 'auditor', displayName: '审计管理员', role: 'AUDIT_ADMIN' },
] as const;

/**
 * First-start work, idempotent: load the Qinghai divisions and the default policy
 * parameter set when their tables are empty, and create the 系统管理员 account with a
 * one-time password when there is no account at all.
 */
export async function bootstrapPlatform(ctx: ServiceContext, opts: { createAdmin: boolean }): Promise<BootstrapResult> {
  const { db } = ctx.database;
  const at = ctx.clock.now().toISOString();
  // PGlite runs no autovacuum: give the planner statistics for what earlier runs loaded.
  await refreshPlannerStatistics(ctx.database);
  return db.transaction(async (tx) => {
    let regionsLoaded = 0;
    if ((await countRegions(tx)) === 0) regionsLoaded = await insertRegions(tx, readRegionSeed());
    let parametersLoaded = 0;
    if ((await countPolicyParameters(tx)) === 0 && existsSync(POLICY_SEED_FILE)) {
      const names = Object.fromEntries(PARAMETER_CATALOG.map((d) => [d.code, d.name]));
      parametersLoaded = await insertPolicyParameters(tx, readPolicySeed(), names);
    }
    // Default warning rules, switched on for the province (a code that exists is left as edited).
    const warningRulesLoaded = await seedDefaultWarningRules(tx, shanghaiDate(ctx.clock.now()));
    const admins: BootstrapResult['admins'] = [];
    if (opts.createAdmin && (await countUsers(tx)) === 0) {
      for (const a of FIRST_ADMINS) {
        const oneTimePassword = generateOneTimePassword();
        const u = await insertUser(tx, {
          username: a.username,
          displayName: a.displayName,
          passwordHash: await hashPassword(oneTimePassword),
          mustChangePassword: true,
          regionCode: '63',
          roles: [a.role],
        });
        admins.push({ username: u.username, displayName: u.displayName, oneTimePassword });
        await appendAudit(tx, [
          { at, actorId: null, actorName: '系统', action: 'user.create', entityType: 'user', entityId: u.id, source: 'SYSTEM', after: { username: u.username, roles: u.roles, regionCode: u.regionCode } },
        ]);
      }
    }
    if (regionsLoaded || parametersLoaded || warningRulesLoaded) {
      await appendAudit(tx, [
        { at, actorId: null, actorName: '系统', action: 'system.seed', entityType: 'system', entityId: null, source: 'SYSTEM', after: { regionsLoaded, parametersLoaded, warningRulesLoaded } },
      ]);
    }
    return { regionsLoaded, parametersLoaded, warningRulesLoaded, admins };
  });
}
