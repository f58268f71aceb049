import { describe, expect, it } from 'vitest';
import { careLevelOf, countFailedActivities } from './self-care.js';

const all = { eating: true, dressing: true, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: true };

describe('care level (R53)', () => {
  it.each([
    ['R53 none failed', {}, 0, 'FULL_SELF_CARE'],
    ['R53 one failed', { bathing: false }, 1, 'PARTIAL_CARE'],
    ['R53 / T12 worked example 4: cannot bathe or dress', { bathing: false, dressing: false }, 2, 'PARTIAL_CARE'],
    ['R53 three failed', { bathing: false, dressing: false, eating: false }, 3, 'PARTIAL_CARE'],
    ['R53 / T12 add bed and toilet', { bathing: false, dressing: false, gettingInOutOfBed: false, usingToilet: false }, 4, 'FULL_CARE'],
    ['R53 all failed', { eating: false, dressing: false, gettingInOutOfBed: false, usingToilet: false, walkingIndoors: false, bathing: false }, 6, 'FULL_CARE'],
  ] as const)('%s', (_rule, failed, count, level) => {
    const facts = { ...all, ...failed };
    expect(countFailedActivities(facts)).toBe(count);
    expect(careLevelOf(facts)).toBe(level);
  });
});
