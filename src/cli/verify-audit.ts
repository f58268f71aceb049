/**
 * `npm run audit:verify [-- --json]`: check the hash chain of the audit log (issue 2 §15).
 * Prints the result and exits 1 when a link is broken. Read-only; with PGlite the server
 * must be stopped first (one process owns the data directory).
 */
import path from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { verifyAuditLog } from '../services/audit/verify-audit-log.js';
import { systemClock } from '../services/context.js';
import { loadConfig } from '../server/config.js';

async function main() {
  const json = process.argv.includes('--json');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    const result = await verifyAuditLog({ database, clock: systemClock }, null);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok) process.stdout.write(`审计日志哈希链完整：已校验 ${result.checked} 条\n`);
    else process.stdout.write(`审计日志哈希链断裂：第 ${result.firstBrokenSeq} 条（${result.reason}）\n`);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
