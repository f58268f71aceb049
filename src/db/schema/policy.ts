import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** A JSON value kept as text (the application writes and parses it; the server only stores it). */
const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});

/**
 * Policy parameters (POLICY.md §19), versioned by effective date and keyed by region
 * (province → 市州 → county, most specific wins) and urban/rural. Seeded from
 * src/db/seed/policy-parameters.json; edited later with four-eyes approval (issue 3).
 */
export const policyParameters = pgTable(
  'policy_parameters',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** P01 … P75 */
    code: varchar({ length: 8 }).notNull(),
    name: text().notNull(),
    regionCode: varchar({ length: 12 }).notNull(),
    /** ALL / URBAN / RURAL */
    urbanRural: varchar({ length: 8 }).notNull().default('ALL'),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    value: jsonb().notNull(),
    /** OFFICIAL (confirmed Qinghai/national figure) or PLACEHOLDER (to be confirmed, POLICY.md [U]/[L]). */
    confidence: varchar({ length: 12 }).notNull(),
    /** Basis in POLICY.md, e.g. 'R22 [U]'. */
    basis: text().notNull(),
    /** DRAFT (proposed) / APPROVED / REJECTED / WITHDRAWN — four-eyes (issue 3 §1) */
    status: varchar({ length: 10 }).notNull().default('APPROVED'),
    isDefault: boolean().notNull().default(true),
    note: text(),
    /** Proposer (null for the shipped seed). */
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Why the version was proposed (文件依据、调整原因). */
    reason: text(),
    /** Approver or rejecter; never the proposer. */
    reviewedBy: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
  },
  (t) => [
    index('policy_parameters_lookup_idx').on(t.code, t.regionCode, t.effectiveFrom),
    index('policy_parameters_status_idx').on(t.status),
  ],
);

/**
 * Person facts the policy engine needs beyond the registry card: R15 exclusion, R53
 * self-care assessment, R48(3)/R51 legal obligors.
 */
export const personPolicyFacts = pgTable('person_policy_facts', {
  personId: uuid().primaryKey(),
  countyCode: varchar({ length: 6 }).notNull(),
  /** R15 / P48 reason the person is not counted in the household, or null */
  meansTestExclusion: varchar({ length: 32 }),
  /** R53 six activities, true = can do it alone, plus assessedOn */
  selfCare: jsonb(),
  /** R51 obligors: [{ name, relationship, inabilityGround|null }]; null = not recorded */
  obligors: jsonb(),
  /** R56 供养方式 { mode, institution, homeCondition, since } (R55 care uplift); null = not recorded */
  support: jsonb(),
  /** 多重残疾: [{ category, grade }] as the certificate lists them (R49, R31); null = not recorded */
  disabilityComponents: jsonb(),
  /** R43 jobs offered by the employment services: [{ referredOn, position, outcome, note }]; null = not recorded */
  jobReferrals: jsonb(),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** R47 rigid expenditure items (medical out of pocket, education, rehabilitation, …). */
export const expenditureItems = pgTable(
  'expenditure_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid().notNull(),
    personId: uuid(),
    /** MEDICAL_OUT_OF_POCKET EDUCATION REHABILITATION BASIC_LIVING OTHER ASSISTANCE_RECEIVED */
    expenditureType: varchar({ length: 32 }).notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    source: varchar({ length: 16 }).notNull(),
    sourceDetail: text(),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [index('expenditure_items_household_idx').on(t.householdId)],
);

/**
 * A stored decision of the policy engine with its explanation (issue 3 §4): a later change of
 * rules never rewrites it.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid().notNull(),
    referenceDate: date({ mode: 'string' }).notNull(),
    /** MANUAL (an officer ran it) / BATCH (re-assessment run) */
    trigger: varchar({ length: 10 }).notNull(),
    runId: uuid(),
    classification: varchar({ length: 24 }).notNull(),
    perCapitaMonthlyFen: bigint({ mode: 'number' }).notNull(),
    standardMonthlyFen: bigint({ mode: 'number' }).notNull(),
    dibaoAmountFen: bigint({ mode: 'number' }),
    /**
     * The decision's JSON is kept as text, stored as written and never queried inside (the
     * figures a query needs have their own columns), so that a batch storing thousands of
     * decisions does not pay for the server parsing it: the result (≈ 1.8 KB), the explanation
     * (≈ 9 KB) and the parameters used (code → parameter version id).
     */
    result: jsonText().notNull(),
    explanation: jsonText().notNull(),
    parametersUsed: jsonText().notNull(),
    /** sha256 of the inputs, to tell a re-run with the same facts */
    inputsDigest: varchar({ length: 64 }).notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessments_household_idx').on(t.householdId, t.createdAt)],
);

/** Current 低保 status of a recipient household (R44 life cycle). */
export const benefitStatuses = pgTable('benefit_statuses', {
  householdId: uuid().primaryKey(),
  countyCode: varchar({ length: 6 }).notNull(),
  /** DIBAO */
  programme: varchar({ length: 16 }).notNull().default('DIBAO'),
  /** ACTIVE / GRADUAL_EXIT / STOPPED */
  status: varchar({ length: 16 }).notNull(),
  monthlyAmountFen: bigint({ mode: 'number' }).notNull(),
  /** first benefit month, 'YYYY-MM-01' */
  sinceMonth: date({ mode: 'string' }).notNull(),
  gradualExitFrom: date({ mode: 'string' }),
  gradualExitUntil: date({ mode: 'string' }),
  /**
   * A stepped-down gradual exit (R44.2, P62 = STEPPED_DOWN, P77): [{ fromMonth, untilMonth,
   * amountFen }] as decided ('YYYY-MM'); monthly_amount_fen is its first month's. Null: the
   * amount stays as it is (lifecycle.rules.ts amountInMonth).
   */
  gradualExitSchedule: jsonb(),
  lastAssessmentId: uuid(),
  /**
   * Of the last decision (lastAssessmentId), copied here so that a batch run reads a
   * recipient's R44 baseline without fetching that decision: counted income by type (fen per
   * month) and counted per-capita income.
   */
  lastCountedByType: jsonb(),
  lastPerCapitaMonthlyFen: bigint({ mode: 'number' }),
  /**
   * R42 periodic review: STABLE (P07 interval) or UNSTABLE (income unstable, members able to
   * work: P08), as an officer judged it; and the day of the officer's last 核算 of the
   * household (a batch re-assessment is not a review), which the review counts from, else
   * from registeredOn. periodic-review.rules.ts.
   */
  reviewClass: varchar({ length: 10 }).notNull().default('STABLE'),
  lastReviewedOn: date({ mode: 'string' }),
  /** the day the platform registered the household as a recipient (its first decision's day); never moved */
  registeredOn: date({ mode: 'string' }),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // 低保对象: a region's figures and its 渐退 periods by end month (benefit-recipients.repo.ts)
  index('benefit_statuses_county_status_idx').on(t.countyCode, t.status, t.gradualExitUntil),
]);

/** Dated transitions of a recipient household, each with its explanation (R4, R44). */
export const benefitStatusEvents = pgTable(
  'benefit_status_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid().notNull(),
    fromStatus: varchar({ length: 16 }),
    toStatus: varchar({ length: 16 }).notNull(),
    /** benefit month the change takes effect, 'YYYY-MM-01' (R4: the month after the decision) */
    effectiveMonth: date({ mode: 'string' }).notNull(),
    monthlyAmountFen: bigint({ mode: 'number' }).notNull(),
    assessmentId: uuid(),
    reason: text().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_status_events_household_idx').on(t.householdId, t.createdAt)],
);

/** Batch re-assessment (issue 3 §6): WHAT_IF on a draft version, APPLY once approved. */
export const reassessmentRuns = pgTable('reassessment_runs', {
  id: uuid().primaryKey().defaultRandom(),
  /** WHAT_IF / APPLY */
  mode: varchar({ length: 10 }).notNull(),
  /** the parameter versions that changed (draft for WHAT_IF, approved for APPLY) */
  parameterVersionIds: uuid().array().notNull(),
  /** households under this region code are affected */
  regionCode: varchar({ length: 12 }).notNull(),
  referenceDate: date({ mode: 'string' }).notNull(),
  /** QUEUED / RUNNING / DONE / FAILED */
  status: varchar({ length: 10 }).notNull().default('QUEUED'),
  total: integer().notNull().default(0),
  processed: integer().notNull().default(0),
  /** last household id fully processed (resume point) */
  cursor: uuid(),
  summary: jsonb(),
  error: text(),
  /** the WHAT_IF run an APPLY run repeats */
  basedOnRunId: uuid(),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
});

export const reassessmentResults = pgTable(
  'reassessment_results',
  {
    runId: uuid().notNull(),
    householdId: uuid().notNull(),
    countyCode: varchar({ length: 6 }).notNull(),
    beforeClassification: varchar({ length: 24 }),
    afterClassification: varchar({ length: 24 }).notNull(),
    beforeAmountFen: bigint({ mode: 'number' }).notNull().default(0),
    afterAmountFen: bigint({ mode: 'number' }).notNull().default(0),
    /** NEW_ELIGIBLE LOST_ELIGIBILITY GRADUAL_EXIT AMOUNT_UP AMOUNT_DOWN UNCHANGED REFUSED */
    change: varchar({ length: 20 }).notNull(),
    /**
     * The change over the next 12 months when it is not 12 × the monthly one (a stepped-down
     * 渐退, R44.2, or one ending within the year, R44.3); null: 12 × (after − before).
     */
    yearlyDiffFen: bigint({ mode: 'number' }),
    errorCode: varchar({ length: 48 }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.householdId] }), index('reassessment_results_change_idx').on(t.runId, t.change)],
);
