import { sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import { queryRows, type Executor } from '../database.js';

/*
 * Aggregates of the monitoring board (监测看板, issue 4 §5). Read-only, set-based counts
 * over `clues`; nothing here returns a person. Region scope is applied HERE: every query
 * takes the caller's RegionScope (required) besides the region asked for, and both
 * prefixes must match the clue's village code.
 *
 * Two kinds of figures:
 *   - snapshot (open clues, their age and overdue state) — every clue not CLOSED, whenever
 *     it was raised, so an old open clue is never hidden by the period;
 *   - period — clues raised in [start, end) (instants; the service turns Asia/Shanghai
 *     dates into them).
 */

export interface BoardFilter {
  /** region asked for (already checked to lie inside the scope) */
  regionCode: string;
  /** [start, end) instants of the period, ISO */
  start: string;
  end: string;
  /** today in Asia/Shanghai, 'YYYY-MM-DD' (overdue = due_date < today) */
  today: string;
}

function base(scope: RegionScope, f: BoardFilter): SQL {
  return sql`c.region_code LIKE ${f.regionCode + '%'} AND c.region_code LIKE ${scope.regionCode + '%'}`;
}

function inPeriod(f: BoardFilter): SQL {
  return sql`c.raised_at >= ${f.start}::timestamptz AND c.raised_at < ${f.end}::timestamptz`;
}

const OPEN = sql.raw(`c.status <> 'CLOSED'`);
const CLOSED = sql.raw(`c.status = 'CLOSED'`);

/** Open clues counted by level and raising day (Asia/Shanghai): the service ages them in working days. */
export async function countOpenCluesByRaisedDay(db: Executor, scope: RegionScope, f: BoardFilter) {
  return queryRows<{ level: string; raisedOn: string; count: number }>(
    db,
    sql`SELECT c.level, to_char(c.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn", count(*)::int AS count
        FROM clues c WHERE ${base(scope, f)} AND ${OPEN} GROUP BY 1, 2`,
  );
}

/** Open clues past their due date (due_date < today), by level and escalation level. */
export async function countOverdueClues(db: Executor, scope: RegionScope, f: BoardFilter) {
  return queryRows<{ level: string; escalationLevel: number; count: number }>(
    db,
    sql`SELECT c.level, c.escalation_level::int AS "escalationLevel", count(*)::int AS count
        FROM clues c WHERE ${base(scope, f)} AND ${OPEN} AND c.due_date < ${f.today}::date GROUP BY 1, 2`,
  );
}

/** Clues raised in the period, by status and channel. */
export async function countPeriodCluesByStatusChannel(db: Executor, scope: RegionScope, f: BoardFilter) {
  return queryRows<{ status: string; channel: string; count: number }>(
    db,
    sql`SELECT c.status, c.channel, count(*)::int AS count
        FROM clues c WHERE ${base(scope, f)} AND ${inPeriod(f)} GROUP BY 1, 2`,
  );
}

/** Closed clues raised in the period, by outcome, with how many were closed by their due date. */
export async function countClosedCluesByOutcome(db: Executor, scope: RegionScope, f: BoardFilter) {
  return queryRows<{ outcome: string | null; count: number; withinDeadline: number }>(
    db,
    sql`SELECT c.outcome, count(*)::int AS count,
          count(*) FILTER (WHERE (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= c.due_date)::int AS "withinDeadline"
        FROM clues c WHERE ${base(scope, f)} AND ${inPeriod(f)} AND ${CLOSED} GROUP BY 1`,
  );
}

/**
 * Days from raising to closing (closed_at − raised_at, in days with fractions) of the
 * closed clues raised in the period: median and 90th percentile, for all closed clues and
 * for those closed with an outcome in `assistanceOutcomes` (预警到救助时长).
 */
export async function closingTimePercentiles(db: Executor, scope: RegionScope, f: BoardFilter, assistanceOutcomes: readonly string[]) {
  const days = sql.raw(`(extract(epoch FROM (c.closed_at - c.raised_at)) / 86400.0)::float8`);
  const assisted = sql`c.outcome IN (${sql.join(assistanceOutcomes.map((o) => sql`${o}`), sql`, `)})`;
  const [row] = await queryRows<{
    closedCount: number;
    closedMedian: number | null;
    closedP90: number | null;
    assistedCount: number;
    assistedMedian: number | null;
    assistedP90: number | null;
  }>(
    db,
    sql`SELECT count(*)::int AS "closedCount",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS "closedMedian",
          percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS "closedP90",
          count(*) FILTER (WHERE ${assisted})::int AS "assistedCount",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${assisted}) AS "assistedMedian",
          percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${assisted}) AS "assistedP90"
        FROM clues c WHERE ${base(scope, f)} AND ${inPeriod(f)} AND ${CLOSED} AND c.closed_at IS NOT NULL`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    closed: { count: row?.closedCount ?? 0, median: num(row?.closedMedian), p90: num(row?.closedP90) },
    assisted: { count: row?.assistedCount ?? 0, median: num(row?.assistedMedian), p90: num(row?.assistedP90) },
  };
}

/** Per warning rule, clues raised in the period: raised, closed, excluded (outcome EXCLUDED). */
export async function countCluesByRule(db: Executor, scope: RegionScope, f: BoardFilter) {
  return queryRows<{ ruleId: string; code: string | null; name: string | null; level: string | null; raised: number; closed: number; excluded: number }>(
    db,
    sql`SELECT c.rule_id AS "ruleId", r.code, r.name, r.level, count(*)::int AS raised,
          count(*) FILTER (WHERE ${CLOSED})::int AS closed,
          count(*) FILTER (WHERE ${CLOSED} AND c.outcome = 'EXCLUDED')::int AS excluded
        FROM clues c LEFT JOIN warning_rules r ON r.id = c.rule_id
        WHERE ${base(scope, f)} AND ${inPeriod(f)} AND c.rule_id IS NOT NULL
        GROUP BY c.rule_id, r.code, r.name, r.level`,
  );
}

/** Per child region (codes of `childLength` digits): open and overdue now, closed of the period. */
export async function countCluesByChildRegion(db: Executor, scope: RegionScope, f: BoardFilter, childLength: number) {
  return queryRows<{ code: string; open: number; overdue: number; closed: number }>(
    db,
    sql`SELECT left(c.region_code, ${childLength}::int) AS code,
          count(*) FILTER (WHERE ${OPEN})::int AS open,
          count(*) FILTER (WHERE ${OPEN} AND c.due_date < ${f.today}::date)::int AS overdue,
          count(*) FILTER (WHERE ${CLOSED} AND ${inPeriod(f)})::int AS closed
        FROM clues c WHERE ${base(scope, f)} AND (${OPEN} OR ${inPeriod(f)}) GROUP BY 1`,
  );
}
