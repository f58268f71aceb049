/**
 * The policy engine's inputs for a list of households, one query per kind of fact: an
 * officer's 核算 (one household), a department-data review, and a batch run's window of
 * consecutive households (issue 3 §8). Each query walks the id list and probes the household's
 * index (`CROSS JOIN LATERAL … OFFSET 0` keeps the planner from hashing a whole table for a
 * long list, which it did for 1,000 ids) — or, for a window whose ids make up a range of ids
 * (`findIdSpan`), scans that range of the index once.
 *
 * Written as plain SQL for the batch path: dates come back as 'YYYY-MM-DD' text and times as
 * ISO-8601 UTC text, identical on both drivers (int8 is a number on both: see database.ts),
 * and rows are not mapped by the ORM (that mapping was a third of the read's Node.js time).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRowsPrepared, type Executor } from '../database.js';
import type { GradualExitSegment } from '../../domain/policy/assessment.types.js';

/** `to_char` pattern equal to Date.prototype.toISOString(). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const iso = (column: string) => sql.raw(isoText(column));

interface FactsQuery {
  select: SQL;
  /** FROM … JOIN … of the fact table, aliased */
  from: SQL;
  /** the fact table's alias (its household_id column is probed), e.g. 'm' */
  alias: string;
  where?: SQL;
  orderBy?: SQL;
}

/**
 * The ids as one uuid[] parameter, sent as a single comma-separated text: the driver escapes an
 * array parameter element by element, which for a window's 1,000 ids, seven queries a window,
 * took 0.20–0.27 s of a full-scale run against 0.04 s to join; PostgreSQL reads either form at
 * the same cost.
 */
function idList(ids: readonly string[]): SQL {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}

/**
 * The first and last of a batch window's ids when no other household's id lies between them,
 * bar a few (inactive ones, say): the window is then read as that range of every household_id
 * index, one index scan per query instead of one probe per household, and without sending the
 * ids. An import gives a file's households time-ordered ids in household-number order
 * (`newId`), so a window of consecutive households usually is such a range. Reading 120
 * windows of the full-scale registry, PostgreSQL CPU per window: members 5.7 ms against
 * 7.5 ms, incomes 0.9 ms against 2.6 ms (`docs/benchmarks.md`).
 */
export interface IdSpan {
  first: string;
  last: string;
}

/** At most this many households (per id in the window) may lie in a span; more and the ids are probed. */
const SPAN_SLACK = 1.25;

/** The window's span (see IdSpan), or null when other households' ids lie between its ids. */
export async function findIdSpan(db: Executor, ids: readonly string[]): Promise<IdSpan | null> {
  if (ids.length < 2) return null;
  // uuids as PostgreSQL prints them (lower-case hex) compare as text in the order it sorts them
  let first = ids[0]!;
  let last = first;
  for (const id of ids) {
    if (id < first) first = id;
    else if (id > last) last = id;
  }
  const most = Math.floor(ids.length * SPAN_SLACK);
  const [r] = await queryRowsPrepared<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM households WHERE id BETWEEN ${first}::uuid AND ${last}::uuid LIMIT ${most + 1}) AS s`,
  );
  return r && r.n <= most ? { first, last } : null;
}

/**
 * Rows of a fact table for these households (in `orderBy` order within a household). With a
 * span, the rows of every household in it: the caller keeps those of `ids`.
 */
function factRows<T>(db: Executor, ids: readonly string[], q: FactsQuery, span?: IdSpan | null): Promise<T[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const hid = sql.raw(`${q.alias}.household_id`);
  const extra = q.where ? sql` AND ${q.where}` : sql``;
  if (span) {
    const order = q.orderBy ? sql` ORDER BY ${hid}, ${q.orderBy}` : sql``;
    return queryRowsPrepared<T>(db, sql`SELECT ${q.select} FROM ${q.from} WHERE ${hid} BETWEEN ${span.first}::uuid AND ${span.last}::uuid${extra}${order}`);
  }
  const order = q.orderBy ? sql` ORDER BY ${q.orderBy}` : sql``;
  return queryRowsPrepared<T>(
    db,
    sql`SELECT t.* FROM unnest(${idList(ids)}) AS x(hid)
        CROSS JOIN LATERAL (SELECT ${q.select} FROM ${q.from} WHERE ${hid} = x.hid${extra}${order} OFFSET 0) AS t`,
  );
}

const FIELD_SEPARATOR = '\u001f';
const NULL_MARK = '\u001a';

/**
 * Columns of a fact row packed into one text: each value as text (NULL as U+001A), separated by
 * U+001F. The driver's cost is per field, not per byte: a member row read as 19 fields cost
 * Node.js ≈ 1 µs more than as 3 (the packed text, the name, the illness), and Node.js is what a
 * batch run waits on; PostgreSQL pays ≈ 0.4 µs a row for the concatenation, on the core that
 * has time to spare (`docs/benchmarks.md`). Only fixed-format values are packed — uuids, dates,
 * numbers, codes the application writes from its own lists, and JSON, whose output escapes
 * every control character — so no packed value can hold either mark; free text (names,
 * illnesses, notes, sources) travels as columns of its own.
 */
function packed(columns: readonly string[]): SQL {
  return sql.raw(columns.map((c) => `coalesce((${c})::text, E'\\x1a')`).join(` || E'\\x1f' || `));
}

/** The `n` values of a packed text; a wrong count means a value held a mark, and is refused rather than misread. */
function unpack(text: string, n: number): string[] {
  const v = text.split(FIELD_SEPARATOR);
  if (v.length !== n) throw new Error(`packed fact row has ${v.length} values, expected ${n}`);
  return v;
}

const orNull = (v: string): string | null => (v === NULL_MARK ? null : v);

/** Rows whose `p` column is a packed text of `n` values, each built into its row type. */
function decodePacked<R extends { p: string }, T>(rows: readonly R[], n: number, build: (values: string[], row: R) => T): T[] {
  const out: T[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = build(unpack(rows[i]!.p, n), rows[i]!);
  return out;
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

const HOUSEHOLD_COLUMNS = sql`h.id, h.household_no AS "householdNo", h.region_code AS "regionCode", h.county_code AS "countyCode",
  h.urban_rural AS "urbanRural", h.categories, h.status`;

/** In the order of `ids` (with a span too: only those of `ids`). */
export async function loadHouseholdRows(db: Executor, ids: readonly string[], span?: IdSpan | null): Promise<HouseholdFactRow[]> {
  if (ids.length === 0) return [];
  if (!span) {
    return queryRowsPrepared<HouseholdFactRow>(
      db,
      sql`SELECT t.* FROM unnest(${idList(ids)}) WITH ORDINALITY AS x(hid, n)
          CROSS JOIN LATERAL (SELECT ${HOUSEHOLD_COLUMNS} FROM households h WHERE h.id = x.hid OFFSET 0) AS t
          ORDER BY x.n`,
    );
  }
  const rows = await queryRowsPrepared<HouseholdFactRow>(db, sql`SELECT ${HOUSEHOLD_COLUMNS} FROM households h WHERE h.id BETWEEN ${span.first}::uuid AND ${span.last}::uuid`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: HouseholdFactRow[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(r);
  }
  return out;
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
  support: unknown;
  obligors: unknown;
  disabilityComponents: unknown;
  jobReferrals: unknown;
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

/** A member row's packed columns, in the order `loadMemberRows` reads them. */
const MEMBER_PACKED = [
  'm.household_id',
  'm.id',
  'm.joined_on',
  `to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  'm.relationship',
  'p.id',
  'p.birth_date',
  'p.sex',
  'p.labour_capacity',
  'p.health_status',
  'p.disability_category',
  'p.disability_grade',
  'p.employment',
  'p.student_stage',
  'f.means_test_exclusion',
  'f.self_care',
  'f.obligors',
  'f.support',
  'f.disability_components',
  'f.job_referrals',
];

/** Active members, unordered (see `compareMembers`). */
export async function loadMemberRows(db: Executor, ids: readonly string[], span?: IdSpan | null): Promise<MemberFactRow[]> {
  const rows = await factRows<{ p: string; name: string; seriousIllness: string | null }>(db, ids, {
    select: sql`${packed(MEMBER_PACKED)} AS p, p.name, p.serious_illness AS "seriousIllness"`,
    // Each member's person and policy facts by their keys: for a range of a few thousand
    // members the planner estimated a handful and, at times, hashed all of persons instead.
    from: sql`household_members m
      CROSS JOIN LATERAL (SELECT p.id, p.name, p.birth_date, p.sex, p.labour_capacity, p.health_status, p.serious_illness, p.disability_category,
                                 p.disability_grade, p.employment, p.student_stage FROM persons p WHERE p.id = m.person_id OFFSET 0) AS p
      LEFT JOIN LATERAL (SELECT f.means_test_exclusion, f.self_care, f.obligors, f.support, f.disability_components, f.job_referrals FROM person_policy_facts f WHERE f.person_id = m.person_id OFFSET 0) AS f ON true`,
    alias: 'm',
    where: sql`m.active`,
  }, span);
  return decodePacked(rows, MEMBER_PACKED.length, (v, r): MemberFactRow => ({
    householdId: v[0]!,
    memberId: v[1]!,
    joinedOn: v[2]!,
    memberCreatedAt: v[3]!,
    relationship: v[4]!,
    personId: v[5]!,
    name: r.name,
    birthDate: v[6]!,
    sex: v[7]!,
    labourCapacity: orNull(v[8]!),
    healthStatus: orNull(v[9]!),
    seriousIllness: r.seriousIllness,
    disabilityCategory: orNull(v[10]!),
    disabilityGrade: v[11] === NULL_MARK ? null : Number(v[11]),
    employment: orNull(v[12]!),
    studentStage: orNull(v[13]!),
    meansTestExclusion: orNull(v[14]!),
    selfCare: v[15] === NULL_MARK ? null : JSON.parse(v[15]!),
    obligors: v[16] === NULL_MARK ? null : JSON.parse(v[16]!),
    support: v[17] === NULL_MARK ? null : JSON.parse(v[17]!),
    disabilityComponents: v[18] === NULL_MARK ? null : JSON.parse(v[18]!),
    jobReferrals: v[19] === NULL_MARK ? null : JSON.parse(v[19]!),
  }));
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

/** An income row's packed columns, in the order `loadIncomeRows` reads them. */
const INCOME_PACKED = [
  'i.id',
  'i.household_id',
  'i.person_id',
  'i.income_type',
  'i.period_start',
  'i.period_end',
  'i.amount_fen',
  'i.source',
  isoText('i.recorded_at'),
];

/** Incomes, unordered (see `compareIncomes`). */
export async function loadIncomeRows(db: Executor, ids: readonly string[], span?: IdSpan | null): Promise<IncomeFactRow[]> {
  const rows = await factRows<{ p: string; sourceDetail: string | null; recordedByName: string | null; note: string | null }>(db, ids, {
    select: sql`${packed(INCOME_PACKED)} AS p, i.source_detail AS "sourceDetail", u.display_name AS "recordedByName", i.note`,
    from: sql`income_items i LEFT JOIN users u ON u.id = i.recorded_by`,
    alias: 'i',
  }, span);
  return decodePacked(rows, INCOME_PACKED.length, (v, r): IncomeFactRow => ({
    id: v[0]!,
    householdId: v[1]!,
    personId: orNull(v[2]!),
    incomeType: v[3]!,
    periodStart: v[4]!,
    periodEnd: v[5]!,
    amountFen: Number(v[6]),
    source: v[7]!,
    sourceDetail: r.sourceDetail,
    recordedAt: v[8]!,
    recordedByName: r.recordedByName,
    note: r.note,
  }));
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

export function loadAssetRows(db: Executor, ids: readonly string[], span?: IdSpan | null) {
  return factRows<AssetFactRow>(db, ids, {
    select: sql`a.id, a.household_id AS "householdId", a.person_id AS "personId", a.asset_type AS "assetType", a.description,
      a.quantity, a.unit, a.value_fen AS "valueFen", a.details,
      a.source, a.source_detail AS "sourceDetail", ${iso('a.recorded_at')} AS "recordedAt", u.display_name AS "recordedByName"`,
    from: sql`assets a LEFT JOIN users u ON u.id = a.recorded_by`,
    alias: 'a',
    orderBy: sql`a.recorded_at, a.id`,
  }, span);
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

export function loadExpenditureRows(db: Executor, ids: readonly string[], span?: IdSpan | null) {
  return factRows<ExpenditureFactRow>(db, ids, {
    select: sql`e.id, e.household_id AS "householdId", e.person_id AS "personId", e.expenditure_type AS "expenditureType",
      e.period_start::text AS "periodStart", e.period_end::text AS "periodEnd", e.amount_fen AS "amountFen",
      e.source, e.source_detail AS "sourceDetail", ${iso('e.recorded_at')} AS "recordedAt", u.display_name AS "recordedByName"`,
    from: sql`expenditure_items e LEFT JOIN users u ON u.id = e.recorded_by`,
    alias: 'e',
    orderBy: sql`e.period_start, e.id`,
  }, span);
}

/** Person-level categories in force (特困, 单人保). */
export function loadPersonCategoryRows(db: Executor, ids: readonly string[], span?: IdSpan | null) {
  return factRows<{ householdId: string; personId: string; category: string }>(db, ids, {
    select: sql`c.household_id AS "householdId", c.person_id AS "personId", c.category`,
    from: sql`household_categories c`,
    alias: 'c',
    where: sql`c.effective_to IS NULL AND c.person_id IS NOT NULL`,
  }, span);
}

/** A recipient's status as the engine and the decision writer read it. */
export interface RecipientStatusRow {
  householdId: string;
  status: string;
  monthlyAmountFen: number;
  sinceMonth: string;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  /** R44.2 stepped down: the amounts by month; null: unchanged */
  gradualExitSchedule: GradualExitSegment[] | null;
  lastAssessmentId: string | null;
  /** of the last decision: the base of R44's "rise" */
  previousCountedByType: Record<string, number> | null;
  previousPerCapitaMonthlyFen: number | null;
}

export function loadRecipientStatuses(db: Executor, ids: readonly string[], span?: IdSpan | null) {
  return factRows<RecipientStatusRow>(db, ids, {
    select: sql`b.household_id AS "householdId", b.status, b.monthly_amount_fen AS "monthlyAmountFen", b.since_month::text AS "sinceMonth",
      b.gradual_exit_from::text AS "gradualExitFrom", b.gradual_exit_until::text AS "gradualExitUntil",
      b.gradual_exit_schedule AS "gradualExitSchedule", b.last_assessment_id AS "lastAssessmentId", b.last_counted_by_type AS "previousCountedByType",
      b.last_per_capita_monthly_fen AS "previousPerCapitaMonthlyFen"`,
    from: sql`benefit_statuses b`,
    alias: 'b',
  }, span);
}

/** Area type (P47) of regions by code. */
export function loadAreaTypes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return queryRowsPrepared<{ code: string; areaType: string | null }>(
    db,
    sql`SELECT code, area_type AS "areaType" FROM regions WHERE code = ANY(${sql.param([...codes])}::text[])`,
  );
}
