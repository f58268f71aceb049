/**
 * The clue queue end to end (issue 4 §4–§5, R80–R82): staff entry lands in the township
 * with a P36 due date, region scoping, assignment, a field visit with GPS and photos,
 * closing rules (R81 visit first), a 纳入低保 closing that runs the policy engine and opens a
 * pending case, idempotent closing, and escalation of overdue clues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../../test/builders/households.js';
import { multipartFile } from '../../../../test/builders/import-files.js';
import { FakeClock } from '../../../../test/clock.js';
import { assessments, pendingCases, policyParameters } from '../../../db/schema/index.js';
import { defaultParamValues } from '../../../domain/policy/test-fixtures.js';

let database: TestDatabase;
let t: TestApp;
let countyClerk: Client; // 乡镇经办 with county scope 630102 (creates households)
let townClerk: Client; // 乡镇经办 of 630102001
let otherTown: Client; // 乡镇经办 of 630102002
let otherCounty: Client; // 乡镇经办 of 630103
let reviewerId: string; // 乡镇审核 of 630102001 (monitoring:handle)
let viewerId: string; // 市州查看 (no monitoring:handle)
let otherTownUserId: string;
let policyAdmin: { username: string };
let townClerkUser: { username: string };

const VILLAGE = '630102001001';
// 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function createHousehold(urbanRural: 'URBAN' | 'RURAL' = 'URBAN') {
  const body = { ...householdBody({ regionCode: VILLAGE }), urbanRural };
  const r = await countyClerk.post('/api/households', body);
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, idNumber: body.head.idNumber };
}

async function report(c: Client, body: Record<string, unknown>) {
  return c.post('/api/monitoring/clues', { channel: 'HOTLINE', description: '热线反映家中老人重病，生活困难', targetCategory: 'DIBAO', ...body });
}

async function newClue(urbanRural: 'URBAN' | 'RURAL' = 'URBAN') {
  const h = await createHousehold(urbanRural);
  const r = await report(townClerk, { idNumber: h.idNumber });
  expect(r.statusCode, r.body).toBe(201);
  return { clueId: r.json().clue.clue.id as string, householdId: h.id, idNumber: h.idNumber };
}

async function visit(clueId: string, c: Client = townClerk) {
  const r = await c.post(`/api/monitoring/clues/${clueId}/visits`, {
    checklist: { MEMBERS_AT_HOME: { answer: 'YES' }, INCOME_SOURCES: { answer: 'NO', note: '无稳定收入' } },
    findings: '户主卧病在床，家中无劳动力',
    latitude: 36.6171,
    longitude: 101.7782,
    accuracy: 12.5,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

async function insertVersion(code: string, value: unknown) {
  await database.db.insert(policyParameters).values({
    code, name: code, regionCode: '630102', urbanRural: 'ALL', effectiveFrom: '2021-01-01',
    value, confidence: 'PLACEHOLDER', basis: 'test', status: 'APPROVED', isDefault: false,
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Monday 2026-03-02, 10:00 in Shanghai.
  t = await buildTestApp(database, { clock: new FakeClock('2026-03-02T02:00:00.000Z') });
  countyClerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  townClerkUser = await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102001' });
  townClerk = await loginAs(t.app, townClerkUser.username);
  const other = await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102002' });
  otherTownUserId = other.id;
  otherTown = await loginAs(t.app, other.username);
  otherCounty = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630103' })).username);
  reviewerId = (await createTestUser(database, { roles: ['TOWNSHIP_REVIEWER'], regionCode: '630102001' })).id;
  viewerId = (await createTestUser(database, { roles: ['CITY_VIEWER'], regionCode: '630102' })).id;
  policyAdmin = await createTestUser(database, { roles: ['POLICY_ADMIN'], regionCode: '630102' });
  await insertVersion('P01', { monthlyFen: 80_000, published: { amount: 800, unit: 'YUAN_PER_PERSON_MONTH' } });
  await insertVersion('P19', defaultParamValues().P19);
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('staff entry of clues (R80)', () => {
  it('a registry person lands in its township with a due date 10 working days later; the phone is masked', async () => {
    const h = await createHousehold();
    const r = await report(townClerk, { idNumber: h.idNumber, reporterName: '王热线', reporterPhone: '13912345678' });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json().clue;
    expect(d.clue).toMatchObject({
      householdId: h.id,
      regionCode: VILLAGE,
      townshipCode: '630102001',
      countyCode: '630102',
      channel: 'HOTLINE',
      level: 'ORANGE',
      status: 'OPEN',
      dueDate: '2026-03-16',
      overdue: false,
      escalationLevel: 0,
    });
    expect(d.clue.subjectIdNumber).not.toBe(h.idNumber);
    expect(d.evidence.reporterPhone).not.toBe('13912345678');
    expect(JSON.stringify(d)).not.toContain('13912345678');
    expect(d.household).toMatchObject({ id: h.id });
    expect(d.events.map((e: { action: string }) => e.action)).toContain('RAISED');
    // The same report again merges into the open clue.
    const again = await report(townClerk, { idNumber: h.idNumber });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ merged: true, clue: { clue: { id: d.clue.id, repeatCount: 1 } } });
  });

  it('a person not in the registry needs a village in scope and a name', async () => {
    const idNumber = testIdNumber('630102', '1970-01-01');
    const missing = await report(townClerk, { idNumber, channel: 'SELF_REPORT' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { code: string }) => d.code).sort()).toEqual(['CLUE_NAME_REQUIRED', 'CLUE_REGION_REQUIRED']);
    const outside = await report(townClerk, { idNumber, channel: 'SELF_REPORT', name: '赵某', regionCode: '630102002001' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('REGION_NOT_FOUND');
    const ok = await report(townClerk, { idNumber, channel: 'SELF_REPORT', name: '赵某', regionCode: '630102001004' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().clue.clue).toMatchObject({ householdId: null, subjectName: '赵某', townshipCode: '630102001', level: 'YELLOW' });
  });
});

describe('the queue and its scope', () => {
  it('shows a clue to its township and county, not to another township or county', async () => {
    const { clueId } = await newClue();
    const mine = (await townClerk.get('/api/monitoring/clues?pageSize=200')).json();
    expect(mine.items.some((c: { id: string }) => c.id === clueId)).toBe(true);
    expect((await countyClerk.get(`/api/monitoring/clues/${clueId}`)).statusCode).toBe(200);
    for (const c of [otherTown, otherCounty]) {
      const list = (await c.get('/api/monitoring/clues?pageSize=200')).json();
      expect(list.items.some((x: { id: string }) => x.id === clueId)).toBe(false);
      const one = await c.get(`/api/monitoring/clues/${clueId}`);
      expect(one.statusCode).toBe(404);
      expect(one.json().error.code).toBe('CLUE_NOT_FOUND');
    }
  });

  it('sorts red before orange and filters by level and text', async () => {
    const h = await createHousehold();
    const red = await report(townClerk, { idNumber: h.idNumber, level: 'RED', targetCategory: 'TEKUN' });
    expect(red.statusCode, red.body).toBe(201);
    const list = (await townClerk.get('/api/monitoring/clues?pageSize=200&status=OPEN')).json();
    expect(list.items[0].level).toBe('RED');
    const reds = (await townClerk.get('/api/monitoring/clues?pageSize=200&level=RED')).json();
    expect(reds.items.every((c: { level: string }) => c.level === 'RED')).toBe(true);
    const byNo = (await townClerk.get(`/api/monitoring/clues?q=${red.json().clue.household.householdNo}`)).json();
    expect(byNo.items.map((c: { id: string }) => c.id)).toContain(red.json().clue.clue.id);
  });
});

describe('assignment', () => {
  it('assigns to a handler whose scope covers the clue, and refuses others', async () => {
    const { clueId } = await newClue();
    const candidates = (await townClerk.get(`/api/monitoring/clues/${clueId}/assignees`)).json();
    expect(candidates.items.map((u: { id: string }) => u.id)).toContain(reviewerId);
    const ok = await townClerk.post(`/api/monitoring/clues/${clueId}/assign`, { userId: reviewerId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().clue).toMatchObject({ status: 'ASSIGNED', assignedTo: reviewerId });
    expect(ok.json().events.map((e: { action: string }) => e.action)).toContain('ASSIGNED');
    for (const userId of [viewerId]) {
      const r = await countyClerk.post(`/api/monitoring/clues/${clueId}/assign`, { userId });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details[0].code).toBe('CLUE_ASSIGNEE_NOT_ALLOWED');
    }
    // Another township's handler: outside the clue's region.
    const r = await countyClerk.post(`/api/monitoring/clues/${clueId}/assign`, { userId: otherTownUserId });
    expect(r.json().error.details[0].code).toBe('CLUE_ASSIGNEE_NOT_ALLOWED');
  });
});

describe('入户核查 (R81)', () => {
  it('records a visit with GPS and two photos → VERIFYING; photos are served back in scope only', async () => {
    const { clueId } = await newClue();
    const v = await visit(clueId);
    const photos = [];
    for (let i = 0; i < 2; i++) {
      const up = multipartFile(`p${i}.png`, PNG, 'photo');
      const r = await townClerk.request({ method: 'POST', url: `/api/monitoring/visits/${v.id}/photos`, ...up });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ mimeType: 'image/png', sizeBytes: PNG.length });
      photos.push(r.json().id as string);
    }
    const d = (await townClerk.get(`/api/monitoring/clues/${clueId}`)).json();
    expect(d.clue.status).toBe('VERIFYING');
    expect(d.visits).toHaveLength(1);
    expect(d.visits[0]).toMatchObject({ latitude: 36.6171, longitude: 101.7782, accuracyM: 12.5, findings: '户主卧病在床，家中无劳动力' });
    expect(d.visits[0].photos).toHaveLength(2);
    const photo = await townClerk.get(`/api/monitoring/visits/${v.id}/photos/${photos[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.rawPayload, PNG)).toBe(0);
    const foreign = await otherCounty.get(`/api/monitoring/visits/${v.id}/photos/${photos[0]}`);
    expect(foreign.statusCode).toBe(404);
    // Not an image.
    const text = multipartFile('a.txt', Buffer.from('hello'), 'photo');
    const bad = await townClerk.request({ method: 'POST', url: `/api/monitoring/visits/${v.id}/photos`, ...text });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe('CLUE_PHOTO_TYPE');
  });

  it('refuses a visit time in the future and half a position', async () => {
    const { clueId } = await newClue();
    const future = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    const r = await townClerk.post(`/api/monitoring/clues/${clueId}/visits`, { checklist: {}, findings: '核查', visitedAt: future, latitude: 36.6 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { code: string }) => d.code).sort()).toEqual(['CLUE_VISIT_POSITION_INCOMPLETE', 'CLUE_VISIT_TIME_FUTURE']);
    const range = await townClerk.post(`/api/monitoring/clues/${clueId}/visits`, { checklist: {}, findings: '核查', latitude: 91, longitude: 0 });
    expect(range.statusCode).toBe(400);
  });
});

describe('办结', () => {
  it('refuses to close without a visit (R81), except EXCLUDED for invalid data with a reason', async () => {
    const { clueId } = await newClue();
    const r = await townClerk.post(`/api/monitoring/clues/${clueId}/close`, { outcome: 'EXCLUDED', reason: '不符合' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CLUE_VISIT_REQUIRED');
    const noReason = await townClerk.post(`/api/monitoring/clues/${clueId}/close`, { outcome: 'EXCLUDED', invalidData: true });
    expect(noReason.statusCode).toBe(409);
    const ok = await townClerk.post(`/api/monitoring/clues/${clueId}/close`, { outcome: 'EXCLUDED', invalidData: true, reason: '身份证号录入错误' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().clue).toMatchObject({ status: 'CLOSED', outcome: 'EXCLUDED', outcomeReason: '身份证号录入错误' });
  });

  it('纳入低保 runs the policy engine, stores the assessment and opens a pending case; a second close is 409', async () => {
    const { clueId, householdId } = await newClue();
    await visit(clueId);
    const r = await townClerk.post(`/api/monitoring/clues/${clueId}/close`, { outcome: 'DIBAO', reason: '家庭无收入，符合低保条件' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.clue).toMatchObject({ status: 'CLOSED', outcome: 'DIBAO' });
    expect(d.clue.assessmentId).toBeTruthy();
    expect(d.assessment).toMatchObject({ id: d.clue.assessmentId, referenceDate: '2026-03-02' });
    expect(d.pendingCase).toMatchObject({ programme: 'DIBAO', status: 'PENDING' });
    const [a] = await database.db.select().from(assessments).where(eq(assessments.id, d.clue.assessmentId));
    expect(a!.householdId).toBe(householdId);
    const [pc] = await database.db.select().from(pendingCases).where(eq(pendingCases.clueId, clueId));
    expect(pc).toMatchObject({ householdId, programme: 'DIBAO', status: 'PENDING' });
    const timeline = (await townClerk.get(`/api/households/${householdId}/timeline`)).json();
    const summaries = (timeline.items as { summary: string }[]).map((i) => i.summary);
    expect(summaries).toContain('预警核查办结：纳入低保（家庭无收入，符合低保条件）');
    expect(summaries.some((s) => s.startsWith('政策核算'))).toBe(true);
    const twice = await townClerk.post(`/api/monitoring/clues/${clueId}/close`, { outcome: 'DIBAO', reason: '再次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CLUE_ALREADY_CLOSED');
  });

  it('转办 needs the department; 纳入监测 adds 防返贫监测 to a rural household and 风险消除 ends it', async () => {
    const a = await newClue('RURAL');
    await visit(a.clueId);
    const noDept = await townClerk.post(`/api/monitoring/clues/${a.clueId}/close`, { outcome: 'REFERRED' });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.details[0].code).toBe('CLUE_REFERRED_TO_REQUIRED');
    const mon = await townClerk.post(`/api/monitoring/clues/${a.clueId}/close`, { outcome: 'MONITORING', reason: '因病致贫风险' });
    expect(mon.statusCode, mon.body).toBe(200);
    expect(mon.json().household.categories).toContain('FANGFANPIN');
    const b = await townClerk.post('/api/monitoring/clues', {
      channel: 'HOME_VISIT', description: '复查风险已消除', targetCategory: 'FANGFANPIN', idNumber: a.idNumber,
    });
    expect(b.statusCode, b.body).toBe(201);
    const bId = b.json().clue.clue.id as string;
    await visit(bId);
    const gone = await townClerk.post(`/api/monitoring/clues/${bId}/close`, { outcome: 'RISK_ELIMINATED', reason: '已稳定就业' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().household.categories).not.toContain('FANGFANPIN');
  });
});

describe('deadlines and escalation (issue 4 §5)', () => {
  it('an overdue clue moves to the county, then to the 市州, once each', async () => {
    const { clueId } = await newClue();
    // Due 2026-03-16; on the 17th it is one working day late.
    t.clock.advance(15 * 86_400_000);
    const admin = await loginAs(t.app, policyAdmin.username);
    const clerk = await loginAs(t.app, townClerkUser.username);
    const r = await admin.post('/api/monitoring/clues/escalate', {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().today).toBe('2026-03-17');
    expect(r.json().escalated).toBeGreaterThanOrEqual(1);
    const d = (await clerk.get(`/api/monitoring/clues/${clueId}`)).json();
    expect(d.clue).toMatchObject({ escalationLevel: 1, overdue: true, overdueWorkingDays: 1 });
    expect(d.events.filter((e: { action: string }) => e.action === 'ESCALATED')).toHaveLength(1);
    const overdue = (await clerk.get('/api/monitoring/clues?overdue=true&pageSize=200')).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toContain(clueId);
    // Running again the same day changes nothing for this clue.
    await admin.post('/api/monitoring/clues/escalate', {});
    expect((await clerk.get(`/api/monitoring/clues/${clueId}`)).json().events.filter((e: { action: string }) => e.action === 'ESCALATED')).toHaveLength(1);
    // A second SLA period later (10 more working days after 03-16 is 03-30): 市州.
    t.clock.advance(14 * 86_400_000);
    const admin2 = await loginAs(t.app, policyAdmin.username);
    await admin2.post('/api/monitoring/clues/escalate', {});
    const clerk2 = await loginAs(t.app, townClerkUser.username);
    expect((await clerk2.get(`/api/monitoring/clues/${clueId}`)).json().clue.escalationLevel).toBe(2);
  });
});
