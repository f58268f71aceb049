// temporary profiling driver (deleted before report)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { readRegionSeed } from '../src/db/repos/regions.repo.js';
import { insertUser } from '../src/db/repos/users.repo.js';
import { toActor } from '../src/services/access/auth.js';
import { systemClock, type ServiceContext } from '../src/services/context.js';
import { demoCountiesFromRegions, generateCountyHouseholds, rowsOf, writeRegistryCsv, writeRegistryXlsx } from '../src/services/demo/generate-registry.js';
import { createImportBatch, runImportBatch } from '../src/services/registry/import-households.js';
import { bootstrapPlatform } from '../src/services/system/bootstrap.js';

const KIND = process.env.KIND ?? 'postgres';
const FMT = process.env.FMT ?? 'csv';
const HH = Number(process.env.HH ?? '20000');
const PG_URL = 'postgres://jiuzhu:jiuzhu@localhost:5432/postgres';
const file = `/tmp/prof/reg-${HH}.${FMT}`;
const clkTck = 100;
function procCpu(pid: number): number { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / clkTck * 1000; }
function nodeCpu() { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

async function main() {
  const counties = demoCountiesFromRegions(readRegionSeed(), [{ code: '630121', areaType: 'FARMING' }]);
  let members = 0;
  if (!existsSync(file)) {
    const gen = () => generateCountyHouseholds({ seed: 'prof', county: counties[0]!, count: HH });
    members = FMT === 'csv' ? await writeRegistryCsv(rowsOf(gen()), file) : await writeRegistryXlsx(rowsOf(gen()), file);
  }
  let database; let name = '';
  if (KIND === 'postgres') {
    name = `jz_prof_${randomBytes(4).toString('hex')}`;
    const a = new pg.Client({ connectionString: PG_URL }); await a.connect(); await a.query(`CREATE DATABASE ${name}`); await a.end();
    database = await openDatabase({ databaseUrl: PG_URL.replace('/postgres', '/' + name), poolSize: 5 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrateDatabase(database);
  const ctx: ServiceContext = { database, clock: systemClock, requestId: 'prof' };
  await bootstrapPlatform(ctx, { createAdmin: false });
  const user = await insertUser(database.db, { username: 'p' + randomBytes(3).toString('hex'), displayName: '导入', passwordHash: 'x', regionCode: '63', roles: ['TOWNSHIP_CLERK'] });
  const actor = toActor(user);
  // wrap raw transaction with per-statement timers
  const stats: [string, number, number, number][] = [];
  const orig = database.rawTransaction.bind(database);
  let txStart = 0, txNode0 = 0;
  (database as any).rawTransaction = (fn: any) => orig(async (raw: any) => {
    let pid = 0;
    if (KIND === 'postgres') pid = (await raw.query('SELECT pg_backend_pid() AS p'))[0].p;
    txStart = performance.now(); txNode0 = nodeCpu();
    const bcpu = () => (pid ? procCpu(pid) : 0);
    let lastEnd = performance.now(); let lastN = nodeCpu(); let lastB = bcpu();
    const mark = (label: string) => { const t = performance.now(), n = nodeCpu(), b = bcpu(); stats.push([label, t - lastEnd, n - lastN, b - lastB]); lastEnd = t; lastN = n; lastB = b; };
    const w = {
      async query(sql: string, p?: unknown[]) { mark('node-between'); const r = await raw.query(sql, p); mark('SQL ' + sql.replace(/\s+/g, ' ').slice(0, 70)); return r; },
      async copyCsv(t: string, c: string[], csv: string) { mark('node-between'); await raw.copyCsv(t, c, csv); mark(`COPY ${t} ${(csv.length / 1e6).toFixed(1)}MB`); },
    };
    const r = await fn(w);
    mark('node-between(end)');
    return r;
  });
  const origQ = pg.Client.prototype.query;
  const content = readFileSync(file);
  const n0 = nodeCpu(); const t0 = performance.now();
  const batch = await createImportBatch(ctx, actor, { fileName: `reg.${FMT}`, content });
  let err: unknown;
  const done = await runImportBatch(ctx, batch.id, { onError: (e) => (err = e) });
  const t1 = performance.now(); const n1 = nodeCpu();
  const txWall = t1 - txStart;
  console.log(JSON.stringify({ status: done.status, members: done.membersCreated, err: String(err ?? '') }));
  console.log(`TOTAL wall ${(t1 - t0).toFixed(0)} ms, node cpu ${(n1 - n0).toFixed(0)} ms; pre-tx wall ${(txStart - t0).toFixed(0)} node cpu ${(txNode0 - n0).toFixed(0)}; tx wall ${txWall.toFixed(0)}`);
  console.log(`RATE ${(done.membersCreated / ((t1 - t0) / 1000)).toFixed(0)} members/s (wall)`);
  for (const [l, w, n, b] of stats) if (w > 5) console.log(`${w.toFixed(0).padStart(6)} wall ${n.toFixed(0).padStart(6)} node ${b.toFixed(0).padStart(6)} be  ${l}`);
  await database.close();
  if (name) { const a = new pg.Client({ connectionString: PG_URL }); await a.connect(); await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await a.end(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
