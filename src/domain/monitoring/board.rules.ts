/**
 * 监测看板 (issue 4 §5, POLICY.md R85): the pure parts of the monitoring board — age buckets
 * of open clues in working days, the reporting period, rule precision and the child level
 * of a region. Plain data in, plain data out; `today` is always passed in.
 */
import type { ClueLevel, ClueOutcome } from './clue.types.js';
import { workingDaysBetween, type WorkingDayCalendar } from './working-days.js';

/** Age of an open clue in working days since it was raised (the raising day is not counted, R3). */
export const AGE_BUCKETS = ['D0_5', 'D6_10', 'D11_20', 'D21_PLUS'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const AGE_BUCKET_LABELS: Record<AgeBucket, string> = {
  D0_5: '0–5个工作日',
  D6_10: '6–10个工作日',
  D11_20: '11–20个工作日',
  D21_PLUS: '20个工作日以上',
};

export const CLUE_LEVELS: readonly ClueLevel[] = ['RED', 'ORANGE', 'YELLOW'];

/** Outcomes that count as help given (预警到救助时长): the clue led to a programme, a referral or monitoring. */
export const ASSISTANCE_OUTCOMES: readonly ClueOutcome[] = ['DIBAO', 'TEKUN', 'TEMPORARY', 'REFERRED', 'MONITORING'];

export function ageBucket(workingDays: number): AgeBucket {
  if (workingDays <= 5) return 'D0_5';
  if (workingDays <= 10) return 'D6_10';
  if (workingDays <= 20) return 'D11_20';
  return 'D21_PLUS';
}

export interface OpenClueDay {
  level: string;
  /** date the clue was raised (Asia/Shanghai), 'YYYY-MM-DD' */
  raisedOn: string;
  count: number;
}

export interface LevelAgeRow {
  level: string;
  byBucket: Record<AgeBucket, number>;
  total: number;
}

const emptyBuckets = (): Record<AgeBucket, number> => ({ D0_5: 0, D6_10: 0, D11_20: 0, D21_PLUS: 0 });

/**
 * Open clues by level × age bucket, from counts per (level, raising day). Every level of
 * CLUE_LEVELS gets a row (zeros included); unknown levels follow in the order met.
 */
export function bucketOpenClues(days: readonly OpenClueDay[], today: string, cal: WorkingDayCalendar): LevelAgeRow[] {
  const rows = new Map<string, LevelAgeRow>(CLUE_LEVELS.map((l) => [l, { level: l, byBucket: emptyBuckets(), total: 0 }]));
  const ageCache = new Map<string, number>();
  for (const d of days) {
    let age = ageCache.get(d.raisedOn);
    if (age === undefined) {
      age = workingDaysBetween(d.raisedOn, today, cal);
      ageCache.set(d.raisedOn, age);
    }
    let row = rows.get(d.level);
    if (!row) {
      row = { level: d.level, byBucket: emptyBuckets(), total: 0 };
      rows.set(d.level, row);
    }
    row.byBucket[ageBucket(age)] += d.count;
    row.total += d.count;
  }
  return [...rows.values()];
}

/** Share of closed clues of a rule that were not excluded: (closed − excluded) / closed; null when none closed. */
export function rulePrecision(closed: number, excluded: number): number | null {
  if (closed <= 0) return null;
  return (closed - excluded) / closed;
}

const DAY = 86_400_000;

/** Default reporting period: the twelve months up to and including `today` (e.g. 2026-03-02 → 2025-03-03 … 2026-03-02). */
export function defaultBoardPeriod(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Same calendar day a year earlier (29 Feb → 28 Feb), plus one day: exactly twelve months inclusive.
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const start = Date.UTC(y - 1, m - 1, Math.min(d, lastDay)) + DAY;
  return { from: new Date(start).toISOString().slice(0, 10), to: today };
}

/** Instants bounding a period of Asia/Shanghai dates: [from 00:00+08, day after `to` 00:00+08). */
export function periodInstants(from: string, to: string): { start: string; end: string } {
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY).toISOString();
  return { start, end };
}

/**
 * Length of the codes one level below a region (province 2 → 市州 4 → county 6 → township 9
 * → village 12); null for a village, which has no children.
 */
export function childCodeLength(regionCode: string): number | null {
  return ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[regionCode.length] ?? null;
}

/** Days rounded to one decimal (null stays null). */
export function roundDays(days: number | null): number | null {
  return days === null || !Number.isFinite(days) ? null : Math.round(days * 10) / 10;
}
