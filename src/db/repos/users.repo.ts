import { and, asc, eq, like, lt, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor } from '../database.js';
import { sessions, users } from '../schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** Unscoped lookup by user name: login only. */
export async function findUserForLogin(db: Executor, username: string): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u ?? null;
}

export async function findUserById(db: Executor, scope: RegionScope, id: string): Promise<UserRow | null> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), like(users.regionCode, `${scope.regionCode}%`)));
  return u ?? null;
}

export async function listUsers(db: Executor, scope: RegionScope, q: { text?: string | undefined; limit: number; offset: number }) {
  const cond = and(
    like(users.regionCode, `${scope.regionCode}%`),
    q.text ? sql`(${users.username} ILIKE ${'%' + q.text + '%'} OR ${users.displayName} ILIKE ${'%' + q.text + '%'})` : undefined,
  );
  const [items, [c]] = await Promise.all([
    db.select().from(users).where(cond).orderBy(asc(users.username)).limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(cond),
  ]);
  return { items, total: c?.n ?? 0 };
}

/** Unscoped: user names are unique across the platform, whoever can see the holder. */
export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!u;
}

export async function countUsers(db: Executor): Promise<number> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return c?.n ?? 0;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [u] = await db.insert(users).values(values).returning();
  return u!;
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [u] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return u!;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Executor, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
