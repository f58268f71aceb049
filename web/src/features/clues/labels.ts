import {
  CLUE_CHANNEL_LABELS,
  CLUE_LEVEL_LABELS,
  CLUE_OUTCOME_LABELS,
  CLUE_STATUS_LABELS,
  TARGET_CATEGORY_LABELS,
} from '../../../../src/domain/monitoring/clue.types';
import {
  DEFAULT_LEVEL_BY_CHANNEL,
  ESCALATION_LABELS,
  MANUAL_CHANNELS,
  VISIT_CHECKLIST_LABELS,
  VISIT_PHOTO_MAX_BYTES,
  VISIT_PHOTO_MAX_COUNT,
} from '../../../../src/domain/monitoring/clue.rules';

export {
  CLUE_CHANNEL_LABELS,
  CLUE_LEVEL_LABELS,
  CLUE_OUTCOME_LABELS,
  CLUE_STATUS_LABELS,
  DEFAULT_LEVEL_BY_CHANNEL,
  ESCALATION_LABELS,
  MANUAL_CHANNELS,
  TARGET_CATEGORY_LABELS,
  VISIT_CHECKLIST_LABELS,
  VISIT_PHOTO_MAX_BYTES,
  VISIT_PHOTO_MAX_COUNT,
};

/** Tag colours of 红/橙/黄 levels. */
export const LEVEL_COLORS: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold' };

export const STATUS_COLORS: Record<string, string> = { OPEN: 'default', ASSIGNED: 'blue', VERIFYING: 'processing', CLOSED: 'success' };

/** Clue event actions (clue_events.action). */
export const CLUE_EVENT_LABELS: Record<string, string> = {
  RAISED: '产生线索',
  MERGED: '重复线索合并',
  REPORTED: '登记线索',
  ASSIGNED: '分派',
  VISITED: '入户核查',
  ESCALATED: '超期升级',
  CLOSED: '办结',
};

/** '已升级至县级' for escalation level 1, '' for 0. */
export function escalationText(level: number): string {
  return level > 0 ? `已升级至${ESCALATION_LABELS[level] ?? '上级'}` : '';
}
