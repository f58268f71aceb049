import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBrowser, startServer, type E2EServer } from './harness.js';

let server: E2EServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

it('first start prints a one-time admin password and serves the OpenAPI document (issue 2 §2, §5)', async () => {
  expect(Object.keys(server.passwords).sort()).toEqual(['admin', 'auditor', 'secadmin']);
  expect(server.passwords.admin).toMatch(/^\S{12,}$/);
  const spec = await (await fetch(`${server.url}/api/docs/json`)).json();
  expect(spec.openapi).toBe('3.0.3');
  expect(Object.keys(spec.paths)).toContain('/api/households');
  const b = await openBrowser();
  try {
    await b.page.goto(`${server.url}/api/docs`);
    await b.page.getByText('JiuZhu 救助 API').first().waitFor({ timeout: 30_000 });
    expect(await b.page.getByText('/api/households/{id}').count()).toBeGreaterThan(0);
  } finally {
    await b.close();
  }
});
