/**
 * Working days (工作日, POLICY.md §0.3, R3, P39): weekdays that are not statutory holidays,
 * plus the weekend days the State Council designates as make-up working days. Periods count
 * from the day after the triggering event (R3).
 */
export interface WorkingDayCalendar {
  coveredYears: readonly number[];
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (t: number) => new Date(t).toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: WorkingDayCalendar): boolean {
  if (cal.makeUpWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const dow = new Date(toTime(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `start` (the start day itself is not counted, R3). */
export function addWorkingDays(start: string, n: number, cal: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let t = toTime(start);
  let left = n;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(toDate(t), cal)) left--;
  }
  return toDate(t);
}

/** Working days from `start` (exclusive) to `end` (inclusive); 0 when end ≤ start. */
export function workingDaysBetween(start: string, end: string, cal: WorkingDayCalendar): number {
  let n = 0;
  for (let t = toTime(start) + DAY; t <= toTime(end); t += DAY) if (isWorkingDay(toDate(t), cal)) n++;
  return n;
}

/** Years the dates touch that the calendar does not cover (its holidays are then unknown). */
export function uncoveredYears(from: string, to: string, cal: WorkingDayCalendar): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.coveredYears.includes(y)) out.push(y);
  return out;
}
