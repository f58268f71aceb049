/**
 * 低保对象: recipient households by their current status (R44 life cycle), with the figures a
 * township works its list by — the 渐退 periods ending soon first (R44.3, R85). Scoped by
 * the household's region, as every registry read.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { queryRows, type Executor } from '../database.js';
import type { RecipientStatusRow } from './household-facts.repo.js';

export interface BenefitRecipientFilter {
  /** a region inside the scope (ignored when it is the scope itself) */
  region?: string | undefined;
  /** one status; none → the households being paid (ACTIVE and GRADUAL_EXIT) */
  status?: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED' | undefined;
  /**
   * Only 渐退 periods ending in or before this month ('YYYY-MM-01'): the service turns
   * "due within the notice days" or "overdue" into it (gradual-exit-review.rules.ts).
   */
  gradualExitUntilAtMost?: string | undefined;
}

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
};

function regionCondition(scope: RegionScope, region: string | undefined): SQL {
  // a region outside the scope has nothing to show; one above it shows the scope
  if (region && !region.startsWith(scope.regionCode) && !scope.regionCode.startsWith(region)) return sql`false`;
  const code = region && region.startsWith(scope.regionCode) ? region : scope.regionCode;
  // A county is matched by county code (same rows, and the planner knows how many).
  return code.length === 6 ? sql`h.county_code = ${code}` : sql`h.region_code LIKE ${`${code}%`}`;
}

function conditions(scope: RegionScope, f: BenefitRecipientFilter): SQL {
  const where: SQL[] = [regionCondition(scope, f.region)];
  where.push(f.status ? sql`b.status = ${f.status}` : sql`b.status IN ('ACTIVE', 'GRADUAL_EXIT')`);
  if (f.gradualExitUntilAtMost) where.push(sql`b.status = 'GRADUAL_EXIT' AND b.gradual_exit_until <= ${f.gradualExitUntilAtMost}::date`);
  return sql.join(where, sql` AND `);
}

/**
 * A page of recipients: 渐退 households first, the period ending soonest first, then the others
 * by household number.
 */
export async function listBenefitRecipients(
  db: Executor,
  scope: RegionScope,
  f: BenefitRecipientFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: BenefitRecipientRow[]; total: number }> {
  const where = conditions(scope, f);
  const rows = await queryRows<BenefitRecipientRow>(db, sql`
    SELECT b.household_id AS "householdId", h.household_no AS "householdNo", h.county_code AS "countyCode",
           h.region_code AS "regionCode", t.name AS "townshipName", v.name AS "villageName", h.urban_rural AS "urbanRural",
           h.head_name AS "headName", p.id_number AS "headIdNumber", h.member_count AS "memberCount",
           b.status, b.monthly_amount_fen::float8 AS "monthlyAmountFen", b.since_month::text AS "sinceMonth",
           b.gradual_exit_from::text AS "gradualExitFrom", b.gradual_exit_until::text AS "gradualExitUntil",
           b.last_assessment_id AS "lastAssessmentId",
           (a.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "lastAssessedOn"
      FROM benefit_statuses b
      JOIN households h ON h.id = b.household_id
      LEFT JOIN persons p ON p.id = h.head_person_id
      LEFT JOIN regions v ON v.code = h.region_code
      LEFT JOIN regions t ON t.code = left(h.region_code, 9)
      LEFT JOIN assessments a ON a.id = b.last_assessment_id
     WHERE ${where}
     ORDER BY (b.status <> 'GRADUAL_EXIT'), b.gradual_exit_until NULLS LAST, h.household_no
     LIMIT ${page.limit} OFFSET ${page.offset}`);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM benefit_statuses b JOIN households h ON h.id = b.household_id WHERE ${where}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export interface BenefitRecipientCounts {
  active: number;
  gradualExit: number;
  stopped: number;
  /** 渐退 periods ending in or before `dueUntil` */
  due: number;
  /** 渐退 periods ending in or before `overdueUntil` */
  overdue: number;
  /** monthly total of the households being paid (ACTIVE and GRADUAL_EXIT), fen */
  monthlyTotalFen: number;
}

/** The figures above a recipient list, for a region (status filters not applied). */
export async function countBenefitRecipients(
  db: Executor,
  scope: RegionScope,
  region: string | undefined,
  months: { dueUntil: string; overdueUntil: string },
): Promise<BenefitRecipientCounts> {
  const [r] = await queryRows<BenefitRecipientCounts>(
    db,
    sql`
      SELECT count(*) FILTER (WHERE b.status = 'ACTIVE')::int AS active,
             count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT')::int AS "gradualExit",
             count(*) FILTER (WHERE b.status = 'STOPPED')::int AS stopped,
             count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT' AND b.gradual_exit_until <= ${months.dueUntil}::date)::int AS due,
             count(*) FILTER (WHERE b.status = 'GRADUAL_EXIT' AND b.gradual_exit_until <= ${months.overdueUntil}::date)::int AS overdue,
             coalesce(sum(b.monthly_amount_fen) FILTER (WHERE b.status IN ('ACTIVE', 'GRADUAL_EXIT')), 0)::float8 AS "monthlyTotalFen"
        FROM benefit_statuses b JOIN households h ON h.id = b.household_id
       WHERE ${regionCondition(scope, region)}`,
  );
  return r ?? { active: 0, gradualExit: 0, stopped: 0, due: 0, overdue: 0, monthlyTotalFen: 0 };
}
