import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, uncoveredYears, workingDaysBetween, type WorkingDayCalendar } from './working-days.js';

// T14's calendar: 2021 with 5 April (清明) as a holiday (POLICY.md §20); enough for the vector.
const CAL_2021: WorkingDayCalendar = { coveredYears: [2021], holidays: ['2021-04-03', '2021-04-04', '2021-04-05'], makeUpWorkdays: [] };

describe('working days (§0.3, R3, P39)', () => {
  it.each([
    // [rule, start, n, expected]
    ['T14: investigation starts by the 3rd WD after Monday acceptance', '2021-03-01', 3, '2021-03-04'],
    ['T14: the 30-WD limit skips weekends and 5 April', '2021-03-01', 30, '2021-04-13'],
    ['R3: the trigger day itself is not counted', '2021-03-05', 1, '2021-03-08'],
    ['n = 0 is the start day', '2021-03-05', 0, '2021-03-05'],
  ])('%s', (_rule, start, n, expected) => {
    expect(addWorkingDays(start, n, CAL_2021)).toBe(expected);
  });

  it('a make-up Saturday is a working day, a weekday holiday is not', () => {
    const cal: WorkingDayCalendar = { coveredYears: [2026], holidays: ['2026-10-01'], makeUpWorkdays: ['2026-10-10'] };
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-11', cal)).toBe(false);
  });

  it('counts working days between two dates and reports years the calendar lacks', () => {
    expect(workingDaysBetween('2021-03-01', '2021-03-08', CAL_2021)).toBe(5);
    expect(workingDaysBetween('2021-03-08', '2021-03-01', CAL_2021)).toBe(0);
    expect(uncoveredYears('2021-12-20', '2022-01-10', CAL_2021)).toEqual([2022]);
  });
});
