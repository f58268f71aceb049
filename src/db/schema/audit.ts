import { bigint, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log (issue 2 §15). A trigger (hand-written migration)
 * refuses UPDATE, DELETE and TRUNCATE. `hash = sha256(prevHash + canonical(row))`; the
 * chain is extended under an advisory lock so that rows are linked in `seq` order.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid(),
    actorName: text(),
    /** e.g. household.create, person.view, person.reveal-id-number, auth.login */
    action: varchar({ length: 64 }).notNull(),
    entityType: varchar({ length: 32 }).notNull(),
    entityId: text(),
    householdId: uuid(),
    countyCode: varchar({ length: 6 }),
    /** DECLARED / DEPARTMENT / INVESTIGATED / IMPORT / SYSTEM */
    source: varchar({ length: 16 }),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    ip: varchar({ length: 64 }),
    prevHash: varchar({ length: 64 }).notNull(),
    hash: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    index('audit_events_household_idx').on(t.householdId, t.seq),
    index('audit_events_actor_idx').on(t.actorId, t.seq),
    index('audit_events_at_idx').on(t.at),
  ],
);
