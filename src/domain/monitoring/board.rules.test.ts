import { describe, expect, it } from 'vitest';
import {
  ageBucket,
  bucketOpenClues,
  childCodeLength,
  defaultBoardPeriod,
  periodInstants,
  roundDays,
  rulePrecision,
} from './board.rules.js';
import type { WorkingDayCalendar } from './working-days.js';

const NO_HOLIDAYS: WorkingDayCalendar = { coveredYears: [2026], holidays: [], makeUpWorkdays: [] };
// 2026-04-06 (Monday) a holiday; 2026-04-04 (Saturday) … no make-up here; 2026-02-28 (Saturday) a make-up working day.
const CAL: WorkingDayCalendar = { coveredYears: [2026], holidays: ['2026-04-06'], makeUpWorkdays: ['2026-02-28'] };

describe('age buckets of open clues (issue 4 §5: 0–5 / 6–10 / 11–20 / >20 working days)', () => {
  it.each([
    [0, 'D0_5'],
    [5, 'D0_5'],
    [6, 'D6_10'],
    [10, 'D6_10'],
    [11, 'D11_20'],
    [20, 'D11_20'],
    [21, 'D21_PLUS'],
    [400, 'D21_PLUS'],
  ])('%i working days → %s', (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });

  it('buckets by working days since the raising day, with the P39 calendar (R3: the raising day is not counted)', () => {
    const today = '2026-04-10'; // Friday
    const rows = bucketOpenClues(
      [
        // Raised Friday 2026-04-03: 04-06 holiday → 7, 8, 9, 10 = 4 working days.
        { level: 'RED', raisedOn: '2026-04-03', count: 2 },
        // Raised 2026-03-27 (Fri): 30, 31, 1, 2, 3, 7, 8, 9, 10 = 9 → 6–10.
        { level: 'RED', raisedOn: '2026-03-27', count: 1 },
        // Raised 2026-03-13 (Fri): 14 working days → 11–20.
        { level: 'YELLOW', raisedOn: '2026-03-13', count: 3 },
        // Raised 2026-02-27 (Fri): includes make-up Saturday 02-28 → 24 → >20.
        { level: 'ORANGE', raisedOn: '2026-02-27', count: 1 },
        { level: 'PURPLE', raisedOn: '2026-04-10', count: 1 },
      ],
      today,
      CAL,
    );
    expect(rows).toEqual([
      { level: 'RED', byBucket: { D0_5: 2, D6_10: 1, D11_20: 0, D21_PLUS: 0 }, total: 3 },
      { level: 'ORANGE', byBucket: { D0_5: 0, D6_10: 0, D11_20: 0, D21_PLUS: 1 }, total: 1 },
      { level: 'YELLOW', byBucket: { D0_5: 0, D6_10: 0, D11_20: 3, D21_PLUS: 0 }, total: 3 },
      { level: 'PURPLE', byBucket: { D0_5: 1, D6_10: 0, D11_20: 0, D21_PLUS: 0 }, total: 1 },
    ]);
  });

  it('the holiday moves a clue to a younger bucket than weekdays alone would', () => {
    const day = [{ level: 'RED', raisedOn: '2026-03-27', count: 1 }];
    // Without the holiday: 10 working days up to 2026-04-10 → still 6–10; up to 04-13 → 11 vs 10.
    expect(bucketOpenClues(day, '2026-04-13', NO_HOLIDAYS)[0]!.byBucket.D11_20).toBe(1);
    expect(bucketOpenClues(day, '2026-04-13', CAL)[0]!.byBucket.D6_10).toBe(1);
  });

  it('gives every level a row even when nothing is open', () => {
    expect(bucketOpenClues([], '2026-04-10', CAL).map((r) => [r.level, r.total])).toEqual([['RED', 0], ['ORANGE', 0], ['YELLOW', 0]]);
  });
});

describe('rule precision = (closed − excluded) / closed', () => {
  it.each([
    [10, 2, 0.8],
    [3, 3, 0],
    [4, 0, 1],
    [0, 0, null],
  ])('closed %i, excluded %i → %s', (closed, excluded, p) => {
    expect(rulePrecision(closed, excluded)).toBe(p);
  });
});

describe('reporting period', () => {
  it.each([
    ['2026-03-02', '2025-03-03'],
    ['2026-01-01', '2025-01-02'],
    ['2024-02-29', '2023-03-01'],
    ['2026-12-31', '2026-01-01'],
  ])('default for %s starts %s (twelve months inclusive)', (today, from) => {
    expect(defaultBoardPeriod(today)).toEqual({ from, to: today });
  });

  it('bounds Asia/Shanghai dates by instants (UTC+8)', () => {
    expect(periodInstants('2026-01-01', '2026-01-31')).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-01-31T16:00:00.000Z' });
  });
});

describe('child level of a region', () => {
  it.each([
    ['63', 4],
    ['6301', 6],
    ['630102', 9],
    ['630102001', 12],
    ['630102001001', null],
  ])('%s → %s', (code, len) => {
    expect(childCodeLength(code)).toBe(len);
  });

  it('rounds days to one decimal', () => {
    expect(roundDays(4.25)).toBe(4.3);
    expect(roundDays(null)).toBe(null);
  });
});
