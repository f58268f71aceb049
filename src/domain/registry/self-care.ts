import type { SelfCareFacts } from '../policy/assessment.types.js';
import { SELF_CARE_ACTIVITY_LABELS, type CareLevel, type SelfCareActivity } from './codes.js';

/** The six R53 activities, in the order of the national text. */
export const SELF_CARE_ACTIVITIES = Object.keys(SELF_CARE_ACTIVITY_LABELS) as SelfCareActivity[];

/** R53: how many of the six activities the person cannot do independently. */
export function countFailedActivities(selfCare: Pick<SelfCareFacts, SelfCareActivity>): number {
  return SELF_CARE_ACTIVITIES.filter((a) => !selfCare[a]).length;
}

/** R53: 0 failed → 全自理, 1–3 → 半护理, 4 or more → 全护理. */
export function careLevelOf(selfCare: Pick<SelfCareFacts, SelfCareActivity>): CareLevel {
  const failed = countFailedActivities(selfCare);
  if (failed === 0) return 'FULL_SELF_CARE';
  return failed <= 3 ? 'PARTIAL_CARE' : 'FULL_CARE';
}
