import { defineConfig } from 'vitest/config';

// Three projects: pure rules (no DB), DB/route tests (PGlite by default, PostgreSQL with
// TEST_DB=postgres) and web component tests (jsdom). Browser flows live in e2e/ with
// their own config (vitest.e2e.config.ts).
//
// A timeout is there to end a test that hangs, not to time one (speed is for `npm run bench`):
// the slowest web tests take ≈ 1.5 s on an idle machine, close enough to vitest's default 5 s
// for a busy shared host to exceed it.
const HANG_MS = 30_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'src/**/*.routes.test.ts', 'src/**/*.pg.test.ts'],
          environment: 'node',
          testTimeout: HANG_MS,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'src/**/*.routes.test.ts', 'test/**/*.db.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['web/src/test-setup.ts'],
          testTimeout: HANG_MS,
        },
      },
    ],
  },
});
