/**
 * `npm run demo [-- --households 20000 --seed jiuzhu-demo --json]`: load the demo data set
 * (issue 2 §17) into the configured database — synthetic households of 城东区, 湟中区 and
 * 泽库县 through the real import, assets and category history, one account per role.
 * Running it again with the same seed adds nothing. With PGlite the server must be stopped
 * first (one process owns the data directory).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { ROLE_LABELS } from '../domain/access/roles.js';
import { AREA_TYPE_LABELS } from '../domain/registry/codes.js';
import { systemClock } from '../services/context.js';
import { DEFAULT_DEMO_HOUSEHOLDS, DEFAULT_DEMO_SEED, loadDemo } from '../services/demo/load-demo.js';
import { bootstrapPlatform } from '../services/system/bootstrap.js';
import { loadConfig } from '../server/config.js';

function parseFlags() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: String(DEFAULT_DEMO_HOUSEHOLDS) },
      seed: { type: 'string', default: DEFAULT_DEMO_SEED },
      json: { type: 'boolean', default: false },
    },
  });
  const households = Number(values.households);
  if (!Number.isInteger(households) || households < 1) throw new Error(`--households must be a positive integer, got "${values.households}"`);
  return { households, seed: values.seed, json: values.json };
}

async function main() {
  const flags = parseFlags();
  const out = (s: string) => (flags.json ? process.stderr : process.stdout).write(`${s}\n`);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    const ctx = { database, clock: systemClock, requestId: 'cli:demo' };
    const boot = await bootstrapPlatform(ctx, { createAdmin: true });
    if (boot.admins.length) {
      out('================ 首次启动 / first start ================');
      for (const a of boot.admins) out(`  ${a.displayName} ${a.username} one-time password: ${a.oneTimePassword}`);
      out('  以上为一次性密码，首次登录后必须修改，不会再次显示。');
      out('========================================================');
    }
    out(`演示数据：${flags.households} 户，种子 ${flags.seed}，数据库 ${database.kind}`);
    const r = await loadDemo(ctx, { households: flags.households, seed: flags.seed, onProgress: out });

    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ admins: boot.admins, ...r })}\n`);
      return;
    }
    out('');
    out('地区类型（P47）为演示设置，不是官方公布的牧区/农区名单：');
    for (const c of r.counties) out(`  ${c.name} ${c.code}：${AREA_TYPE_LABELS[c.areaType]}${r.areaTypesSet.some((s) => s.code === c.code) ? '（本次设置）' : '（已设置）'}`);
    out('');
    out('演示账号（首次登录后必须修改密码；密码只显示这一次）：');
    const rows = r.accounts.map((a) => [a.username, ROLE_LABELS[a.role], a.regionCode, a.created ? a.oneTimePassword! : '已存在，未修改（跳过）']);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => displayWidth(row[i]!)), 8));
    const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
    out(`  ${pad('用户名', widths[0]!)}  ${pad('角色', widths[1]!)}  ${pad('区划', widths[2]!)}  一次性密码`);
    for (const row of rows) out(`  ${pad(row[0]!, widths[0]!)}  ${pad(row[1]!, widths[1]!)}  ${pad(row[2]!, widths[2]!)}  ${row[3]}`);
    out('');
    out('汇总：');
    for (const c of r.counties) out(`  ${c.name} ${c.code}：${c.households} 户、${c.members} 人（${c.files.length} 个导入文件）`);
    out(`  本次生成 ${r.generated.households} 户、${r.generated.members} 人；库中本种子的演示家庭 ${r.inRegistry.households} 户、${r.inRegistry.members} 人`);
    if (r.recipients.assessed) out(`  按演示标准核算 ${r.recipients.assessed} 户，登记低保对象 ${r.recipients.registered} 户（批量重新核算，见“低保对象”）`);
    out(`  新增财产 ${r.assetsAdded} 条、历史类别 ${r.categoryHistoryAdded} 条；用时 ${r.seconds.toFixed(1)} 秒`);
  } finally {
    await database.close();
  }
}

/** Terminal columns: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

main().catch((err: unknown) => {
  process.stderr.write(`演示数据加载失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
