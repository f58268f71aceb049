import { defineConfig } from 'vitest/config';

// Browser flows: the built server + web app, driven by Playwright-core in Debian's
// Chromium (/usr/bin/chromium, or CHROMIUM_PATH). One server per spec file.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
