/**
 * Planner statistics on PGlite. PostgreSQL's autovacuum ANALYZEs a table once about a tenth of
 * it has changed; PGlite runs no autovacuum, so a registry loaded by imports had no statistics
 * at all and the planner took every table for empty. That turned a county's batch read into a
 * nested loop over the whole county per household (1.1 s instead of 46 ms for 13,664 members)
 * and slowed the household list. Here the same rule is applied by hand: a table never analyzed,
 * or grown by more than a tenth (in pages) since, is analyzed. No-op on PostgreSQL.
 */
import type { Database } from './database.js';

/** ANALYZE the tables whose statistics are missing or stale; returns their names. */
export async function refreshPlannerStatistics(database: Database): Promise<string[]> {
  if (database.kind !== 'pglite' || !database.pglite) return [];
  const stale = await database.pglite.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c
      WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
        AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > 1.1 * c.relpages + 8)`,
  );
  const names = stale.rows.map((r) => r.name);
  if (names.length === 0) return names;
  // A sample of 9,000 rows a table (target 30) instead of 30,000: the plans that went wrong
  // needed table sizes and rough distributions, and this runs after every import.
  const list = names.map((n) => `"${n.replace(/"/g, '""')}"`).join(', ');
  await database.pglite.exec(`SET default_statistics_target = 30; ANALYZE ${list}; RESET default_statistics_target;`);
  return names;
}
