import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';

const db = useTestDatabase();

describe('stored decisions: JSON as text, compressed', () => {
  // Migrations 20261129135017 and 20261130125017: the server stores a decision's JSON as the
  // application wrote it and never parses it (nothing queries inside it).
  it.each(['explanation', 'result', 'parameters_used'])('keeps %s as text', async (column) => {
    const [col] = await db.q<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'assessments'::regclass AND attname = $1`,
      [column],
    );
    expect(col!.type).toBe('text');
  });

  // Migrations 20261129135017 and 20261130020436: a stored decision's JSON (the explanation, its
  // bulk, and the result and parameters, compressed once the explanation is) is compressed with
  // lz4 where the server has it (PostgreSQL built with lz4, as Debian's is); PGlite has only pglz.
  it.each(['explanation', 'result', 'parameters_used'])('compresses %s with lz4 when the server offers it, else with the default', async (column) => {
    const [setting] = await db.q<{ lz4: boolean }>(`SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    const [col] = await db.q<{ attcompression: string }>(
      `SELECT attcompression FROM pg_attribute WHERE attrelid = 'assessments'::regclass AND attname = $1`,
      [column],
    );
    expect(col!.attcompression).toBe(setting!.lz4 ? 'l' : '');
    if (db.database.kind === 'postgres') expect(setting!.lz4).toBe(true); // Debian's PostgreSQL, as CI installs it
  });
});
