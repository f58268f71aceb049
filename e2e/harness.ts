import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface E2EServer {
  url: string;
  /** One-time passwords of the first-start accounts: admin, secadmin, auditor. */
  passwords: Record<string, string>;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Start `npm start`'s server (tsx src/server/main.ts) on a fresh embedded database. */
export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jz-e2e-'));
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, APP_PORT: String(port), APP_HOST: '127.0.0.1', APP_DATA_DIR: dataDir, APP_LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d.toString()));
  proc.stderr!.on('data', (d) => (out += d.toString()));
  const started = Date.now();
  while (!out.includes('已启动')) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() - started > 120_000) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const passwords: Record<string, string> = {};
  for (const m of out.matchAll(/ (\w+) one-time password: (\S+)/g)) passwords[m[1]!] = m[2]!;
  return {
    url: `http://127.0.0.1:${port}`,
    passwords,
    dataDir,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh Chromium profile per call (persistent context in a temp dir), as DEVELOPERS.md asks. */
export async function openBrowser(
  viewport = { width: 1366, height: 768 },
  /** A phone that shares its position (the 入户核查 page reads navigator.geolocation). */
  opts: { geolocation?: { latitude: number; longitude: number; accuracy?: number }; isMobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jz-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
    ...(opts.isMobile ? { isMobile: true, hasTouch: true } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
