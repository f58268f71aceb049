import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Staged imports (STYLE §7): file → batch (with content hash) → validated as a whole →
 * applied in one transaction, or not at all. A batch is a resumable background job:
 * status moves UPLOADED → VALIDATING → (INVALID | APPLYING) → APPLIED.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** households (registry import). Later: department feeds. */
    kind: varchar({ length: 32 }).notNull(),
    fileName: text().notNull(),
    fileHash: varchar({ length: 64 }).notNull(),
    fileSize: integer().notNull(),
    /** UPLOADED VALIDATING INVALID APPLYING APPLIED FAILED */
    status: varchar({ length: 12 }).notNull(),
    /** Scope of the uploader: every row must fall inside it. */
    regionCode: varchar({ length: 12 }).notNull(),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    householdsCreated: integer().notNull().default(0),
    householdsUpdated: integer().notNull().default(0),
    membersCreated: integer().notNull().default(0),
    membersUpdated: integer().notNull().default(0),
    unchangedRows: integer().notNull().default(0),
    failureCode: varchar({ length: 64 }),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    summary: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index('import_batches_created_by_idx').on(t.createdBy, t.createdAt)],
);

export const importFiles = pgTable('import_files', {
  batchId: uuid()
    .primaryKey()
    .references(() => importBatches.id),
  content: bytea().notNull(),
});

export const importErrors = pgTable(
  'import_errors',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    batchId: uuid()
      .notNull()
      .references(() => importBatches.id),
    rowNo: integer().notNull(),
    column: text().notNull(),
    code: varchar({ length: 64 }).notNull(),
    params: jsonb().$type<Record<string, unknown>>(),
    value: text(),
  },
  (t) => [index('import_errors_batch_idx').on(t.batchId, t.rowNo)],
);
