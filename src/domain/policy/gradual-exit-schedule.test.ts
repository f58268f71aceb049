import { describe, expect, it } from 'vitest';
import { amountInMonth, paidOverYear, scheduleText } from './gradual-exit-schedule.js';

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

describe('paidOverYear: the yearly figure of a batch run (§0.3, R44.2, R44.3)', () => {
  const schedule = [
    { fromMonth: '2021-08', untilMonth: '2022-01', amountFen: 14_800 },
    { fromMonth: '2022-02', untilMonth: '2022-07', amountFen: 7_400 },
  ];
  const stepped = { status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: schedule, gradualExitUntil: '2022-07' };
  it.each([
    ['active: 12 × the amount', { status: 'ACTIVE', monthlyAmountFen: 14_800, gradualExitSchedule: null, gradualExitUntil: null }, '2021-08', 12 * 14_800],
    ['stopped: nothing', { status: 'STOPPED', monthlyAmountFen: 14_800, gradualExitSchedule: null, gradualExitUntil: null }, '2021-08', 0],
    ['渐退 unchanged, the period covering the year (R44.2 default)', { status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: null, gradualExitUntil: '2022-07' }, '2021-08', 12 * 14_800],
    ['渐退 unchanged ending within the year: its months only (R44.3)', { status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: null, gradualExitUntil: '2022-01' }, '2021-08', 6 * 14_800],
    ['the period\'s last month as a day (a status row)', { status: 'GRADUAL_EXIT', monthlyAmountFen: 14_800, gradualExitSchedule: null, gradualExitUntil: '2022-01-01' }, '2021-08', 6 * 14_800],
    ['stepped down, the whole period (R44.2)', stepped, '2021-08', 6 * 14_800 + 6 * 7_400],
    ['stepped down, from inside the period: its months left', stepped, '2022-01', 14_800 + 6 * 7_400],
    ['after the period: nothing', stepped, '2022-08', 0],
  ])('%s', (_name, state, from, expected) => {
    expect(paidOverYear(state, from)).toBe(expected);
  });
});
