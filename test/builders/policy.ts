import type { TestDatabase } from '../db.js';
import { policyParameters } from '../../src/db/schema/index.js';
import { defaultParamValues } from '../../src/domain/policy/test-fixtures.js';

/** A version approved in a test (fictional figures, never the shipped ones). */
export interface TestVersion {
  code: string;
  value: unknown;
  urbanRural?: 'ALL' | 'URBAN' | 'RURAL';
  regionCode?: string;
  effectiveFrom?: string;
}

/**
 * Approved versions for 城东区 (630102) from 2021-01-01 unless told otherwise: worked example
 * 1's rural standard (450 元, P01) and a configured property rule (P19), then `more`.
 */
export function approveWorkedExampleParameters(database: TestDatabase, more: readonly TestVersion[] = []): Promise<void> {
  return approveTestVersions(database, [
    { code: 'P01', urbanRural: 'RURAL', value: { monthlyFen: 45_000, published: { amount: 450, unit: 'YUAN_PER_PERSON_MONTH' } } },
    { code: 'P19', value: defaultParamValues().P19 },
    ...more,
  ]);
}

/** Approved versions, written directly (no four-eyes: the tests of the engine need figures, not a proposal). */
export async function approveTestVersions(database: TestDatabase, versions: readonly TestVersion[]): Promise<void> {
  await database.db.insert(policyParameters).values(
    versions.map((v) => ({
      name: 'test', confidence: 'PLACEHOLDER', basis: 'test', status: 'APPROVED', isDefault: false,
      code: v.code, value: v.value, urbanRural: v.urbanRural ?? 'ALL', regionCode: v.regionCode ?? '630102', effectiveFrom: v.effectiveFrom ?? '2021-01-01',
    })),
  );
}
