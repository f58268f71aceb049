import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody } from '../../../../test/builders/households.js';
import { csvFile, uniqueIdNumber } from '../../../../test/builders/import-files.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client;
let deptClerk: Client;
let admin: Client;

/** A registry household of 城东区: head and spouse with known identity numbers. */
interface Family {
  id: string;
  headId: string;
  headName: string;
  spouseId: string;
  spouseName: string;
}

async function createFamily(): Promise<Family> {
  const headId = uniqueIdNumber();
  const spouseId = uniqueIdNumber();
  const headName = `张${randomBytes(2).toString('hex')}`;
  const res = await clerk.post('/api/households', householdBody({ headName, headId, members: [{ name: '李秀英', idNumber: spouseId, relationship: 'SPOUSE' }] }));
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, headId, headName, spouseId, spouseName: '李秀英' };
}

function multipart(sourceCode: string, fileName: string, content: Buffer) {
  const boundary = `----jz${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sourceCode"\r\n\r\n${sourceCode}\r\n`, 'utf8'),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(sourceCode: string, fileName: string, content: Buffer) {
  const res = await deptClerk.request({ method: 'POST', url: '/api/dept/batches', ...multipart(sourceCode, fileName, content) });
  await t.jobs.drain();
  expect(t.jobs.errors).toEqual([]);
  return res;
}

async function batch(id: string) {
  const res = await deptClerk.get(`/api/dept/batches/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function household(id: string) {
  const res = await clerk.get(`/api/households/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const MEDICAL_HEADER = ['身份证号', '姓名', '结算日期', '入院日期', '医疗机构', '医疗总费用', '个人自付'];

function push(key: string | null, sourceCode: string, records: unknown[]) {
  return t.app.inject({
    method: 'POST',
    url: `/api/dept/push/${sourceCode}`,
    payload: { records },
    headers: key ? { 'x-api-key': key } : {},
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  clerk = await loginAs(t.app, (await createTestUser(database, { regionCode: '630102', roles: ['TOWNSHIP_CLERK'] })).username);
  deptClerk = await loginAs(t.app, (await createTestUser(database, { regionCode: '63', roles: ['DEPT_DATA_CLERK'] })).username);
  admin = await loginAs(t.app, (await createTestUser(database, { regionCode: '63', roles: ['SYSTEM_ADMIN'] })).username);
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('sources and mappings', () => {
  it('lists the catalogue with the default mapping as version 0, and a template with the mapped headers', async () => {
    const res = await deptClerk.get('/api/dept/sources');
    expect(res.statusCode).toBe(200);
    const medical = res.json().items.find((s: { code: string }) => s.code === 'MEDICAL_SETTLEMENT');
    expect(medical).toMatchObject({ departmentName: '医保局', mappingVersion: 0, mapping: { idNumber: '身份证号', outOfPocketFen: '个人自付' } });
    const tpl = await deptClerk.get('/api/dept/sources/MEDICAL_SETTLEMENT/template');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['身份证号*', '姓名*', '出生日期', '结算单号']);
    expect(wb.worksheets[1]!.name).toBe('填写说明');
  });

  it('refuses an unknown source', async () => {
    const res = await deptClerk.get('/api/dept/sources/NOPE/mapping');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DEPT_SOURCE_NOT_FOUND');
  });

  it('refuses a mapping that names one column for two fields', async () => {
    const res = await deptClerk.put('/api/dept/sources/TAX_INCOME/mapping', { mapping: { idNumber: '证件号', name: '证件号' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'mapping.name', code: 'DEPT_MAPPING_COLUMN_DUPLICATE' });
  });
});

describe('MEDICAL_SETTLEMENT upload', () => {
  let fam: Family;
  let content: Buffer;
  let batchId: string;

  beforeAll(async () => {
    fam = await createFamily();
  });

  it('stores matched, unmatched and name-mismatch rows; writes the expenditure of the matched one', async () => {
    content = csvFile([
      MEDICAL_HEADER,
      [fam.headId, fam.headName, '2026-02-10', '2026-02-01', '省人民医院', '12,345.60', '6800'],
      [uniqueIdNumber(), '王五', '2026-02-11', '', '', '100', '50'],
      [fam.spouseId, '李秀兰', '2026-02-12', '', '', '200', '80.5'],
    ]);
    const res = await upload('MEDICAL_SETTLEMENT', '医保2月.csv', content);
    expect(res.statusCode, res.body).toBe(202);
    batchId = res.json().id;
    expect(await batch(batchId)).toMatchObject({
      status: 'APPLIED', channel: 'UPLOAD', totalRows: 3, matched: 1, unmatched: 1, mismatched: 1, factsApplied: 1, errorCount: 0, mappingVersion: 0, duplicate: false,
    });

    const recs = await deptClerk.get(`/api/dept/batches/${batchId}/records`);
    expect(recs.statusCode).toBe(200);
    expect(recs.json().items.map((r: { rowNo: number; matchStatus: string; countyCode: string }) => [r.rowNo, r.matchStatus, r.countyCode])).toEqual([
      [2, 'MATCHED', '630102'],
      [3, 'UNMATCHED', '000000'],
      [4, 'NAME_MISMATCH', '630102'],
    ]);
    expect(recs.json().items[0].idNumber).not.toBe(fam.headId);

    const h = await household(fam.id);
    expect(h.expenditures).toHaveLength(1);
    expect(h.expenditures[0]).toMatchObject({
      expenditureType: 'MEDICAL_OUT_OF_POCKET', amountFen: 680_000, periodStart: '2026-02-01', periodEnd: '2026-02-10', source: 'DEPARTMENT',
    });
    expect(h.expenditures[0].sourceDetail).toMatch(new RegExp(`^医保局 2026-03 批次 #${batchId.slice(0, 8)} 第2行$`));
    const timeline = await clerk.get(`/api/households/${fam.id}/timeline`);
    expect(timeline.json().items).toContainEqual(expect.objectContaining({ action: 'expenditure.add', source: 'DEPARTMENT' }));
  });

  it('returns the same batch for the same bytes and applies nothing twice', async () => {
    const res = await upload('MEDICAL_SETTLEMENT', '医保2月-副本.csv', content);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: batchId, duplicate: true, status: 'APPLIED' });
    expect((await household(fam.id)).expenditures).toHaveLength(1);
    const list = await deptClerk.get('/api/dept/batches?sourceCode=MEDICAL_SETTLEMENT');
    expect(list.json().items.filter((b: { id: string }) => b.id === batchId)).toHaveLength(1);
  });

  it('refuses a file with invalid rows as a whole, with a row report and no records', async () => {
    // A wrong check character that never ends the number in '000' (read as lost precision, R9).
    const bad = fam.headId.slice(0, 17) + (fam.headId[17] === '1' ? '2' : '1');
    const res = await upload('MEDICAL_SETTLEMENT', '医保-有错.csv', csvFile([
      MEDICAL_HEADER,
      [bad, fam.headName, '2026-02-10', '', '', '100', '60'],
      [fam.spouseId, fam.spouseName, '2026-02-10', '', '', '100', '1,2x'],
      [fam.headId, fam.headName, '2026-02-15', '', '', '100', '99'],
    ]));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    expect(await batch(id)).toMatchObject({ status: 'INVALID', totalRows: 3, errorCount: 2, factsApplied: 0 });
    const errors = await deptClerk.get(`/api/dept/batches/${id}/errors`);
    expect(errors.json().items.map((e: { rowNo: number; column: string; code: string }) => [e.rowNo, e.column, e.code])).toEqual([
      [2, '身份证号', 'ID_NUMBER_CHECK'],
      [3, '个人自付', 'CELL_MONEY_INVALID'],
    ]);
    expect(errors.json().items[1]).toMatchObject({ value: '1,2x', message: expect.stringContaining('1,2x') });
    const report = await deptClerk.get(`/api/dept/batches/${id}/report`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['行号', '列', '错误说明', '原值']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([[2, '身份证号'], [3, '个人自付']]);
    expect((await deptClerk.get(`/api/dept/batches/${id}/records`)).json().total).toBe(0);
    expect((await household(fam.id)).expenditures).toHaveLength(1);
  });

  it('reports a missing required column', async () => {
    const res = await upload('MEDICAL_SETTLEMENT', '缺列.csv', csvFile([['身份证号', '姓名', '结算日期', '医疗总费用'], [fam.headId, fam.headName, '2026-02-10', '100']]));
    const id = res.json().id;
    expect(await batch(id)).toMatchObject({ status: 'INVALID' });
    const errors = await deptClerk.get(`/api/dept/batches/${id}/errors`);
    expect(errors.json().items[0]).toMatchObject({ column: '个人自付', code: 'DEPT_COLUMN_MISSING' });
  });

  it('needs a known source code', async () => {
    const res = await deptClerk.request({ method: 'POST', url: '/api/dept/batches', ...multipart('NOPE', 'x.csv', csvFile([MEDICAL_HEADER])) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DEPT_SOURCE_NOT_FOUND');
  });
});

describe('custom mappings', () => {
  it('reads a file with the column names of mapping version 2 and records the version on the batch', async () => {
    const fam = await createFamily();
    const v1 = await deptClerk.put('/api/dept/sources/TAX_INCOME/mapping', { mapping: { idNumber: '证件号码' }, note: '税务局来文' });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json().current).toMatchObject({ version: 1, note: '税务局来文' });
    const v2 = await deptClerk.put('/api/dept/sources/TAX_INCOME/mapping', { mapping: { idNumber: '纳税人识别号', name: '纳税人姓名', incomeFen: '收入额(元)' } });
    expect(v2.json().current).toMatchObject({ version: 2, mapping: { idNumber: '纳税人识别号', name: '纳税人姓名', periodStart: '所属期起' } });
    const history = await deptClerk.get('/api/dept/sources/TAX_INCOME/mapping');
    expect(history.json().versions.map((v: { version: number; createdByName: string | null }) => v.version)).toEqual([2, 1]);
    expect(history.json().versions[0].createdByName).toBeTruthy();

    const res = await upload('TAX_INCOME', '税务.csv', csvFile([
      ['纳税人识别号', '纳税人姓名', '所属期起', '所属期止', '收入额（元）'],
      [fam.headId, fam.headName, '2025-07-01', '2025-12-31', '36000'],
    ]));
    expect(res.statusCode, res.body).toBe(202);
    expect(await batch(res.json().id)).toMatchObject({ status: 'APPLIED', mappingVersion: 2, matched: 1, factsApplied: 1 });
    const h = await household(fam.id);
    expect(h.incomes).toContainEqual(expect.objectContaining({ incomeType: 'WAGE', amountFen: 3_600_000, source: 'DEPARTMENT', periodStart: '2025-07-01' }));

    // The old headers no longer match this source's mapping.
    const old = await upload('TAX_INCOME', '税务-旧表头.csv', csvFile([['身份证号', '姓名', '所属期起', '所属期止', '收入额'], [fam.headId, fam.headName, '2025-01-01', '2025-06-30', '1']]));
    expect(await batch(old.json().id)).toMatchObject({ status: 'INVALID' });

    // A file refused for its column names is read again, as the same batch, once the mapping names them.
    const file = csvFile([['税号', '纳税人姓名', '所属期起', '所属期止', '收入额(元)'], [fam.spouseId, fam.spouseName, '2025-01-01', '2025-06-30', '1200']]);
    const first = await upload('TAX_INCOME', '税务-新表头.csv', file);
    expect(await batch(first.json().id)).toMatchObject({ status: 'INVALID', mappingVersion: 2 });
    const v3 = await deptClerk.put('/api/dept/sources/TAX_INCOME/mapping', { mapping: { ...v2.json().current.mapping, idNumber: '税号' } });
    expect(v3.json().current.version).toBe(3);
    const second = await upload('TAX_INCOME', '税务-新表头.csv', file);
    expect(second.json()).toMatchObject({ id: first.json().id, duplicate: true });
    expect(await batch(first.json().id)).toMatchObject({ status: 'APPLIED', mappingVersion: 3, matched: 1, errorCount: 0 });
  });
});

describe('API keys and the push channel', () => {
  let medicalKey: string;
  let medicalKeyId: string;
  let taxKey: string;
  let fam: Family;

  beforeAll(async () => {
    fam = await createFamily();
    const a = await admin.post('/api/dept/keys', { department: 'HEALTHCARE_SECURITY', label: '医保局平台' });
    expect(a.statusCode, a.body).toBe(201);
    medicalKey = a.json().key;
    medicalKeyId = a.json().item.id;
    const b = await admin.post('/api/dept/keys', { department: 'TAX', label: '税务局平台' });
    taxKey = b.json().key;
  });

  it('issues a key shown once (jzk_ + base64url), listed without the secret', async () => {
    expect(medicalKey).toMatch(/^jzk_[A-Za-z0-9_-]{43}$/);
    const list = await admin.get('/api/dept/keys');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((k: { id: string }) => k.id === medicalKeyId);
    expect(item).toMatchObject({ department: 'HEALTHCARE_SECURITY', departmentName: '医保局', keyPrefix: medicalKey.slice(0, 8), revokedAt: null });
    expect(list.body).not.toContain(medicalKey);
    const unknown = await admin.post('/api/dept/keys', { department: 'NOPE', label: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect((await deptClerk.get('/api/dept/keys')).statusCode).toBe(403);
  });

  it('accepts a push with the right key; an overlapping push adds only what is new', async () => {
    const row = { 身份证号: fam.headId, 姓名: fam.headName, 结算日期: '2026-02-20', 医疗总费用: '500', 个人自付: '300' };
    const res = await push(medicalKey, 'MEDICAL_SETTLEMENT', [row]);
    expect(res.statusCode, res.body).toBe(202);
    await t.jobs.drain();
    expect(await batch(res.json().id)).toMatchObject({ status: 'APPLIED', channel: 'API', matched: 1, factsApplied: 1, sentBy: '接口：医保局平台' });

    const again = await push(medicalKey, 'MEDICAL_SETTLEMENT', [{ ...row }]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: res.json().id, duplicate: true });

    const overlap = await push(medicalKey, 'MEDICAL_SETTLEMENT', [row, { ...row, 结算日期: '2026-02-25', 个人自付: '100' }]);
    expect(overlap.statusCode).toBe(202);
    await t.jobs.drain();
    expect(await batch(overlap.json().id)).toMatchObject({ status: 'APPLIED', matched: 2, factsApplied: 1 });
    expect((await household(fam.id)).expenditures.map((e: { amountFen: number }) => e.amountFen).sort()).toEqual([10_000, 30_000]);

    const keys = await admin.get('/api/dept/keys');
    expect(keys.json().items.find((k: { id: string }) => k.id === medicalKeyId).lastUsedAt).not.toBeNull();
  });

  it("refuses another department's key (403), no key (401) and a revoked key (401)", async () => {
    const row = { 身份证号: fam.headId, 姓名: fam.headName, 结算日期: '2026-02-21', 医疗总费用: '5', 个人自付: '1' };
    const wrong = await push(taxKey, 'MEDICAL_SETTLEMENT', [row]);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('DEPT_KEY_WRONG_SOURCE');
    const flag = await push(taxKey, 'DEPT_FLAG', [{ 身份证号: fam.headId, 姓名: fam.headName, 预警部门: '税务局', 预警原因: '收入骤降' }]);
    expect(flag.statusCode, flag.body).toBe(202);
    await t.jobs.drain();

    const none = await push(null, 'MEDICAL_SETTLEMENT', [row]);
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('AUTH_REQUIRED');
    const forged = await push('jzk_' + randomBytes(32).toString('base64url'), 'MEDICAL_SETTLEMENT', [row]);
    expect(forged.statusCode).toBe(401);

    const revoke = await admin.post(`/api/dept/keys/${medicalKeyId}/revoke`, {});
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const revoked = await push(medicalKey, 'MEDICAL_SETTLEMENT', [row]);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('DEPT_KEY_INVALID');
  });

  it('reports invalid pushed records by their position', async () => {
    const k = await admin.post('/api/dept/keys', { department: 'HEALTHCARE_SECURITY', label: '医保局备用' });
    const res = await push(k.json().key, 'MEDICAL_SETTLEMENT', [{ 身份证号: fam.headId, 姓名: fam.headName, 结算日期: '2026-02-21', 医疗总费用: '5', 个人自付: 'abc' }]);
    expect(res.statusCode).toBe(202);
    await t.jobs.drain();
    const id = res.json().id;
    expect(await batch(id)).toMatchObject({ status: 'INVALID', errorCount: 1 });
    expect((await deptClerk.get(`/api/dept/batches/${id}/errors`)).json().items[0]).toMatchObject({ rowNo: 1, column: '个人自付', code: 'CELL_MONEY_INVALID' });
  });
});

describe('DISABILITY_CERT', () => {
  it("updates the person's disability, audited on the household", async () => {
    const fam = await createFamily();
    const res = await upload('DISABILITY_CERT', '残联.csv', csvFile([
      ['身份证号', '姓名', '残疾人证号', '残疾类别', '残疾等级', '发证日期'],
      [fam.spouseId, fam.spouseName, `${fam.spouseId}42`, '肢体残疾', '二级', '2026-01-15'],
    ]));
    expect(res.statusCode, res.body).toBe(202);
    expect(await batch(res.json().id)).toMatchObject({ status: 'APPLIED', matched: 1, factsApplied: 1 });
    const h = await household(fam.id);
    const spouse = h.members.find((m: { relationship: string }) => m.relationship === 'SPOUSE');
    expect(spouse.person).toMatchObject({ disabilityCategory: 'PHYSICAL', disabilityGrade: 2, severeDisability: true });
    const timeline = await clerk.get(`/api/households/${fam.id}/timeline`);
    expect(timeline.json().items).toContainEqual(expect.objectContaining({ action: 'person.update', source: 'DEPARTMENT' }));
  });
});

describe('re-assessment on department data (issue 4 §2)', () => {
  it('re-assesses the household with the department as the source, without moving its status (R81)', async () => {
    // A standard and property rules for 城东区 so the engine can decide (the shipped set has neither).
    const { policyParameters } = await import('../../../db/schema/index.js');
    const { defaultParamValues } = await import('../../../domain/policy/test-fixtures.js');
    const base = { name: 'test', confidence: 'PLACEHOLDER', basis: 'test', status: 'APPROVED', isDefault: false, regionCode: '630102', effectiveFrom: '2020-01-01' };
    await database.db.insert(policyParameters).values([
      { ...base, code: 'P01', urbanRural: 'ALL', value: { monthlyFen: 80_000, published: { amount: 800, unit: 'YUAN_PER_PERSON_MONTH' } } },
      { ...base, code: 'P19', urbanRural: 'ALL', value: defaultParamValues().P19 },
    ]);
    // Earlier tests renamed TAX_INCOME's columns: back to the catalogue's headers (a new version).
    const mapping = await deptClerk.put('/api/dept/sources/TAX_INCOME/mapping', {
      mapping: { idNumber: '身份证号', name: '姓名', birthDate: '出生日期', incomeItem: '所得项目', periodStart: '所属期起', periodEnd: '所属期止', incomeFen: '收入额', withholder: '扣缴单位' },
    });
    expect(mapping.statusCode, mapping.body).toBe(200);
    const fam = await createFamily();
    const res = await upload('TAX_INCOME', '税务.csv', csvFile([
      ['身份证号', '姓名', '所得项目', '所属期起', '所属期止', '收入额', '扣缴单位'],
      [fam.headId, fam.headName, '工资薪金', '2025-03-01', '2026-02-28', '36000', '西宁某物流公司'],
    ]));
    expect(res.statusCode, res.body).toBe(202);
    expect(await batch(res.json().id)).toMatchObject({ status: 'APPLIED', matched: 1, factsApplied: 1 });
    const list = (await clerk.get(`/api/households/${fam.id}/assessments`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ trigger: 'DEPT_DATA' });
    expect(list.benefit).toBeNull();
    const a = (await clerk.get(`/api/assessments/${list.items[0].id}`)).json();
    const text = (a.explanation as { text: string; rule: string | null }[]).map((s) => `${s.rule ?? ''} ${s.text}`).join('\n');
    expect(text).toContain('部门数据');
    expect(text).toContain('R81');
    const timeline = (await clerk.get(`/api/households/${fam.id}/timeline`)).json();
    expect((timeline.items as { summary: string }[]).some((i) => i.summary.startsWith('部门数据触发的系统复核'))).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('documents the push route with the x-api-key scheme, not the session cookie', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.components.securitySchemes.deptApiKey).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(spec.paths['/api/dept/push/{sourceCode}'].post.security).toEqual([{ deptApiKey: [] }]);
  });
});
