import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { toActor } from '../../../services/access/auth.js';
import { systemClock } from '../../../services/context.js';
import { searchHouseholds } from '../../../services/registry/household-queries.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../../test/builders/households.js';
import { verifyAuditChain } from '../../../db/repos/audit.repo.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client; // 乡镇经办, 城东区
let viewer: Client; // 乡镇审核 (no reveal), 城东区
let zeku: Client; // 乡镇经办, 泽库县
let province: Client; // 省级查看

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  clerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  viewer = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_REVIEWER'], regionCode: '630102' })).username);
  zeku = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '632323' })).username);
  province = await loginAs(t.app, (await createTestUser(database, { roles: ['PROVINCE_VIEWER'], regionCode: '63' })).username);
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

async function create(c: Client, body = householdBody()) {
  const r = await c.post('/api/households', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('households (issue 2 §7–§8, §11, §14)', () => {
  it('creates a household with head and members, numbering it by village, masked by default', async () => {
    const body = householdBody();
    const h = await create(clerk, body);
    expect(h.householdNo).toMatch(/^630102001001\d{4}$/);
    expect(h.countyCode).toBe('630102');
    expect(h.members).toHaveLength(2);
    const head = h.members.find((m: { relationship: string }) => m.relationship === 'HEAD');
    expect(head.person.name).toBe('张建国');
    expect(head.person.idNumber).toBe(`${body.head.idNumber.slice(0, 4)}**********${body.head.idNumber.slice(14)}`);
    expect(head.person.phone).toBe('139****5678');
    expect(head.person.sex).toBe(Number(body.head.idNumber[16]) % 2 ? 'M' : 'F');
    expect(h.regionNames.map((r: { name: string }) => r.name)).toEqual(['青海省', '西宁市', '城东区', expect.any(String), '北关社区居民委员会']);
  });

  it('refuses a bad identity number with a field path and a stable code (R9)', async () => {
    const body = householdBody();
    body.members = [{ name: '王五', idNumber: '630102198001010018', relationship: 'CHILD' }] as never;
    const r = await clerk.post('/api/households', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toContainEqual({ path: 'members.0.idNumber', code: 'ID_NUMBER_CHECK', params: { expected: '9' } });
  });

  it('refuses the same identity number in a second active household, naming the first (§11)', async () => {
    const first = await create(clerk);
    const headId = first.members[0].person.id;
    const reveal = await clerk.post(`/api/persons/${headId}/reveal`, { field: 'idNumber' });
    const idNumber = reveal.json().value;
    const r = await clerk.post('/api/households', householdBody({ headId: idNumber }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0]).toMatchObject({ code: 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', params: { householdNo: first.householdNo } });
  });

  it('moves a member between households keeping the history of both', async () => {
    const a = await create(clerk);
    const b = await create(clerk);
    const child = { name: '张小明', idNumber: testIdNumber('630102', '2005-01-01'), relationship: 'CHILD' as const };
    const withChild = (await clerk.post(`/api/households/${a.id}/members`, child)).json();
    expect(withChild.members).toHaveLength(3);
    const refused = await clerk.post(`/api/households/${b.id}/members`, child);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0].params.householdNo).toBe(a.householdNo);
    const moved = await clerk.post(`/api/households/${b.id}/members`, { ...child, relationship: 'OTHER', moveFromOtherHousehold: true });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().members.map((m: { person: { name: string } }) => m.person.name)).toContain('张小明');
    const aAfter = (await clerk.get(`/api/households/${a.id}`)).json();
    expect(aAfter.members).toHaveLength(2);
    expect(aAfter.formerMembers[0]).toMatchObject({ active: false, leftReason: `迁至 ${b.householdNo}` });
    const tlA = (await clerk.get(`/api/households/${a.id}/timeline`)).json().items;
    expect(tlA[0].summary).toContain(`迁至 ${b.householdNo}`);
    const tlB = (await clerk.get(`/api/households/${b.id}/timeline`)).json().items;
    expect(tlB[0].summary).toContain(`原户 ${a.householdNo}`);
    // A county's list finds members by name through their county codes: the moved member is
    // found in the new household only, by the county's clerk and by a province user filtering
    // on the county, and not from another county.
    const found = (c: Client, query: string) => c.get(`/api/households?${query}`).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await found(clerk, 'q=张小明')).toContain(b.id);
    expect(await found(clerk, 'q=张小明')).not.toContain(a.id);
    expect(await found(province, 'q=张小明&region=630102')).toContain(b.id);
    expect(await found(zeku, 'q=张小明')).not.toContain(b.id);
  });

  it('name search follows renames and removals (member_names is kept by the database for every writer)', async () => {
    const tag = Math.random().toString(36).slice(2, 6);
    const [before, after, leaver] = [`改名前${tag}`, `改名后${tag}`, `迁出者${tag}`];
    const h = await create(clerk, householdBody({ headName: before }));
    const ids = (query: string) => clerk.get(`/api/households?q=${encodeURIComponent(query)}`).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids(before)).toEqual([h.id]);
    const head = h.members.find((m: { relationship: string }) => m.relationship === 'HEAD');
    expect((await clerk.patch(`/api/persons/${head.person.id}`, { name: after })).statusCode).toBe(200);
    expect(await ids(before)).toEqual([]);
    expect(await ids(after)).toEqual([h.id]);
    const added = (await clerk.post(`/api/households/${h.id}/members`, { name: leaver, idNumber: testIdNumber('630102', '2001-01-01'), relationship: 'CHILD' })).json();
    expect(await ids(leaver)).toEqual([h.id]);
    const member = added.members.find((m: { person: { name: string } }) => m.person.name === leaver);
    const removed = await clerk.post(`/api/households/${h.id}/members/${member.memberId}/remove`, { leftOn: member.joinedOn, reason: '外出务工' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await ids(leaver)).toEqual([]);
    // One or two characters are a surname: they match the start of a member's name only.
    expect(await ids(after.slice(0, 2))).toContain(h.id);
    expect(await ids(after.slice(1, 3))).not.toContain(h.id);
  });

  it('edits a member and shows the change, who made it and the source on the timeline (§8)', async () => {
    const h = await create(clerk);
    const spouse = h.members.find((m: { relationship: string }) => m.relationship === 'SPOUSE');
    const r = await clerk.patch(`/api/persons/${spouse.person.id}`, { healthStatus: 'SERIOUS', seriousIllness: '尿毒症', disabilityCategory: 'PHYSICAL', disabilityGrade: 2 });
    expect(r.statusCode, r.body).toBe(200);
    const d = (await clerk.get(`/api/households/${h.id}`)).json();
    const p = d.members.find((m: { relationship: string }) => m.relationship === 'SPOUSE').person;
    expect(p).toMatchObject({ healthStatus: 'SERIOUS', seriousIllness: '尿毒症', severeDisability: true });
    const tl = (await clerk.get(`/api/households/${h.id}/timeline`)).json().items;
    expect(tl[0]).toMatchObject({ action: 'person.update', source: 'DECLARED', summary: '修改人员信息：李秀英' });
    expect(tl[0].actorName).toMatch(/^测试/);
    expect(tl[0].changes).toContainEqual({ field: '重病名称', before: null, after: '尿毒症' });
    // A form that sends empty strings for untouched fields records no change for them.
    await clerk.patch(`/api/persons/${spouse.person.id}`, { ethnicity: '', bankName: '', seriousIllness: '尿毒症' });
    const tl2 = (await clerk.get(`/api/households/${h.id}/timeline`)).json().items;
    expect(tl2[0].seq).toBe(tl[0].seq);
  });

  it('rejects a sex that contradicts the identity number (R9.3)', async () => {
    const h = await create(clerk);
    const head = h.members[0].person;
    const r = await clerk.patch(`/api/persons/${head.id}`, { sex: head.sex === 'M' ? 'F' : 'M' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].code).toBe('ID_NUMBER_SEX_MISMATCH');
  });

  it('records incomes in fen, assets and dated categories, and keeps the category history', async () => {
    const h = await create(clerk);
    const headId = h.headPersonId;
    let d = (await clerk.post(`/api/households/${h.id}/incomes`, { personId: headId, incomeType: 'WAGE', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountFen: 1560000, source: 'INVESTIGATED' })).json();
    expect(d.incomes[0]).toMatchObject({ amountFen: 1560000, source: 'INVESTIGATED', personName: '张建国' });
    d = (await clerk.post(`/api/households/${h.id}/assets`, { assetType: 'LIVESTOCK', species: 'SHEEP', description: '藏系绵羊', quantity: 40, source: 'DECLARED' })).json();
    expect(d.assets[0]).toMatchObject({ assetType: 'LIVESTOCK', species: 'SHEEP', quantity: 40, unit: '只', vehiclePurpose: null });
    d = (await clerk.post(`/api/households/${h.id}/categories`, { category: 'DIBAO', effectiveFrom: '2025-03-01', reason: '新申请' })).json();
    expect(d.categories).toEqual(['DIBAO']);
    const again = await clerk.post(`/api/households/${h.id}/categories`, { category: 'DIBAO', effectiveFrom: '2025-04-01' });
    expect(again.json().error.details[0].code).toBe('REGISTRY_CATEGORY_ALREADY_CURRENT');
    const catId = d.categoryHistory[0].id;
    d = (await clerk.post(`/api/households/${h.id}/categories/${catId}/end`, { effectiveTo: '2026-02-28', reason: '收入超过标准' })).json();
    expect(d.categories).toEqual([]);
    expect(d.categoryHistory[0]).toMatchObject({ category: 'DIBAO', effectiveFrom: '2025-03-01', effectiveTo: '2026-02-28', current: false });
    const list = (await clerk.get(`/api/households?q=${h.householdNo}`)).json();
    expect(list.items[0].categories).toEqual([]);
  });

  it('R25: a herd is recorded species by species with its head count; a vehicle may say what it is for', async () => {
    const h = await create(clerk);
    const refused = await clerk.post(`/api/households/${h.id}/assets`, { assetType: 'LIVESTOCK', description: '牛1头、羊23只', source: 'DECLARED', vehiclePurpose: 'WORKING' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((v: { path: string; code: string }) => [v.path, v.code])).toEqual([
      ['vehiclePurpose', 'REGISTRY_ASSET_DETAIL_MISMATCH'],
      ['species', 'REGISTRY_LIVESTOCK_SPECIES_REQUIRED'],
      ['quantity', 'REGISTRY_LIVESTOCK_COUNT_REQUIRED'],
    ]);
    const horses = (await clerk.post(`/api/households/${h.id}/assets`, { assetType: 'LIVESTOCK', species: 'HORSE', quantity: 2, source: 'DECLARED' })).json();
    expect(horses.assets).toHaveLength(1);
    expect(horses.assets[0]).toMatchObject({ species: 'HORSE', quantity: 2, unit: '匹' });
    const car = (await clerk.post(`/api/households/${h.id}/assets`, { assetType: 'VEHICLE', vehiclePurpose: 'DISABILITY', description: '残疾人代步车', valueFen: 500_000, source: 'INVESTIGATED' })).json();
    expect(car.assets.find((a: { assetType: string }) => a.assetType === 'VEHICLE')).toMatchObject({ vehiclePurpose: 'DISABILITY', species: null });
    const wrong = await clerk.post(`/api/households/${h.id}/assets`, { assetType: 'HOUSE', species: 'YAK', source: 'DECLARED' });
    expect(wrong.json().error.details).toEqual([{ path: 'species', code: 'REGISTRY_ASSET_DETAIL_MISMATCH', params: { field: '畜种', assetType: '牲畜' } }]);
  });

  it('lists with paging and finds households by name, identity fragment, phone fragment and number', async () => {
    const name = `搜索${Math.random().toString(36).slice(2, 6)}`;
    const body = householdBody({ headName: name });
    body.head.phone = '13700001234';
    const h = await create(clerk, body);
    const byName = (await clerk.get(`/api/households?q=${encodeURIComponent(name)}`)).json();
    expect(byName.items.map((i: { id: string }) => i.id)).toEqual([h.id]);
    const byId = (await clerk.get(`/api/households?q=${body.head.idNumber.slice(6, 16)}`)).json();
    expect(byId.items.map((i: { id: string }) => i.id)).toContain(h.id);
    const byPhone = (await clerk.get('/api/households?q=00001234')).json();
    expect(byPhone.items.map((i: { id: string }) => i.id)).toContain(h.id);
    const page = (await clerk.get('/api/households?pageSize=2&page=1')).json();
    expect(page.items.length).toBeLessThanOrEqual(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.totalCapped).toBe(false);
  });

  it('counts a list exactly up to the cap, then says there are more (the page itself is unaffected)', async () => {
    const name = `封顶${Math.random().toString(36).slice(2, 6)}`;
    const ids = [(await create(clerk, householdBody({ headName: name }))).id, (await create(clerk, householdBody({ headName: name }))).id];
    const actor = toActor(await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' }));
    const ctx = { database, clock: systemClock };
    const exact = await searchHouseholds(ctx, actor, { q: name }, { totalCap: 2 });
    expect([exact.total, exact.totalCapped]).toEqual([2, false]);
    const capped = await searchHouseholds(ctx, actor, { q: name }, { totalCap: 1 });
    expect([capped.total, capped.totalCapped]).toEqual([1, true]);
    expect(capped.items.map((i) => i.id).sort()).toEqual([...ids].sort());
  });

  it('gives the same exact total on a full page, on the last partial page and on an empty page past the end', async () => {
    // PGlite takes a partial page's total from the page itself and counts the others.
    const name = `翻页${Math.random().toString(36).slice(2, 6)}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(clerk, householdBody({ headName: name }))).id);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await clerk.get(`/api/households?q=${encodeURIComponent(name)}&pageSize=2&page=${page}`)).json());
    expect(pages.map((p) => [p.total, p.totalCapped, p.items.length])).toEqual([
      [3, false, 2],
      [3, false, 1],
      [3, false, 0],
    ]);
    expect(pages.flatMap((p) => p.items.map((i: { id: string }) => i.id)).sort()).toEqual([...ids].sort());
    const none = (await clerk.get(`/api/households?q=${encodeURIComponent(name + '无')}`)).json();
    expect([none.total, none.items.length]).toEqual([0, 0]);
  });

  it('scopes every read to the user region: another county sees nothing and gets not-found (§12)', async () => {
    const h = await create(clerk);
    const r = await zeku.get(`/api/households/${h.id}`);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
    const list = (await zeku.get(`/api/households?q=${h.householdNo}`)).json();
    expect(list.total).toBe(0);
    expect((await zeku.patch(`/api/persons/${h.headPersonId}`, { name: '改名' })).statusCode).toBe(404);
    expect((await zeku.post('/api/households', householdBody())).statusCode).toBe(404);
    const zh = await create(zeku, householdBody({ regionCode: '632323100001' }));
    expect(zh.countyCode).toBe('632323');
    expect((await clerk.get(`/api/households/${zh.id}`)).statusCode).toBe(404);
  });

  it('reveals a full identity number only with person:reveal, and audits the reveal (§14)', async () => {
    const body = householdBody();
    const h = await create(clerk, body);
    expect((await viewer.post(`/api/persons/${h.headPersonId}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
    const r = await clerk.post(`/api/persons/${h.headPersonId}/reveal`, { field: 'idNumber' });
    expect(r.json()).toEqual({ field: 'idNumber', value: body.head.idNumber });
    const audit = await database.db.execute(`SELECT action FROM audit_events WHERE entity_id = '${h.headPersonId}' ORDER BY seq`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((x) => x.action)).toContain('person.reveal-idNumber');
  });

  it('detects optimistic-lock conflicts on household edits', async () => {
    const h = await create(clerk);
    const ok = await clerk.patch(`/api/households/${h.id}`, { version: h.version, address: '新地址' });
    expect(ok.statusCode).toBe(200);
    const stale = await clerk.patch(`/api/households/${h.id}`, { version: h.version, address: '另一个地址' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('HOUSEHOLD_VERSION_CONFLICT');
  });

  it('lists likely duplicates: same name, birth date and county, different identity numbers (§11)', async () => {
    const name = `重复${Math.random().toString(36).slice(2, 5)}`;
    const id1 = testIdNumber('630102');
    const birth = `${id1.slice(6, 10)}-${id1.slice(10, 12)}-${id1.slice(12, 14)}`;
    const seqDigits = (Number(id1.slice(14, 17)) + 2) % 1000;
    const { generateIdNumber } = await import('../../../domain/registry/id-number.js');
    const id2 = generateIdNumber('630102', birth, seqDigits);
    await create(clerk, householdBody({ headName: name, headId: id1, members: [] }));
    await create(clerk, householdBody({ headName: name, headId: id2, members: [] }));
    const d = (await clerk.get('/api/households/duplicates')).json();
    const g = d.items.find((x: { name: string }) => x.name === name);
    expect(g.persons).toHaveLength(2);
    expect(g.birthDate).toBe(birth);
  });

  it('counts by category for the workbench, scoped', async () => {
    const h = await create(clerk);
    await clerk.post(`/api/households/${h.id}/categories`, { category: 'TEKUN', effectiveFrom: '2025-01-01' });
    const s = (await clerk.get('/api/stats/categories')).json();
    expect(s.regionName).toBe('城东区');
    expect(s.byCategory.find((c: { category: string }) => c.category === 'TEKUN').households).toBeGreaterThanOrEqual(1);
    expect(s.byChildRegion.length).toBeGreaterThanOrEqual(1);
    expect((await zeku.get('/api/stats/categories?region=630102')).statusCode).toBe(404);
  });

  it('exports the filtered list to xlsx, masked, and audits the export (§10)', async () => {
    const body = householdBody();
    const h = await create(clerk, body);
    const r = await clerk.get(`/api/households/export?q=${h.householdNo}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('户编号');
    const ids = [2, 3].map((i) => String(ws.getRow(i).getCell(10).value));
    expect(ids).toContain(`${body.head.idNumber.slice(0, 4)}**********${body.head.idNumber.slice(14)}`);
    expect(JSON.stringify(ids)).not.toContain(body.head.idNumber);
    expect((await viewer.get(`/api/households/export?unmasked=true`)).statusCode).toBe(403);
  });

  it('keeps the audit chain intact across all of the above (§15)', async () => {
    const check = await verifyAuditChain(database.db);
    expect(check).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(check.checked).toBeGreaterThan(20);
  });
});
