import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor } from '../database.js';
import { clueEvents, clues, households, pendingCases, siteVisits, users, visitPhotos } from '../schema/index.js';

/*
 * The clue queue (线索/预警, issue 4 §4–§5). Scope is the clue's village code under the
 * caller's region (a township sees its township, a county its county); a clue outside
 * the scope is simply not found.
 */

export type ClueRow = typeof clues.$inferSelect;
export type ClueEventRow = typeof clueEvents.$inferSelect;
export type SiteVisitRow = typeof siteVisits.$inferSelect;

export function clueInScope(scope: RegionScope): SQL {
  return like(clues.regionCode, `${scope.regionCode}%`);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ClueFilter {
  status?: string | undefined;
  level?: string | undefined;
  channel?: string | undefined;
  ruleId?: string | undefined;
  /** village (or township) code prefix inside the scope */
  region?: string | undefined;
  /** only clues past their due date (not closed) on `today` */
  overdueOn?: string | undefined;
  q?: string | undefined;
}

function clueConditions(scope: RegionScope, f: ClueFilter): SQL[] {
  const where: SQL[] = [clueInScope(scope)];
  if (f.status) where.push(eq(clues.status, f.status));
  if (f.level) where.push(eq(clues.level, f.level));
  if (f.channel) where.push(eq(clues.channel, f.channel));
  if (f.ruleId) where.push(eq(clues.ruleId, f.ruleId));
  if (f.region) where.push(like(clues.regionCode, `${escapeLike(f.region)}%`));
  if (f.overdueOn) where.push(sql`${clues.status} <> 'CLOSED' AND ${clues.dueDate} < ${f.overdueOn}`);
  const q = f.q?.trim();
  if (q) {
    const pat = `%${escapeLike(q)}%`;
    where.push(sql`(${clues.subjectName} LIKE ${pat} OR ${clues.householdId} IN (SELECT h.id FROM households h WHERE h.household_no LIKE ${pat}))`);
  }
  return where;
}

const listColumns = {
  clue: clues,
  householdNo: households.householdNo,
  assignedToName: users.displayName,
  villageName: sql<string | null>`v.name`,
  townshipName: sql<string | null>`t.name`,
};

export async function listClues(db: Executor, scope: RegionScope, f: ClueFilter, page: { limit: number; offset: number }) {
  return db
    .select(listColumns)
    .from(clues)
    .leftJoin(households, eq(households.id, clues.householdId))
    .leftJoin(users, eq(users.id, clues.assignedTo))
    .leftJoin(sql`regions v`, sql`v.code = ${clues.regionCode}`)
    .leftJoin(sql`regions t`, sql`t.code = ${clues.townshipCode}`)
    .where(and(...clueConditions(scope, f)))
    .orderBy(
      sql`(${clues.status} = 'CLOSED')`,
      sql`CASE ${clues.level} WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 ELSE 2 END`,
      asc(clues.dueDate),
      asc(clues.raisedAt),
    )
    .limit(page.limit)
    .offset(page.offset);
}

export async function countClues(db: Executor, scope: RegionScope, f: ClueFilter): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(clues).where(and(...clueConditions(scope, f)));
  return c?.n ?? 0;
}

export async function findClue(db: Executor, scope: RegionScope, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(clues).where(and(eq(clues.id, id), clueInScope(scope)));
  const [c] = opts.forUpdate ? await q.for('update') : await q;
  return c ?? null;
}

/** The clue with its list columns (names of village, township, assignee, household no). */
export async function findClueListRow(db: Executor, scope: RegionScope, id: string) {
  const [r] = await db
    .select(listColumns)
    .from(clues)
    .leftJoin(households, eq(households.id, clues.householdId))
    .leftJoin(users, eq(users.id, clues.assignedTo))
    .leftJoin(sql`regions v`, sql`v.code = ${clues.regionCode}`)
    .leftJoin(sql`regions t`, sql`t.code = ${clues.townshipCode}`)
    .where(and(eq(clues.id, id), clueInScope(scope)));
  return r ?? null;
}

export async function findOpenClueByCause(db: Executor, causeKey: string) {
  const [c] = await db
    .select()
    .from(clues)
    .where(and(eq(clues.causeKey, causeKey), sql`${clues.status} <> 'CLOSED'`));
  return c ?? null;
}

export async function updateClue(db: Executor, id: string, patch: Partial<typeof clues.$inferInsert>): Promise<ClueRow> {
  const [c] = await db.update(clues).set(patch).where(eq(clues.id, id)).returning();
  return c!;
}

export async function insertClueEvent(db: Executor, values: typeof clueEvents.$inferInsert) {
  await db.insert(clueEvents).values(values);
}

export async function listClueEvents(db: Executor, clueId: string) {
  return db
    .select({ event: clueEvents, actorName: users.displayName })
    .from(clueEvents)
    .leftJoin(users, eq(users.id, clueEvents.actorId))
    .where(eq(clueEvents.clueId, clueId))
    .orderBy(asc(clueEvents.at));
}

/** Open clues past their due date on `today` that have not reached the top level, in scope. */
export async function listOverdueClues(db: Executor, scope: RegionScope, today: string, limit: number) {
  return db
    .select()
    .from(clues)
    .where(and(clueInScope(scope), sql`${clues.status} <> 'CLOSED'`, sql`${clues.dueDate} < ${today}`, sql`${clues.escalationLevel} < 2`))
    .orderBy(asc(clues.dueDate), asc(clues.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

// ---- site visits and photos ---------------------------------------------------------------

export async function insertSiteVisit(db: Executor, values: typeof siteVisits.$inferInsert): Promise<SiteVisitRow> {
  const [v] = await db.insert(siteVisits).values(values).returning();
  return v!;
}

export async function countSiteVisits(db: Executor, clueId: string): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(siteVisits).where(eq(siteVisits.clueId, clueId));
  return c?.n ?? 0;
}

export async function listSiteVisits(db: Executor, clueId: string) {
  return db
    .select({ visit: siteVisits, createdByName: users.displayName })
    .from(siteVisits)
    .leftJoin(users, eq(users.id, siteVisits.createdBy))
    .where(eq(siteVisits.clueId, clueId))
    .orderBy(desc(siteVisits.visitedAt));
}

/** A visit whose clue lies in scope (with the clue, for status checks). */
export async function findSiteVisit(db: Executor, scope: RegionScope, visitId: string) {
  const [r] = await db
    .select({ visit: siteVisits, clue: clues })
    .from(siteVisits)
    .innerJoin(clues, eq(clues.id, siteVisits.clueId))
    .where(and(eq(siteVisits.id, visitId), clueInScope(scope)));
  return r ?? null;
}

export async function insertVisitPhoto(db: Executor, values: typeof visitPhotos.$inferInsert) {
  const [p] = await db
    .insert(visitPhotos)
    .values(values)
    .returning({ id: visitPhotos.id, mimeType: visitPhotos.mimeType, sizeBytes: visitPhotos.sizeBytes, sha256: visitPhotos.sha256, createdAt: visitPhotos.createdAt });
  return p!;
}

/** Photo metadata (never the bytes) of some visits. */
export async function listVisitPhotoMeta(db: Executor, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select({ id: visitPhotos.id, visitId: visitPhotos.visitId, mimeType: visitPhotos.mimeType, sizeBytes: visitPhotos.sizeBytes, sha256: visitPhotos.sha256, createdAt: visitPhotos.createdAt })
    .from(visitPhotos)
    .where(inArray(visitPhotos.visitId, visitIds))
    .orderBy(asc(visitPhotos.createdAt));
}

/** One photo with its bytes, when its visit's clue lies in scope. */
export async function findVisitPhoto(db: Executor, scope: RegionScope, visitId: string, photoId: string) {
  const [r] = await db
    .select({ photo: visitPhotos })
    .from(visitPhotos)
    .innerJoin(siteVisits, eq(siteVisits.id, visitPhotos.visitId))
    .innerJoin(clues, eq(clues.id, siteVisits.clueId))
    .where(and(eq(visitPhotos.id, photoId), eq(visitPhotos.visitId, visitId), clueInScope(scope)));
  return r?.photo ?? null;
}

// ---- pending cases ------------------------------------------------------------------------

export async function insertPendingCase(db: Executor, values: typeof pendingCases.$inferInsert) {
  const [p] = await db.insert(pendingCases).values(values).returning();
  return p!;
}

export async function findPendingCase(db: Executor, id: string) {
  const [p] = await db.select().from(pendingCases).where(eq(pendingCases.id, id));
  return p ?? null;
}

/** Enabled users in scope whose region contains `regionCode` (candidates for an assignment). */
export async function listUsersCovering(db: Executor, scope: RegionScope, regionCode: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, regionCode: users.regionCode, roles: users.roles })
    .from(users)
    .where(and(like(users.regionCode, `${scope.regionCode}%`), sql`${regionCode} LIKE ${users.regionCode} || '%'`, eq(users.disabled, false)))
    .orderBy(desc(sql`length(${users.regionCode})`), asc(users.displayName))
    .limit(200);
}
