import { describe, expect, it } from 'vitest';
import type { DisabilityComponent } from '../policy/assessment.types.js';
import { describeDisability, describeDisabilityComponents, isSevereDisability } from './codes.js';

describe('isSevereDisability (重残, R31, R49)', () => {
  const intellectual3: DisabilityComponent[] = [{ category: 'HEARING', grade: 4 }, { category: 'INTELLECTUAL', grade: 3 }];
  const physical3: DisabilityComponent[] = [{ category: 'PHYSICAL', grade: 3 }, { category: 'HEARING', grade: 3 }];
  it.each<[string, string | null, number | null, DisabilityComponent[] | null, boolean]>([
    ['R31 grade 1 of any category', 'HEARING', 1, null, true],
    ['R31 grade 2 of any category', 'PHYSICAL', 2, null, true],
    ['R31 grade 3 intellectual', 'INTELLECTUAL', 3, null, true],
    ['R31 grade 3 mental', 'MENTAL', 3, null, true],
    ['R31 grade 3 physical is not severe', 'PHYSICAL', 3, null, false],
    ['R31 grade 4 intellectual is not severe', 'INTELLECTUAL', 4, null, false],
    ['R31 多重残疾 grade 2 (its worst category is grade 2)', 'MULTIPLE', 2, null, true],
    ['R31 多重残疾 grade 3 with a grade-3 intellectual category', 'MULTIPLE', 3, intellectual3, true],
    ['R31 多重残疾 grade 3 of physical and hearing', 'MULTIPLE', 3, physical3, false],
    ['R31 多重残疾 grade 3, categories not recorded', 'MULTIPLE', 3, null, false],
    ['R31 多重残疾 grade 4 re-graded from 3: its grade-3 categories are out of date', 'MULTIPLE', 4, intellectual3, false],
    ['R31 categories are read only for 多重残疾', 'PHYSICAL', 3, intellectual3, false],
    ['no certificate', null, null, intellectual3, false],
  ])('%s', (_rule, category, grade, components, severe) => {
    expect(isSevereDisability(category, grade, components)).toBe(severe);
  });
});

describe('describing a disability', () => {
  it('writes the category and the grade as the certificate does', () => {
    expect(describeDisability('PHYSICAL', 2)).toBe('肢体残疾二级');
    expect(describeDisability('MULTIPLE', 1)).toBe('多重残疾一级');
  });

  it('lists a 多重残疾\'s categories most severe first, then in the certificate\'s order', () => {
    expect(describeDisabilityComponents([{ category: 'MENTAL', grade: 3 }, { category: 'VISUAL', grade: 3 }, { category: 'SPEECH', grade: 1 }])).toBe(
      '言语残疾一级、视力残疾三级、精神残疾三级',
    );
  });
});
