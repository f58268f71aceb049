import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { InlineQueue } from '../jobs/queue.js';
import { registerJobHandlers } from '../jobs/handlers.js';
import { ensureMonthlyComparison } from './comparison-start.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('monthly comparison schedule (issue 4 §6)', () => {
  it('starts one province-wide run per month, by itself, and none while this month has one', async () => {
    const clock = new FakeClock('2026-11-29T02:00:00.000Z');
    const jobs = new InlineQueue();
    const ctx = { database, clock, jobs };
    await registerJobHandlers(jobs, ctx, { error: () => undefined, info: () => undefined });
    const first = await ensureMonthlyComparison(ctx);
    expect(first).toMatchObject({ period: '2026-11', regionCode: '63' });
    await jobs.drain();
    expect(jobs.errors).toEqual([]);
    expect(await ensureMonthlyComparison(ctx)).toBeNull();
    clock.advance(3 * 86_400_000); // 2 December
    expect(await ensureMonthlyComparison(ctx)).toMatchObject({ period: '2026-12' });
    await jobs.drain();
  });
});
