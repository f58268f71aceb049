import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { maskIdNumber } from '../../domain/registry/mask.js';
import { URBAN_RURAL_LABELS } from '../../domain/registry/codes.js';
import { CLASSIFICATION_LABELS, RECIPIENT_STATUS_LABELS } from '../../domain/policy/assessment-summary.js';
import type { Classification } from '../../domain/policy/assessment.types.js';
import { amountInMonth, scheduleText } from '../../domain/policy/gradual-exit-schedule.js';
import { PERIODIC_REVIEW_STAGE_LABELS, REVIEW_CLASS_LABELS, type ReviewClass } from '../../domain/policy/periodic-review.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { auditEvent } from '../audit-event.js';
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
  type RecipientKey,
  type RecipientPage,
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
  const plan = await planRecipientList(ctx, actor, q);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const rows = await readRecipientRows(ctx, actor, q, plan.segments, (page - 1) * pageSize, pageSize);
  return {
    today: plan.today,
    noticeDays: GRADUAL_EXIT_NOTICE_DAYS,
    counts: plan.counts,
    page,
    pageSize,
    total: plan.total,
    items: rows.map((r) => recipientItem(r, plan)),
  };
}

type RecipientRow = Awaited<ReturnType<typeof listBenefitRecipients>>[number];
type RecipientPlan = Awaited<ReturnType<typeof planRecipientList>>;
type RecipientItem = ReturnType<typeof recipientItem>;

/** What a list of the query holds, in which segments, on today's intervals and cutoffs. */
async function planRecipientList(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery) {
  const { db } = ctx.database;
  const today = shanghaiDate(ctx.clock.now());
  const dueUntil = `${latestDueUntilMonth(today)}-01`;
  const overdueUntil = `${latestOverdueUntilMonth(today)}-01`;
  const intervals = await loadReviewIntervals(db, q.region?.startsWith(actor.scope.regionCode) ? q.region : actor.scope.regionCode, today);
  const cutoffs = reviewCutoffs(intervals, today);
  const [statusCounts, unregistered] = await Promise.all([
    countBenefitRecipients(db, actor.scope, q.region, { dueUntil, overdueUntil, current: today.slice(0, 7) }, cutoffs),
    countUnregisteredDibao(db, actor.scope, q.region),
  ]);
  const counts: Counts = { ...statusCounts, unregistered };
  const segments = segmentsOf(q, counts, { dueUntil, overdueUntil }, cutoffs);
  return { today, intervals, counts, segments, total: segments.reduce((n, seg) => n + seg.size, 0) };
}

/** A page of one segment, by offset or after a key. */
function readSegment(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery, seg: Segment, page: RecipientPage) {
  const { db } = ctx.database;
  return seg.status === 'UNREGISTERED'
    ? listUnregisteredDibao(db, actor.scope, q.region, page)
    : listBenefitRecipients(db, actor.scope, { region: q.region, status: seg.status, gradualExitUntilAtMost: seg.untilAtMost, periodic: seg.periodic }, page);
}

/** `limit` rows of the list from `offset`, across its segments (a page of the list). */
async function readRecipientRows(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery, segments: readonly Segment[], offset: number, limit: number) {
  const rows: RecipientRow[] = [];
  for (const seg of segments) {
    if (offset >= seg.size) {
      offset -= seg.size;
      continue;
    }
    const wanted = limit - rows.length;
    if (wanted <= 0) break;
    rows.push(...(await readSegment(ctx, actor, q, seg, { limit: wanted, offset })));
    offset = 0;
  }
  return rows;
}

/** Every row of the list in its order, `size` at a time, each read after the last row's key. */
async function* everyRecipientRow(ctx: ServiceContext, actor: Actor, q: BenefitRecipientQuery, segments: readonly Segment[], size: number) {
  for (const seg of segments) {
    let after: RecipientKey | null = null;
    for (;;) {
      const rows = await readSegment(ctx, actor, q, seg, { limit: size, after });
      if (rows.length > 0) yield rows;
      if (rows.length < size) break;
      const last = rows[rows.length - 1]!;
      after = { leadKey: last.leadKey, countyCode: last.countyCode, householdNo: last.householdNo };
    }
  }
}

/** One household of the list, as the list and its export show it (identity number masked). */
function recipientItem(r: RecipientRow, plan: Pick<RecipientPlan, 'today' | 'intervals'>) {
  const until = r.gradualExitUntil?.slice(0, 7) ?? null;
  const exit = r.status === 'GRADUAL_EXIT' && until ? reviewGradualExit(until, plan.today) : null;
  return {
    householdId: r.householdId,
    householdNo: r.householdNo,
    countyCode: r.countyCode,
    regionCode: r.regionCode,
    regionPath: [r.townshipName, r.villageName].filter(Boolean).join(' · '),
    townshipName: r.townshipName,
    villageName: r.villageName,
    urbanRural: r.urbanRural,
    headName: r.headName,
    headIdNumber: r.headIdNumber ? maskIdNumber(r.headIdNumber) : null,
    memberCount: r.memberCount,
    status: r.status,
    // this month's amount: a stepped-down gradual exit pays its schedule's (R44.2)
    monthlyAmountFen: amountInMonth(r, plan.today.slice(0, 7)),
    sinceMonth: r.sinceMonth.slice(0, 7),
    gradualExitFrom: r.gradualExitFrom?.slice(0, 7) ?? null,
    gradualExitUntil: until,
    gradualExitSchedule: r.gradualExitSchedule ?? null,
    review: exit ? { stage: exit.stage, periodEnd: exit.periodEnd, daysLeft: exit.daysLeft, text: exit.text } : null,
    periodicReview: periodicReviewOf(plan.intervals, r, plan.today),
    reviewClass: r.reviewClass,
    lastAssessmentId: r.lastAssessmentId,
    lastAssessedOn: r.lastAssessedOn,
    lastClassification: r.lastClassification,
  };
}

/** Rows read at a time by the export. */
const EXPORT_PAGE = 2000;

/**
 * The list of the query as an Excel workbook, streamed (identity numbers masked, as on the
 * screen), every row of it and no paging; audited with the filter and the number of households.
 */
export async function exportBenefitRecipients(
  ctx: ServiceContext,
  actor: Actor,
  q: Omit<BenefitRecipientQuery, 'page' | 'pageSize'>,
  opts: { readSize?: number } = {},
) {
  const plan = await planRecipientList(ctx, actor, q);
  await ctx.database.db.transaction(async (tx) => {
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'benefit.export',
        entityType: 'benefit_status',
        entityId: null,
        after: { filter: { region: q.region ?? null, status: q.status ?? null, review: q.review ?? null }, households: plan.total },
      }),
    ]);
  });
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('低保对象');
  ws.columns = RECIPIENT_EXPORT_COLUMNS.map(([header, key, width]) => ({ header, key, width }));
  ws.getColumn('monthlyAmount').numFmt = '#,##0.00';
  (async () => {
    try {
      for await (const rows of everyRecipientRow(ctx, actor, q, plan.segments, opts.readSize ?? EXPORT_PAGE)) {
        for (const r of rows) ws.addRow(recipientExportRow(recipientItem(r, plan))).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return { stream: out, fileName: `低保对象_${q.region ?? actor.scope.regionCode}_${plan.today}.xlsx` };
}

/** [header, key, width] of the export's columns. */
const RECIPIENT_EXPORT_COLUMNS: readonly (readonly [string, string, number])[] = [
  ['户编号', 'householdNo', 22],
  ['乡镇(街道)', 'township', 14],
  ['村(社区)', 'village', 14],
  ['户主', 'headName', 10],
  ['户主身份证号', 'headIdNumber', 22],
  ['家庭人口', 'memberCount', 8],
  ['城乡', 'urbanRural', 6],
  ['待遇状态', 'status', 10],
  ['月保障金(元)', 'monthlyAmount', 12],
  ['享受起始月', 'sinceMonth', 10],
  ['渐退期', 'gradualExit', 18],
  ['渐退期逐步减发', 'gradualExitSchedule', 40],
  ['期满复核', 'exitReview', 40],
  ['复核类别', 'reviewClass', 20],
  ['定期复核到期日', 'periodicDueOn', 14],
  ['定期复核', 'periodicReview', 60],
  ['最近核算日', 'lastAssessedOn', 12],
  ['最近结论', 'lastClassification', 16],
];

/** One export row: codes in Chinese, money in 元. */
function recipientExportRow(i: RecipientItem): Record<string, string | number | null> {
  const p = i.periodicReview;
  return {
    householdNo: i.householdNo,
    township: i.townshipName ?? '',
    village: i.villageName ?? '',
    headName: i.headName ?? '',
    headIdNumber: i.headIdNumber ?? '',
    memberCount: i.memberCount,
    urbanRural: URBAN_RURAL_LABELS[i.urbanRural as keyof typeof URBAN_RURAL_LABELS] ?? i.urbanRural,
    status: RECIPIENT_STATUS_LABELS[i.status] ?? i.status,
    monthlyAmount: i.status === 'UNREGISTERED' ? null : i.monthlyAmountFen / 100,
    sinceMonth: i.status === 'UNREGISTERED' ? '' : i.sinceMonth,
    gradualExit: i.gradualExitFrom && i.gradualExitUntil ? `${i.gradualExitFrom} 至 ${i.gradualExitUntil}` : '',
    gradualExitSchedule: i.gradualExitSchedule ? scheduleText(i.gradualExitSchedule) : '',
    exitReview: i.review?.text ?? '',
    reviewClass: i.status === 'UNREGISTERED' ? '' : (REVIEW_CLASS_LABELS[i.reviewClass as ReviewClass] ?? i.reviewClass),
    periodicDueOn: p?.dueOn ?? '',
    periodicReview: p ? `${PERIODIC_REVIEW_STAGE_LABELS[p.stage]}：${p.text}` : '',
    lastAssessedOn: i.lastAssessedOn ?? '',
    lastClassification: i.lastClassification ? (CLASSIFICATION_LABELS[i.lastClassification as Classification] ?? i.lastClassification) : '',
  };
}
