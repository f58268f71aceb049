import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';

const db = useTestDatabase();

describe('stored decisions compression', () => {
  // Migration 20261129135017: a stored explanation (the bulk of a decision) is compressed with
  // lz4 where the server has it (PostgreSQL built with lz4, as Debian's is); PGlite has only pglz.
  it('compresses explanations with lz4 when the server offers it, else with the default', async () => {
    const [setting] = await db.q<{ lz4: boolean }>(`SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    const [col] = await db.q<{ attcompression: string }>(
      `SELECT attcompression FROM pg_attribute WHERE attrelid = 'assessments'::regclass AND attname = 'explanation'`,
    );
    expect(col!.attcompression).toBe(setting!.lz4 ? 'l' : '');
    if (db.database.kind === 'postgres') expect(setting!.lz4).toBe(true); // Debian's PostgreSQL, as CI installs it
  });
});
