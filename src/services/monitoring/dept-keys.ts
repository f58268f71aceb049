/**
 * Department API keys for the JSON push channel (issue 4 §3): 'jzk_' + 32 random bytes
 * (base64url), shown once; only the sha256 is stored. Issue, list, revoke (audited) and
 * authenticate a pushed request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { insertDeptApiKey, listDeptApiKeys as findDeptApiKeys, revokeDeptApiKey as revokeKeyRow, useDeptApiKey, type DeptApiKeyRow } from '../../db/repos/dept-data.repo.js';
import { AppError } from '../../domain/errors.js';
import { DEPARTMENT_LABELS, type Department } from '../../domain/monitoring/sources.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';

export const DEPT_KEY_PREFIX = 'jzk_';

/** The department key a push was authenticated with. */
export interface DeptKeyPrincipal {
  id: string;
  department: string;
  label: string;
}

export const hashDeptApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

function toView(k: DeptApiKeyRow, createdByName: string | null) {
  return {
    id: k.id,
    department: k.department,
    departmentName: DEPARTMENT_LABELS[k.department as Department] ?? k.department,
    keyPrefix: k.keyPrefix,
    label: k.label,
    createdByName,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}

export async function createDeptApiKey(ctx: ServiceContext, actor: Actor, body: { department: string; label: string }) {
  if (!(body.department in DEPARTMENT_LABELS)) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'department', code: 'DEPT_DEPARTMENT_UNKNOWN', params: { department: body.department } }] });
  }
  const key = DEPT_KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = await ctx.database.db.transaction(async (tx) => {
    const k = await insertDeptApiKey(tx, {
      department: body.department,
      keyPrefix: key.slice(0, 8),
      keyHash: hashDeptApiKey(key),
      label: body.label.trim(),
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, { action: 'dept.key-create', entityType: 'dept_api_key', entityId: k.id, after: { department: k.department, label: k.label, keyPrefix: k.keyPrefix } }),
    ]);
    return k;
  });
  return { key, item: toView(row, actor.displayName) };
}

export async function listDeptApiKeys(ctx: ServiceContext) {
  return (await findDeptApiKeys(ctx.database.db)).map((r) => toView(r.key, r.createdByName));
}

export async function revokeDeptApiKey(ctx: ServiceContext, actor: Actor, id: string) {
  const row = await ctx.database.db.transaction(async (tx) => {
    const k = await revokeKeyRow(tx, id, ctx.clock.now());
    if (!k) throw new AppError('DEPT_KEY_NOT_FOUND');
    await appendAudit(tx, [
      auditEvent(ctx, actor, { action: 'dept.key-revoke', entityType: 'dept_api_key', entityId: k.id, after: { department: k.department, label: k.label, revokedAt: k.revokedAt?.toISOString() ?? null } }),
    ]);
    return k;
  });
  return toView(row, null);
}

/** The key of a push request (header x-api-key): unknown or revoked → DEPT_KEY_INVALID. */
export async function authenticateDeptApiKey(ctx: ServiceContext, key: string): Promise<DeptKeyPrincipal> {
  if (!key.startsWith(DEPT_KEY_PREFIX) || key.length > 100) throw new AppError('DEPT_KEY_INVALID');
  const k = await useDeptApiKey(ctx.database.db, hashDeptApiKey(key), ctx.clock.now());
  if (!k) throw new AppError('DEPT_KEY_INVALID');
  return { id: k.id, department: k.department, label: k.label };
}
