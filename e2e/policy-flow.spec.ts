import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/registry/id-number.js';
import { apiLogin, type ApiSession } from './api.js';
import { openBrowser, startServer, type E2EServer } from './harness.js';

/*
 * Issue 3 §7, the browser flow: a county policy admin proposes a new 低保 standard and sees
 * its what-if; a second admin approves it (which re-assesses the county for real); the
 * household's explanation then shows the new figure, and what changed since its decision before.
 */
let server: E2EServer;
/** E2E_SHOTS=dir keeps full-page screenshots of the key screens for a human to look at. */
async function shot(page: import('playwright-core').Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}
const PASSWORD = { pa1: 'Policy-One-2026!', pa2: 'Policy-Two-2026!', clerk: 'Jingban-Pol-2026!' };
let clerk: ApiSession;
let pa1: ApiSession;
let householdId = '';

/** Today's month in Asia/Shanghai, 'YYYY-MM'. */
function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}
function monthsBack(n: number): string {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(server.url, 'admin', server.passwords.admin!, 'Platform-Pol-2026!');
  const sec = await apiLogin(server.url, 'secadmin', server.passwords.secadmin!, 'Security-Pol-2026!');
  const make = async (username: string, displayName: string, role: string, password: string) => {
    const u = await admin.call('POST', '/api/users', { username, displayName, regionCode: '630102' });
    expect(u.status, JSON.stringify(u.json)).toBe(201);
    const r = await sec.call('PUT', `/api/users/${u.json.user.id}/roles`, { roles: [role] });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return apiLogin(server.url, username, u.json.oneTimePassword, password);
  };
  pa1 = await make('pa1', '张政策', 'POLICY_ADMIN', PASSWORD.pa1);
  const pa2 = await make('pa2', '李审批', 'POLICY_ADMIN', PASSWORD.pa2);
  clerk = await make('clerk', '王经办', 'TOWNSHIP_CLERK', PASSWORD.clerk);

  // The current rural standard of 城东区, proposed by one admin and approved by the other.
  const p = await pa1.call('POST', '/api/policy/proposals', {
    code: 'P01', regionCode: '630102', urbanRural: 'RURAL', effectiveFrom: '2025-01-01',
    value: { amount: '500', unit: 'YUAN_PER_PERSON_MONTH' }, confidence: 'PLACEHOLDER', reason: '端到端测试：现行农村低保标准（虚构）',
  });
  expect(p.status, JSON.stringify(p.json)).toBe(201);
  const a = await pa2.call('POST', `/api/policy/proposals/${p.json.id}/approve`, {});
  expect(a.status, JSON.stringify(a.json)).toBe(200);
  // Property rules (P19) for the county; without them no decision is automatic (R25 fails closed).
  const rules = await pa1.call('POST', '/api/policy/proposals', {
    code: 'P19', regionCode: '630102', effectiveFrom: '2025-01-01', confidence: 'PLACEHOLDER', reason: '端到端测试：县财产认定规则（虚构）',
    value: {
      configured: true,
      rules: {
        financialAssets: { maxMultipleOfAnnualStandard: 2 },
        housing: { maxDwellings: 1 },
        vehicles: { maxCount: 0, maxValueFen: null, exemptPurposes: ['DISABILITY', 'AGRICULTURAL'] },
        business: { allowed: false, maxValueFen: null },
        livestock: { applies: false },
      },
    },
  });
  expect(rules.status, JSON.stringify(rules.json)).toBe(201);
  expect((await pa2.call('POST', `/api/policy/proposals/${rules.json.id}/approve`, {})).status).toBe(200);

  // A rural 低保 household of three farming 7,200 a year net (200 per person per month).
  const h = await clerk.call('POST', '/api/households', {
    regionCode: '630102001001', address: '韵家口镇5号', urbanRural: 'RURAL',
    head: { name: '马德明', idNumber: generateIdNumber('630102', '1980-04-02', 211), employment: 'FARMING' },
    members: [
      { name: '韩玉梅', idNumber: generateIdNumber('630102', '1982-08-09', 222), relationship: 'SPOUSE' },
      { name: '冶秀英', idNumber: generateIdNumber('630102', '1950-01-20', 232), relationship: 'PARENT' },
    ],
  });
  expect(h.status, JSON.stringify(h.json)).toBe(201);
  householdId = h.json.id;
  const lastDay = new Date(Date.UTC(Number(thisMonth().slice(0, 4)), Number(thisMonth().slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  const inc = await clerk.call('POST', `/api/households/${householdId}/incomes`, {
    incomeType: 'OPERATING', periodStart: monthsBack(12), periodEnd: lastDay, amountFen: 720_000, source: 'DECLARED',
  });
  expect(inc.status, JSON.stringify(inc.json)).toBe(200);
  const cat = await clerk.call('POST', `/api/households/${householdId}/categories`, { category: 'DIBAO', effectiveFrom: '2024-01-01' });
  expect(cat.status, JSON.stringify(cat.json)).toBe(200);
  const first = await clerk.call('POST', `/api/households/${householdId}/assessments`, {});
  expect(first.status, JSON.stringify(first.json)).toBe(200);
  expect(first.json.standardMonthlyFen).toBe(50_000);
  expect(first.json.dibaoAmountFen).toBe(90_000);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function login(page: import('playwright-core').Page, username: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

it('a county admin proposes a new standard and sees the what-if; a second admin approves; the explanation shows the new figure', async () => {
  const effective = `${thisMonth()}-01`;
  // 1. 张政策 proposes 560 元/人·月 from the first of this month and runs the what-if.
  let b = await openBrowser();
  try {
    const { page } = b;
    await login(page, 'pa1', PASSWORD.pa1);
    await page.getByRole('menuitem', { name: '政策参数' }).click();
    await page.getByTestId('propose-P01-RURAL').click();
    const form = page.getByTestId('propose-form');
    await form.getByTestId('propose-amount').fill('560');
    await page.getByPlaceholder('如 2027-01-01').fill(effective);
    await page.getByPlaceholder('如 2027-01-01').press('Enter');
    await form.getByTestId('propose-reason').fill('按物价上涨提高农村低保标准（端到端测试）');
    await page.getByTestId('money-normalised').getByText('560.00').first().waitFor();
    await shot(page, 'propose');
    await page.getByTestId('propose-submit').click();
    await form.waitFor({ state: 'hidden' });

    await page.getByRole('menuitem', { name: '参数审批' }).click();
    const row = page.getByTestId('proposal-table').getByRole('row').filter({ hasText: '560' });
    await row.getByRole('button', { name: '试算 P01' }).click();
    await page.getByText('政策调整影响试算').first().waitFor();
    await page.getByTestId('reassessment-status').getByText('已完成').waitFor({ timeout: 60_000 });
    const figures = page.getByTestId('reassessment-figures');
    await figures.getByText('保障金增加').waitFor();
    // (560 − 200) × 3 = 1,080 vs (500 − 200) × 3 = 900 (R29): +180 a month, +2,160 a year.
    await figures.getByText('+180.00元').waitFor();
    await figures.getByText('+2,160.00元').waitFor();
    await page.getByTestId('chart-changes').waitFor();
    // The household is listed among those whose outcome moves (read again once the run ended).
    await page.getByTestId('reassessment-changes').getByRole('row').filter({ hasText: '马德明' }).getByText('保障金增加').waitFor();
    await shot(page, 'what-if');
    // The what-if changed nothing for the household.
    const still = await clerk.call('GET', `/api/households/${householdId}/assessments`);
    expect(still.json.benefit.monthlyAmountFen).toBe(90_000);
  } finally {
    await b.close();
  }

  // 2. 李审批 approves; the approval starts the applied re-assessment.
  b = await openBrowser();
  try {
    const { page } = b;
    await login(page, 'pa2', PASSWORD.pa2);
    await page.getByRole('menuitem', { name: '参数审批' }).click();
    const row = page.getByTestId('proposal-table').getByRole('row').filter({ hasText: '560' });
    await row.getByRole('button', { name: '批准 P01' }).click();
    await page.getByTestId('approve-confirm').click();
    await page.getByText(/已批准/).first().waitFor();
  } finally {
    await b.close();
  }
  // Wait for the applied run to finish.
  for (let i = 0; i < 60; i++) {
    const runs = await pa1.call('GET', '/api/policy/reassessments');
    const applied = runs.json.items.find((r: { mode: string; parameters: { value: { monthlyFen?: number } }[] }) => r.mode === 'APPLY' && r.parameters[0]?.value.monthlyFen === 56_000);
    if (applied?.status === 'DONE') break;
    await new Promise((r) => setTimeout(r, 500));
  }

  // 3. The clerk opens the household: the latest decision uses 560 and explains it.
  b = await openBrowser();
  try {
    const { page } = b;
    await login(page, 'clerk', PASSWORD.clerk);
    await page.goto(`${server.url}/households/${householdId}?tab=assessment`);
    await page.getByTestId('assessment-standard').getByText('560.00元/人·月').waitFor();
    await page.getByTestId('assessment-explanation').getByText(/560\.00/).first().waitFor();
    await page.getByTestId('benefit-status').getByText('1,080.00元').waitFor();
    // 与上次核算相比: the standard and the amount, each from the earlier decision to this one.
    const compared = page.getByTestId('assessment-comparison');
    await compared.getByRole('row').filter({ hasText: '低保标准' }).first().getByText('560.00元/人·月').waitFor();
    const amount = compared.getByRole('row').filter({ hasText: '月保障金' });
    await amount.getByText('900.00元').waitFor();
    await amount.getByText('1,080.00元').waitFor();
    await shot(page, 'household-assessment');
    const pdf = await page.getByTestId('assessment-pdf').getAttribute('href');
    expect(pdf).toMatch(/\/api\/assessments\/.+\/pdf$/);
  } finally {
    await b.close();
  }
});
