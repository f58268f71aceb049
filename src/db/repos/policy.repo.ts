import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, desc, eq, like, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor } from '../database.js';
import { policyParameters, users } from '../schema/index.js';

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
    .orderBy(
      sql`length(${policyParameters.regionCode}) DESC`,
      sql`${policyParameters.effectiveFrom} DESC`,
      // Same region and date: a version for this urban/rural kind beats one for ALL, and a
      // later approval supersedes an earlier one (corrections).
      sql`CASE WHEN ${policyParameters.urbanRural} = 'ALL' THEN 1 ELSE 0 END`,
      sql`${policyParameters.reviewedAt} DESC NULLS LAST`,
      sql`${policyParameters.createdAt} DESC`,
    )
    .limit(1);
  return r ?? null;
}


// ---------------------------------------------------------------------------------------
// Four-eyes editing (issue 3 §1): proposals are DRAFT rows; only APPROVED rows are in force.

export type PolicyParameterRow = typeof policyParameters.$inferSelect;

export interface NewParameterProposal {
  code: string;
  name: string;
  regionCode: string;
  urbanRural: string;
  effectiveFrom: string;
  value: unknown;
  confidence: string;
  basis: string;
  note: string | null;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

export async function insertParameterProposal(db: Executor, p: NewParameterProposal): Promise<PolicyParameterRow> {
  const [row] = await db
    .insert(policyParameters)
    .values({ ...p, status: 'DRAFT', isDefault: false })
    .returning();
  return row!;
}

const proposer = alias(users, 'proposer');
const reviewer = alias(users, 'reviewer');

/** A version with the display names of its proposer and reviewer. */
export type ParameterVersionRow = PolicyParameterRow & { createdByName: string | null; reviewedByName: string | null };

function selectWithNames(db: Executor) {
  return db
    .select({ p: policyParameters, createdByName: proposer.displayName, reviewedByName: reviewer.displayName })
    .from(policyParameters)
    .leftJoin(proposer, eq(proposer.id, policyParameters.createdBy))
    .leftJoin(reviewer, eq(reviewer.id, policyParameters.reviewedBy));
}

const flatten = (r: { p: PolicyParameterRow; createdByName: string | null; reviewedByName: string | null }): ParameterVersionRow => ({
  ...r.p,
  createdByName: r.createdByName,
  reviewedByName: r.reviewedByName,
});

/** Pending proposals whose region lies inside `scope` (visible to and approvable by its admins). */
export async function listPendingProposals(db: Executor, scope: RegionScope): Promise<ParameterVersionRow[]> {
  const rows = await selectWithNames(db)
    .where(and(eq(policyParameters.status, 'DRAFT'), like(policyParameters.regionCode, `${scope.regionCode}%`)))
    .orderBy(asc(policyParameters.createdAt), asc(policyParameters.code));
  return rows.map(flatten);
}

/**
 * Every version (all statuses) on the path province → 市州 → county of `regionCode`, newest
 * proposal first (shipped versions last); `code` narrows to one parameter. The caller has checked that `regionCode`
 * is inside the user's scope (ancestors' versions apply to it and may be read).
 */
export async function listVersionsOnRegionPath(db: Executor, regionCode: string, code?: string): Promise<ParameterVersionRow[]> {
  const rows = await selectWithNames(db)
    .where(
      and(
        sql`${regionCode} LIKE ${policyParameters.regionCode} || '%'`,
        code === undefined ? undefined : eq(policyParameters.code, code),
      ),
    )
    // The shipped set is the baseline, whenever it was loaded: it comes last.
    .orderBy(asc(policyParameters.isDefault), desc(policyParameters.createdAt), desc(policyParameters.effectiveFrom), asc(policyParameters.regionCode));
  return rows.map(flatten);
}

/** A proposal (any status, never a shipped seed row) whose region lies inside `scope`. */
export async function findProposalById(db: Executor, scope: RegionScope, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(policyParameters)
    .where(
      and(
        eq(policyParameters.id, id),
        eq(policyParameters.isDefault, false),
        like(policyParameters.regionCode, `${scope.regionCode}%`),
      ),
    );
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** A pending (DRAFT) proposal inside `scope`, or null. */
export async function findDraftById(db: Executor, scope: RegionScope, id: string) {
  const [row] = await db
    .select()
    .from(policyParameters)
    .where(and(eq(policyParameters.id, id), eq(policyParameters.status, 'DRAFT'), like(policyParameters.regionCode, `${scope.regionCode}%`)));
  return row ?? null;
}

/** Is there a pending proposal for the same version key (code, region, urban/rural, date)? */
export async function findPendingDuplicate(
  db: Executor,
  k: { code: string; regionCode: string; urbanRural: string; effectiveFrom: string },
) {
  const [row] = await db
    .select({ id: policyParameters.id })
    .from(policyParameters)
    .where(
      and(
        eq(policyParameters.status, 'DRAFT'),
        eq(policyParameters.code, k.code),
        eq(policyParameters.regionCode, k.regionCode),
        eq(policyParameters.urbanRural, k.urbanRural),
        eq(policyParameters.effectiveFrom, k.effectiveFrom),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Approve or reject a pending proposal. Guarded: the row must still be DRAFT and the reviewer
 * must not be its proposer (four-eyes, enforced here as well as in the use case). Returns the
 * updated row, or null when the guard did not hold.
 */
export async function decideProposal(
  db: Executor,
  d: { id: string; status: 'APPROVED' | 'REJECTED'; reviewerId: string; at: Date; note: string | null },
): Promise<PolicyParameterRow | null> {
  const [row] = await db
    .update(policyParameters)
    .set({ status: d.status, reviewedBy: d.reviewerId, reviewedAt: d.at, reviewNote: d.note })
    .where(
      and(
        eq(policyParameters.id, d.id),
        eq(policyParameters.status, 'DRAFT'),
        sql`${policyParameters.createdBy} IS NOT NULL`,
        ne(policyParameters.createdBy, d.reviewerId),
      ),
    )
    .returning();
  return row ?? null;
}

/** The proposer withdraws a pending proposal. Guarded like decideProposal; null when it did not hold. */
export async function withdrawProposal(
  db: Executor,
  w: { id: string; proposerId: string; at: Date; note: string | null },
): Promise<PolicyParameterRow | null> {
  const [row] = await db
    .update(policyParameters)
    .set({ status: 'WITHDRAWN', reviewedAt: w.at, reviewNote: w.note })
    .where(and(eq(policyParameters.id, w.id), eq(policyParameters.status, 'DRAFT'), eq(policyParameters.createdBy, w.proposerId)))
    .returning();
  return row ?? null;
}
