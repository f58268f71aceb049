import { Tag, Tooltip } from 'antd';
import { RECIPIENT_STATUS_LABELS } from '../../../../../src/domain/policy/assessment-summary';
import { GRADUAL_EXIT_STAGE_LABELS, type GradualExitStage } from '../../../../../src/domain/policy/gradual-exit-review.rules';
import { PERIODIC_REVIEW_STAGE_LABELS, type PeriodicReviewStage } from '../../../../../src/domain/policy/periodic-review.rules';

export const RECIPIENT_STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', GRADUAL_EXIT: 'orange', STOPPED: 'default', UNREGISTERED: 'purple' };

/** 正常享受 / 渐退期 / 已停保 (/ 在册待核定 on the list) */
export function RecipientStatusTag({ status }: { status: string }) {
  return <Tag color={RECIPIENT_STATUS_COLOR[status]}>{RECIPIENT_STATUS_LABELS[status] ?? status}</Tag>;
}

const STAGE_COLOR: Record<GradualExitStage, string> = { IN_PERIOD: 'default', ENDING_SOON: 'gold', REVIEW_DUE: 'orange', OVERDUE: 'red' };

/** How many days are left, as a township reads it: 剩26天 / 今日期满 (今日到期) / 逾期3天. */
export function daysLeftText(daysLeft: number, today = '今日期满'): string {
  if (daysLeft > 0) return `剩${daysLeft}天`;
  if (daysLeft === 0) return today;
  return `逾期${-daysLeft}天`;
}

/** Where a 渐退 period stands against its end (R44.3), with what to do in the tooltip. */
export function GradualExitReviewTag({ review }: { review: { stage: string; daysLeft: number; text: string } }) {
  const stage = review.stage as GradualExitStage;
  return (
    <Tooltip title={review.text}>
      <Tag color={STAGE_COLOR[stage] ?? 'default'} data-testid="gradual-exit-review">
        {GRADUAL_EXIT_STAGE_LABELS[stage] ?? review.stage}（{daysLeftText(review.daysLeft)}）
      </Tag>
    </Tooltip>
  );
}

const PERIODIC_COLOR: Record<PeriodicReviewStage, string> = { NOT_DUE: 'default', DUE_SOON: 'gold', OVERDUE: 'red' };

/** Where a household paid normally stands against its periodic review (R42), with the reason in the tooltip. */
export function PeriodicReviewTag({
  review,
}: {
  review: { stage: string; dueOn: string; daysLeft: number; text: string; extension?: { months: number } | null };
}) {
  const stage = review.stage as PeriodicReviewStage;
  // P61: a review put off while a declared major emergency stands says so at a glance.
  const extended = review.extension ? `·延期${review.extension.months}个月` : '';
  const label =
    stage === 'NOT_DUE'
      ? `${review.dueOn}复核${extended}`
      : `${PERIODIC_REVIEW_STAGE_LABELS[stage] ?? review.stage}（${daysLeftText(review.daysLeft, '今日到期')}）${extended}`;
  return (
    <Tooltip title={review.text}>
      <Tag color={PERIODIC_COLOR[stage] ?? 'default'} data-testid="periodic-review">
        {label}
      </Tag>
    </Tooltip>
  );
}
