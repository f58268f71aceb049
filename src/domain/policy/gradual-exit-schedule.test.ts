import { describe, expect, it } from 'vitest';
import { amountInMonth, scheduleText } from './gradual-exit-schedule.js';

describe('amountInMonth (R44.2)', () => {
  const schedule = [
    { fromMonth: '2021-08', untilMonth: '2022-01', amountFen: 14_800 },
    { fromMonth: '2022-02', untilMonth: '2022-07', amountFen: 7_400 },
  ];
  it.each([
    ['before the period: its first amount', '2021-07', 14_800],
    ['first month', '2021-08', 14_800],
    ['last month in full', '2022-01', 14_800],
    ['first month stepped down', '2022-02', 7_400],
    ['after the period, until re-assessed: its last amount', '2022-09', 7_400],
  ])('%s (%s)', (_name, month, expected) => {
    expect(amountInMonth({ monthlyAmountFen: 14_800, gradualExitSchedule: schedule }, month)).toBe(expected);
  });
  it('no schedule: the status amount in every month', () => {
    expect(amountInMonth({ monthlyAmountFen: 14_800, gradualExitSchedule: null }, '2030-01')).toBe(14_800);
  });
});

describe('scheduleText (R44.2)', () => {
  it('a segment of one month names the month, a longer one its first and last', () => {
    expect(scheduleText([{ fromMonth: '2021-08', untilMonth: '2022-01', amountFen: 14_800 }, { fromMonth: '2022-02', untilMonth: '2022-02', amountFen: 7_400 }]))
      .toBe('2021-08至2022-01每月148.00元，2022-02每月74.00元');
  });
});
