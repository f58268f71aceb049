/** Warning rules (预警规则) and their per-region switches (issue 4 §3). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { clues, warningRuleRegions, warningRules } from '../schema/index.js';

export type WarningRuleRow = typeof warningRules.$inferSelect;
export type WarningRuleRegionRow = typeof warningRuleRegions.$inferSelect;

export async function listWarningRules(db: Executor): Promise<WarningRuleRow[]> {
  return db.select().from(warningRules).orderBy(asc(warningRules.code));
}

export async function findWarningRule(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(warningRules).where(eq(warningRules.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

/** Insert rules whose code is new (first-start seeding is idempotent); returns those inserted. */
export async function insertWarningRulesIfAbsent(db: Executor, rows: (typeof warningRules.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(warningRules).values(rows).onConflictDoNothing({ target: warningRules.code }).returning();
}

export async function updateWarningRule(db: Executor, id: string, patch: Partial<typeof warningRules.$inferInsert>) {
  const [r] = await db.update(warningRules).set(patch).where(eq(warningRules.id, id)).returning();
  return r ?? null;
}

/** Every region switch (a small table: rules × regions that set one). */
export async function listWarningRuleRegions(db: Executor): Promise<WarningRuleRegionRow[]> {
  return db.select().from(warningRuleRegions).orderBy(asc(warningRuleRegions.ruleId), asc(warningRuleRegions.regionCode));
}

export async function findWarningRuleRegion(db: Executor, ruleId: string, regionCode: string) {
  const [r] = await db
    .select()
    .from(warningRuleRegions)
    .where(and(eq(warningRuleRegions.ruleId, ruleId), eq(warningRuleRegions.regionCode, regionCode)));
  return r ?? null;
}

export async function upsertWarningRuleRegion(db: Executor, row: typeof warningRuleRegions.$inferInsert) {
  await db
    .insert(warningRuleRegions)
    .values(row)
    .onConflictDoUpdate({
      target: [warningRuleRegions.ruleId, warningRuleRegions.regionCode],
      set: { enabled: row.enabled, updatedBy: row.updatedBy ?? null, updatedAt: row.updatedAt ?? sql`now()` },
    });
}

export interface RuleClueCounts {
  ruleId: string;
  open: number;
  closed: number;
  excluded: number;
  confirmed: number;
}

/** Clues of each rule inside `scopeCode`: open, closed, closed as EXCLUDED, closed with one of `confirmedOutcomes`. */
export async function countCluesByRule(db: Executor, scopeCode: string, confirmedOutcomes: readonly string[]): Promise<RuleClueCounts[]> {
  const confirmed = sql.join(confirmedOutcomes.map((o) => sql`${o}`), sql`, `);
  const rows = await db
    .select({
      ruleId: clues.ruleId,
      open: sql<number>`count(*) FILTER (WHERE ${clues.status} <> 'CLOSED')::int`,
      closed: sql<number>`count(*) FILTER (WHERE ${clues.status} = 'CLOSED')::int`,
      excluded: sql<number>`count(*) FILTER (WHERE ${clues.status} = 'CLOSED' AND ${clues.outcome} = 'EXCLUDED')::int`,
      confirmed: sql<number>`count(*) FILTER (WHERE ${clues.status} = 'CLOSED' AND ${clues.outcome} IN (${confirmed}))::int`,
    })
    .from(clues)
    .where(and(sql`${clues.ruleId} IS NOT NULL`, sql`${clues.regionCode} LIKE ${scopeCode + '%'}`))
    .groupBy(clues.ruleId);
  return rows.map((r) => ({ ...r, ruleId: r.ruleId! }));
}
