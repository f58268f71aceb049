import { describe, expect, it } from 'vitest';
import { ReassessWorkers } from './reassess-workers.js';

describe('re-assessment worker threads', () => {
  it('a worker that cannot reach its database refuses its chunks with the error, and the pool still closes', async () => {
    // Nothing listens on port 1: each worker's pool fails to connect when asked for facts.
    const workers = new ReassessWorkers(2, {
      url: 'postgres://nobody:nothing@127.0.0.1:1/none',
      runId: '00000000-0000-0000-0000-000000000000',
      run: { mode: 'WHAT_IF', referenceDate: '2022-01-15', createdBy: null },
      baseline: [],
      runVersions: [],
      decisionDate: '2022-01-15',
      factsPart: 1,
    });
    try {
      const ids = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'];
      const results = await Promise.allSettled([workers.compute(ids), workers.compute(ids)]);
      for (const r of results) {
        expect(r.status).toBe('rejected');
        expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/ECONNREFUSED/);
      }
    } finally {
      await workers.close();
    }
  });
});
