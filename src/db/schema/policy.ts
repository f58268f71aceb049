import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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
    /** DRAFT / APPROVED */
    status: varchar({ length: 10 }).notNull().default('APPROVED'),
    isDefault: boolean().notNull().default(true),
    note: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_parameters_lookup_idx').on(t.code, t.regionCode, t.effectiveFrom)],
);
