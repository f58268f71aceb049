/**
 * Enforces the allowed-imports table of STYLE §2: each layer may import only the layers
 * listed for it. Run in CI; exits 1 and lists every offending import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const ALLOWED: Record<string, string[]> = {
  'src/domain': ['src/domain'],
  'src/contracts': ['src/contracts', 'src/domain'],
  'src/db': ['src/db', 'src/domain'],
  'src/services': ['src/services', 'src/domain', 'src/db'],
  'src/server': ['src/server', 'src/services', 'src/contracts', 'src/db', 'src/domain'],
  'src/cli': ['src/cli', 'src/services', 'src/contracts', 'src/db', 'src/domain', 'src/server/config.ts'],
  web: ['web', 'src/contracts', 'src/domain'],
};
// src/server and src/cli may import only openDatabase/migrate from src/db.
const DB_ENTRY = ['src/db/database.ts', 'src/db/migrate.ts'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const problems: string[] = [];
for (const layer of Object.keys(ALLOWED)) {
  const dir = path.join(ROOT, layer);
  let files: string[] = [];
  try {
    files = walk(dir);
  } catch {
    continue;
  }
  for (const file of files) {
    // Type-only imports carry no runtime edge; only value imports count.
    const text = readFileSync(file, 'utf8').replace(/^import type [^;]+;/gm, '');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.relative(ROOT, path.resolve(path.dirname(file), m[1]!)).replace(/\.js$/, '.ts');
      const ok = ALLOWED[layer]!.some((a) => target === a || target.startsWith(a + '/') || target.startsWith(a.replace(/\.ts$/, '')));
      const dbOk =
        !(layer === 'src/server' || layer === 'src/cli') ||
        !target.startsWith('src/db/') ||
        DB_ENTRY.includes(target) ||
        /^src\/db\/(database|migrate)(\.ts)?$/.test(target);
      if (!ok || !dbOk) problems.push(`${path.relative(ROOT, file)} imports ${target} (not allowed for ${layer})`);
    }
  }
}
if (problems.length) {
  console.error(`import rules (STYLE §2) broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('import rules: ok');
