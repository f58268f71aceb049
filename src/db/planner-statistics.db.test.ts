import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { refreshPlannerStatistics } from './planner-statistics.js';

const db = useTestDatabase();
const q = db.q;

describe('planner statistics', () => {
  // PGlite runs no autovacuum, so the platform analyzes grown tables itself; on PostgreSQL
  // autovacuum does, and refreshPlannerStatistics leaves it alone.
  it('analyzes a table that has grown on PGlite, then leaves it until it grows again; nothing on PostgreSQL', async () => {
    await refreshPlannerStatistics(db.database);
    await q(`CREATE TABLE stats_probe (id int PRIMARY KEY, county_code varchar(6))`);
    await q(`INSERT INTO stats_probe SELECT g, CASE WHEN g % 2 = 0 THEN '630102' ELSE '630103' END FROM generate_series(1, 5000) g`);
    if (db.database.kind === 'postgres') {
      expect(await refreshPlannerStatistics(db.database)).toEqual([]);
      return;
    }
    expect(await refreshPlannerStatistics(db.database)).toContain('stats_probe');
    const [row] = await q<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'stats_probe'`);
    expect(Number(row!.reltuples)).toBe(5000);
    expect(await refreshPlannerStatistics(db.database)).not.toContain('stats_probe');
    await q(`INSERT INTO stats_probe SELECT g, '630104' FROM generate_series(5001, 20000) g`);
    expect(await refreshPlannerStatistics(db.database)).toContain('stats_probe');
  });
});
