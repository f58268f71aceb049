import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/registry/id-number.js';
import { apiLogin, type ApiSession } from './api.js';
import { openBrowser, startServer, type E2EServer } from './harness.js';

/*
 * Issue 4, the browser flow: a 部门数据员 uploads 医保 settlements; the matched record is
 * stored with its source and a warning rule raises a clue for the township; the township
 * officer opens it on a phone, records the 入户核查 with the phone's position and a photo,
 * and closes it as 临时救助, which leaves a pending case for the case workflow.
 */
let server: E2EServer;
const PASSWORD = { clerk: 'Xiangzhen-Mon-2026!', dept: 'Yibao-Data-2026!' };
let clerk: ApiSession;
let dept: ApiSession;
let householdId = '';
const headId = generateIdNumber('630102', '1961-07-15', 315);

/** E2E_SHOTS=dir keeps screenshots of the key screens for a human to look at. */
async function shot(page: import('playwright-core').Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(server.url, 'admin', server.passwords.admin!, 'Platform-Mon-2026!');
  const sec = await apiLogin(server.url, 'secadmin', server.passwords.secadmin!, 'Security-Mon-2026!');
  const make = async (username: string, displayName: string, role: string, regionCode: string, password: string) => {
    const u = await admin.call('POST', '/api/users', { username, displayName, regionCode });
    expect(u.status, JSON.stringify(u.json)).toBe(201);
    const r = await sec.call('PUT', `/api/users/${u.json.user.id}/roles`, { roles: [role] });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return apiLogin(server.url, username, u.json.oneTimePassword, password);
  };
  clerk = await make('township1', '赵核查', 'TOWNSHIP_CLERK', '630102', PASSWORD.clerk);
  dept = await make('yibao1', '医保数据员', 'DEPT_DATA_CLERK', '63', PASSWORD.dept);

  // A 低保边缘 household in 城东区.
  const h = await clerk.call('POST', '/api/households', {
    regionCode: '630102001001', address: '东关大街12号', urbanRural: 'URBAN',
    head: { name: '马福祥', idNumber: headId },
    members: [{ name: '韩桂兰', idNumber: generateIdNumber('630102', '1963-02-03', 326), relationship: 'SPOUSE' }],
  });
  expect(h.status, JSON.stringify(h.json)).toBe(201);
  householdId = h.json.id;
  expect((await clerk.call('POST', `/api/households/${householdId}/categories`, { category: 'DIBAO_EDGE', effectiveFrom: '2025-01-01' })).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

it('a department batch raises a clue that a township officer verifies on a phone and closes', async () => {
  // 1. 医保: one inpatient stay with 8,600 元 out of pocket for the head; one person not in the registry.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const csv =
    '\ufeff身份证号,姓名,结算日期,就诊类型,医疗机构,医疗总费用,个人自付\n' +
    `${headId},马福祥,${today},住院,青海大学附属医院,32000,8600\n` +
    `${generateIdNumber('630103', '1970-01-01', 5)},外县人员,${today},住院,西宁市第一人民医院,9000,2000\n`;
  const up = await dept.upload('/api/dept/batches', { sourceCode: 'MEDICAL_SETTLEMENT' }, { name: '医保结算2026-11.csv', content: Buffer.from(csv), type: 'text/csv' });
  expect(up.status, JSON.stringify(up.json)).toBeLessThan(300);
  let batch = up.json;
  for (let i = 0; i < 60 && !['APPLIED', 'INVALID', 'FAILED'].includes(batch.status); i++) {
    await new Promise((r) => setTimeout(r, 500));
    batch = (await dept.call('GET', `/api/dept/batches/${batch.id}`)).json;
  }
  expect(batch).toMatchObject({ status: 'APPLIED', matched: 1, unmatched: 1 });
  expect(batch.cluesRaised).toBeGreaterThanOrEqual(1);
  // The same file again is the same batch, applied once.
  const again = await dept.upload('/api/dept/batches', { sourceCode: 'MEDICAL_SETTLEMENT' }, { name: '重复上传.csv', content: Buffer.from(csv), type: 'text/csv' });
  expect(again.json.id).toBe(batch.id);

  // 2. The township officer, on a phone that shares its position.
  const b = await openBrowser({ width: 390, height: 844 }, { geolocation: { latitude: 36.6232, longitude: 101.7782, accuracy: 12 }, isMobile: true });
  try {
    const { page } = b;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('township1');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD.clerk);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/monitoring/clues`);
    const row = page.getByTestId('clue-row').filter({ hasText: '马福祥' }).first();
    await row.waitFor();
    await shot(page, 'clue-list-phone');
    await row.getByTestId('clue-row-link').click();
    await page.getByTestId('clue-title').waitFor();
    await page.getByTestId('clue-evidence').getByText(/8,?600/).first().waitFor();
    await page.getByTestId('clue-action-visit').click();

    await page.getByTestId('visit-page').waitFor();
    await page.getByTestId('visit-gps-status').and(page.locator('[data-state="ok"]')).waitFor({ timeout: 20_000 });
    await page.getByTestId('visit-check-MEMBERS_AT_HOME').getByText('是', { exact: true }).click();
    await page.getByTestId('visit-check-INCOME_SOURCES').getByText('否', { exact: true }).click();
    await page.getByTestId('visit-findings').fill('户主住院后无劳动收入，家中仅配偶照料，医疗自付8600元，生活困难属实。');
    // A 1×1 PNG as the photo.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('visit-photo-input').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('visit-photo-preview').first().waitFor();
    await shot(page, 'visit-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.getByTestId('visit-submit').click();

    // Back on the clue: the visit with its position and photo, then 办结 as 临时救助.
    await page.getByTestId('clue-visit').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('clue-visit-photo').first().waitFor();
    await page.getByTestId('clue-action-close').click();
    await page.getByTestId('clue-close-outcome').click();
    await page.getByTitle('临时救助').click();
    await page.getByTestId('clue-close-reason').fill('住院自付费用较大，先行给予临时救助。');
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
    await page.getByTestId('clue-outcome').and(page.locator('[data-outcome="TEMPORARY"]')).waitFor();
    await page.getByTestId('clue-pending-case').waitFor();
    await shot(page, 'clue-closed-phone');
  } finally {
    await b.close();
  }

  // 3. The visit kept the phone's position; the household timeline has the whole chain.
  const list = await clerk.call('GET', '/api/monitoring/clues?status=CLOSED');
  const closed = list.json.items.find((c: { householdId: string | null }) => c.householdId === householdId);
  expect(closed).toBeTruthy();
  const detail = (await clerk.call('GET', `/api/monitoring/clues/${closed.id}`)).json;
  expect(detail.visits[0]).toMatchObject({ latitude: 36.6232, longitude: 101.7782 });
  const timeline = (await clerk.call('GET', `/api/households/${householdId}/timeline`)).json;
  const summaries = (timeline.items as { summary: string }[]).map((i) => i.summary).join('\n');
  expect(summaries).toContain('刚性支出');
  expect(summaries).toMatch(/预警/);
});
