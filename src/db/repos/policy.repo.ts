import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor } from '../database.js';
import { policyParameters } from '../schema/index.js';

export const POLICY_SEED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed', 'policy-parameters.json');

export interface PolicySeedRow {
  code: string;
  regionCode: string;
  urbanRural: string;
  effectiveFrom: string;
  value: unknown;
  confidence: string;
  basis: string;
  note?: string | null;
  name?: string;
}

export function readPolicySeed(file = POLICY_SEED_FILE): PolicySeedRow[] {
  return JSON.parse(readFileSync(file, 'utf8')) as PolicySeedRow[];
}

export async function countPolicyParameters(db: Executor): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(policyParameters);
  return c?.n ?? 0;
}

export async function insertPolicyParameters(db: Executor, rows: PolicySeedRow[], names: Record<string, string>): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await db
    .insert(policyParameters)
    .values(
      rows.map((r) => ({
        code: r.code,
        name: r.name ?? names[r.code] ?? r.code,
        regionCode: r.regionCode,
        urbanRural: r.urbanRural,
        effectiveFrom: r.effectiveFrom,
        value: r.value,
        confidence: r.confidence,
        basis: r.basis,
        note: r.note ?? null,
        status: 'APPROVED',
        isDefault: true,
      })),
    )
    .returning({ id: policyParameters.id });
  return res.length;
}

/** Parameter versions that apply inside `scope`: its own rows and those of its ancestors. */
export async function listPolicyParameters(db: Executor, scope: RegionScope) {
  return db
    .select()
    .from(policyParameters)
    .where(
      and(
        sql`(${policyParameters.regionCode} LIKE ${scope.regionCode + '%'} OR ${scope.regionCode} LIKE ${policyParameters.regionCode} || '%')`,
        eq(policyParameters.status, 'APPROVED'),
      ),
    )
    .orderBy(asc(policyParameters.code), asc(policyParameters.regionCode), asc(policyParameters.effectiveFrom));
}


/**
 * The version of parameter `code` in force on `onDate` for `regionCode`: the most specific
 * region on the path province → 市州 → county that has one, latest effective date first.
 */
export async function findParameterInForce(db: Executor, code: string, regionCode: string, onDate: string, urbanRural = 'ALL') {
  const [r] = await db
    .select()
    .from(policyParameters)
    .where(
      and(
        eq(policyParameters.code, code),
        eq(policyParameters.status, 'APPROVED'),
        sql`${regionCode} LIKE ${policyParameters.regionCode} || '%'`,
        sql`${policyParameters.effectiveFrom} <= ${onDate}`,
        sql`${policyParameters.urbanRural} IN ('ALL', ${urbanRural})`,
      ),
    )
    .orderBy(sql`length(${policyParameters.regionCode}) DESC`, sql`${policyParameters.effectiveFrom} DESC`)
    .limit(1);
  return r ?? null;
}
