// `npm test` / `npm run test:e2e`: runs vitest, adding a JSON report when JZ_REPORT is set (CI).
// With TEST_DB=postgres only the database project runs (the pure and web projects do not
// touch a database, so running them twice would prove nothing new).
import { spawnSync } from 'node:child_process';

const e2e = process.argv.includes('--e2e');
const args = ['vitest', 'run'];
if (e2e) args.push('--config', 'vitest.e2e.config.ts');
else if (process.env.TEST_DB === 'postgres') args.push('--project', 'db');
if (process.env.JZ_REPORT) {
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${process.env.JZ_REPORT}`);
}
args.push(...process.argv.slice(2).filter((a) => a !== '--e2e'));
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
