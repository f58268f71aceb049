/** Figures of a batch re-assessment: by kind of change and by county, monthly and yearly cost. */
import type { ChangeByCounty } from '../../db/repos/reassessments.repo.js';

export const CHANGE_KINDS = ['NEW_ELIGIBLE', 'GRADUAL_EXIT', 'LOST_ELIGIBILITY', 'AMOUNT_UP', 'AMOUNT_DOWN', 'UNCHANGED', 'REFUSED'] as const;

export interface CountyFigures {
  countyCode: string;
  countyName: string | null;
  households: number;
  changes: Record<string, number>;
  monthlyBeforeFen: number;
  monthlyAfterFen: number;
  monthlyDiffFen: number;
  yearlyDiffFen: number;
}

export interface RunSummary {
  households: number;
  totals: Record<string, number>;
  monthlyBeforeFen: number;
  monthlyAfterFen: number;
  monthlyDiffFen: number;
  /**
   * Over the 12 months from the month after the run (R4): 12 × the monthly change (POLICY.md
   * §0.3), except for households whose pay changes within that year on either side — a
   * stepped-down 渐退 (R44.2) or one that ends (R44.3) — counted month by month.
   */
  yearlyDiffFen: number;
  byCounty: CountyFigures[];
}

export function summariseRun(rows: ChangeByCounty[]): RunSummary {
  const counties = new Map<string, CountyFigures>();
  const totals: Record<string, number> = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0]));
  let before = 0;
  let after = 0;
  let yearly = 0;
  let households = 0;
  for (const r of rows) {
    let c = counties.get(r.countyCode);
    if (!c) {
      c = {
        countyCode: r.countyCode,
        countyName: r.countyName,
        households: 0,
        changes: Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])),
        monthlyBeforeFen: 0,
        monthlyAfterFen: 0,
        monthlyDiffFen: 0,
        yearlyDiffFen: 0,
      };
      counties.set(r.countyCode, c);
    }
    c.households += r.households;
    c.changes[r.change] = (c.changes[r.change] ?? 0) + r.households;
    c.monthlyBeforeFen += r.beforeFen;
    c.monthlyAfterFen += r.afterFen;
    c.yearlyDiffFen += r.yearlyDiffFen;
    totals[r.change] = (totals[r.change] ?? 0) + r.households;
    before += r.beforeFen;
    after += r.afterFen;
    yearly += r.yearlyDiffFen;
    households += r.households;
  }
  for (const c of counties.values()) c.monthlyDiffFen = c.monthlyAfterFen - c.monthlyBeforeFen;
  return {
    households,
    totals,
    monthlyBeforeFen: before,
    monthlyAfterFen: after,
    monthlyDiffFen: after - before,
    yearlyDiffFen: yearly,
    byCounty: [...counties.values()],
  };
}
