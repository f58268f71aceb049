import { appendAudit, verifyAuditChain, type ChainCheck } from '../../db/repos/audit.repo.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';

/**
 * Walk the whole hash chain of the audit log and report the first broken link. When an
 * administrator asks through the API the check is recorded (audit.verify); the command
 * line (`npm run audit:verify`, actor null) only reads, so it can run against a copy.
 */
export async function verifyAuditLog(ctx: ServiceContext, actor: Actor | null): Promise<ChainCheck> {
  const { db } = ctx.database;
  const result = await verifyAuditChain(db);
  if (actor) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, [
        auditEvent(ctx, actor, {
          action: 'audit.verify',
          entityType: 'audit',
          entityId: null,
          countyCode: countyOfRegion(actor.scope.regionCode),
          after: { ...result },
        }),
      ]);
    });
  }
  return result;
}
