import { AppError } from '../../domain/errors.js';
import {
  AGE_BUCKETS,
  ASSISTANCE_OUTCOMES,
  bucketOpenClues,
  childCodeLength,
  CLUE_LEVELS,
  defaultBoardPeriod,
  periodInstants,
  roundDays,
  rulePrecision,
} from '../../domain/monitoring/board.rules.js';
import { CLUE_CHANNEL_LABELS, CLUE_OUTCOME_LABELS, CLUE_STATUS_LABELS } from '../../domain/monitoring/clue.types.js';
import { uncoveredYears, type WorkingDayCalendar } from '../../domain/monitoring/working-days.js';
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { listParameterVersionsOnPath } from '../../db/repos/assessments.repo.js';
import {
  closingTimePercentiles,
  countCluesByChildRegion,
  countCluesByRule,
  countClosedCluesByOutcome,
  countOpenCluesByRaisedDay,
  countOverdueClues,
  countPeriodCluesByStatusChannel,
  type BoardFilter,
} from '../../db/repos/monitoring-board.repo.js';
import { findRegionByCode, findRegionChildren, findRegionsByCodes } from '../../db/repos/regions.repo.js';
import type { Executor } from '../../db/database.js';
import type { Actor, ServiceContext } from '../context.js';

export interface BoardQuery {
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const EMPTY_CALENDAR: WorkingDayCalendar = { coveredYears: [], holidays: [], makeUpWorkdays: [] };

/** P39 in force for the region today; an empty calendar (weekdays only) when none is set. */
async function loadCalendar(db: Executor, regionCode: string, today: string): Promise<WorkingDayCalendar> {
  const versions = await listParameterVersionsOnPath(db, regionCode.slice(0, 6));
  const value = resolveParameterSet(versions, regionCode.slice(0, 6), 'ALL', today).P39?.value as Partial<WorkingDayCalendar> | undefined;
  if (!value || !Array.isArray(value.holidays) || !Array.isArray(value.makeUpWorkdays)) return EMPTY_CALENDAR;
  return { coveredYears: value.coveredYears ?? [], holidays: value.holidays, makeUpWorkdays: value.makeUpWorkdays };
}

function countBy<K extends string | number>(keys: readonly K[], rows: readonly { key: K; count: number }[]) {
  const m = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
  return [...m.entries()].map(([key, count]) => ({ key, count }));
}

/**
 * 监测看板 (issue 4 §5, R85) for a region inside the caller's scope (default: the caller's
 * own). Open clues, their age in working days (P39 calendar; the raising day not counted)
 * and overdue state are a snapshot of today whatever the period; every other figure counts
 * the clues raised in the period (default: the twelve months up to today, Asia/Shanghai).
 */
export async function getMonitoringBoard(ctx: ServiceContext, actor: Actor, q: BoardQuery) {
  const { db } = ctx.database;
  const regionCode = q.regionCode ?? actor.scope.regionCode;
  const region = await findRegionByCode(db, actor.scope, regionCode);
  if (!region) throw new AppError('REGION_NOT_FOUND', { details: [{ path: 'regionCode', code: 'REGION_NOT_FOUND' }] });

  const today = shanghaiDate(ctx.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? defaultBoardPeriod(to).from;
  if (from > to) {
    throw new AppError('VALIDATION_FAILED', { message: 'from is after to', details: [{ path: 'to', code: 'REGISTRY_PERIOD_REVERSED', params: { from, to } }] });
  }
  const f: BoardFilter = { regionCode, ...periodInstants(from, to), today };
  const childLength = childCodeLength(regionCode);

  const [calendar, openDays, overdue, statusChannel, outcomes, times, rules, byChild, children] = await Promise.all([
    loadCalendar(db, regionCode, today),
    countOpenCluesByRaisedDay(db, actor.scope, f),
    countOverdueClues(db, actor.scope, f),
    countPeriodCluesByStatusChannel(db, actor.scope, f),
    countClosedCluesByOutcome(db, actor.scope, f),
    closingTimePercentiles(db, actor.scope, f, ASSISTANCE_OUTCOMES),
    countCluesByRule(db, actor.scope, f),
    childLength ? countCluesByChildRegion(db, actor.scope, f, childLength) : Promise.resolve([]),
    childLength ? findRegionChildren(db, actor.scope, regionCode) : Promise.resolve([]),
  ]);

  const openByLevelAge = bucketOpenClues(openDays, today, calendar);
  const oldestRaised = openDays.reduce<string | null>((m, d) => (m === null || d.raisedOn < m ? d.raisedOn : m), null);

  // Child regions: every child of the region (zeros included), plus any code met in clues but not listed.
  const counts = new Map(byChild.map((c) => [c.code, c]));
  const known = new Map(children.map((c) => [c.code, c.name]));
  const strays = byChild.map((c) => c.code).filter((c) => !known.has(c));
  for (const r of await findRegionsByCodes(db, strays)) known.set(r.code, r.name);
  const byChildRegion = [...new Set([...children.map((c) => c.code), ...byChild.map((c) => c.code)])]
    .sort()
    .map((code) => ({ code, name: known.get(code) ?? code, open: counts.get(code)?.open ?? 0, overdue: counts.get(code)?.overdue ?? 0, closed: counts.get(code)?.closed ?? 0 }));

  const closedCount = outcomes.reduce((s, o) => s + o.count, 0);
  const withinDeadline = outcomes.reduce((s, o) => s + o.withinDeadline, 0);
  const overdueTotal = overdue.reduce((s, o) => s + o.count, 0);

  return {
    regionCode,
    regionName: region.name,
    from,
    to,
    today,
    ageUnit: 'WORKING_DAYS' as const,
    /** years touched by open clues' ages that the P39 calendar does not cover (weekdays only there) */
    calendarUncoveredYears: oldestRaised ? uncoveredYears(oldestRaised, today, calendar) : [],
    totals: {
      open: openByLevelAge.reduce((s, r) => s + r.total, 0),
      overdue: overdueTotal,
      raised: statusChannel.reduce((s, r) => s + r.count, 0),
      closed: closedCount,
      closedWithinDeadline: withinDeadline,
      withinDeadlineRate: closedCount > 0 ? withinDeadline / closedCount : null,
    },
    ageBuckets: [...AGE_BUCKETS],
    openByLevelAge,
    overdueByLevel: countBy(CLUE_LEVELS as string[], overdue.map((o) => ({ key: o.level, count: o.count }))).map((r) => ({ level: r.key, count: r.count })),
    overdueByEscalation: countBy([0, 1, 2], overdue.map((o) => ({ key: o.escalationLevel, count: o.count }))).map((r) => ({ escalationLevel: r.key, count: r.count })),
    byStatus: countBy(Object.keys(CLUE_STATUS_LABELS), statusChannel.map((r) => ({ key: r.status, count: r.count }))).map((r) => ({ status: r.key, count: r.count })),
    byChannel: countBy(Object.keys(CLUE_CHANNEL_LABELS), statusChannel.map((r) => ({ key: r.channel, count: r.count }))).map((r) => ({ channel: r.key, count: r.count })),
    byOutcome: countBy(Object.keys(CLUE_OUTCOME_LABELS), outcomes.map((o) => ({ key: o.outcome ?? 'UNKNOWN', count: o.count }))).map((r) => ({ outcome: r.key, count: r.count })),
    daysToAssistance: { count: times.assisted.count, median: roundDays(times.assisted.median), p90: roundDays(times.assisted.p90) },
    daysToClose: { count: times.closed.count, median: roundDays(times.closed.median), p90: roundDays(times.closed.p90) },
    rules: rules
      .map((r) => ({
        ruleId: r.ruleId,
        code: r.code,
        name: r.name,
        level: r.level,
        raised: r.raised,
        closed: r.closed,
        /** led to assistance or another change: outcome not EXCLUDED */
        confirmed: r.closed - r.excluded,
        excluded: r.excluded,
        precision: rulePrecision(r.closed, r.excluded),
      }))
      .sort((a, b) => b.raised - a.raised || (a.code ?? '').localeCompare(b.code ?? '')),
    byChildRegion,
  };
}
