import { describe, expect, it } from 'vitest';
import { pickVersionInForce } from './parameter-proposal.rules.js';
import { createParameterResolver, resolveParameterSet, type ParameterVersion } from './resolve-parameters.js';

let n = 0;
function version(over: Partial<ParameterVersion> & { value: unknown }): ParameterVersion {
  n += 1;
  return {
    id: `v${n}`,
    code: 'P01',
    regionCode: '63',
    urbanRural: 'RURAL',
    effectiveFrom: '2026-01-01',
    confidence: 'PLACEHOLDER',
    status: 'APPROVED',
    reviewedAt: '2026-01-02T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

// POLICY.md §19: a parameter is keyed by region, urban/rural and effective date; a correction
// approved later for the same key replaces the version it corrects.
describe('which version is in force (§19)', () => {
  const old = version({ value: 'old', reviewedAt: '2026-01-02T00:00:00Z' });
  const correction = version({ value: 'corrected', reviewedAt: '2026-03-01T00:00:00Z' });
  const county = version({ value: 'county', regionCode: '630224', effectiveFrom: '2025-01-01' });
  const later = version({ value: 'later', effectiveFrom: '2026-07-01' });
  const forAll = version({ value: 'all', urbanRural: 'ALL', reviewedAt: '2026-05-01T00:00:00Z' });

  it.each([
    ['the later approval of the same key wins, whatever the row order', [old, correction], '630102', '2026-06-01', 'corrected'],
    ['… and the other way round', [correction, old], '630102', '2026-06-01', 'corrected'],
    ['a more specific region wins over a newer date', [correction, county], '630224', '2026-06-01', 'county'],
    ['the latest effective date in force wins', [old, later], '630102', '2026-07-01', 'later'],
    ['not yet in force', [old, later], '630102', '2026-06-30', 'old'],
    ['a version for the urban/rural kind wins over ALL, even approved later', [forAll, old], '630102', '2026-06-01', 'old'],
  ] as const)('%s', (_rule, rows, region, date, expected) => {
    expect(resolveParameterSet(rows, region, 'RURAL', date).P01?.value).toBe(expected);
    // The parameter list (pickVersionInForce) shows the same version the engine applies.
    expect(pickVersionInForce(rows, region, date, 'RURAL')?.value).toBe(expected);
  });

  it('a what-if draft for the same key as an approved version replaces it (a correction can be tried)', () => {
    const draft = version({ value: 'draft', status: 'DRAFT', reviewedAt: null });
    expect(resolveParameterSet([correction], '630102', 'RURAL', '2026-06-01', [draft]).P01?.value).toBe('draft');
    expect(resolveParameterSet([correction], '630102', 'RURAL', '2026-06-01').P01?.value).toBe('corrected');
  });

  it('a draft does not beat a more specific region or a later date', () => {
    const draft = version({ value: 'draft', status: 'DRAFT', reviewedAt: null, effectiveFrom: '2026-02-01' });
    expect(resolveParameterSet([county], '630224', 'RURAL', '2026-06-01', [draft]).P01?.value).toBe('county');
    expect(resolveParameterSet([later], '630102', 'RURAL', '2026-07-01', [draft]).P01?.value).toBe('later');
  });

  it('the memoising resolver answers like a fresh resolution', () => {
    const draft = version({ value: 'draft', status: 'DRAFT', reviewedAt: null });
    const resolve = createParameterResolver([old, correction], [draft]);
    expect(resolve('630102001001', 'RURAL', '2026-06-01').P01?.value).toBe('draft');
    expect(resolve('630102001001', 'RURAL', '2026-06-01')).toBe(resolve('630102002002', 'RURAL', '2026-06-01'));
  });
});
