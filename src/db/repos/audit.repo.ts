import { hash as digest } from 'node:crypto';
import { and, asc, desc, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { copyInTransaction, queryRows, type Executor, type RawTx, type Tx } from '../database.js';
import { CopyWriter } from '../copy-rows.js';
import { auditEvents } from '../schema/index.js';

/** What a use case records; `seq`, `prevHash` and `hash` are filled in here. */
export interface AuditInput {
  at: string; // ISO timestamp from the clock port
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  householdId?: string | null;
  countyCode?: string | null;
  source?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

export const AUDIT_GENESIS = '0'.repeat(64);
/** Key of the transaction-scoped advisory lock that orders the chain. */
const AUDIT_LOCK_KEY = 727001;

/** JSON with object keys sorted at every depth: jsonb reorders keys, so we hash this form. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}

/** '2026-11-29 08:20:00.123+00' (PostgreSQL text) or ISO → ISO with milliseconds. */
export function normaliseTimestamp(at: string): string {
  let s = at.includes('T') ? at : at.replace(' ', 'T');
  if (/[+-]\d\d$/.test(s)) s += ':00';
  return new Date(s).toISOString();
}

/** canonicalJson of a string or null, without the generic walk. */
const jsonOrNull = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : JSON.stringify(v));

/**
 * The hashed form of a row: canonicalJson of the field array, with the two JSON values
 * given already canonicalised (the bulk path stores the same strings).
 */
function hashBody(seq: number, at: string, e: AuditInput, before: string, after: string): string {
  return (
    '[' + seq + ',' + JSON.stringify(at) + ',' + jsonOrNull(e.actorId) + ',' + jsonOrNull(e.actorName) + ',' +
    JSON.stringify(e.action) + ',' + JSON.stringify(e.entityType) + ',' + jsonOrNull(e.entityId) + ',' +
    jsonOrNull(e.householdId) + ',' + jsonOrNull(e.countyCode) + ',' + jsonOrNull(e.source) + ',' + before + ',' +
    after + ',' + jsonOrNull(e.requestId) + ',' + jsonOrNull(e.ip) + ']'
  );
}

/** One-shot `hash`, as for a decision's inputs digest (≈ 0.7 µs less per row than `createHash` here). */
const sha256Link = (prevHash: string, body: string) => digest('sha256', `${prevHash}\n${body}`, 'hex');

export function hashAuditRow(prevHash: string, seq: number, e: AuditInput): string {
  const body = canonicalJson([
    seq,
    normaliseTimestamp(e.at),
    e.actorId ?? null,
    e.actorName ?? null,
    e.action,
    e.entityType,
    e.entityId ?? null,
    e.householdId ?? null,
    e.countyCode ?? null,
    e.source ?? null,
    e.before ?? null,
    e.after ?? null,
    e.requestId ?? null,
    e.ip ?? null,
  ]);
  return sha256Link(prevHash, body);
}

function toRows(head: { seq: number; hash: string }, events: AuditInput[]) {
  let { seq, hash: prev } = head;
  return events.map((e) => {
    seq += 1;
    const hash = hashAuditRow(prev, seq, e);
    const row = {
      seq,
      at: normaliseTimestamp(e.at),
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      householdId: e.householdId ?? null,
      countyCode: e.countyCode ?? null,
      source: e.source ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: e.requestId ?? null,
      ip: e.ip ?? null,
      prevHash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

/**
 * Append events to the chain inside the caller's transaction. The advisory lock is held
 * until that transaction ends, so concurrent writers link their rows one after another.
 */
export async function appendAudit(tx: Executor, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const rows = toRows(last ?? { seq: 0, hash: AUDIT_GENESIS }, events);
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(auditEvents).values(rows.slice(i, i + 1000));
  }
}

/**
 * Bulk variant for imports: same chain, written with COPY. Each event's JSON is
 * canonicalised once and used both for the hash and for the stored jsonb (jsonb ignores
 * key order, so the stored value is the same as with JSON.stringify).
 */
export async function appendAuditBulk(raw: RawTx, events: AuditInput[]): Promise<void> {
  await appendAuditByCopy(
    (text) => raw.query(text),
    (cols, chunks) => raw.copy('audit_events', cols, chunks),
    events,
  );
}

/** appendAuditBulk inside a transaction of the ORM (a batch re-assessment's chunk). */
export async function appendAuditInTransaction(tx: Tx, events: AuditInput[]): Promise<void> {
  await appendAuditByCopy(
    (text) => queryRows(tx, sql.raw(text)),
    (cols, chunks) => copyInTransaction(tx, 'audit_events', cols, chunks),
    events,
  );
}

async function appendAuditByCopy(
  query: <T>(text: string) => Promise<T[]>,
  copy: (columns: string[], chunks: Buffer[]) => Promise<void>,
  events: AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  await query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await query<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  let seq = last ? Number(last.seq) : 0;
  let prev = last ? last.hash : AUDIT_GENESIS;
  const cols = [
    'seq', 'at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'household_id', 'county_code',
    'source', 'before', 'after', 'request_id', 'ip', 'prev_hash', 'hash',
  ];
  const w = new CopyWriter();
  const opt = (v: string | null | undefined) => (v === null || v === undefined ? w.null() : w.text(v));
  let atIn: string | null = null;
  let at = '';
  for (const e of events) {
    seq += 1;
    if (e.at !== atIn) {
      atIn = e.at;
      at = normaliseTimestamp(e.at);
    }
    const before = e.before === undefined || e.before === null ? null : canonicalJson(e.before);
    const after = e.after === undefined || e.after === null ? null : canonicalJson(e.after);
    const hash = sha256Link(prev, hashBody(seq, at, e, before ?? 'null', after ?? 'null'));
    w.raw(String(seq)).text(at);
    opt(e.actorId);
    opt(e.actorName);
    w.text(e.action).text(e.entityType);
    opt(e.entityId);
    opt(e.householdId);
    opt(e.countyCode);
    opt(e.source);
    opt(before);
    opt(after);
    opt(e.requestId);
    opt(e.ip);
    w.text(prev).text(hash).endLine();
    prev = hash;
  }
  await copy(cols, w.finish());
}

export interface AuditSearch {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  householdId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Audit events visible in `scope`: those tagged with a county inside it. Events without a
 * county (logins, platform set-up, accounts above county level) belong to the whole
 * platform and are visible only to a province-level scope, which sees everything.
 */
export async function searchAudit(db: Executor, scope: RegionScope, q: AuditSearch) {
  const where: SQL[] = [];
  if (scope.regionCode.length > 2) where.push(like(auditEvents.countyCode, `${scope.regionCode}%`));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.householdId) where.push(eq(auditEvents.householdId, q.householdId));
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lte(auditEvents.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const [items, [count]] = await Promise.all([
    db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.seq)).limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(cond),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Events of one household, oldest first (the household timeline). */
export async function findHouseholdAuditTrail(db: Executor, householdId: string, limit = 500) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.householdId, householdId))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walk the whole chain in seq order and report the first row whose link or hash is wrong. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainCheck> {
  let prev = AUDIT_GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.seq, expectedSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'missing row' };
      if (r.prevHash !== prev) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'prev_hash does not link' };
      const h = hashAuditRow(prev, r.seq, {
        ...r,
        at: r.at,
      } as AuditInput);
      if (h !== r.hash) return { ok: false, checked, firstBrokenSeq: r.seq, reason: 'content does not match hash' };
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
