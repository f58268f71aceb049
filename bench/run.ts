/**
 * `npm run bench` (issue 2 §19): import and query figures of the registry on PGlite and, when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL. See bench/README.md.
 *
 *   BENCH_SCALE=0.1 npm run bench                     # 40,000 households, PGlite only
 *   BENCH_SCALE=0.1 TEST_DATABASE_URL=postgres://… npm run bench
 *
 * Prints one JSON line per figure on stdout; progress goes to stderr.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { readRegionSeed } from '../src/db/repos/regions.repo.js';
import { insertUser } from '../src/db/repos/users.repo.js';
import { sampleHouseholds, sampleIdNumbers, selectHouseholdRowById, selectOne } from '../src/db/repos/demo-data.repo.js';
import { CATEGORIES } from '../src/domain/registry/codes.js';
import { scopeOf } from '../src/domain/access/scope.js';
import { toActor } from '../src/services/access/auth.js';
import { hashPassword } from '../src/services/access/passwords.js';
import { systemClock, type Actor, type ServiceContext } from '../src/services/context.js';
import {
  Rng,
  demoCountiesFromRegions,
  generateCountyHouseholds,
  householdsPerCounty,
  rowsOf,
  writeRegistryCsv,
  writeRegistryXlsx,
  type AreaType,
  type DemoCounty,
} from '../src/services/demo/generate-registry.js';
import { getHousehold } from '../src/services/registry/household-detail.js';
import { searchHouseholds } from '../src/services/registry/household-queries.js';
import { listImportErrors } from '../src/services/registry/import-batches.js';
import { createImportBatch, runImportBatch } from '../src/services/registry/import-households.js';
import { bootstrapPlatform } from '../src/services/system/bootstrap.js';
import { inArray, sql } from 'drizzle-orm';
import { policyParameters } from '../src/db/schema/index.js';
import { loadFactsWindow } from '../src/services/policy/load-household-facts.js';
import { FACTS_WINDOW, runReassessment } from '../src/services/policy/run-reassessment.js';
import { startReassessment } from '../src/services/policy/start-reassessment.js';

type DbKind = 'pglite' | 'postgres';
interface Figure {
  name: string;
  value: number;
  unit: string;
  db: DbKind | 'pglite/postgres';
  scale: number;
}

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
if (!(SCALE > 0)) throw new Error(`BENCH_SCALE must be a positive number, got "${process.env.BENCH_SCALE}"`);
/** Province-sized: ~400,000 low-income households, ~1,000,000 members. */
const HOUSEHOLDS = Math.max(100, Math.round(400_000 * SCALE));
/** The XLSX import reads a slice of whole county files up to this many members (exceljs is ~5× slower than CSV). */
const XLSX_MAX_MEMBERS = Number(process.env.BENCH_XLSX_MAX_MEMBERS ?? '12000');
const LIST_RUNS = 200;
const DETAIL_RUNS = 500;
const REF_RUNS = 500;
const SEED = 'jiuzhu-bench';
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const COUNTY_SCOPE = '630106';
/**
 * BENCH_PARTS (comma list, default all): import (CSV import, always run when a later part needs
 * the data), queries (list/detail), reassess (issue 3 batch re-assessment), xlsx.
 * BENCH_DBS: pglite,postgres (default: both when a PostgreSQL URL is set).
 */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'import,queries,reassess,xlsx').split(',').map((s) => s.trim()));
const DBS = process.env.BENCH_DBS ? process.env.BENCH_DBS.split(',').map((s) => s.trim()) : null;

/** Ten counties from city districts to pastoral counties; area types are benchmark settings. */
const COUNTY_SPECS: readonly { code: string; areaType: AreaType; share: number }[] = [
  { code: '630102', areaType: 'URBAN', share: 0.1 }, // 城东区
  { code: '630105', areaType: 'URBAN', share: 0.08 }, // 城北区
  { code: '630106', areaType: 'FARMING', share: 0.14 }, // 湟中区
  { code: '630121', areaType: 'FARMING', share: 0.14 }, // 大通县
  { code: '630224', areaType: 'MIXED', share: 0.12 }, // 化隆县
  { code: '630225', areaType: 'FARMING', share: 0.08 }, // 循化县
  { code: '632323', areaType: 'PASTORAL', share: 0.08 }, // 泽库县
  { code: '632621', areaType: 'PASTORAL', share: 0.08 }, // 玛沁县
  { code: '632722', areaType: 'PASTORAL', share: 0.08 }, // 杂多县
  { code: '632801', areaType: 'MIXED', share: 0.1 }, // 格尔木市
];

const log = (s: string) => process.stderr.write(`${s}\n`);
const figures: Figure[] = [];
const failures: string[] = [];
function emit(name: string, value: number, unit: string, db: Figure['db']) {
  const f = { name, value: Math.round(value * 1000) / 1000, unit, db, scale: SCALE };
  figures.push(f);
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function timeRuns<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (const item of items.slice(0, Math.min(10, items.length))) await fn(item); // warm-up
  const ms: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

// ---------------------------------------------------------------------------------------
// Files

interface CountyFiles {
  county: DemoCounty;
  households: number;
  members: number;
  csv: string;
  xlsx: string | null;
}

async function generateFiles(dir: string): Promise<CountyFiles[]> {
  const counties = demoCountiesFromRegions(readRegionSeed(), COUNTY_SPECS);
  const counts = householdsPerCounty(HOUSEHOLDS, counties);
  const out: CountyFiles[] = [];
  let xlsxMembers = 0;
  const t0 = performance.now();
  for (let i = 0; i < counties.length; i++) {
    const county = counties[i]!;
    const gen = () => generateCountyHouseholds({ seed: SEED, county, count: counts[i]! });
    const csv = path.join(dir, `${county.code}.csv`);
    const members = await writeRegistryCsv(rowsOf(gen()), csv);
    let xlsx: string | null = null;
    if (xlsxMembers === 0 || xlsxMembers + members <= XLSX_MAX_MEMBERS) {
      xlsx = path.join(dir, `${county.code}.xlsx`);
      await writeRegistryXlsx(rowsOf(gen()), xlsx);
      xlsxMembers += members;
    }
    out.push({ county, households: counts[i]!, members, csv, xlsx });
    log(`  ${county.name} ${county.code}: ${counts[i]} households, ${members} members${xlsx ? ' (+xlsx)' : ''}`);
  }
  const total = out.reduce((n, f) => n + f.members, 0);
  log(`generated ${HOUSEHOLDS} households, ${total} members in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

// ---------------------------------------------------------------------------------------
// Databases

interface BenchDb {
  database: Database;
  drop(): Promise<void>;
}

async function openBenchDb(kind: DbKind, dir: string, label: string): Promise<BenchDb> {
  if (kind === 'pglite') {
    const dataDir = path.join(dir, `pglite-${label}`);
    const database = await openDatabase({ dataDir });
    return {
      database,
      async drop() {
        await database.close();
        if (process.env.BENCH_KEEP_DB) {
          const kept = path.join(tmpdir(), `jiuzhu-bench-pglite-${randomBytes(5).toString('hex')}`);
          renameSync(dataDir, kept);
          log(`  kept PGlite data directory ${kept} (BENCH_KEEP_DB)`);
          return;
        }
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `jiuzhu_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    async drop() {
      await database.close();
      if (process.env.BENCH_KEEP_DB) {
        log(`  kept database ${name} (BENCH_KEEP_DB)`);
        return;
      }
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function prepare(database: Database): Promise<{ ctx: ServiceContext; importer: Actor }> {
  await migrateDatabase(database);
  const ctx: ServiceContext = { database, clock: systemClock, requestId: 'bench' };
  await bootstrapPlatform(ctx, { createAdmin: false });
  const user = await insertUser(database.db, {
    username: `bench_${randomBytes(4).toString('hex')}`,
    displayName: '基准测试导入',
    passwordHash: await hashPassword(randomBytes(16).toString('hex')),
    regionCode: '63',
    roles: ['TOWNSHIP_CLERK'],
  });
  return { ctx, importer: toActor(user) };
}

async function importFiles(ctx: ServiceContext, actor: Actor, files: readonly { path: string; members: number }[]): Promise<{ members: number; seconds: number }> {
  let seconds = 0;
  let members = 0;
  for (const f of files) {
    const content = readFileSync(f.path);
    const t = performance.now();
    const batch = await createImportBatch(ctx, actor, { fileName: path.basename(f.path), content });
    let failure: unknown;
    const done = await runImportBatch(ctx, batch.id, { onError: (e) => (failure = e) });
    const s = (performance.now() - t) / 1000;
    if (done.status !== 'APPLIED' || done.membersCreated !== f.members) {
      const errors = done.status === 'INVALID' ? (await listImportErrors(ctx, actor, batch.id, { page: 1, pageSize: 5 })).items : [];
      throw new Error(
        `import of ${path.basename(f.path)} ended ${done.status} (${done.failureCode ?? ''}, ${done.errorCount} errors, ${done.membersCreated}/${f.members} members created)` +
          (failure instanceof Error ? `: ${failure.message}` : '') +
          errors.map((e) => `\n      row ${e.rowNo} ${e.column} [${e.code}] ${e.message} (value ${JSON.stringify(e.value)})`).join(''),
      );
    }
    seconds += s;
    members += f.members;
    log(`    ${path.basename(f.path)}: ${f.members} members in ${s.toFixed(1)} s`);
  }
  return { members, seconds };
}

/** Filters of the household list: category, name prefix, ID fragment, pages 1–50. */
function listQueries(rng: Rng, names: readonly string[], ids: readonly string[], n: number) {
  const out: { q?: string; category?: string; page: number }[] = [];
  for (let i = 0; i < n; i++) {
    const page = rng.int(1, 50);
    const kind = rng.int(0, 4);
    const name = rng.pick(names);
    // Surname (Han/Hui) or the first two characters of a Tibetan name.
    const prefix = name.length >= 3 && !/^[马韩冶王李张刘赵陈杨]/.test(name) ? name.slice(0, 2) : name.slice(0, 1);
    const id = rng.pick(ids);
    const start = rng.int(6, 11);
    const fragment = id.slice(start, start + rng.int(6, 8));
    if (kind === 0) out.push({ page });
    else if (kind === 1) out.push({ category: rng.pick(CATEGORIES), page });
    else if (kind === 2) out.push({ q: prefix, page: rng.int(1, 5) });
    else if (kind === 3) out.push({ q: fragment, page: 1 });
    else out.push({ category: rng.pick(CATEGORIES), q: prefix, page: rng.int(1, 3) });
  }
  return out;
}

async function benchQueries(kind: DbKind, ctx: ServiceContext): Promise<void> {
  const db = ctx.database.db;
  const rng = new Rng(`${SEED}:queries`);
  const sample = await sampleHouseholds(db, 2000);
  const ids = await sampleIdNumbers(db, 2000);
  const names = sample.map((s) => s.head_name ?? '').filter(Boolean);
  const countyNames = sample.filter((s) => s.county_code === COUNTY_SCOPE).map((s) => s.head_name ?? '').filter(Boolean);
  const countyIds = ids.filter((id) => id.startsWith(COUNTY_SCOPE) || id.startsWith('630122'));
  const actor = (regionCode: string): Actor => ({ id: randomUUID(), username: 'bench', displayName: '基准测试', roles: ['PROVINCE_VIEWER'], scope: scopeOf({ regionCode }) });
  const county = actor(COUNTY_SCOPE);
  const province = actor('63');

  const ref1 = await timeRuns(Array.from({ length: REF_RUNS }), () => selectOne(db));
  emit('ref_select_1_median', ref1.median, 'ms', kind);
  const detailIds = Array.from({ length: DETAIL_RUNS }, () => rng.pick(sample).id);
  const refRow = await timeRuns(detailIds, (id) => selectHouseholdRowById(db, id));
  emit('ref_household_by_id_median', refRow.median, 'ms', kind);

  log('  household list, county scope…');
  const lc = await timeRuns(listQueries(rng, countyNames, countyIds, LIST_RUNS), (q) => searchHouseholds(ctx, county, q));
  emit('household_list_county_median', lc.median, 'ms', kind);
  emit('household_list_county_p95', lc.p95, 'ms', kind);
  log('  household list, province scope…');
  const lp = await timeRuns(listQueries(rng, names, ids, LIST_RUNS), (q) => searchHouseholds(ctx, province, q));
  emit('household_list_province_median', lp.median, 'ms', kind);
  emit('household_list_province_p95', lp.p95, 'ms', kind);
  log('  household detail…');
  const d = await timeRuns(detailIds, (id) => getHousehold(ctx, province, id));
  emit('household_detail_median', d.median, 'ms', kind);
  emit('household_detail_p95', d.p95, 'ms', kind);
}

async function runBackend(kind: DbKind, dir: string, files: readonly CountyFiles[]): Promise<void> {
  log(`\n== ${kind} ==`);
  // 1. CSV import of the whole registry, county file by county file.
  const a = await openBenchDb(kind, dir, 'a');
  try {
    const { ctx, importer } = await prepare(a.database);
    log('  csv import:');
    const csv = await importFiles(ctx, importer, files.map((f) => ({ path: f.csv, members: f.members })));
    emit('csv_import_throughput', csv.members / csv.seconds, 'members/s', kind);

    // 2. Queries on the loaded registry.
    if (PARTS.has('queries')) await benchQueries(kind, ctx);
    // 2b. Batch re-assessment after a standard change (issue 3 §8).
    if (PARTS.has('reassess')) await benchReassessment(kind, ctx, importer);
  } finally {
    await a.drop();
  }
  if (!PARTS.has('xlsx')) return;

  // 3. XLSX import (a slice of whole county files) into a fresh database.
  const slice = files.filter((f) => f.xlsx);
  const b = await openBenchDb(kind, dir, 'b');
  try {
    const { ctx, importer } = await prepare(b.database);
    log('  xlsx import:');
    const x = await importFiles(ctx, importer, slice.map((f) => ({ path: f.xlsx!, members: f.members })));
    const isSlice = slice.length < files.length;
    emit(isSlice ? 'xlsx_import_throughput_slice' : 'xlsx_import_throughput', x.members / x.seconds, 'members/s', kind);
    if (isSlice) emit('xlsx_import_slice_members', x.members, 'members', kind);
  } catch (e) {
    // Reported at the end (exit code 1); the other figures still count.
    failures.push(`${kind} xlsx import: ${e instanceof Error ? e.message : String(e)}`);
    log(`  FAILED: ${failures[failures.length - 1]}`);
  } finally {
    await b.drop();
  }
}

/**
 * The registry at rest before a timed run (PostgreSQL): `VACUUM (ANALYZE)` of the whole bench
 * database, untimed. Without it the autovacuum of the bench's own bulk writes (the import's
 * million rows, the setup run's 180,000 decisions, the what-if's 400,000 results) ran through
 * every timed run at full scale and took CPU from it on a 2-core machine; a province's registry
 * has long been vacuumed when a new standard is approved (docs/benchmarks.md, "Since 16:30 UTC
 * on 30 November"). What a run writes itself is still vacuumed while it runs. PGlite has no
 * autovacuum.
 */
async function settle(kind: DbKind, ctx: ServiceContext): Promise<void> {
  if (kind !== 'postgres') return;
  const t = performance.now();
  await ctx.database.db.execute(sql`VACUUM (ANALYZE)`);
  // The pages VACUUM dirtied are written now rather than by the checkpointer during the run.
  // CHECKPOINT needs a superuser or pg_checkpoint; without either the run starts unflushed.
  const flushed = await ctx.database.db.execute(sql`CHECKPOINT`).then(
    () => true,
    (e: unknown) => (log(`    CHECKPOINT refused (${e instanceof Error ? e.message : String(e)})`), false),
  );
  log(`    settled (VACUUM ANALYZE${flushed ? ', CHECKPOINT' : ''}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Fictional bench standards (fen per person per month); the shipped set has no P01 (R27). */
function standard(yuan: number) {
  return { monthlyFen: yuan * 100, published: { amount: yuan, unit: 'YUAN_PER_PERSON_MONTH' } };
}

async function benchReassessment(kind: DbKind, ctx: ServiceContext, importer: Actor): Promise<void> {
  const db = ctx.database.db;
  const base = { name: '低保标准', regionCode: '63', confidence: 'PLACEHOLDER', basis: 'R27 [L]', note: '基准测试用虚构标准', isDefault: false };
  const current = await db
    .insert(policyParameters)
    .values([
      { ...base, code: 'P01', urbanRural: 'URBAN', effectiveFrom: '2025-01-01', value: standard(700), status: 'APPROVED' },
      { ...base, code: 'P01', urbanRural: 'RURAL', effectiveFrom: '2025-01-01', value: standard(500), status: 'APPROVED' },
      // Fictional property rules, so that decisions are determinate (the shipped P19 is unconfigured).
      {
        ...base, name: '家庭财产认定规则', code: 'P19', urbanRural: 'ALL', effectiveFrom: '2025-01-01', status: 'APPROVED',
        value: {
          configured: true,
          rules: {
            financialAssets: { maxMultipleOfAnnualStandard: 2 },
            housing: { maxDwellings: 2 },
            vehicles: { maxCount: 1, maxValueFen: 8_000_000, exemptPurposes: ['DISABILITY', 'WORKING', 'AGRICULTURAL'] },
            business: { allowed: false, maxValueFen: null },
            livestock: { maxSheepUnitsPerCapita: 60, sheepUnitsPerHead: { SHEEP: 1, GOAT: 0.8, YAK: 4, CATTLE: 5, HORSE: 6 } },
          },
        },
      },
    ])
    .returning({ id: policyParameters.id });
  // The registry as it stands before the change: 低保 households registered as recipients with
  // their current amounts (an applied run over the current versions; not timed).
  log('  re-assessment setup: registering current recipients…');
  const actor0 = { ...importer, roles: ['POLICY_ADMIN'] };
  const setup = await startReassessment(ctx, actor0, { mode: 'APPLY', parameterVersionIds: current.map((c) => c.id) });
  await runReassessment(ctx, setup.id);
  await settle(kind, ctx);
  // The new standard takes effect this month, so what-if and applied runs use today's date and window.
  const firstOfThisMonth = `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)}-01`;
  const drafts = await db
    .insert(policyParameters)
    .values([
      { ...base, code: 'P01', urbanRural: 'URBAN', effectiveFrom: firstOfThisMonth, value: standard(760), status: 'DRAFT' },
      { ...base, code: 'P01', urbanRural: 'RURAL', effectiveFrom: firstOfThisMonth, value: standard(560), status: 'DRAFT' },
    ])
    .returning({ id: policyParameters.id });
  const versionIds = drafts.map((d) => d.id);

  // Reference: read the same households' inputs with the same queries as the run (window by
  // window, the next read ahead on PostgreSQL), no engine, no writes.
  log('  re-assessment reference (read inputs only)…');
  let t = performance.now();
  let households = 0;
  const parallel = kind === 'postgres';
  let window = await loadFactsWindow(db, '63', null, FACTS_WINDOW, { parallel });
  while (window) {
    const next = () => loadFactsWindow(db, '63', window!.ids[window!.ids.length - 1]!, FACTS_WINDOW, { parallel });
    const ahead = parallel ? next() : null;
    households += window.facts.size;
    window = await (ahead ?? next());
  }
  const refSeconds = (performance.now() - t) / 1000;
  emit('reassess_reference_read_seconds', refSeconds, 's', kind);

  log('  re-assessment what-if…');
  const actor = { ...importer, roles: ['POLICY_ADMIN'] };
  t = performance.now();
  const w = await startReassessment(ctx, actor, { mode: 'WHAT_IF', parameterVersionIds: versionIds });
  const whatIf = await runReassessment(ctx, w.id);
  const whatIfSeconds = (performance.now() - t) / 1000;
  emit('reassess_what_if_seconds', whatIfSeconds, 's', kind);
  emit('reassess_what_if_vs_reference', whatIfSeconds / refSeconds, 'ratio', kind);

  await db.update(policyParameters).set({ status: 'APPROVED' }).where(inArray(policyParameters.id, versionIds));
  // The draft is approved by a second admin (four-eyes, §1), hours or days after the what-if.
  await settle(kind, ctx);
  log('  re-assessment applied…');
  t = performance.now();
  const a = await startReassessment(ctx, actor, { mode: 'APPLY', parameterVersionIds: versionIds });
  const applied = await runReassessment(ctx, a.id);
  const applySeconds = (performance.now() - t) / 1000;
  emit('reassess_apply_seconds', applySeconds, 's', kind);
  emit('reassess_apply_vs_reference', applySeconds / refSeconds, 'ratio', kind);
  emit('reassess_households', households, 'households', kind);
  const same = JSON.stringify((whatIf.summary as { totals: unknown }).totals) === JSON.stringify((applied.summary as { totals: unknown }).totals);
  log(`    what-if ${JSON.stringify((whatIf.summary as { totals: unknown }).totals)}; applied ${same ? 'identical' : JSON.stringify((applied.summary as { totals: unknown }).totals)}`);
  if (!same) failures.push(`${kind} re-assessment: applied figures differ from the what-if`);
}

async function main() {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'jiuzhu-bench-'));
  try {
    log(`scale ${SCALE}: ${HOUSEHOLDS} households, files in ${dir}`);
    const files = await generateFiles(dir);
    const kinds: DbKind[] = (PG_URL ? (['pglite', 'postgres'] as DbKind[]) : (['pglite'] as DbKind[])).filter((k) => !DBS || DBS.includes(k));
    if (!PG_URL) log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL skipped');
    for (const kind of kinds) await runBackend(kind, dir, files);
    if (kinds.length === 2) {
      for (const f of figures.filter((x) => x.db === 'pglite')) {
        const other = figures.find((x) => x.db === 'postgres' && x.name === f.name);
        if (other && other.value > 0 && f.unit !== 'members') emit(`${f.name}_ratio`, f.value / other.value, 'pglite/postgres', 'pglite/postgres');
      }
    }
    log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (failures.length) {
      log(`\n${failures.length} part(s) failed:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
