import { maskIdNumber } from '../../domain/registry/mask.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import {
  GRADUAL_EXIT_NOTICE_DAYS,
  latestDueUntilMonth,
  latestOverdueUntilMonth,
  reviewGradualExit,
} from '../../domain/policy/gradual-exit-review.rules.js';
import {
  countBenefitRecipients,
  countUnregisteredDibao,
  listBenefitRecipients,
  listUnregisteredDibao,
  type BenefitRecipientCounts,
  type ReviewCutoff,
} from '../../db/repos/benefit-recipients.repo.js';
import { loadReviewIntervals, periodicReviewOf, reviewCutoffs } from './review-intervals.js';
import type { Actor, ServiceContext } from '../context.js';

export interface BenefitRecipientQuery {
  region?: string | undefined;
  /** UNREGISTERED: 在册待核定, on the 低保 roster without a recipient status */
  status?: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED' | 'UNREGISTERED' | undefined;
  /**
   * DUE: 渐退 periods ending within the notice days or already over; OVERDUE: already over;
   * PERIODIC_DUE / PERIODIC_OVERDUE: the same for the periodic review of ACTIVE households (R42)
   */
  review?: 'DUE' | 'OVERDUE' | 'PERIODIC_DUE' | 'PERIODIC_OVERDUE' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

type Counts = BenefitRecipientCounts & { unregistered: number };

type Segment = {
  status: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED' | 'UNREGISTERED';
  size: number;
  untilAtMost?: string;
  periodic?: { due: 'DUE' | 'OVERDUE'; cutoffs: readonly ReviewCutoff[] };
};

/**
 * What a list shows, in order: one status in its own order, or (no status) the 渐退 households
 * first and then the others, so that a page may take the end of one and the start of the next.
 */
function segmentsOf(q: BenefitRecipientQuery, counts: Counts, months: { dueUntil: string; overdueUntil: string }, cutoffs: readonly ReviewCutoff[]): Segment[] {
  if (q.review === 'PERIODIC_OVERDUE') return [{ status: 'ACTIVE', size: counts.periodicOverdue, periodic: { due: 'OVERDUE', cutoffs } }];
  if (q.review === 'PERIODIC_DUE') return [{ status: 'ACTIVE', size: counts.periodicDue, periodic: { due: 'DUE', cutoffs } }];
  if (q.review === 'OVERDUE') return [{ status: 'GRADUAL_EXIT', size: counts.overdue, untilAtMost: months.overdueUntil }];
  if (q.review === 'DUE') return [{ status: 'GRADUAL_EXIT', size: counts.due, untilAtMost: months.dueUntil }];
  if (q.status === 'ACTIVE') return [{ status: 'ACTIVE', size: counts.active }];
  if (q.status === 'GRADUAL_EXIT') return [{ status: 'GRADUAL_EXIT', size: counts.gradualExit }];
  if (q.status === 'STOPPED') return [{ status: 'STOPPED', size: counts.stopped }];
  if (q.status === 'UNREGISTERED') return [{ status: 'UNREGISTERED', size: counts.unregistered }];
  return [
    { status: 'GRADUAL_EXIT', size: counts.gradualExit },
    { status: 'ACTIVE', size: counts.active },
  ];
}

/**
 * 低保对象 (R42, R44, R85): the recipient households of a region with their status and amount,
 * each 渐退 household with where it stands against the end of its period, each household paid
 * normally with where it stands against its periodic review, and the figures of the region
 * (being paid, in 渐退, due for the end-of-period 核算 or the periodic review, overdue, the
 * monthly total), and the households on the 低保 roster that no decision has registered yet
 * (在册待核定).
 * Identity numbers masked, as in every list.
 */
export async function findBenefitRecipients(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery) {
  const { db } = ctx.database;
  const today = shanghaiDate(ctx.clock.now());
  const dueUntil = `${latestDueUntilMonth(today)}-01`;
  const overdueUntil = `${latestOverdueUntilMonth(today)}-01`;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const intervals = await loadReviewIntervals(db, q.region?.startsWith(actor.scope.regionCode) ? q.region : actor.scope.regionCode, today);
  const cutoffs = reviewCutoffs(intervals, today);
  const [statusCounts, unregistered] = await Promise.all([
    countBenefitRecipients(db, actor.scope, q.region, { dueUntil, overdueUntil }, cutoffs),
    countUnregisteredDibao(db, actor.scope, q.region),
  ]);
  const counts: Counts = { ...statusCounts, unregistered };
  const segments = segmentsOf(q, counts, { dueUntil, overdueUntil }, cutoffs);
  const rows: Awaited<ReturnType<typeof listBenefitRecipients>> = [];
  let offset = (page - 1) * pageSize;
  for (const seg of segments) {
    if (offset >= seg.size) {
      offset -= seg.size;
      continue;
    }
    const wanted = pageSize - rows.length;
    if (wanted <= 0) break;
    const range = { limit: wanted, offset };
    rows.push(
      ...(seg.status === 'UNREGISTERED'
        ? await listUnregisteredDibao(db, actor.scope, q.region, range)
        : await listBenefitRecipients(db, actor.scope, { region: q.region, status: seg.status, gradualExitUntilAtMost: seg.untilAtMost, periodic: seg.periodic }, range)),
    );
    offset = 0;
  }
  const total = segments.reduce((n, seg) => n + seg.size, 0);
  return {
    today,
    noticeDays: GRADUAL_EXIT_NOTICE_DAYS,
    counts,
    page,
    pageSize,
    total,
    items: rows.map((r) => {
      const until = r.gradualExitUntil?.slice(0, 7) ?? null;
      const exit = r.status === 'GRADUAL_EXIT' && until ? reviewGradualExit(until, today) : null;
      return {
        householdId: r.householdId,
        householdNo: r.householdNo,
        countyCode: r.countyCode,
        regionCode: r.regionCode,
        regionPath: [r.townshipName, r.villageName].filter(Boolean).join(' · '),
        urbanRural: r.urbanRural,
        headName: r.headName,
        headIdNumber: r.headIdNumber ? maskIdNumber(r.headIdNumber) : null,
        memberCount: r.memberCount,
        status: r.status,
        monthlyAmountFen: r.monthlyAmountFen,
        sinceMonth: r.sinceMonth.slice(0, 7),
        gradualExitFrom: r.gradualExitFrom?.slice(0, 7) ?? null,
        gradualExitUntil: until,
        review: exit ? { stage: exit.stage, periodEnd: exit.periodEnd, daysLeft: exit.daysLeft, text: exit.text } : null,
        periodicReview: periodicReviewOf(intervals, r, today),
        lastAssessmentId: r.lastAssessmentId,
        lastAssessedOn: r.lastAssessedOn,
        lastClassification: r.lastClassification,
      };
    }),
  };
}
