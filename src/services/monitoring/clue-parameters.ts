/**
 * The parameters the clue queue reads for a region: P36 (verification SLA in working days,
 * R82) and P39 (working-day calendar, §0.3), resolved like every other parameter read.
 */
import { AppError } from '../../domain/errors.js';
import type { ParameterSet } from '../../domain/policy/assessment.types.js';
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
  const cal = set.P39?.value as Partial<WorkingDayCalendar> | undefined;
  return {
    slaWorkingDays: verificationWorkingDays(set),
    calendar: cal
      ? { coveredYears: cal.coveredYears ?? [], holidays: cal.holidays ?? [], makeUpWorkdays: cal.makeUpWorkdays ?? [] }
      : EMPTY_CALENDAR,
  };
}

/** P36 (R82): the shipped set has it for the province; a region without it is refused, never guessed. */
export function verificationWorkingDays(set: ParameterSet): number {
  const sla = set.P36?.value;
  if (typeof sla === 'number' && Number.isInteger(sla) && sla > 0) return sla;
  throw new AppError('POLICY_PARAMETER_MISSING', { details: [{ path: 'P36', code: 'POLICY_PARAMETER_MISSING', params: { code: 'P36' } }] });
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
