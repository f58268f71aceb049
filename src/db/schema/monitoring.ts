import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/*
 * Dynamic monitoring (issue 4, POLICY.md §13–§14): department data, warning rules, the
 * clue queue (预警/线索) with on-site verification, and the monthly comparison run. The
 * catalogue of department sources and their fields is code (src/domain/monitoring/
 * sources.ts); what offices edit — field mappings, rules, rule switches — is data here.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Versioned mapping from a department's own column names to our fields (one row per version). */
export const deptFieldMappings = pgTable(
  'dept_field_mappings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** source code of src/domain/monitoring/sources.ts, e.g. MEDICAL_SETTLEMENT */
    sourceCode: varchar({ length: 32 }).notNull(),
    version: integer().notNull(),
    /** { ourField: 'their column name', … } */
    mapping: jsonb().$type<Record<string, string>>().notNull(),
    note: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dept_field_mappings_version_uq').on(t.sourceCode, t.version)],
);

/** Per-department API keys for the JSON push channel: a key may push only its own sources. */
export const deptApiKeys = pgTable('dept_api_keys', {
  id: uuid().primaryKey().defaultRandom(),
  /** department code (HEALTHCARE_SECURITY, …); the key may push every source of it */
  department: varchar({ length: 32 }).notNull(),
  /** first 8 characters, shown to identify the key */
  keyPrefix: varchar({ length: 12 }).notNull(),
  /** sha256 of the whole key; the key itself is shown once */
  keyHash: varchar({ length: 64 }).notNull().unique(),
  label: text().notNull(),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
  lastUsedAt: timestamp({ withTimezone: true }),
});

/** One received batch of department data (a file upload or an API push). */
export const deptBatches = pgTable(
  'dept_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceCode: varchar({ length: 32 }).notNull(),
    /** UPLOAD / API */
    channel: varchar({ length: 8 }).notNull(),
    fileName: text(),
    /** sha256 of the content: the same batch is never applied twice */
    contentHash: varchar({ length: 64 }).notNull(),
    content: bytea(),
    mappingVersion: integer(),
    /** RECEIVED VALIDATING INVALID APPLYING APPLIED FAILED */
    status: varchar({ length: 12 }).notNull(),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    matched: integer().notNull().default(0),
    unmatched: integer().notNull().default(0),
    mismatched: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    factsApplied: integer().notNull().default(0),
    cluesRaised: integer().notNull().default(0),
    failureCode: varchar({ length: 48 }),
    uploadedBy: uuid(),
    apiKeyId: uuid(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('dept_batches_content_uq').on(t.sourceCode, t.contentHash)],
);

export const deptBatchErrors = pgTable(
  'dept_batch_errors',
  {
    batchId: uuid().notNull(),
    rowNo: integer().notNull(),
    column: text().notNull(),
    code: varchar({ length: 48 }).notNull(),
    params: jsonb(),
    value: text(),
  },
  (t) => [index('dept_batch_errors_batch_idx').on(t.batchId, t.rowNo)],
);

/**
 * One department record, with provenance (department, batch, row, received at) and how it
 * matched the registry. `county_code` is the matched person's county ('000000' unmatched).
 */
export const deptRecords = pgTable(
  'dept_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    batchId: uuid().notNull(),
    sourceCode: varchar({ length: 32 }).notNull(),
    rowNo: integer().notNull(),
    idNumber: varchar({ length: 18 }).notNull(),
    name: text(),
    personId: uuid(),
    householdId: uuid(),
    /** MATCHED UNMATCHED NAME_MISMATCH BIRTH_MISMATCH */
    matchStatus: varchar({ length: 16 }).notNull(),
    /** the date the record is about (settlement date, death date, registration date …) */
    eventDate: date({ mode: 'string' }),
    amountFen: bigint({ mode: 'number' }),
    /** normalised fields of the source (see sources.ts) */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('dept_records_person_idx').on(t.personId, t.sourceCode, t.eventDate),
    index('dept_records_batch_idx').on(t.batchId, t.rowNo),
    index('dept_records_id_number_idx').on(t.idNumber),
  ],
);

/** Warning rules (预警规则) are data: a kind from the rule catalogue plus its parameters. */
export const warningRules = pgTable('warning_rules', {
  id: uuid().primaryKey().defaultRandom(),
  code: varchar({ length: 40 }).notNull().unique(),
  name: text().notNull(),
  /** rule kind of src/domain/monitoring/warning-rules.ts */
  kind: varchar({ length: 40 }).notNull(),
  params: jsonb().$type<Record<string, unknown>>().notNull(),
  /** RED ORANGE YELLOW */
  level: varchar({ length: 8 }).notNull(),
  /** what the warning points to: DIBAO TEKUN TEMPORARY MEDICAL_ASSISTANCE FANGFANPIN INELIGIBILITY_REVIEW … */
  targetCategory: varchar({ length: 32 }).notNull(),
  deadlineWorkingDays: smallint().notNull(),
  description: text().notNull().default(''),
  version: integer().notNull().default(1),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A rule switched on (or off) for a region subtree; the most specific region wins. */
export const warningRuleRegions = pgTable(
  'warning_rule_regions',
  {
    ruleId: uuid().notNull(),
    regionCode: varchar({ length: 12 }).notNull(),
    enabled: boolean().notNull(),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.regionCode] })],
);

/**
 * One clue (线索/预警) of any discovery channel (R80): DATA_COMPARISON, DEPT_FLAG, SELF_REPORT,
 * HOME_VISIT, HOTLINE. A repeat of the same cause for the same person merges into the open
 * clue (`cause_key`, unique while open).
 */
export const clues = pgTable(
  'clues',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    /** village/community of the person's household, or where the report places the person */
    regionCode: varchar({ length: 12 }).notNull(),
    /** township (9 digits) responsible for verification */
    townshipCode: varchar({ length: 9 }).notNull(),
    householdId: uuid(),
    personId: uuid(),
    /** name / identity number as reported (for persons not in the registry) */
    subjectName: text(),
    subjectIdNumber: varchar({ length: 18 }),
    channel: varchar({ length: 16 }).notNull(),
    ruleId: uuid(),
    /** merge key: rule or channel + cause + person */
    causeKey: text().notNull(),
    level: varchar({ length: 8 }).notNull(),
    targetCategory: varchar({ length: 32 }).notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** evidence: department record ids and figures, reporter, … */
    evidence: jsonb().$type<Record<string, unknown>>().notNull(),
    /** OPEN ASSIGNED VERIFYING CLOSED */
    status: varchar({ length: 10 }).notNull(),
    assignedTo: uuid(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    /** 0 = township; 1 = county; 2 = 市州 (escalated when overdue) */
    escalationLevel: smallint().notNull().default(0),
    escalatedAt: timestamp({ withTimezone: true }),
    repeatCount: integer().notNull().default(0),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    /** DIBAO TEKUN TEMPORARY REFERRED MONITORING RISK_ELIMINATED EXCLUDED */
    outcome: varchar({ length: 20 }),
    outcomeReason: text(),
    referredTo: text(),
    assessmentId: uuid(),
    pendingCaseId: uuid(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid(),
    createdBy: uuid(),
  },
  (t) => [
    uniqueIndex('clues_open_cause_uq').on(t.causeKey).where(sql`${t.status} <> 'CLOSED'`),
    index('clues_region_status_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('clues_due_idx').on(t.status, t.dueDate),
    index('clues_household_idx').on(t.householdId),
    index('clues_rule_idx').on(t.ruleId, t.status),
  ],
);

export const clueEvents = pgTable(
  'clue_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    clueId: uuid().notNull(),
    countyCode: varchar({ length: 6 }).notNull(),
    /** RAISED MERGED ASSIGNED VISITED ESCALATED CLOSED */
    action: varchar({ length: 16 }).notNull(),
    detail: jsonb().$type<Record<string, unknown>>(),
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('clue_events_clue_idx').on(t.clueId, t.at)],
);

/** 入户核查: an on-site verification with checklist, findings, time and GPS position. */
export const siteVisits = pgTable(
  'site_visits',
  {
    id: uuid().primaryKey().defaultRandom(),
    clueId: uuid().notNull(),
    countyCode: varchar({ length: 6 }).notNull(),
    visitedAt: timestamp({ withTimezone: true }).notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    accuracyM: doublePrecision(),
    /** { itemCode: true/false/'text' } */
    checklist: jsonb().$type<Record<string, unknown>>().notNull(),
    findings: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('site_visits_clue_idx').on(t.clueId)],
);

export const visitPhotos = pgTable(
  'visit_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    visitId: uuid().notNull(),
    countyCode: varchar({ length: 6 }).notNull(),
    mimeType: varchar({ length: 32 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_photos_visit_idx').on(t.visitId)],
);

/** A case the case workflow (issue 5) will pick up: created by a clue outcome that needs one. */
export const pendingCases = pgTable(
  'pending_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid(),
    personId: uuid(),
    /** DIBAO TEKUN TEMPORARY … */
    programme: varchar({ length: 20 }).notNull(),
    clueId: uuid(),
    /** PENDING (picked up later by the case workflow) */
    status: varchar({ length: 12 }).notNull().default('PENDING'),
    note: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pending_cases_household_idx').on(t.householdId)],
);

/** Province-wide monthly comparison (issue 4 §6): resumable like the re-assessment runs. */
export const comparisonRuns = pgTable('comparison_runs', {
  id: uuid().primaryKey().defaultRandom(),
  /** 'YYYY-MM' */
  period: varchar({ length: 7 }).notNull(),
  regionCode: varchar({ length: 12 }).notNull(),
  /** QUEUED RUNNING DONE FAILED */
  status: varchar({ length: 10 }).notNull(),
  total: integer().notNull().default(0),
  processed: integer().notNull().default(0),
  cursor: uuid(),
  raised: integer().notNull().default(0),
  merged: integer().notNull().default(0),
  error: text(),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
});
