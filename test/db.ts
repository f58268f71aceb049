import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';
import { testDbKind, withDatabaseName } from './db-config.js';

export interface TestDatabase extends Database {
  /** Drop the per-file database (PostgreSQL) and close. */
  destroy(): Promise<void>;
}

/** A migrated, seeded database for one test file: PGlite from the dump, or a PostgreSQL copy of the template. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDbKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `jiuzhu_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 5 });
    return {
      ...database,
      async destroy() {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = inject('pgliteDump');
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(dump)]) });
  return { ...database, destroy: () => database.close() };
}

/**
 * The file's test database, opened before its tests and destroyed after them, with raw SQL on it
 * (each call its own transaction).
 */
export function useTestDatabase() {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });
  const open = (): TestDatabase => {
    if (!database) throw new Error('the test database is opened in beforeAll');
    return database;
  };
  return {
    get database(): TestDatabase {
      return open();
    },
    q: <T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> => open().rawTransaction((raw) => raw.query<T>(text, params)),
  };
}
