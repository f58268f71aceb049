import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import {
  csvFile,
  memberRow,
  multipartFile,
  toGrid,
  uniqueHouseholdNo,
  uniqueIdNumber,
} from '../../../../test/builders/import-files.js';
import { parseIdNumber } from '../../../domain/registry/id-number.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  clerk = await loginAs(t.app, (await createTestUser(database, { regionCode: '630102', roles: ['TOWNSHIP_CLERK'] })).username);
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

async function upload(c: Client, fileName: string, content: Buffer) {
  const { payload, headers } = multipartFile(fileName, content);
  return c.request({ method: 'POST', url: '/api/imports', payload, headers });
}

/** Upload, let the job run, return the finished batch. */
async function importVia(c: Client, fileName: string, content: Buffer) {
  const res = await upload(c, fileName, content);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ fileName, status: 'UPLOADED' });
  await t.jobs.drain();
  expect(t.jobs.errors).toEqual([]);
  const got = await c.get(`/api/imports/${res.json().id}`);
  expect(got.statusCode).toBe(200);
  return got.json();
}

async function readWorkbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('GET /api/imports/template', () => {
  it('xlsx: Chinese headers, a 填写说明 sheet, one valid example row; the filled template imports', async () => {
    const res = await clerk.get('/api/imports/template?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('低收入家庭导入模板.xlsx')}`);
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['导入数据', '填写说明']);
    const [header, example, ...rest] = sheetRows(wb.getWorksheet('导入数据')!);
    expect(rest).toEqual([]);
    expect(header!.slice(0, 7)).toEqual(['户编号*', '村(社区)代码*', '家庭住址', '城乡类别*', '姓名*', '身份证号*', '与户主关系*']);
    const idNumber = example![5] as string;
    expect(parseIdNumber(idNumber, { today: '2026-03-02' }).ok).toBe(true);
    expect(String(example![1])).toMatch(/^630102\d{6}$/);
    const help = sheetRows(wb.getWorksheet('填写说明')!);
    expect(help[0]).toEqual(['列名', '是否必填', '层级', '填写要求', '可填写的值']);
    expect(help.find((r) => r[0] === '与户主关系')?.[4]).toContain('户主、配偶、子女');
    expect(help.find((r) => r[0] === '保障类别')?.[4]).toContain('低保、特困');

    // Fill it: add a spouse under the example household, and upload it back.
    const ws = wb.getWorksheet('导入数据')!;
    const spouse = [...(example as unknown[])];
    spouse[4] = '李梅';
    spouse[5] = uniqueIdNumber();
    spouse[6] = '配偶';
    spouse[7] = null;
    spouse[8] = null;
    ws.addRow(spouse);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const batch = await importVia(clerk, '低收入家庭导入模板.xlsx', filled);
    expect(batch).toMatchObject({ status: 'APPLIED', totalRows: 2, householdsCreated: 1, membersCreated: 2 });
  });

  it('csv: UTF-8 with BOM, header and example row', async () => {
    const res = await clerk.get('/api/imports/template?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('低收入家庭导入模板.csv'));
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF户编号*,村(社区)代码*,家庭住址,城乡类别*,姓名*,身份证号*')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(2);
    const batch = await importVia(clerk, 'template.csv', res.rawPayload);
    expect(batch).toMatchObject({ status: 'APPLIED', householdsCreated: 1, membersCreated: 1 });
  });
});

describe('POST /api/imports and the batch', () => {
  it('a bad file: INVALID, errors paged with Chinese messages, xlsx report; fixed file APPLIED; same file again unchanged', async () => {
    const hh = uniqueHouseholdNo();
    const rows = [
      memberRow({ 户编号: hh, 联系电话: '12345' }),
      memberRow({ 户编号: hh, 与户主关系: '邻居' }),
      memberRow({ 户编号: hh, 与户主关系: '子女', 身份证号: '6.30102E+17' }),
    ];
    const bad = await importVia(clerk, '坏文件.csv', csvFile(toGrid(rows)));
    expect(bad).toMatchObject({ status: 'INVALID', errorCount: 3, totalRows: 3, householdsCreated: 0 });

    const page1 = await clerk.get(`/api/imports/${bad.id}/errors?page=1&pageSize=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().total).toBe(3);
    expect(page1.json().items).toEqual([
      { rowNo: 2, column: '联系电话', code: 'CELL_PHONE_INVALID', message: '“12345”不是有效的电话号码，请填写11位手机号或带区号的固定电话（如0971-8123456）', value: '12345' },
      { rowNo: 3, column: '与户主关系', code: 'IMPORT_CODE_UNKNOWN', message: expect.stringMatching(/^与户主关系“邻居”无法识别/), value: '邻居' },
    ]);
    const page2 = await clerk.get(`/api/imports/${bad.id}/errors?page=2&pageSize=2`);
    expect(page2.json().items).toMatchObject([{ rowNo: 4, column: '身份证号', code: 'ID_NUMBER_PRECISION_LOST' }]);

    const report = await clerk.get(`/api/imports/${bad.id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain(encodeURIComponent('导入错误报告-坏文件.xlsx'));
    const reportRows = sheetRows((await readWorkbook(report.rawPayload)).worksheets[0]!);
    expect(reportRows[0]).toEqual(['行号', '列', '错误说明', '原值']);
    expect(reportRows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      [2, '联系电话', '12345'],
      [3, '与户主关系', '邻居'],
      [4, '身份证号', '6.30102E+17'],
    ]);
    expect(String(reportRows[3]![2])).toContain('科学计数法');

    rows[0]!['联系电话'] = '13912345678';
    rows[1]!['与户主关系'] = '配偶';
    rows[2]!['身份证号'] = uniqueIdNumber();
    const fixed = csvFile(toGrid(rows));
    expect(await importVia(clerk, '好文件.csv', fixed)).toMatchObject({ status: 'APPLIED', householdsCreated: 1, membersCreated: 3, errorCount: 0 });
    expect(await importVia(clerk, '好文件.csv', fixed)).toMatchObject({ status: 'APPLIED', householdsCreated: 0, membersCreated: 0, membersUpdated: 0, unchangedRows: 3 });

    const list = await clerk.get('/api/imports');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; createdAt: string }>;
    expect(items[items.length - 1]!.createdAt <= items[0]!.createdAt).toBe(true);
    expect(items.map((i) => i.id)).toContain(bad.id);
  });

  it('refuses a missing file, an unsupported type and users without registry:import', async () => {
    const { payload, headers } = multipartFile('a.csv', Buffer.from('x'), 'other');
    const noFile = await clerk.request({ method: 'POST', url: '/api/imports', payload, headers });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('IMPORT_FILE_REQUIRED');
    const txt = await upload(clerk, 'a.txt', Buffer.from('姓名,身份证号'));
    expect(txt.statusCode).toBe(415);
    expect(txt.json().error.code).toBe('IMPORT_FILE_TYPE');
    const assistant = await loginAs(t.app, (await createTestUser(database, { roles: ['VILLAGE_ASSISTANT'] })).username);
    expect((await assistant.get('/api/imports')).statusCode).toBe(403);
    expect((await upload(assistant, 'a.csv', csvFile(toGrid([memberRow()])))).statusCode).toBe(403);
  });

  it("another county's user gets 404 IMPORT_NOT_FOUND for the batch, its errors and its report", async () => {
    const b = await importVia(clerk, 'mine.csv', csvFile(toGrid([memberRow({ 户编号: uniqueHouseholdNo(), 联系电话: 'x' })])));
    const other = await loginAs(t.app, (await createTestUser(database, { regionCode: '632323' })).username);
    for (const url of [`/api/imports/${b.id}`, `/api/imports/${b.id}/errors`, `/api/imports/${b.id}/report`]) {
      const r = await other.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('IMPORT_NOT_FOUND');
    }
    expect((await other.get('/api/imports')).json().items.map((i: { id: string }) => i.id)).not.toContain(b.id);
    // A province user sees it (the batch lies inside the province).
    const province = await loginAs(t.app, (await createTestUser(database, { regionCode: '63' })).username);
    expect((await province.get(`/api/imports/${b.id}`)).statusCode).toBe(200);
  });
});
