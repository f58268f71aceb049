import { Tag } from 'antd';
import { CLUE_LEVEL_LABELS, escalationText, LEVEL_COLORS } from '../labels';

export function ClueLevelTag({ level }: { level: string }) {
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid="clue-level-tag" data-level={level}>
      {(CLUE_LEVEL_LABELS as Record<string, string>)[level]?.slice(0, 1) ?? level}
    </Tag>
  );
}

export function EscalationTag({ level }: { level: number }) {
  if (level <= 0) return null;
  return (
    <Tag color={level >= 2 ? 'magenta' : 'volcano'} data-testid="clue-escalation-tag">
      {escalationText(level)}
    </Tag>
  );
}

/** '超期N个工作日' in red, or the due date. */
export function DueText({ dueDate, overdue, days }: { dueDate: string; overdue: boolean; days: number }) {
  return overdue ? (
    <span style={{ color: '#cf1322' }} data-testid="clue-overdue">
      {dueDate} · 超期{days}个工作日
    </span>
  ) : (
    <span>{dueDate}</span>
  );
}
