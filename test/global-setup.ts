import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { bootstrapPlatform } from '../src/services/system/bootstrap.js';
import { systemClock } from '../src/services/context.js';
import { TEMPLATE_DB, testDbKind, withDatabaseName } from './db-config.js';

/**
 * Migrate once per run (STYLE §10). PGlite: migrate + seed an in-memory instance and dump
 * its data directory; each test file loads the dump. PostgreSQL: migrate + seed a
 * template database; each test file gets a database created from it.
 */
export default async function setup(project: TestProject) {
  if (testDbKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    // One template per run, so that two runs on one server do not trip over each other.
    const template = `${TEMPLATE_DB}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, template), poolSize: 2 });
    await migrateDatabase(database);
    await bootstrapPlatform({ database, clock: systemClock }, { createAdmin: false });
    await database.close();
    project.provide('pgliteDump', '');
    project.provide('pgTemplate', template);
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await a.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  await bootstrapPlatform({ database, clock: systemClock }, { createAdmin: false });
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-test-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}
