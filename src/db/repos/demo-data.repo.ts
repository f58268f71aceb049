/**
 * Bulk writes of the demo data set (issue 2 §17) and the reference reads of the benchmark
 * (§19). Assets and category history are COPYed into temp tables and inserted with one
 * INSERT … SELECT each, resolving households by 户编号 and owners by identity number;
 * rows already present are skipped, so loading the demo twice adds nothing.
 */
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import { queryRows, type Executor, type RawTx } from '../database.js';
import { toCopyRows } from '../copy-rows.js';
import { benefitStatuses, householdMembers, households, incomeItems, policyParameters, regions } from '../schema/index.js';

const COPY_CHUNK = 50_000;

async function copyRows(raw: RawTx, table: string, columns: string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    await raw.copy(table, columns, toCopyRows(rows.slice(i, i + COPY_CHUNK)));
  }
}

/** County rows (level 3) and their active villages/communities (level 5). */
export async function findCountiesWithVillages(db: Executor, countyCodes: readonly string[]) {
  if (countyCodes.length === 0) return [];
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, active: regions.active, areaType: regions.areaType })
    .from(regions)
    .where(
      or(
        inArray(regions.code, [...countyCodes]),
        and(eq(regions.level, 5), eq(regions.active, true), or(...countyCodes.map((c) => like(regions.code, `${c}%`)))),
      ),
    );
}

/** A demo 户编号 ('YS' + 4 hex + '-') made with another seed than `ownPrefix`, if any. */
export async function findOtherDemoHouseholdNo(db: Executor, ownPrefix: string): Promise<string | null> {
  const [r] = await db
    .select({ householdNo: households.householdNo })
    .from(households)
    .where(and(sql`${households.householdNo} ~ '^YS[0-9A-F]{4}-'`, sql`${households.householdNo} NOT LIKE ${`${ownPrefix}-%`}`))
    .limit(1);
  return r?.householdNo ?? null;
}

/**
 * The period of the incomes an earlier demo load imported (recorded by the demo's importing
 * account), or null before the first load.
 */
export async function findDemoIncomePeriod(db: Executor, importerId: string): Promise<{ start: string; end: string } | null> {
  const [r] = await db
    .select({ start: incomeItems.periodStart, end: incomeItems.periodEnd })
    .from(incomeItems)
    .where(eq(incomeItems.recordedBy, importerId))
    .orderBy(incomeItems.recordedAt)
    .limit(1);
  return r ?? null;
}

/** A 特困 person's facts for the demo, by identity number. */
export interface DemoPolicyFactsInput {
  idNumber: string;
  selfCare: unknown;
  support: unknown;
  obligors: unknown;
}

/**
 * person_policy_facts of demo persons, resolved by identity number; a person who already has
 * a row (an earlier run, or an officer's entry) is left as it is. Returns the rows written.
 */
export async function insertDemoPolicyFacts(raw: RawTx, rows: readonly DemoPolicyFactsInput[], meta: { updatedBy: string; at: string }) {
  if (rows.length === 0) return [];
  await raw.query(`CREATE TEMP TABLE demo_policy_facts (id_number varchar(18), self_care jsonb, support jsonb, obligors jsonb) ON COMMIT DROP`);
  await copyRows(raw, 'demo_policy_facts', ['id_number', 'self_care', 'support', 'obligors'], rows.map((r) => [r.idNumber, r.selfCare, r.support, r.obligors]));
  const inserted = await raw.query<{ person_id: string; county_code: string; household_id: string | null; self_care: unknown; support: unknown; obligors: unknown }>(
    `WITH ins AS (
       INSERT INTO person_policy_facts (person_id, county_code, self_care, support, obligors, updated_by, updated_at)
       SELECT p.id, p.county_code, s.self_care, s.support, s.obligors, $1, $2
         FROM demo_policy_facts s JOIN persons p ON p.id_number = s.id_number
       ON CONFLICT (person_id) DO NOTHING
       RETURNING person_id, county_code, self_care, support, obligors)
     SELECT ins.*, m.household_id FROM ins LEFT JOIN household_members m ON m.person_id = ins.person_id AND m.active`,
    [meta.updatedBy, meta.at],
  );
  return inserted.map((r) => ({ personId: r.person_id, countyCode: r.county_code, householdId: r.household_id, selfCare: r.self_care, support: r.support, obligors: r.obligors }));
}

/** Households and active members whose 户编号 starts with `prefix`. */
export async function countHouseholdsByNoPrefix(db: Executor, prefix: string): Promise<{ households: number; members: number }> {
  const [r] = await db
    .select({
      households: sql<number>`count(DISTINCT ${households.id})::int`,
      members: sql<number>`count(${householdMembers.id})::int`,
    })
    .from(households)
    .leftJoin(householdMembers, and(eq(householdMembers.householdId, households.id), eq(householdMembers.active, true)))
    .where(like(households.householdNo, `${prefix}%`));
  return { households: r?.households ?? 0, members: r?.members ?? 0 };
}

export interface DemoAssetInput {
  householdNo: string;
  ownerIdNumber: string | null;
  assetType: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  valueFen: number | null;
  details: Record<string, unknown> | null;
}

export interface InsertedAsset {
  id: string;
  householdId: string;
  countyCode: string;
  personId: string | null;
  assetType: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  valueFen: number | null;
  details: Record<string, unknown> | null;
}

/**
 * Insert assets of households found by 户编号 that have no asset with this `sourceDetail`
 * yet (a household's demo assets are added once, all together). Returns the new rows.
 */
export async function insertDemoAssets(
  raw: RawTx,
  rows: readonly DemoAssetInput[],
  meta: { source: string; sourceDetail: string; recordedBy: string; at: string },
): Promise<InsertedAsset[]> {
  if (rows.length === 0) return [];
  await raw.query(
    `CREATE TEMP TABLE demo_assets (
       ord integer, household_no varchar(32), owner_id_number varchar(18), asset_type varchar(16), description text,
       quantity integer, unit varchar(16), value_fen bigint, details jsonb
     ) ON COMMIT DROP`,
  );
  await copyRows(
    raw,
    'demo_assets',
    ['ord', 'household_no', 'owner_id_number', 'asset_type', 'description', 'quantity', 'unit', 'value_fen', 'details'],
    rows.map((r, i) => [i, r.householdNo, r.ownerIdNumber, r.assetType, r.description, r.quantity, r.unit, r.valueFen, r.details]),
  );
  const inserted = await raw.query<Record<string, unknown>>(
    `INSERT INTO assets (id, county_code, household_id, person_id, asset_type, description, quantity, unit, value_fen, details,
                         source, source_detail, recorded_by, recorded_at)
     SELECT gen_random_uuid(), h.county_code, h.id, p.id, s.asset_type, s.description, s.quantity, s.unit, s.value_fen, s.details,
            $1, $2, $3, $4
       FROM demo_assets s
       JOIN households h ON h.household_no = s.household_no
       LEFT JOIN persons p ON p.id_number = s.owner_id_number
      WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.household_id = h.id AND a.source_detail = $2)
      ORDER BY s.ord
     RETURNING id, household_id, county_code, person_id, asset_type, description, quantity, unit, value_fen, details`,
    [meta.source, meta.sourceDetail, meta.recordedBy, meta.at],
  );
  return inserted.map((r) => ({
    id: String(r.id),
    householdId: String(r.household_id),
    countyCode: String(r.county_code),
    personId: r.person_id === null ? null : String(r.person_id),
    assetType: String(r.asset_type),
    description: String(r.description),
    quantity: r.quantity === null ? null : Number(r.quantity),
    unit: r.unit === null ? null : String(r.unit),
    valueFen: r.value_fen === null ? null : Number(r.value_fen),
    details: (r.details ?? null) as Record<string, unknown> | null,
  }));
}

export interface DemoCategoryHistoryInput {
  householdNo: string;
  category: string;
  effectiveFrom: string;
  effectiveTo: string;
  reason: string;
}

export interface InsertedCategoryHistory {
  id: string;
  householdId: string;
  countyCode: string;
  category: string;
  effectiveFrom: string;
  effectiveTo: string;
  reason: string;
}

/**
 * Insert ended household-level category records (history) unless the household already has
 * a record of that category starting that day. Returns the new rows.
 */
export async function insertDemoCategoryHistory(
  raw: RawTx,
  rows: readonly DemoCategoryHistoryInput[],
  meta: { source: string; recordedBy: string; at: string },
): Promise<InsertedCategoryHistory[]> {
  if (rows.length === 0) return [];
  await raw.query(
    `CREATE TEMP TABLE demo_categories (
       ord integer, household_no varchar(32), category varchar(20), effective_from date, effective_to date, reason text
     ) ON COMMIT DROP`,
  );
  await copyRows(
    raw,
    'demo_categories',
    ['ord', 'household_no', 'category', 'effective_from', 'effective_to', 'reason'],
    rows.map((r, i) => [i, r.householdNo, r.category, r.effectiveFrom, r.effectiveTo, r.reason]),
  );
  const inserted = await raw.query<Record<string, unknown>>(
    `INSERT INTO household_categories (id, county_code, household_id, person_id, category, effective_from, effective_to, reason,
                                       source, recorded_by, recorded_at)
     SELECT gen_random_uuid(), h.county_code, h.id, NULL, s.category, s.effective_from, s.effective_to, s.reason, $1, $2, $3
       FROM demo_categories s
       JOIN households h ON h.household_no = s.household_no
      WHERE NOT EXISTS (
              SELECT 1 FROM household_categories c
               WHERE c.household_id = h.id AND c.person_id IS NULL AND c.category = s.category AND c.effective_from = s.effective_from)
      ORDER BY s.ord
     RETURNING id, household_id, county_code, category, effective_from::text AS effective_from,
               effective_to::text AS effective_to, reason`,
    [meta.source, meta.recordedBy, meta.at],
  );
  return inserted.map((r) => ({
    id: String(r.id),
    householdId: String(r.household_id),
    countyCode: String(r.county_code),
    category: String(r.category),
    effectiveFrom: String(r.effective_from),
    effectiveTo: String(r.effective_to),
    reason: String(r.reason),
  }));
}

// ---------------------------------------------------------------------------------------
// Benchmark reference reads (bench/run.ts): the cheapest round trip and a bare primary-key
// read, so that use-case latencies can be read as ratios of them.

export async function selectOne(db: Executor): Promise<void> {
  await queryRows(db, sql`SELECT 1`);
}

/** Unscoped primary-key read of one households row (benchmark reference only). */
export async function selectHouseholdRowById(db: Executor, id: string) {
  const [r] = await db.select().from(households).where(eq(households.id, id));
  return r ?? null;
}

/** Household ids with their county and head (benchmark sampling), in a stable pseudo-random order. */
export async function sampleHouseholds(db: Executor, limit: number) {
  return queryRows<{ id: string; county_code: string; head_name: string | null; household_no: string }>(
    db,
    sql`SELECT id, county_code, head_name, household_no FROM households ORDER BY md5(id::text) LIMIT ${limit}`,
  );
}

/** Identity numbers of some active members (benchmark search fragments). */
export async function sampleIdNumbers(db: Executor, limit: number) {
  const rows = await queryRows<{ id_number: string }>(
    db,
    sql`SELECT id_number FROM persons ORDER BY md5(id::text) LIMIT ${limit}`,
  );
  return rows.map((r) => r.id_number);
}

/** Demo parameter versions already present (recognised by their note). */
export async function countDemoPolicyParameters(db: Executor, note: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(policyParameters).where(eq(policyParameters.note, note));
  return r?.n ?? 0;
}

export async function insertDemoPolicyParameters(db: Executor, rows: (typeof policyParameters.$inferInsert)[]): Promise<{ id: string; regionCode: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(policyParameters).values(rows).returning({ id: policyParameters.id, regionCode: policyParameters.regionCode });
}

/** Recipients being paid in these counties (the demo's summary). */
export async function countBenefitStatuses(db: Executor, countyCodes: string[]): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(benefitStatuses)
    .where(and(inArray(benefitStatuses.countyCode, countyCodes), inArray(benefitStatuses.status, ['ACTIVE', 'GRADUAL_EXIT'])));
  return r?.n ?? 0;
}
