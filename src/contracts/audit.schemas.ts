import { Type, type Static, type TSchema } from 'typebox';
import { pageQuery } from './common.schemas.js';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** An ISO timestamp, or a date (a `to` date includes the whole day, China time). */
const instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
});

export const auditSearchQuery = Type.Object({
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  entityType: Type.Optional(Type.String({ maxLength: 32 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  householdId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(instant),
  to: Type.Optional(instant),
  ...pageQuery,
});
export type AuditSearchQuery = Static<typeof auditSearchQuery>;

export const auditItem = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: nullable(Type.String()),
  actorName: nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: nullable(Type.String()),
  householdId: nullable(Type.String()),
  countyCode: nullable(Type.String()),
  source: nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: nullable(Type.String()),
  ip: nullable(Type.String()),
  hash: Type.String(),
});
export type AuditItem = Static<typeof auditItem>;

export const auditList = Type.Object({ items: Type.Array(auditItem), total: Type.Integer() });

export const auditChainCheck = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBrokenSeq: nullable(Type.Integer()),
  reason: nullable(Type.String()),
});
export type AuditChainCheck = Static<typeof auditChainCheck>;
