/**
 * The parameters the clue queue reads for a region: P36 (verification SLA in working days,
 * R82) and P39 (working-day calendar, §0.3), resolved like every other parameter read.
 */
import { DEFAULT_CLUE_DEADLINE_WORKING_DAYS } from '../../domain/monitoring/clue.rules.js';
import type { WorkingDayCalendar } from '../../domain/monitoring/working-days.js';
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import { listParameterVersionsOnPath } from '../../db/repos/assessments.repo.js';
import type { Executor } from '../../db/database.js';

export interface ClueParameters {
  slaWorkingDays: number;
  calendar: WorkingDayCalendar;
}

const EMPTY_CALENDAR: WorkingDayCalendar = { coveredYears: [], holidays: [], makeUpWorkdays: [] };

/**
 * P36/P39 in force for `regionCode` on `onDate`. A calendar whose years are not covered
 * counts weekdays only (holidays unknown); entry of clues must not stop for that (R80).
 */
export async function loadClueParameters(db: Executor, regionCode: string, onDate: string): Promise<ClueParameters> {
  const code = regionCode.length > 6 ? regionCode.slice(0, 6) : regionCode || '63';
  const versions = await listParameterVersionsOnPath(db, code);
  const set = resolveParameterSet(versions, code, 'ALL', onDate);
  const sla = set.P36?.value;
  const cal = set.P39?.value as Partial<WorkingDayCalendar> | undefined;
  return {
    slaWorkingDays: typeof sla === 'number' && Number.isInteger(sla) && sla > 0 ? sla : DEFAULT_CLUE_DEADLINE_WORKING_DAYS,
    calendar: cal
      ? { coveredYears: cal.coveredYears ?? [], holidays: cal.holidays ?? [], makeUpWorkdays: cal.makeUpWorkdays ?? [] }
      : EMPTY_CALENDAR,
  };
}

/** A per-county cache for runs over many clues (the calendar is national, P36 per region). */
export function createClueParameterCache(db: Executor, onDate: string) {
  const cache = new Map<string, Promise<ClueParameters>>();
  return (regionCode: string) => {
    const key = regionCode.slice(0, 6);
    let p = cache.get(key);
    if (!p) {
      p = loadClueParameters(db, key, onDate);
      cache.set(key, p);
    }
    return p;
  };
}
