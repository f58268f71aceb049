import { maskIdNumber } from '../../domain/registry/mask.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import {
  GRADUAL_EXIT_NOTICE_DAYS,
  latestDueUntilMonth,
  latestOverdueUntilMonth,
  reviewGradualExit,
} from '../../domain/policy/gradual-exit-review.rules.js';
import { countBenefitRecipients, listBenefitRecipients, type BenefitRecipientCounts } from '../../db/repos/benefit-recipients.repo.js';
import type { Actor, ServiceContext } from '../context.js';

export interface BenefitRecipientQuery {
  region?: string | undefined;
  status?: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED' | undefined;
  /** DUE: 渐退 periods ending within the notice days or already over; OVERDUE: already over */
  review?: 'DUE' | 'OVERDUE' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

type Segment = { status: 'ACTIVE' | 'GRADUAL_EXIT' | 'STOPPED'; size: number; untilAtMost?: string };

/**
 * What a list shows, in order: one status in its own order, or (no status) the 渐退 households
 * first and then the others, so that a page may take the end of one and the start of the next.
 */
function segmentsOf(q: BenefitRecipientQuery, counts: BenefitRecipientCounts, months: { dueUntil: string; overdueUntil: string }): Segment[] {
  if (q.review === 'OVERDUE') return [{ status: 'GRADUAL_EXIT', size: counts.overdue, untilAtMost: months.overdueUntil }];
  if (q.review === 'DUE') return [{ status: 'GRADUAL_EXIT', size: counts.due, untilAtMost: months.dueUntil }];
  if (q.status === 'ACTIVE') return [{ status: 'ACTIVE', size: counts.active }];
  if (q.status === 'GRADUAL_EXIT') return [{ status: 'GRADUAL_EXIT', size: counts.gradualExit }];
  if (q.status === 'STOPPED') return [{ status: 'STOPPED', size: counts.stopped }];
  return [
    { status: 'GRADUAL_EXIT', size: counts.gradualExit },
    { status: 'ACTIVE', size: counts.active },
  ];
}

/**
 * 低保对象 (R44, R85): the recipient households of a region with their status and amount, each
 * 渐退 household with where it stands against the end of its period, and the figures of the
 * region (being paid, in 渐退, due for the end-of-period 核算, overdue, the monthly total).
 * Identity numbers masked, as in every list.
 */
export async function findBenefitRecipients(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery) {
  const { db } = ctx.database;
  const today = shanghaiDate(ctx.clock.now());
  const dueUntil = `${latestDueUntilMonth(today)}-01`;
  const overdueUntil = `${latestOverdueUntilMonth(today)}-01`;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const counts = await countBenefitRecipients(db, actor.scope, q.region, { dueUntil, overdueUntil });
  const segments = segmentsOf(q, counts, { dueUntil, overdueUntil });
  const rows: Awaited<ReturnType<typeof listBenefitRecipients>> = [];
  let offset = (page - 1) * pageSize;
  for (const seg of segments) {
    if (offset >= seg.size) {
      offset -= seg.size;
      continue;
    }
    const wanted = pageSize - rows.length;
    if (wanted <= 0) break;
    rows.push(...(await listBenefitRecipients(db, actor.scope, { region: q.region, status: seg.status, gradualExitUntilAtMost: seg.untilAtMost }, { limit: wanted, offset })));
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
        lastAssessmentId: r.lastAssessmentId,
        lastAssessedOn: r.lastAssessedOn,
      };
    }),
  };
}
