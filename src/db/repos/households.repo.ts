import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { queryRows, type Executor } from '../database.js';
import {
  assets,
  householdCategories,
  householdMembers,
  households,
  incomeItems,
  persons,
  regions,
  users,
} from '../schema/index.js';

/*
 * Registry reads and writes. Region scope is applied HERE and only here: every function
 * that can reach household data takes a RegionScope (a required argument, so a caller
 * cannot forget it) and filters through `inScope`. A record outside the scope is simply
 * not found.
 */

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;

/** The one scope predicate: the household's village code lies in the scope's subtree. */
export function inScope(scope: RegionScope): SQL {
  return underRegion(scope.regionCode);
}

/**
 * Households under a region. A county is matched by county code, which always equals the first
 * six digits of the region code (a household never moves county): same rows, but the planner
 * then knows how many and walks the (county, household number) index in list order, where a
 * prefix match on the region code (and, worse, both conditions at once) made it misjudge the
 * county's size and scan the province's household-number index.
 */
function underRegion(regionCode: string): SQL {
  return regionCode.length === 6 ? eq(households.countyCode, regionCode) : like(households.regionCode, `${regionCode}%`);
}

export interface HouseholdFilter {
  q?: string | undefined;
  region?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  urbanRural?: string | undefined;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(scope: RegionScope, f: HouseholdFilter): SQL[] {
  const where: SQL[] = [inScope(scope)];
  if (f.region && f.region.startsWith(scope.regionCode) && f.region !== scope.regionCode) {
    where.push(underRegion(f.region));
  } else if (f.region && !f.region.startsWith(scope.regionCode) && !scope.regionCode.startsWith(f.region)) {
    where.push(sql`false`); // a region outside the scope has nothing to show
  }
  if (f.category) where.push(sql`${households.categories} @> ARRAY[${f.category}]::text[]`);
  if (f.status) where.push(eq(households.status, f.status));
  if (f.urbanRural) where.push(eq(households.urbanRural, f.urbanRural));
  const q = f.q?.trim().replace(/\s+/g, '');
  if (q) {
    const esc = escapeLike(q.toUpperCase());
    if (/^[0-9Xx]+$/.test(q)) {
      // Digits: identity-number, phone or household-number fragment. Each alternative is
      // answered by its own trigram index and the household ids are united; an OR here
      // would scan every household (27 ms → 3 ms on 40k households, PostgreSQL).
      where.push(sql`${households.id} IN (
        SELECT m.household_id FROM persons p JOIN household_members m ON m.person_id = p.id AND m.active
        WHERE p.id_number LIKE ${'%' + esc + '%'} OR p.phone LIKE ${'%' + esc + '%'}
        UNION SELECT hn.id FROM households hn WHERE hn.household_no LIKE ${'%' + esc + '%'})`);
    } else {
      // Names: a prefix of any member's name (a surname) for one or two characters, anywhere in
      // a name from three on, read from the household's member_names (' 马学军 马秀兰', kept by
      // triggers) through its trigram index; the page then walks households in number order
      // with a cheap test per row instead of hashing every matching member of the region
      // first. A household number is searched too when the text could be part of one (a digit
      // or Latin letter, or three characters or more): a one- or two-character Chinese text is
      // a name, and matching it inside every household number meant reading all of them.
      const name = escapeLike(q);
      const nameMatch = q.length >= 3 ? sql`${households.memberNames} LIKE ${'%' + name + '%'}` : sql`${households.memberNames} LIKE ${'% ' + name + '%'}`;
      where.push(
        /[0-9A-Za-z]/.test(q) || q.length >= 3 ? sql`(${households.householdNo} LIKE ${'%' + esc + '%'} OR ${nameMatch})` : nameMatch,
      );
    }
  }
  return where;
}

export async function listHouseholds(
  db: Executor,
  scope: RegionScope,
  f: HouseholdFilter,
  page: { limit: number; offset: number },
) {
  // The page is chosen from households alone and only its rows are joined: joined before the
  // offset, a deep page (page 48 = 940 rows skipped) looked up the head and the regions of
  // every skipped household too.
  const pageIds = db
    .select({ id: households.id, householdNo: households.householdNo })
    .from(households)
    .where(and(...filterConditions(scope, f)))
    .orderBy(asc(households.householdNo))
    .limit(page.limit)
    .offset(page.offset)
    .as('page_ids');
  const items = await db
    .select({
      household: households,
      headIdNumber: persons.idNumber,
      villageName: sql<string | null>`v.name`,
      townshipName: sql<string | null>`t.name`,
    })
    .from(pageIds)
    .innerJoin(households, eq(households.id, pageIds.id))
    .leftJoin(persons, eq(persons.id, households.headPersonId))
    .leftJoin(sql`regions v`, sql`v.code = ${households.regionCode}`)
    .leftJoin(sql`regions t`, sql`t.code = left(${households.regionCode}, 9)`)
    .orderBy(asc(pageIds.householdNo));
  return items;
}

/**
 * Matching households. `upTo` stops the count at `upTo + 1` (a list's total), so a
 * province-wide page does not count every household behind a common surname or category.
 */
export async function countHouseholds(db: Executor, scope: RegionScope, f: HouseholdFilter, opts: { upTo?: number } = {}): Promise<number> {
  const matching = db.select({ one: sql`1`.as('one') }).from(households).where(and(...filterConditions(scope, f))).$dynamic();
  const bounded = opts.upTo === undefined ? matching : matching.limit(opts.upTo + 1);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(bounded.as('matching'));
  return c?.n ?? 0;
}

/** Streams every matching household in pages (exports). */
export async function* iterateHouseholdsForExport(db: Executor, scope: RegionScope, f: HouseholdFilter, batch = 2000) {
  let after = '';
  const base = filterConditions(scope, f);
  for (;;) {
    const rows = await db
      .select({ household: households, villageName: sql<string | null>`v.name`, townshipName: sql<string | null>`t.name` })
      .from(households)
      .leftJoin(sql`regions v`, sql`v.code = ${households.regionCode}`)
      .leftJoin(sql`regions t`, sql`t.code = left(${households.regionCode}, 9)`)
      .where(and(...base, sql`${households.householdNo} > ${after}`))
      .orderBy(asc(households.householdNo))
      .limit(batch);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.household.id);
    const members = await db
      .select({ member: householdMembers, person: persons })
      .from(householdMembers)
      .innerJoin(persons, eq(persons.id, householdMembers.personId))
      .where(and(inArray(householdMembers.householdId, ids), eq(householdMembers.active, true)))
      .orderBy(asc(householdMembers.householdId), asc(householdMembers.createdAt));
    yield { rows, members };
    after = rows[rows.length - 1]!.household.householdNo;
  }
}

export async function findHousehold(db: Executor, scope: RegionScope, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(households).where(and(eq(households.id, id), inScope(scope)));
  const [h] = opts.forUpdate ? await q.for('update') : await q;
  return h ?? null;
}

export async function findHouseholdByNo(db: Executor, householdNo: string) {
  const [h] = await db.select().from(households).where(eq(households.householdNo, householdNo));
  return h ?? null;
}

export async function insertHousehold(db: Executor, values: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [h] = await db.insert(households).values(values).returning();
  return h!;
}

export async function updateHouseholdRow(db: Executor, id: string, patch: Partial<typeof households.$inferInsert>) {
  const [h] = await db
    .update(households)
    .set({ ...patch, updatedAt: new Date(), version: sql`${households.version} + 1` })
    .where(eq(households.id, id))
    .returning();
  return h!;
}

/** Next 户编号 for a village: village code + 4-digit serial, under a per-village lock. */
export async function nextHouseholdNo(db: Executor, regionCode: string): Promise<string> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'hhno:' + regionCode}))`);
  const [r] = await db
    .select({ max: sql<string | null>`max(${households.householdNo})` })
    .from(households)
    .where(and(like(households.householdNo, `${regionCode}%`), sql`length(${households.householdNo}) = 16`));
  const serial = r?.max ? Number(r.max.slice(12)) + 1 : 1;
  return `${regionCode}${String(serial).padStart(4, '0')}`;
}

/** Recompute the denormalised list fields of a household from its members and categories. */
export async function refreshHouseholdSummary(db: Executor, id: string): Promise<HouseholdRow> {
  await db.execute(sql`
    UPDATE households h SET
      member_count = (SELECT count(*) FROM household_members m WHERE m.household_id = h.id AND m.active),
      head_name = (SELECT p.name FROM persons p WHERE p.id = h.head_person_id),
      categories = COALESCE((SELECT array_agg(DISTINCT c.category ORDER BY c.category) FROM household_categories c
                              WHERE c.household_id = h.id AND c.effective_to IS NULL), '{}')
    WHERE h.id = ${id}`);
  const [h] = await db.select().from(households).where(eq(households.id, id));
  return h!;
}

// ---- persons and members ----------------------------------------------------------

/** Unscoped: the identity number is the natural key (duplicate checks need the whole province). */
export async function findPersonByIdNumber(db: Executor, idNumber: string): Promise<PersonRow | null> {
  const [p] = await db.select().from(persons).where(eq(persons.idNumber, idNumber));
  return p ?? null;
}

/** The active household of a person, whatever its region (for the duplicate message). */
export async function findActiveMembership(db: Executor, personId: string) {
  const [r] = await db
    .select({ member: householdMembers, household: households })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.personId, personId), eq(householdMembers.active, true)));
  return r ?? null;
}

/** A person is visible when one of their memberships (active or former) is in a household in scope. */
export async function findPersonInScope(db: Executor, scope: RegionScope, personId: string) {
  const [r] = await db
    .select({ person: persons, member: householdMembers, household: households })
    .from(persons)
    .innerJoin(householdMembers, eq(householdMembers.personId, persons.id))
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(persons.id, personId), inScope(scope)))
    .orderBy(desc(householdMembers.active), desc(householdMembers.createdAt))
    .limit(1);
  return r ?? null;
}

export async function insertPerson(db: Executor, values: typeof persons.$inferInsert): Promise<PersonRow> {
  const [p] = await db.insert(persons).values(values).returning();
  return p!;
}

export async function updatePersonRow(db: Executor, id: string, patch: Partial<typeof persons.$inferInsert>) {
  const [p] = await db
    .update(persons)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning();
  return p!;
}

export async function insertMember(db: Executor, values: typeof householdMembers.$inferInsert): Promise<MemberRow> {
  const [m] = await db.insert(householdMembers).values(values).returning();
  return m!;
}

export async function endMembership(db: Executor, memberId: string, leftOn: string, reason: string) {
  const [m] = await db
    .update(householdMembers)
    .set({ active: false, leftOn, leftReason: reason })
    .where(eq(householdMembers.id, memberId))
    .returning();
  return m!;
}

export async function findMember(db: Executor, householdId: string, memberId: string) {
  const [m] = await db
    .select({ member: householdMembers, person: persons })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, householdId)));
  return m ?? null;
}

export async function listMembers(db: Executor, householdId: string) {
  return db
    .select({ member: householdMembers, person: persons })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(
      desc(householdMembers.active),
      asc(householdMembers.joinedOn),
      asc(householdMembers.createdAt),
      // members who joined together (one import, one form): the head, then the eldest, then by id
      sql`${householdMembers.relationship} <> 'HEAD'`,
      asc(persons.birthDate),
      asc(householdMembers.id),
    );
}

// ---- incomes, assets, categories ------------------------------------------------------

export async function listIncomes(db: Executor, householdId: string) {
  return db
    .select({ item: incomeItems, personName: persons.name, recordedByName: users.displayName })
    .from(incomeItems)
    .leftJoin(persons, eq(persons.id, incomeItems.personId))
    .leftJoin(users, eq(users.id, incomeItems.recordedBy))
    .where(eq(incomeItems.householdId, householdId))
    .orderBy(desc(incomeItems.periodEnd), asc(incomeItems.incomeType));
}

export async function insertIncome(db: Executor, values: typeof incomeItems.$inferInsert) {
  const [r] = await db.insert(incomeItems).values(values).returning();
  return r!;
}

export async function deleteIncome(db: Executor, householdId: string, id: string) {
  const [r] = await db
    .delete(incomeItems)
    .where(and(eq(incomeItems.id, id), eq(incomeItems.householdId, householdId)))
    .returning();
  return r ?? null;
}

export async function listAssets(db: Executor, householdId: string) {
  return db
    .select({ item: assets, personName: persons.name, recordedByName: users.displayName })
    .from(assets)
    .leftJoin(persons, eq(persons.id, assets.personId))
    .leftJoin(users, eq(users.id, assets.recordedBy))
    .where(eq(assets.householdId, householdId))
    .orderBy(asc(assets.assetType), desc(assets.recordedAt));
}

export async function insertAsset(db: Executor, values: typeof assets.$inferInsert) {
  const [r] = await db.insert(assets).values(values).returning();
  return r!;
}

export async function deleteAsset(db: Executor, householdId: string, id: string) {
  const [r] = await db
    .delete(assets)
    .where(and(eq(assets.id, id), eq(assets.householdId, householdId)))
    .returning();
  return r ?? null;
}

export async function listCategories(db: Executor, householdId: string) {
  return db
    .select({ item: householdCategories, personName: persons.name, recordedByName: users.displayName })
    .from(householdCategories)
    .leftJoin(persons, eq(persons.id, householdCategories.personId))
    .leftJoin(users, eq(users.id, householdCategories.recordedBy))
    .where(eq(householdCategories.householdId, householdId))
    .orderBy(desc(householdCategories.effectiveFrom));
}

export async function insertCategory(db: Executor, values: typeof householdCategories.$inferInsert) {
  const [r] = await db.insert(householdCategories).values(values).returning();
  return r!;
}

export async function endCategory(db: Executor, householdId: string, id: string, effectiveTo: string, reason: string) {
  const [r] = await db
    .update(householdCategories)
    .set({ effectiveTo, reason: sql`coalesce(${householdCategories.reason} || '；', '') || ${'终止：' + reason}` })
    .where(
      and(eq(householdCategories.id, id), eq(householdCategories.householdId, householdId), sql`${householdCategories.effectiveTo} IS NULL`),
    )
    .returning();
  return r ?? null;
}

// ---- duplicates and statistics ----------------------------------------------------------

/** Likely duplicates: same name + birth date + county, different identity numbers (issue 2 §11). */
export async function findLikelyDuplicates(db: Executor, scope: RegionScope, limit: number) {
  return queryRows<{
    name: string;
    birth_date: string;
    county_code: string;
    persons: { personId: string; idNumber: string; householdId: string | null; householdNo: string | null }[];
  }>(db, sql`
    WITH scoped AS (
      SELECT p.id, p.name, p.birth_date, p.county_code, p.id_number, h.id AS household_id, h.household_no
      FROM persons p
      JOIN household_members m ON m.person_id = p.id AND m.active
      JOIN households h ON h.id = m.household_id
      WHERE h.region_code LIKE ${scope.regionCode + '%'}
    ), groups AS (
      SELECT name, birth_date, county_code FROM scoped
      GROUP BY name, birth_date, county_code HAVING count(DISTINCT id_number) > 1
    )
    SELECT s.name, s.birth_date::text AS birth_date, s.county_code,
           json_agg(json_build_object('personId', s.id, 'idNumber', s.id_number,
                    'householdId', s.household_id, 'householdNo', s.household_no) ORDER BY s.id_number) AS persons
    FROM scoped s JOIN groups g USING (name, birth_date, county_code)
    GROUP BY s.name, s.birth_date, s.county_code
    ORDER BY s.county_code, s.name
    LIMIT ${limit}`);
}

/** Counts by category for a region in scope and by its child regions (workbench chart). */
export async function categoryCounts(db: Executor, scope: RegionScope, regionCode: string, childLength: number | null) {
  const base = sql`h.status = 'ACTIVE' AND h.region_code LIKE ${regionCode + '%'} AND h.region_code LIKE ${scope.regionCode + '%'}`;
  const totals = await queryRows<{ households: number; persons: number }>(
    db,
    sql`SELECT count(*)::int AS households, coalesce(sum(member_count),0)::int AS persons FROM households h WHERE ${base}`,
  );
  const byCategory = await queryRows<{ category: string; households: number; persons: number }>(db, sql`
    SELECT c AS category, count(*)::int AS households, coalesce(sum(h.member_count),0)::int AS persons
    FROM households h CROSS JOIN LATERAL unnest(h.categories) AS c WHERE ${base} GROUP BY c`);
  let byChild: { code: string; households: number }[] = [];
  let byChildCategory: { code: string; category: string; households: number }[] = [];
  if (childLength) {
    byChild = await queryRows<{ code: string; households: number }>(db, sql`
      SELECT left(h.region_code, ${childLength}) AS code, count(*)::int AS households
      FROM households h WHERE ${base} GROUP BY 1`);
    byChildCategory = await queryRows<{ code: string; category: string; households: number }>(db, sql`
      SELECT left(h.region_code, ${childLength}) AS code, c AS category, count(*)::int AS households
      FROM households h CROSS JOIN LATERAL unnest(h.categories) AS c
      WHERE ${base} GROUP BY 1, 2`);
  }
  return { totals: totals[0] ?? { households: 0, persons: 0 }, byCategory, byChild, byChildCategory };
}

export async function regionNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(inArray(regions.code, codes));
}

/** Households by id, only those inside `scope` (lists that name households). */
export async function findHouseholdsByIds(db: Executor, scope: RegionScope, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: households.id, householdNo: households.householdNo, headName: households.headName, regionCode: households.regionCode })
    .from(households)
    .where(and(inArray(households.id, ids), inScope(scope)));
}
