import { hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type Column, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { AppError } from '../domain/errors.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What repositories take first: the database or the transaction the use case opened. */
export type Executor = Db | Tx;

/**
 * A raw connection inside one transaction, for bulk work (COPY + set-based SQL) that an
 * ORM cannot express efficiently. Only src/db uses it.
 */
export interface RawTx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * COPY `table (columns)` FROM the given blocks of COPY text format (copy-rows.ts): UTF-8
   * bytes of whole lines, one COPY for all of them; encoded blocks keep a large load from
   * holding huge strings on the JS heap.
   */
  copy(table: string, columns: readonly string[], blocks: readonly Uint8Array[]): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… for a server; when absent PGlite is used in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default ./data/pglite). Use 'memory://' for a throw-away instance. */
  dataDir?: string | undefined;
  /** Load a dumped PGlite data directory (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number | undefined;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction on a raw connection (bulk loads). */
  rawTransaction<T>(fn: (raw: RawTx) => Promise<T>): Promise<T>;
  /** The PGlite instance (pg-boss adapter, dumps); undefined on PostgreSQL. */
  pglite?: PGlite | undefined;
  /** The pg pool; undefined on PGlite. */
  pool?: pg.Pool | undefined;
  /** The server's connection string, for a worker thread's own pool; undefined on PGlite. */
  url?: string | undefined;
  close(): Promise<void>;
}

// int8 as number (ids and fen stay far below 2^53); numeric stays string.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  return openPglite(config.dataDir ?? './data/pglite', config.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it */
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    url,
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const raw: RawTx = {
          async query(sql, params) {
            const r = await client.query(sql, params as unknown[]);
            return r.rows;
          },
          async copy(table, columns, blocks) {
            await copyOnClient(client, table, columns, blocks);
          },
        };
        const result = await fn(raw);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * PGlite keeps no lock of its own and loses writes when two processes open one directory
 * (stack-notes §1), so we hold `<dir>.lock` (O_EXCL, with our pid) for as long as it is open.
 * A lock left by a process that no longer runs is taken over.
 */
function acquireDirLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new AppError('DB_LOCKED', {
          message: `PGlite data directory ${dir} is in use by process ${pid}; only one process may open it`,
        });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('DB_LOCKED', { message: `could not lock ${lockPath}` });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    release = acquireDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir, {
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async rawTransaction(fn) {
      return client.transaction(async (tx) => {
        const raw: RawTx = {
          async query(sql, params) {
            const r = await tx.query(sql, params as unknown[]);
            return r.rows as never[];
          },
          async copy(table, columns, blocks) {
            await copyOnPglite(tx, table, columns, blocks);
          },
        };
        return fn(raw);
      });
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * `column = ANY($1::uuid[])` with the ids as ONE array parameter (drizzle's inArray would bind one
 * parameter per id): batch reads of 1,000 households bind one parameter, not 1,000.
 */
export function anyUuid(column: Column, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${sql.param([...ids])}::uuid[])`;
}

type PgliteQuery = { query: (sql: string, params: unknown[], opts: { blob: Blob }) => Promise<unknown> };

/** COPY's data format: text (copy-rows.ts) or binary (copy-binary.ts). */
export type CopyFormat = 'text' | 'binary';

const copyOptions = (format: CopyFormat) => (format === 'binary' ? ' WITH (FORMAT binary)' : '');

/** One COPY of encoded blocks on a node-postgres connection, streamed. */
async function copyOnClient(client: pg.ClientBase, table: string, columns: readonly string[], blocks: readonly Uint8Array[], format: CopyFormat = 'text'): Promise<void> {
  await pipeline(Readable.from(blocks), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${copyOptions(format)}`)));
}

/** One COPY of encoded blocks on PGlite, which reads them as a blob. */
async function copyOnPglite(tx: PgliteQuery, table: string, columns: readonly string[], blocks: readonly Uint8Array[], format: CopyFormat = 'text'): Promise<void> {
  await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${copyOptions(format)}`, [], { blob: new Blob([...blocks] as BlobPart[]) });
}

/**
 * COPY encoded blocks (text format by copy-rows.ts, binary by copy-binary.ts) into `table` on
 * the connection of an open transaction `tx`, for a bulk write that must commit or roll back
 * with the rest of that transaction (a batch re-assessment's decisions). Either driver:
 * node-postgres streams it, PGlite reads a blob.
 */
export async function copyInTransaction(tx: Tx, table: string, columns: readonly string[], blocks: readonly Uint8Array[], format: CopyFormat = 'text'): Promise<void> {
  // drizzle keeps the transaction's connection as session.client (a pg PoolClient, or PGlite's
  // transaction object); a Pool here would mean no transaction, which COPY must not run outside.
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client) return copyOnClient(client, table, columns, blocks, format);
  if (!client || client instanceof pg.Pool || typeof (client as Partial<PgliteQuery>).query !== 'function') {
    throw new Error('copyInTransaction needs an open transaction');
  }
  return copyOnPglite(client as PgliteQuery, table, columns, blocks, format);
}

/** Rows of a raw `sql` query on either driver (both answer `{ rows }`). */
export async function queryRows<T>(db: Executor, query: import('drizzle-orm').SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** The ORM's internals that run a statement under a name (its `.prepare(name)`, for raw SQL). */
interface NamedStatementRunner {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> };
  };
}

/**
 * queryRows for a statement run many times with other values, as a named prepared statement:
 * on PostgreSQL each connection parses and plans it once (the server keeps a generic plan
 * once it is no worse), where an unnamed one is parsed and planned on every run. A batch
 * run's fact queries spent ≈ 1 ms of PostgreSQL's CPU each on that, against a fraction of it
 * to execute (`docs/benchmarks.md`). The name is the text's digest, so that one name never
 * stands for two texts on a connection. (A pooler in transaction mode would need this off.)
 */
export async function queryRowsPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const runner = db as unknown as NamedStatementRunner;
  const built = runner.dialect.sqlToQuery(query);
  const name = `q${hash('sha1', built.sql, 'hex').slice(0, 24)}`;
  const r = (await runner.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return r.rows;
}
