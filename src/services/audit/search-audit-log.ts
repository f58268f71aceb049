import { AppError } from '../../domain/errors.js';
import { appendAudit, normaliseTimestamp, searchAudit } from '../../db/repos/audit.repo.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';

export interface AuditLogQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  householdId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** Dates without a time or zone are read in China time; a `to` date includes its whole day. */
function toInstant(value: string | undefined, path: 'from' | 'to'): string | undefined {
  if (!value) return undefined;
  let s = value.replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += path === 'from' ? 'T00:00:00.000' : 'T23:59:59.999';
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s)) s += '+08:00';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) {
    throw new AppError('VALIDATION_FAILED', { message: `${path} is not a valid time`, details: [{ path, code: 'FIELD_INVALID', params: { field: path } }] });
  }
  return d.toISOString();
}

/**
 * Search the audit log in the actor's scope, newest first. The search itself is recorded
 * (action audit.search) in the same transaction, so reading the trail leaves a trace.
 */
export async function searchAuditLog(ctx: ServiceContext, actor: Actor, q: AuditLogQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const filters = {
    actorId: q.actorId,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    householdId: q.householdId,
    from: toInstant(q.from, 'from'),
    to: toInstant(q.to, 'to'),
  };
  return ctx.database.db.transaction(async (tx) => {
    const { items, total } = await searchAudit(tx, actor.scope, { ...filters, limit: pageSize, offset: (page - 1) * pageSize });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'audit.search',
        entityType: 'audit',
        entityId: null,
        countyCode: countyOfRegion(actor.scope.regionCode),
        after: { filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), page, pageSize, total },
      }),
    ]);
    return {
      items: items.map((e) => ({
        seq: e.seq,
        at: normaliseTimestamp(e.at),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        householdId: e.householdId,
        countyCode: e.countyCode,
        source: e.source,
        before: e.before,
        after: e.after,
        requestId: e.requestId,
        ip: e.ip,
        hash: e.hash,
      })),
      total,
    };
  });
}
