/**
 * 低保对象: recipient households by their current status (R44 life cycle), with the figures a
 * township works its list by — the 渐退 periods ending soon first (R44.3, R85). Scoped by
 * the household's region, as every registry read: a status row carries its household's county
 * code (a household never moves county), and below a county the household's village code
 * decides.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { queryRows, type Executor } from '../database.js';
import type { RecipientStatusRow } from './household-facts.repo.js';

export interface BenefitRecipientSegment {
  /** a region inside the scope (ignored when it is the scope itself) */
  region?: string | undefined;
  status: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED';
  /**
   * GRADUAL_EXIT only: periods ending in or before this month ('YYYY-MM-01'); the service
   * turns "due within the notice days" or "overdue" into it (gradual-exit-review.rules.ts).
   */
  gradualExitUntilAtMost?: string | undefined;
  /**
   * ACTIVE only: the households whose periodic review (R42) is due within the notice days
   * (DUE) or already past (OVERDUE), by the cutoffs of their county and review class.
   */
  periodic?: { due: 'DUE' | 'OVERDUE'; cutoffs: readonly ReviewCutoff[] } | undefined;
}

/**
 * One county's periodic-review interval for one review class (P07 / P08 in force there), with
 * the latest last-review day (or first benefit month) that is due by today's notice and that
 * is overdue today (periodic-review.rules.ts).
 */
export interface ReviewCutoff {
  countyCode: string;
  reviewClass: string;
  months: number;
  dueBy: string;
  overdueBy: string;
}

/** The cutoffs as a table `c(county, cls, months, due_by, overdue_by)`, one array parameter per column. */
function cutoffTable(cutoffs: readonly ReviewCutoff[]): SQL {
  const col = (f: (c: ReviewCutoff) => unknown) => sql.param(cutoffs.map(f));
  return sql`unnest(${col((c) => c.countyCode)}::varchar[], ${col((c) => c.reviewClass)}::varchar[], ${col((c) => c.months)}::int[],
                    ${col((c) => c.dueBy)}::date[], ${col((c) => c.overdueBy)}::date[]) AS c(county, cls, months, due_by, overdue_by)`;
}

/**
 * What a status pays in `month` ('YYYY-MM'): a stepped-down gradual exit's segment holding the
 * month (R44.2; lifecycle.rules.ts amountInMonth, which this must agree with), else the amount.
 */
function amountInMonth(month: string): SQL {
  return sql`CASE WHEN b.gradual_exit_schedule IS NULL THEN b.monthly_amount_fen
                  ELSE coalesce((SELECT (s ->> 'amountFen')::int8 FROM jsonb_array_elements(b.gradual_exit_schedule) s
                                  WHERE s ->> 'fromMonth' <= ${month} ORDER BY s ->> 'fromMonth' DESC LIMIT 1), b.monthly_amount_fen) END`;
}

/** The day a recipient's periodic review counts from: the officer's last 核算, else its registration, else the first benefit month. */
const REVIEW_BASELINE = sql`coalesce(b.last_reviewed_on, b.registered_on, b.since_month)`;

/** A recipient's status (as the engine reads it) with the household it belongs to. */
export type BenefitRecipientRow = Omit<RecipientStatusRow, 'previousCountedByType' | 'previousPerCapitaMonthlyFen'> & {
  householdNo: string;
  countyCode: string;
  regionCode: string;
  townshipName: string | null;
  villageName: string | null;
  urbanRural: string;
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
  /** day of the last decision, Asia/Shanghai */
  lastAssessedOn: string | null;
  /** classification of the last decision */
  lastClassification: string | null;
  reviewClass: string;
  lastReviewedOn: string | null;
  registeredOn: string | null;
  /** the row's first sort key as text (the 渐退 period's end, the periodic review's due day), else null */
  leadKey: string | null;
};

/**
 * Where a page starts: after this row of the list's order. A read by key walks the order's
 * index from there; an offset makes PostgreSQL build and drop every row before it, so reading
 * a province's 180,000 rows by offset took 131 s and by key a fraction of that (an export).
 */
export interface RecipientKey {
  leadKey: string | null;
  countyCode: string;
  householdNo: string;
}

/** A page: by offset (the list's pages) or after a key (an export's consecutive reads). */
export type RecipientPage = { limit: number; offset: number } | { limit: number; after: RecipientKey | null };

/** The page's condition on the households `h` (after a key) and its LIMIT / OFFSET. */
function pageClause(page: RecipientPage, lead: SQL | null): { where: SQL; tail: SQL } {
  if ('offset' in page) return { where: sql``, tail: sql`LIMIT ${page.limit} OFFSET ${page.offset}` };
  const k = page.after;
  const where = !k
    ? sql``
    : lead
      ? sql` AND (${lead}, h.county_code, h.household_no) > (${k.leadKey}::timestamp, ${k.countyCode}, ${k.householdNo})`
      : sql` AND (h.county_code, h.household_no) > (${k.countyCode}, ${k.householdNo})`;
  return { where, tail: sql`LIMIT ${page.limit}` };
}

/**
 * The region to list: `region` when it lies inside the scope, the scope otherwise; null for a
 * region outside the scope (nothing to show).
 */
function regionOf(scope: RegionScope, region: string | undefined): string | null {
  if (region && !region.startsWith(scope.regionCode) && !scope.regionCode.startsWith(region)) return null;
  return region && region.startsWith(scope.regionCode) ? region : scope.regionCode;
}

/**
 * Recipients of a region, on `benefit_statuses` by its county code (its index) and, below a
 * county, on the household's village code too; the household is always matched by county
 * first, so that a page walks the (county, household number) index in list order.
 */
function inRegion(code: string): { b: SQL; h: SQL; needsHousehold: boolean } {
  if (code.length > 6) {
    const county = code.slice(0, 6);
    return { b: sql`b.county_code = ${county}`, h: sql`h.county_code = ${county} AND h.region_code LIKE ${`${code}%`}`, needsHousehold: true };
  }
  if (code.length === 6) return { b: sql`b.county_code = ${code}`, h: sql`h.county_code = ${code}`, needsHousehold: false };
  return { b: sql`b.county_code LIKE ${`${code}%`}`, h: sql`h.county_code LIKE ${`${code}%`}`, needsHousehold: false };
}

/**
 * A page of one status: 渐退 households by the end of their period, the others by county and
 * household number (measured on the full registry: docs/benchmarks.md).
 */
export async function listBenefitRecipients(
  db: Executor,
  scope: RegionScope,
  f: BenefitRecipientSegment,
  page: RecipientPage,
): Promise<BenefitRecipientRow[]> {
  const code = regionOf(scope, f.region);
  if (code === null || page.limit <= 0) return [];
  const r = inRegion(code);
  const until = f.status === 'GRADUAL_EXIT' && f.gradualExitUntilAtMost ? sql` AND b.gradual_exit_until <= ${f.gradualExitUntilAtMost}::date` : sql``;
  const periodic = f.status === 'ACTIVE' ? f.periodic : undefined;
  const join = periodic ? sql` JOIN ${cutoffTable(periodic.cutoffs)} ON c.county = b.county_code AND c.cls = b.review_class` : sql``;
  const due = periodic ? sql` AND ${REVIEW_BASELINE} <= ${periodic.due === 'OVERDUE' ? sql`c.overdue_by` : sql`c.due_by`}` : sql``;
  // Timestamps, so that a key compares as the order does (a date plus months is one).
  const lead = f.status === 'GRADUAL_EXIT' ? sql`coalesce(b.gradual_exit_until, 'infinity'::date)::timestamp` : periodic ? sql`(${REVIEW_BASELINE} + make_interval(months => c.months))` : null;
  const order = lead ? sql`${lead}, h.county_code, h.household_no` : sql`h.county_code, h.household_no`;
  const pg = pageClause(page, lead);
  return queryRows<BenefitRecipientRow>(db, sql`
    SELECT b.household_id AS "householdId", h.household_no AS "householdNo", h.county_code AS "countyCode",
           h.region_code AS "regionCode", t.name AS "townshipName", v.name AS "villageName", h.urban_rural AS "urbanRural",
           h.head_name AS "headName", p.id_number AS "headIdNumber", h.member_count AS "memberCount",
           b.status, b.monthly_amount_fen::float8 AS "monthlyAmountFen", b.since_month::text AS "sinceMonth",
           b.gradual_exit_from::text AS "gradualExitFrom", b.gradual_exit_until::text AS "gradualExitUntil",
           b.gradual_exit_schedule AS "gradualExitSchedule", b.last_assessment_id AS "lastAssessmentId",
           (a.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "lastAssessedOn", a.classification AS "lastClassification",
           b.review_class AS "reviewClass", b.last_reviewed_on::text AS "lastReviewedOn", b.registered_on::text AS "registeredOn",
           ${lead ?? sql`NULL`}::text AS "leadKey"
      FROM households h
      JOIN benefit_statuses b ON b.household_id = h.id${join}
      LEFT JOIN persons p ON p.id = h.head_person_id
      LEFT JOIN regions v ON v.code = h.region_code
      LEFT JOIN regions t ON t.code = left(h.region_code, 9)
      LEFT JOIN assessments a ON a.id = b.last_assessment_id
     WHERE ${r.b} AND ${r.h} AND b.status = ${f.status}${until}${due}${pg.where}
     ORDER BY ${order}
     ${pg.tail}`);
}
export interface BenefitRecipientCounts {
  active: number;
  gradualExit: number;
  stopped: number;
  /** 渐退 periods ending in or before `dueUntil` */
  due: number;
  /** 渐退 periods ending in or before `overdueUntil` */
  overdue: number;
  /** ACTIVE households whose periodic review (R42) is due within the notice days, or past */
  periodicDue: number;
  /** ACTIVE households whose periodic review is past */
  periodicOverdue: number;
  /** this month's total of the households being paid (ACTIVE and GRADUAL_EXIT), fen */
  monthlyTotalFen: number;
}

/** The figures above a recipient list, for a region (status filters not applied). */
export async function countBenefitRecipients(
  db: Executor,
  scope: RegionScope,
  region: string | undefined,
  months: { dueUntil: string; overdueUntil: string; current: string },
  cutoffs: readonly ReviewCutoff[],
): Promise<BenefitRecipientCounts> {
  const code = regionOf(scope, region);
  const none = { active: 0, gradualExit: 0, stopped: 0, due: 0, overdue: 0, periodicDue: 0, periodicOverdue: 0, monthlyTotalFen: 0 };
  if (code === null) return none;
  const r = inRegion(code);
  // At county level and above the statuses alone answer (county code on the row, its index).
  // The cutoffs are one row per county and class, so the join keeps one row per status.
  const statuses = sql`benefit_statuses b LEFT JOIN ${cutoffTable(cutoffs)} ON c.county = b.county_code AND c.cls = b.review_class`;
  const from = r.needsHousehold ? sql`${statuses} JOIN households h ON h.id = b.household_id WHERE ${r.b} AND ${r.h}` : sql`${statuses} WHERE ${r.b}`;
  const [row] = await queryRows<BenefitRecipientCounts>(
    db,
    sql`SELECT count(*) FILTER (WHERE b.status = 'ACTIVE')::int AS active,
               count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT')::int AS "gradualExit",
               count(*) FILTER (WHERE b.status = 'STOPPED')::int AS stopped,
               count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT' AND b.gradual_exit_until <= ${months.dueUntil}::date)::int AS due,
               count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT' AND b.gradual_exit_until <= ${months.overdueUntil}::date)::int AS overdue,
               count(*) FILTER (WHERE b.status = 'ACTIVE' AND ${REVIEW_BASELINE} <= c.due_by)::int AS "periodicDue",
               count(*) FILTER (WHERE b.status = 'ACTIVE' AND ${REVIEW_BASELINE} <= c.overdue_by)::int AS "periodicOverdue",
               coalesce(sum(${amountInMonth(months.current)}) FILTER (WHERE b.status IN ('ACTIVE', 'GRADUAL_EXIT')), 0)::float8 AS "monthlyTotalFen"
          FROM ${from}`,
  );
  return row ?? none;
}

/**
 * 在册待核定: households on the 低保 roster (an open household-level DIBAO category) that have no
 * recipient status — their first 核算 did not confirm that they qualify (lifecycle.rules.ts), or
 * none was made. They are paid on paper and invisible among the recipients until an officer
 * checks them: re-assessed, a household that qualifies is registered; one that does not has its
 * category ended by due procedure (R43).
 *
 * The households `h` of 在册待核定 in a region, as a FROM clause. Two shapes, each the faster
 * where it is used (full-scale registry, docs/benchmarks.md): in a county or below, the county's
 * roster less its statuses, then each household by key; above a county, the households checked
 * by EXISTS, because the planner expects the anti-join to leave thousands of rows and would
 * hash all 400,000 households for what is usually none.
 */
function unregisteredHouseholds(code: string): SQL {
  const r = inRegion(code);
  const c = code.length >= 6 ? sql`c.county_code = ${code.slice(0, 6)}` : sql`c.county_code LIKE ${`${code}%`}`;
  const roster = sql`${c} AND c.category = 'DIBAO' AND c.person_id IS NULL AND c.effective_to IS NULL
                     AND NOT EXISTS (SELECT 1 FROM benefit_statuses b WHERE b.household_id = c.household_id)`;
  if (code.length >= 6) {
    return sql`(SELECT DISTINCT c.household_id FROM household_categories c WHERE ${roster}) u
               JOIN households h ON h.id = u.household_id AND h.status = 'ACTIVE' AND ${r.h}`;
  }
  return sql`households h WHERE h.status = 'ACTIVE' AND ${r.h}
             AND h.id IN (SELECT c.household_id FROM household_categories c WHERE ${roster})`;
}

export async function countUnregisteredDibao(db: Executor, scope: RegionScope, region: string | undefined): Promise<number> {
  const code = regionOf(scope, region);
  if (code === null) return 0;
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${unregisteredHouseholds(code)}`);
  return row?.n ?? 0;
}

/** A page of 在册待核定, by county and household number, each with its roster start and last decision. */
export async function listUnregisteredDibao(
  db: Executor,
  scope: RegionScope,
  region: string | undefined,
  page: RecipientPage,
): Promise<BenefitRecipientRow[]> {
  const code = regionOf(scope, region);
  if (code === null || page.limit <= 0) return [];
  const pg = pageClause(page, null);
  return queryRows<BenefitRecipientRow>(db, sql`
    SELECT h.id AS "householdId", h.household_no AS "householdNo", h.county_code AS "countyCode",
           h.region_code AS "regionCode", t.name AS "townshipName", v.name AS "villageName", h.urban_rural AS "urbanRural",
           h.head_name AS "headName", p.id_number AS "headIdNumber", h.member_count AS "memberCount",
           'UNREGISTERED' AS status, 0::float8 AS "monthlyAmountFen",
           (SELECT min(c.effective_from) FROM household_categories c
             WHERE c.household_id = h.id AND c.category = 'DIBAO' AND c.person_id IS NULL AND c.effective_to IS NULL)::text AS "sinceMonth",
           NULL AS "gradualExitFrom", NULL AS "gradualExitUntil",
           a.id AS "lastAssessmentId", (a.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "lastAssessedOn", a.classification AS "lastClassification",
           'STABLE' AS "reviewClass", NULL AS "lastReviewedOn", NULL AS "registeredOn", NULL AS "leadKey"
      FROM (SELECT h.* FROM ${unregisteredHouseholds(code)}${pg.where} ORDER BY h.county_code, h.household_no ${pg.tail}) h
      LEFT JOIN persons p ON p.id = h.head_person_id
      LEFT JOIN regions v ON v.code = h.region_code
      LEFT JOIN regions t ON t.code = left(h.region_code, 9)
      LEFT JOIN LATERAL (SELECT x.id, x.created_at, x.classification FROM assessments x
                          WHERE x.household_id = h.id ORDER BY x.created_at DESC LIMIT 1) a ON true
     ORDER BY h.county_code, h.household_no`);
}
