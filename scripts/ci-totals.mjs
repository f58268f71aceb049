// Sums vitest JSON reports into the CI's closing line "N passed, N failed".
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, staticFailed = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(staticFailed) ? 1 : 0;
let skipped = 0;
const expected = ['pglite.json', 'postgres.json', 'e2e.json'];
for (const name of expected) {
  const file = path.join(dir, name);
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log(`${name}: no report (suite did not run) — counted as 1 failure`);
    failed += 1;
    continue;
  }
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0);
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
  // The failed tests by name, here beside the totals: a run's record may keep only its tail.
  for (const file of report.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name ?? '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (failedTests.length === 0 && file.status === 'failed') console.log(`  FAILED ${where}: ${firstLine(file.message)}`);
    for (const t of failedTests) console.log(`  FAILED ${where} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

function firstLine(message) {
  return String(message ?? '').split('\n')[0].slice(0, 300);
}
