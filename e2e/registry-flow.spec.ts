import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateIdNumber } from '../src/domain/registry/id-number.js';
import { apiLogin } from './api.js';
import { openBrowser, startServer, type E2EServer } from './harness.js';

/*
 * Issue 2 §18, the browser flow: log in and change the password; import a template file
 * with a bad row, read the report, fix it, import again; find the household; edit a
 * member; see the change on the timeline.
 */
let server: E2EServer;
const NEW_ADMIN_PASSWORD = 'Platform-Chg-2026!';
const CLERK_OTP_HOLDER: { password: string } = { password: '' };
const CLERK_PASSWORD = 'Clerk-Passw0rd-2026';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'jz-e2e-files-'));

beforeAll(async () => {
  server = await startServer();
  // The security admin changes his one-time password through the API (the browser steps below are the clerk's and the admin's).
  await apiLogin(server.url, 'secadmin', server.passwords.secadmin!, 'Security-Chg-2026!');
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function csv(rows: string[][]): string {
  return '\ufeff' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
}

it('admin logs in with the one-time password and must change it first', async () => {
  const b = await openBrowser();
  try {
    const { page } = b;
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(server.passwords.admin!);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('强制修改密码').first().waitFor();
    await page.getByLabel('当前密码').fill(server.passwords.admin!);
    await page.getByLabel('新密码', { exact: true }).fill('weak');
    await page.getByLabel('确认新密码').fill('weak');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText(/至少10位/).first().waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('系统管理员');
  } finally {
    await b.close();
  }
  // With the new password the admin creates the clerk; the security admin grants the role.
  const admin = await apiLogin(server.url, 'admin', NEW_ADMIN_PASSWORD);
  const created = await admin.call('POST', '/api/users', { username: 'clerk1', displayName: '王经办', regionCode: '630102' });
  expect(created.status).toBe(201);
  CLERK_OTP_HOLDER.password = created.json.oneTimePassword;
  const sec = await apiLogin(server.url, 'secadmin', 'Security-Chg-2026!');
  const roles = await sec.call('PUT', `/api/users/${created.json.user.id}/roles`, { roles: ['TOWNSHIP_CLERK'] });
  expect(roles.status).toBe(200);
});

it('a township clerk imports a file with a bad row, reads the report, fixes it, finds the household, edits a member and sees it on the timeline', async () => {
  const headId = generateIdNumber('630102', '1968-05-12', 31);
  const spouseId = generateIdNumber('630102', '1970-03-08', 42);
  const childId = generateIdNumber('630102', '2008-09-01', 53);
  const header = ['户编号', '村(社区)代码', '家庭住址', '城乡类别', '姓名', '身份证号', '与户主关系', '联系电话', '保障类别', '认定日期', '年工资性收入(元)'];
  const good = [
    ['E2E0001', '630102001001', '东关大街8号', '城市', '马福海', headId, '户主', '13909711234', '低保', '2024-03-01', '9600'],
    ['E2E0001', '630102001001', '东关大街8号', '城市', '韩秀兰', spouseId, '配偶', '', '', '', ''],
    ['E2E0001', '630102001001', '东关大街8号', '城市', '马小军', childId, '子女', '', '', '', ''],
  ];
  const bad = good.map((r) => [...r]);
  bad[2]![5] = childId.slice(0, 17) + (childId[17] === '1' ? '2' : '1'); // wrong check character
  const badFile = path.join(tmp, '城东区导入.csv');
  const goodFile = path.join(tmp, '城东区导入_已改.csv');
  writeFileSync(badFile, csv([header, ...bad]));
  writeFileSync(goodFile, csv([header, ...good]));

  const b = await openBrowser();
  try {
    const { page } = b;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('clerk1');
    await page.getByLabel('密码', { exact: true }).fill(CLERK_OTP_HOLDER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('当前密码').fill(CLERK_OTP_HOLDER.password);
    await page.getByLabel('新密码', { exact: true }).fill(CLERK_PASSWORD);
    await page.getByLabel('确认新密码').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('current-user').waitFor();

    // 数据导入: the template downloads, the bad file is refused with a row-level report.
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载Excel模板' }).click()]);
    const templatePath = path.join(tmp, 'template.xlsx');
    await template.saveAs(templatePath);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.readFile(templatePath);
    expect(JSON.stringify(twb.worksheets[0]!.getRow(1).values)).toContain('身份证号');

    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('input[type=file]').setInputFiles(badFile);
    await page.getByText('校验未通过').first().waitFor({ timeout: 60_000 });
    await page.getByText(/校验位不正确/).first().waitFor();
    await page.getByRole('cell', { name: '4', exact: true }).first().waitFor(); // row 4 as Excel shows it
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载错误报告' }).click()]);
    const reportPath = path.join(tmp, 'report.xlsx');
    await report.saveAs(reportPath);
    const rwb = new ExcelJS.Workbook();
    await rwb.xlsx.readFile(reportPath);
    const reportText = JSON.stringify(rwb.worksheets.map((ws) => ws.getSheetValues()));
    expect(reportText).toContain('校验位不正确');

    // The fixed file goes through.
    await page.getByRole('button', { name: '继续导入其他文件' }).click();
    await page.locator('input[type=file]').setInputFiles(goodFile);
    await page.getByText('已导入').first().waitFor({ timeout: 60_000 });

    // Find the household by a fragment of the head's identity number and open it.
    await page.getByRole('menuitem', { name: '低收入人口' }).click();
    await page.getByLabel('关键词').fill(headId.slice(10, 16));
    await page.getByLabel('关键词').press('Enter');
    await page.getByRole('link', { name: 'E2E0001' }).click();
    await page.getByText('家庭详情').first().waitFor();
    // The members table shows the identity number masked by default (§14).
    await page.getByRole('row').filter({ hasText: '韩秀兰' }).waitFor();
    await page.getByText(`${headId.slice(0, 4)}**********${headId.slice(14)}`).first().waitFor();
    expect(await page.getByText(headId).count()).toBe(0);

    // Edit the spouse: she now has a serious illness.
    const row = page.getByRole('row').filter({ hasText: '韩秀兰' });
    await row.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('重病名称').fill('尿毒症');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '变更记录' }).click();
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('修改人员信息：韩秀兰').first().waitFor();
    await timeline.getByText('尿毒症').first().waitFor();
    await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS ?? tmp, 'household-timeline.png'), fullPage: true });
    expect(await timeline.getByText(/王经办/).count()).toBeGreaterThan(0);
  } finally {
    await b.close();
  }
  expect(readFileSync(goodFile, 'utf8')).toContain('马福海');
});

it('works on a phone-sized screen: menu in a drawer, the list and the household page fit the width', async () => {
  const b = await openBrowser({ width: 390, height: 844 });
  try {
    const { page } = b;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('clerk1');
    await page.getByLabel('密码', { exact: true }).fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '低收入人口' }).click();
    await page.getByRole('link', { name: 'E2E0001' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.getByRole('link', { name: 'E2E0001' }).click();
    await page.getByText('家庭详情').first().waitFor();
    await page.getByText('马福海').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS ?? tmp, 'household-phone.png'), fullPage: true });
  } finally {
    await b.close();
  }
});
