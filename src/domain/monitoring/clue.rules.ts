/**
 * Rules of the clue queue (issue 4 §4–§5, POLICY.md R80–R82): default levels, deadlines,
 * overdue counting, escalation and what a closing needs. Pure: dates are passed in.
 */
import type { Violation } from '../errors.js';
import type { ClueChannel, ClueLevel, ClueOutcome } from './clue.types.js';
import { addWorkingDays, workingDaysBetween, type WorkingDayCalendar } from './working-days.js';

/** Default level of a staff-entered clue by channel (a department flag is the most urgent). */
export const DEFAULT_LEVEL_BY_CHANNEL: Record<ClueChannel, ClueLevel> = {
  DEPT_FLAG: 'ORANGE',
  HOTLINE: 'ORANGE',
  SELF_REPORT: 'YELLOW',
  HOME_VISIT: 'YELLOW',
  DATA_COMPARISON: 'YELLOW',
};

/** Channels staff may enter by hand (数据比对 is raised by the comparison run only). */
export const MANUAL_CHANNELS = ['SELF_REPORT', 'HOME_VISIT', 'HOTLINE', 'DEPT_FLAG'] as const satisfies readonly ClueChannel[];


/** Sort weight: red first. */
export const LEVEL_RANK: Record<ClueLevel, number> = { RED: 0, ORANGE: 1, YELLOW: 2 };

/** 0 township, 1 county, 2 市州. */
export const ESCALATION_LABELS = ['乡镇', '县级', '市州'] as const;
export const MAX_ESCALATION_LEVEL = 2;

/** Working days a clue is past its due date on `today` (0 when not overdue or closed). */
export function overdueWorkingDays(c: { dueDate: string; status: string }, today: string, cal: WorkingDayCalendar): number {
  if (c.status === 'CLOSED' || !(c.dueDate < today)) return 0;
  return Math.max(1, workingDaysBetween(c.dueDate, today, cal));
}

export function isOverdue(c: { dueDate: string; status: string }, today: string): boolean {
  return c.status !== 'CLOSED' && c.dueDate < today;
}

/**
 * The level a clue should have reached on `today` (R82: unresolved alerts escalate after
 * the SLA): past the due date → county (1); past a second SLA period → 市州 (2).
 */
export function escalationLevelDue(c: { dueDate: string; status: string }, today: string, slaWorkingDays: number, cal: WorkingDayCalendar): number {
  if (!isOverdue(c, today)) return 0;
  const second = addWorkingDays(c.dueDate, slaWorkingDays, cal);
  return today > second ? 2 : 1;
}

export interface CloseInput {
  outcome: ClueOutcome;
  reason?: string | undefined;
  referredTo?: string | undefined;
  /** the reason an EXCLUDED clue needs no visit: the data was wrong */
  invalidData?: boolean | undefined;
}

/**
 * What a closing needs (R81: every alert leads to a field check before a decision). Only
 * EXCLUDED for invalid data (INVALID_DATA of R82) may close without a visit, with a reason.
 */
export function checkClose(input: CloseInput, visits: number): Violation[] {
  const out: Violation[] = [];
  const reason = input.reason?.trim() ?? '';
  if (input.outcome === 'EXCLUDED' && !reason) out.push({ path: 'reason', code: 'CLUE_REASON_REQUIRED' });
  if (input.outcome === 'REFERRED' && !input.referredTo?.trim()) out.push({ path: 'referredTo', code: 'CLUE_REFERRED_TO_REQUIRED' });
  if (visits === 0 && !(input.outcome === 'EXCLUDED' && input.invalidData && reason)) {
    out.push({ path: 'outcome', code: 'CLUE_VISIT_REQUIRED' });
  }
  return out;
}

/** Programme of the pending case an outcome opens for the case workflow (issue 5), if any. */
export function pendingProgrammeOf(outcome: ClueOutcome): 'DIBAO' | 'TEKUN' | 'TEMPORARY' | null {
  return outcome === 'DIBAO' || outcome === 'TEKUN' || outcome === 'TEMPORARY' ? outcome : null;
}

/** Whether a visit time lies more than 5 minutes after `now` (phones with a wrong clock). */
export function isVisitTimeInFuture(visitedAt: Date, now: Date): boolean {
  return visitedAt.getTime() > now.getTime() + 5 * 60_000;
}

/** The visit checklist (入户核查), item code → Chinese. Each answer: 是/否 plus a note. */
export const VISIT_CHECKLIST_LABELS = {
  MEMBERS_AT_HOME: '家庭成员是否在家',
  LIVING_CONDITIONS: '居住状况',
  INCOME_SOURCES: '收入来源核实',
  PROPERTY: '财产核实',
  HEALTH_DISABILITY: '健康/残疾核实',
  OTHER: '其他',
} as const;
export type VisitChecklistItem = keyof typeof VISIT_CHECKLIST_LABELS;

/** Photos of one visit: type, size and count limits. */
export const VISIT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const VISIT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const VISIT_PHOTO_MAX_COUNT = 6;

/** The content type a photo's first bytes prove (never trust the client's word alone). */
export function sniffImageType(b: Uint8Array): (typeof VISIT_PHOTO_TYPES)[number] | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}
