import { listUsers } from '../../db/repos/users.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { toUserViews } from './user-views.js';

/** Accounts in the actor's region subtree, by user name or display name fragment. */
export async function searchUsers(ctx: ServiceContext, actor: Actor, q: { q?: string | undefined; page?: number | undefined; pageSize?: number | undefined }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { db } = ctx.database;
  const text = q.q?.trim() || undefined;
  const { items, total } = await listUsers(db, actor.scope, { text, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: await toUserViews(db, items), total };
}
