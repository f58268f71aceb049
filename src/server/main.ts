import path from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { bootstrapPlatform } from '../services/system/bootstrap.js';
import { registerJobHandlers } from '../services/jobs/handlers.js';
import { resumeImportBatches } from '../services/registry/import-households.js';
import { resumeReassessments } from '../services/policy/resume-reassessments.js';
import { resumeComparisons } from '../services/monitoring/comparison-resume.js';
import { resumeDeptBatches } from '../services/monitoring/dept-batches.js';
import { startPgBossQueue } from '../services/jobs/queue.js';
import { systemClock } from '../services/context.js';
import { escalateOverdueClues } from '../services/monitoring/escalate-clues.js';
import { ensureMonthlyComparison } from '../services/monitoring/comparison-start.js';
import { shanghaiDate } from '../domain/registry/import.rules.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

/** `npm start`: config → database (migrate, first-start seed) → jobs → HTTP. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  await migrateDatabase(database);
  const ctx = { database, clock: systemClock };
  const boot = await bootstrapPlatform(ctx, { createAdmin: true });
  const jobs = config.runJobs
    ? await startPgBossQueue(database, config.databaseUrl, (msg, err) => console.error(msg, err))
    : undefined;
  const app = await buildApp({ config, database, jobs });
  if (jobs) await registerJobHandlers(jobs, { ...ctx, jobs }, app.log);
  // Imports left running by a restart are picked up again (their apply is all-or-nothing).
  if (jobs) await resumeImportBatches({ ...ctx, jobs });
  // So are batch re-assessments: they continue after the last committed chunk.
  if (jobs) await resumeReassessments({ ...ctx, jobs });
  // And monthly comparisons (clues merge by cause, so a chunk done again never duplicates one).
  if (jobs) await resumeComparisons({ ...ctx, jobs });
  // Department data batches too (all-or-nothing apply, like the imports).
  if (jobs) await resumeDeptBatches({ ...ctx, jobs });
  // Overdue clues move up to the county / 市州 (issue 4 §5): at start, then every hour.
  let escalationTimer: NodeJS.Timeout | undefined;
  if (config.runJobs) {
    const escalate = () =>
      escalateOverdueClues(ctx, shanghaiDate(ctx.clock.now()), { actor: null, scope: { regionCode: '' } })
        .then((r) => r.escalated && app.log.info(`escalated ${r.escalated} overdue clues`))
        .catch((err: unknown) => app.log.error({ err }, 'clue escalation failed'));
    // Issue 4 §6: the province-wide comparison of each month starts by itself.
    const monthly = () =>
      ensureMonthlyComparison({ ...ctx, jobs })
        .then((r) => r && app.log.info(`started the monthly comparison ${r.period}`))
        .catch((err: unknown) => app.log.error({ err }, 'monthly comparison could not start'));
    void escalate();
    void monthly();
    escalationTimer = setInterval(() => {
      void escalate();
      void monthly();
    }, 3_600_000);
    escalationTimer.unref();
  }

  if (boot.regionsLoaded) app.log.info(`loaded ${boot.regionsLoaded} regions, ${boot.parametersLoaded} policy parameters`);
  if (boot.admins.length) {
    // Printed once, on the very first start; each must be changed at first login.
    process.stdout.write(
      [
        '',
        '================ 首次启动 / first start ================',
        ...boot.admins.map((a) => `  ${a.displayName} ${a.username} one-time password: ${a.oneTimePassword}`),
        '  以上为一次性密码，首次登录后必须修改，不会再次显示。',
        '  One-time passwords: change them at first login; they are not shown again.',
        '========================================================',
        '',
      ].join('\n'),
    );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    clearInterval(escalationTimer);
    await app.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`JiuZhu 救助平台已启动: http://localhost:${config.port}/  (API 文档 /api/docs, 数据库 ${database.kind})\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
