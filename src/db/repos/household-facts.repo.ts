/**
 * The policy engine's inputs, one query per kind of fact, for either
 *  - a list of households (an officer's 核算, a department-data review): each query walks the
 *    id list and probes the household's index (`CROSS JOIN LATERAL … OFFSET 0` keeps the
 *    planner from hashing a whole table for a long list, which it did for 1,000 ids); or
 *  - every active household of one county under a region (batch re-assessment): each query
 *    reads the county's rows through its county_code index. Rows of a county lie together
 *    and are read once, where probing household by household cost ≈ 10× the PostgreSQL
 *    time (`docs/benchmarks.md`).
 *
 * Written as plain SQL for the batch path (issue 3 §8):
 *  - dates come back as 'YYYY-MM-DD' text and times as ISO-8601 UTC text, identical on both
 *    drivers (int8 is a number on both: see database.ts), and rows are not mapped by the ORM (that mapping was a third of the read's
 *    Node.js time).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../database.js';

/** `to_char` pattern equal to Date.prototype.toISOString(). */
const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Which households: a list, or every active one of a county under a region. */
export type FactsSelector = { ids: readonly string[] } | { countyCode: string; regionCode: string };

interface FactsQuery {
  select: SQL;
  /** FROM … JOIN … of the fact table, aliased */
  from: SQL;
  /** the fact table's household_id and county_code columns, e.g. 'm' */
  alias: string;
  where?: SQL;
  orderBy?: SQL;
}

/** Rows of a fact table for the selected households (in `orderBy` order within a household). */
function factRows<T>(db: Executor, sel: FactsSelector, q: FactsQuery): Promise<T[]> {
  const hid = sql.raw(`${q.alias}.household_id`);
  const extra = q.where ? sql` AND ${q.where}` : sql``;
  const order = q.orderBy ? sql` ORDER BY ${q.orderBy}` : sql``;
  if ('ids' in sel) {
    if (sel.ids.length === 0) return Promise.resolve([]);
    return queryRows<T>(
      db,
      sql`SELECT t.* FROM unnest(${sql.param([...sel.ids])}::uuid[]) AS x(hid)
          CROSS JOIN LATERAL (SELECT ${q.select} FROM ${q.from} WHERE ${hid} = x.hid${extra}${order} OFFSET 0) AS t`,
    );
  }
  return queryRows<T>(
    db,
    sql`SELECT ${q.select} FROM ${q.from}
          JOIN households bh ON bh.id = ${hid} AND bh.county_code = ${sel.countyCode} AND bh.status = 'ACTIVE' AND bh.region_code LIKE ${`${sel.regionCode}%`}
         WHERE ${sql.raw(`${q.alias}.county_code`)} = ${sel.countyCode}${extra}${order}`,
  );
}

export interface HouseholdFactRow {
  id: string;
  householdNo: string;
  regionCode: string;
  countyCode: string;
  urbanRural: string;
  categories: string[];
  status: string;
}

export function loadHouseholdRows(db: Executor, sel: FactsSelector) {
  const select = sql`SELECT h.id, h.household_no AS "householdNo", h.region_code AS "regionCode", h.county_code AS "countyCode",
                            h.urban_rural AS "urbanRural", h.categories, h.status FROM households h`;
  if ('ids' in sel) {
    if (sel.ids.length === 0) return Promise.resolve([]);
    return queryRows<HouseholdFactRow>(
      db,
      sql`SELECT t.* FROM unnest(${sql.param([...sel.ids])}::uuid[]) AS x(hid) CROSS JOIN LATERAL (${select} WHERE h.id = x.hid OFFSET 0) AS t`,
    );
  }
  return queryRows<HouseholdFactRow>(
    db,
    // In household-number order: the order in which a batch run walks the county.
    sql`${select} WHERE h.county_code = ${sel.countyCode} AND h.status = 'ACTIVE' AND h.region_code LIKE ${`${sel.regionCode}%`}
        ORDER BY h.household_no`,
  );
}

export interface MemberFactRow {
  householdId: string;
  memberId: string;
  /** 'YYYY-MM-DD' */
  joinedOn: string;
  /** the membership's creation time, ISO-8601 UTC to the microsecond */
  memberCreatedAt: string;
  relationship: string;
  personId: string;
  name: string;
  birthDate: string;
  sex: string;
  labourCapacity: string | null;
  healthStatus: string | null;
  seriousIllness: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  employment: string | null;
  studentStage: string | null;
  meansTestExclusion: string | null;
  selfCare: unknown;
  obligors: unknown;
}

/**
 * Order of a household's members (engine facts): as they joined; members who joined together
 * (one import, one form) tie on day and time, and come head first, then eldest first, then by
 * member id — the order of the household page (`listMembers`). The rows are sorted per household
 * in Node.js: sorting a whole county's members in PostgreSQL was about two thirds of that query
 * (1.46 s of 2.2 s for 150,798 members, spilling to disk with the default work_mem).
 */
export function compareMembers(a: MemberFactRow, b: MemberFactRow): number {
  return (
    cmp(a.joinedOn, b.joinedOn) ||
    cmp(a.memberCreatedAt, b.memberCreatedAt) ||
    Number(a.relationship !== 'HEAD') - Number(b.relationship !== 'HEAD') ||
    cmpNullsLast(a.birthDate, b.birthDate) ||
    cmp(a.memberId, b.memberId)
  );
}

/** Order of a household's incomes: period start, recording time, id (sorted in Node.js, as members). */
export function compareIncomes(a: IncomeFactRow, b: IncomeFactRow): number {
  return cmp(a.periodStart, b.periodStart) || cmp(a.recordedAt, b.recordedAt) || cmp(a.id, b.id);
}

/**
 * Fixed-format text (ISO dates and times, lower-case uuids) compares as PostgreSQL compares the
 * values: code unit by code unit.
 */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

/** Active members, unordered (see `compareMembers`). */
export async function loadMemberRows(db: Executor, sel: FactsSelector): Promise<MemberFactRow[]> {
  const byCounty = !('ids' in sel);
  // By county, persons are read through their county code too (a person's county is that of
  // their current household), so that the join reads the county's persons at once.
  const persons = byCounty ? sql`LEFT JOIN persons p ON p.id = m.person_id AND p.county_code = m.county_code` : sql`JOIN persons p ON p.id = m.person_id`;
  const rows = await factRows<MemberFactRow>(db, sel, {
    select: sql`m.household_id AS "householdId", m.id AS "memberId", m.joined_on::text AS "joinedOn",
      to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "memberCreatedAt", m.relationship, p.id AS "personId", p.name, p.birth_date::text AS "birthDate", p.sex,
      p.labour_capacity AS "labourCapacity", p.health_status AS "healthStatus", p.serious_illness AS "seriousIllness",
      p.disability_category AS "disabilityCategory", p.disability_grade AS "disabilityGrade", p.employment,
      p.student_stage AS "studentStage", f.means_test_exclusion AS "meansTestExclusion", f.self_care AS "selfCare", f.obligors`,
    from: sql`household_members m ${persons} LEFT JOIN person_policy_facts f ON f.person_id = p.id`,
    alias: 'm',
    where: sql`m.active`,
  });
  if (!byCounty) return rows;
  // A person whose county code differs from the household's is not expected; should one
  // exist, that household's members are read again by id rather than silently missing.
  const strays = new Set(rows.filter((r) => r.personId === null).map((r) => r.householdId));
  if (strays.size === 0) return rows;
  return [...rows.filter((r) => !strays.has(r.householdId)), ...(await loadMemberRows(db, { ids: [...strays] }))];
}

interface ProvenanceColumns {
  source: string;
  sourceDetail: string | null;
  recordedAt: string;
  recordedByName: string | null;
}

export interface IncomeFactRow extends ProvenanceColumns {
  id: string;
  householdId: string;
  personId: string | null;
  incomeType: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  note: string | null;
}

/** Incomes, unordered (see `compareIncomes`). */
export function loadIncomeRows(db: Executor, sel: FactsSelector) {
  return factRows<IncomeFactRow>(db, sel, {
    select: sql`i.id, i.household_id AS "householdId", i.person_id AS "personId", i.income_type AS "incomeType",
      i.period_start::text AS "periodStart", i.period_end::text AS "periodEnd", i.amount_fen AS "amountFen",
      i.source, i.source_detail AS "sourceDetail", ${iso('i.recorded_at')} AS "recordedAt", u.display_name AS "recordedByName", i.note`,
    from: sql`income_items i LEFT JOIN users u ON u.id = i.recorded_by`,
    alias: 'i',
  });
}

export interface AssetFactRow extends ProvenanceColumns {
  id: string;
  householdId: string;
  personId: string | null;
  assetType: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  valueFen: number | null;
  details: Record<string, unknown> | null;
}

export function loadAssetRows(db: Executor, sel: FactsSelector) {
  return factRows<AssetFactRow>(db, sel, {
    select: sql`a.id, a.household_id AS "householdId", a.person_id AS "personId", a.asset_type AS "assetType", a.description,
      a.quantity, a.unit, a.value_fen AS "valueFen", a.details,
      a.source, a.source_detail AS "sourceDetail", ${iso('a.recorded_at')} AS "recordedAt", u.display_name AS "recordedByName"`,
    from: sql`assets a LEFT JOIN users u ON u.id = a.recorded_by`,
    alias: 'a',
    orderBy: sql`a.recorded_at, a.id`,
  });
}

export interface ExpenditureFactRow extends ProvenanceColumns {
  id: string;
  householdId: string;
  personId: string | null;
  expenditureType: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
}

export function loadExpenditureRows(db: Executor, sel: FactsSelector) {
  return factRows<ExpenditureFactRow>(db, sel, {
    select: sql`e.id, e.household_id AS "householdId", e.person_id AS "personId", e.expenditure_type AS "expenditureType",
      e.period_start::text AS "periodStart", e.period_end::text AS "periodEnd", e.amount_fen AS "amountFen",
      e.source, e.source_detail AS "sourceDetail", ${iso('e.recorded_at')} AS "recordedAt", u.display_name AS "recordedByName"`,
    from: sql`expenditure_items e LEFT JOIN users u ON u.id = e.recorded_by`,
    alias: 'e',
    orderBy: sql`e.period_start, e.id`,
  });
}

/** Person-level categories in force (特困, 单人保). */
export function loadPersonCategoryRows(db: Executor, sel: FactsSelector) {
  return factRows<{ personId: string; category: string }>(db, sel, {
    select: sql`c.person_id AS "personId", c.category`,
    from: sql`household_categories c`,
    alias: 'c',
    where: sql`c.effective_to IS NULL AND c.person_id IS NOT NULL`,
  });
}

/** A recipient's status as the engine and the decision writer read it. */
export interface RecipientStatusRow {
  householdId: string;
  status: string;
  monthlyAmountFen: number;
  sinceMonth: string;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  lastAssessmentId: string | null;
  /** of the last decision: the base of R44's "rise" */
  previousCountedByType: Record<string, number> | null;
  previousPerCapitaMonthlyFen: number | null;
}

export function loadRecipientStatuses(db: Executor, sel: FactsSelector) {
  return factRows<RecipientStatusRow>(db, sel, {
    select: sql`b.household_id AS "householdId", b.status, b.monthly_amount_fen AS "monthlyAmountFen", b.since_month::text AS "sinceMonth",
      b.gradual_exit_from::text AS "gradualExitFrom", b.gradual_exit_until::text AS "gradualExitUntil",
      b.last_assessment_id AS "lastAssessmentId", b.last_counted_by_type AS "previousCountedByType",
      b.last_per_capita_monthly_fen AS "previousPerCapitaMonthlyFen"`,
    from: sql`benefit_statuses b`,
    alias: 'b',
  });
}

/** Area type (P47) of regions by code. */
export function loadAreaTypes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return queryRows<{ code: string; areaType: string | null }>(
    db,
    sql`SELECT code, area_type AS "areaType" FROM regions WHERE code = ANY(${sql.param([...codes])}::text[])`,
  );
}
