import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import { scopeOf } from '../../domain/access/scope.js';
import { runAssessment } from '../policy/run-assessment.js';
import { searchHouseholds } from '../registry/household-queries.js';
import { loadDemo } from './load-demo.js';

let database: TestDatabase;
const clock = new FakeClock('2026-11-29T02:00:00.000Z');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('npm run demo (issue 2 §3, issue 3)', () => {
  it('loads households with fictional standards and property rules, so a demo household can be assessed; a second run adds no parameters', async () => {
    const ctx = { database, clock };
    const first = await loadDemo(ctx, { households: 30, seed: 'demo-test' });
    expect(first.generated.households).toBe(30);
    const user = await createTestUser(database, { roles: ['COUNTY_APPROVER'], regionCode: '63' });
    const actor = { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, scope: scopeOf({ regionCode: '63' }) };
    const list = await searchHouseholds(ctx, actor, { page: 1, pageSize: 1 });
    const a = await runAssessment(ctx, actor, list.items[0]!.id, {});
    expect(a.standardMonthlyFen === 76_000 || a.standardMonthlyFen === 47_000).toBe(true);
    expect(a.parametersUsed.find((p) => p.code === 'P01')?.confidence).toBe('PLACEHOLDER');
    const again = await loadDemo(ctx, { households: 30, seed: 'demo-test' });
    expect(again.inRegistry.households).toBe(30);
  });
});
