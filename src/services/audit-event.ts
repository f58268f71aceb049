import type { AuditInput } from '../db/repos/audit.repo.js';
import type { Actor, ServiceContext } from './context.js';

/** Fill the who/when/where of an audit event from the use-case context. */
export function auditEvent(
  ctx: ServiceContext,
  actor: Actor | null,
  e: Omit<AuditInput, 'at' | 'actorId' | 'actorName' | 'requestId' | 'ip'>,
): AuditInput {
  return {
    at: ctx.clock.now().toISOString(),
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? '系统',
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    ...e,
  };
}
