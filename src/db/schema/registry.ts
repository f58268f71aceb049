import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/*
 * The low-income population registry (低收入人口数据库). Every table that holds household
 * data carries `county_code` (6 digits) so that it can later be distributed by county
 * (docs/scaling.md); `region_code` is the village/community (12 digits).
 */

export const households = pgTable(
  'households',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    regionCode: varchar({ length: 12 }).notNull(),
    householdNo: varchar({ length: 32 }).notNull(),
    address: text().notNull().default(''),
    /** URBAN / RURAL (P54: household-registration type by default). */
    urbanRural: varchar({ length: 8 }).notNull(),
    headPersonId: uuid(),
    /** ACTIVE / CANCELLED */
    status: varchar({ length: 12 }).notNull().default('ACTIVE'),
    /** Current categories (denormalised from household_categories for list filters). */
    categories: text().array().notNull().default(sql`'{}'::text[]`),
    memberCount: integer().notNull().default(0),
    headName: text(),
    /**
     * The active members' names, each preceded by a space (' 马学军 马秀兰'), for the list's name
     * search. Kept by database triggers on household_members and persons (migration
     * 20261129171649_household-member-names, one function since 20261129175342), so that no writer can forget it.
     */
    memberNames: text().notNull().default(''),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_no_uq').on(t.householdNo),
    index('households_member_names_trgm_idx').using('gin', t.memberNames.op('gin_trgm_ops')),
    index('households_no_trgm_idx').using('gin', t.householdNo.op('gin_trgm_ops')),
    index('households_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('households_county_idx').on(t.countyCode, t.updatedAt),
    // Batch re-assessment walks a region county by county in household-number order.
    index('households_county_no_idx').on(t.countyCode, t.householdNo),
    index('households_categories_idx').using('gin', t.categories),
  ],
);

export const persons = pgTable(
  'persons',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** County of the person's current household (distribution key). */
    countyCode: varchar({ length: 6 }).notNull(),
    idNumber: varchar({ length: 18 }).notNull(),
    name: text().notNull(),
    /** M / F, derived from the identity number (R9.3). */
    sex: varchar({ length: 1 }).notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    ethnicity: varchar({ length: 16 }),
    phone: varchar({ length: 32 }),
    bankName: text(),
    bankAccount: varchar({ length: 40 }),
    /** FULL / PARTIAL / NONE (完全/部分/无劳动能力) */
    labourCapacity: varchar({ length: 8 }),
    /** HEALTHY / CHRONIC / SERIOUS (重病, from the configurable list) / DISABLED */
    healthStatus: varchar({ length: 12 }),
    seriousIllness: text(),
    /** 残疾类别: VISUAL HEARING SPEECH PHYSICAL INTELLECTUAL MENTAL MULTIPLE */
    disabilityCategory: varchar({ length: 16 }),
    /** 残疾等级 1–4 */
    disabilityGrade: smallint(),
    /** EMPLOYED / FLEXIBLE / UNEMPLOYED / FARMING / HERDING / RETIRED / NOT_APPLICABLE */
    employment: varchar({ length: 16 }),
    /** NONE / PRESCHOOL / PRIMARY / JUNIOR / SENIOR / VOCATIONAL / UNDERGRAD / POSTGRAD */
    studentStage: varchar({ length: 16 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_number_uq').on(t.idNumber),
    index('persons_dup_idx').on(t.name, t.birthDate, t.countyCode),
    // Names are searched on the household (households.member_names), not here.
    index('persons_id_number_trgm_idx').using('gin', t.idNumber.op('gin_trgm_ops')),
    index('persons_phone_trgm_idx').using('gin', t.phone.op('gin_trgm_ops')),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    /** 与户主关系: HEAD SPOUSE CHILD PARENT GRANDCHILD GRANDPARENT SIBLING CHILD_IN_LAW OTHER */
    relationship: varchar({ length: 16 }).notNull(),
    active: boolean().notNull().default(true),
    joinedOn: date({ mode: 'string' }).notNull(),
    leftOn: date({ mode: 'string' }),
    leftReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_person_idx').on(t.personId),
    // A person is an active member of at most one household (issue 2 §7).
    uniqueIndex('household_members_active_person_uq').on(t.personId).where(sql`${t.active}`),
  ],
);

export const incomeItems = pgTable(
  'income_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    personId: uuid().references(() => persons.id),
    /** POLICY.md §6 types, see domain/registry/codes.ts INCOME_TYPES */
    incomeType: varchar({ length: 32 }).notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    /** DECLARED / DEPARTMENT / INVESTIGATED */
    source: varchar({ length: 16 }).notNull(),
    sourceDetail: text(),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [index('income_items_household_idx').on(t.householdId)],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    personId: uuid().references(() => persons.id),
    /** HOUSE / VEHICLE / BUSINESS / DEPOSIT / SECURITIES / LIVESTOCK / OTHER */
    assetType: varchar({ length: 16 }).notNull(),
    description: text().notNull().default(''),
    /** House area m², vehicle count, livestock head, … */
    quantity: integer(),
    unit: varchar({ length: 16 }),
    valueFen: bigint({ mode: 'number' }),
    details: jsonb().$type<Record<string, unknown>>(),
    source: varchar({ length: 16 }).notNull(),
    sourceDetail: text(),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assets_household_idx').on(t.householdId)],
);

export const householdCategories = pgTable(
  'household_categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    countyCode: varchar({ length: 6 }).notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    /** Null = the whole household; set for person-level categories (特困, 单人户). */
    personId: uuid().references(() => persons.id),
    /** DIBAO TEKUN DIBAO_EDGE FANGFANPIN RIGID_EXPENDITURE OTHER (R7) */
    category: varchar({ length: 20 }).notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    effectiveTo: date({ mode: 'string' }),
    reason: text(),
    source: varchar({ length: 16 }).notNull().default('DECLARED'),
    recordedBy: uuid(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_categories_household_idx').on(t.householdId),
    // 低保对象's 在册待核定: the households on the 低保 roster of a county (benefit-recipients.repo.ts)
    index('household_categories_open_dibao_idx')
      .on(t.countyCode, t.householdId)
      .where(sql`${t.category} = 'DIBAO' AND ${t.personId} IS NULL AND ${t.effectiveTo} IS NULL`),
  ],
);
