import { describe, expect, it } from 'vitest';
import { checkClose, escalationLevelDue, isVisitTimeInFuture, overdueWorkingDays, pendingProgrammeOf, sniffImageType } from './clue.rules.js';

const cal = { coveredYears: [2026], holidays: ['2026-04-06'], makeUpWorkdays: [] };

describe('overdue and escalation (issue 4 §5, R82)', () => {
  it.each([
    ['not yet due', '2026-03-16', '2026-03-16', 'OPEN', 0, 0],
    ['one working day late', '2026-03-16', '2026-03-17', 'OPEN', 1, 1],
    ['a weekend after a Friday due date still counts the Monday', '2026-03-13', '2026-03-16', 'ASSIGNED', 1, 1],
    ['closed clues are never overdue', '2026-03-16', '2026-04-30', 'CLOSED', 0, 0],
    ['past a second SLA period → 市州', '2026-03-16', '2026-03-31', 'VERIFYING', 11, 2],
    ['the holiday is not a working day (R3, P39)', '2026-04-03', '2026-04-07', 'OPEN', 1, 1],
  ])('%s', (_name, dueDate, today, status, days, level) => {
    expect(overdueWorkingDays({ dueDate, status }, today, cal)).toBe(days);
    expect(escalationLevelDue({ dueDate, status }, today, 10, cal)).toBe(level);
  });
});

describe('closing (R81: a field visit before any decision)', () => {
  it.each([
    ['no visit', { outcome: 'DIBAO' as const }, 0, ['CLUE_VISIT_REQUIRED']],
    ['invalid data may be excluded without a visit, with a reason', { outcome: 'EXCLUDED' as const, invalidData: true, reason: '号码错误' }, 0, []],
    ['invalid data without a reason', { outcome: 'EXCLUDED' as const, invalidData: true }, 0, ['CLUE_REASON_REQUIRED', 'CLUE_VISIT_REQUIRED']],
    ['referral names the department', { outcome: 'REFERRED' as const }, 1, ['CLUE_REFERRED_TO_REQUIRED']],
    ['visited, 纳入低保', { outcome: 'DIBAO' as const }, 1, []],
  ])('%s', (_name, input, visits, codes) => {
    expect(checkClose(input, visits).map((v) => v.code)).toEqual(codes);
  });

  it('opens pending cases for DIBAO, TEKUN and TEMPORARY only', () => {
    expect(['DIBAO', 'TEKUN', 'TEMPORARY', 'REFERRED', 'MONITORING', 'RISK_ELIMINATED', 'EXCLUDED'].map((o) => pendingProgrammeOf(o as never))).toEqual([
      'DIBAO', 'TEKUN', 'TEMPORARY', null, null, null, null,
    ]);
  });
});

describe('visit input', () => {
  it('allows 5 minutes of clock skew', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(isVisitTimeInFuture(new Date('2026-03-02T02:05:00Z'), now)).toBe(false);
    expect(isVisitTimeInFuture(new Date('2026-03-02T02:05:01Z'), now)).toBe(true);
  });

  it('recognises photos by their bytes', () => {
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('hello'))).toBeNull();
  });
});
