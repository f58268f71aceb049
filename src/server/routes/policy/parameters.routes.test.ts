import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import type { Role } from '../../../domain/access/roles.js';
import { findParameterInForce } from '../../../db/repos/policy.repo.js';
import type { ParameterHistory, ParameterList, ParameterVersion, ProposalList } from '../../../contracts/policy.schemas.js';

let database: TestDatabase;
let t: TestApp;

interface Signed {
  id: string;
  name: string;
  client: Client;
}

/** 城东区 (630102) policy admins, one of 城中区 (630103), one for the province, a clerk, an auditor. */
let admin1: Signed;
let admin2: Signed;
let otherCounty: Signed;
let province: Signed;
let clerk: Signed;
let auditor: Signed;

async function signIn(roles: Role[], regionCode: string): Promise<Signed> {
  const u = await createTestUser(database, { roles, regionCode });
  return { id: u.id, name: u.displayName, client: await loginAs(t.app, u.username) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  admin1 = await signIn(['POLICY_ADMIN'], '630102');
  admin2 = await signIn(['POLICY_ADMIN'], '630102');
  otherCounty = await signIn(['POLICY_ADMIN'], '630103');
  province = await signIn(['POLICY_ADMIN'], '63');
  clerk = await signIn(['TOWNSHIP_CLERK'], '630102');
  auditor = await signIn(['AUDIT_ADMIN'], '63');
});
afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

const proposal = (over: Record<string, unknown> = {}) => ({
  code: 'P10',
  regionCode: '630102',
  urbanRural: 'ALL',
  effectiveFrom: '2027-01-01',
  value: 10,
  confidence: 'PLACEHOLDER',
  reason: '城东区延长公示期，便于群众监督',
  ...over,
});

async function propose(who: Signed, over: Record<string, unknown> = {}): Promise<ParameterVersion> {
  const res = await who.client.post('/api/policy/proposals', proposal(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function parametersOf(who: Signed, regionCode: string, date: string): Promise<ParameterList> {
  const res = await who.client.get(`/api/policy/parameters?regionCode=${regionCode}&date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const itemOf = (list: ParameterList, code: string, urbanRural = 'ALL') => list.items.find((i) => i.code === code && i.urbanRural === urbanRural)!;

async function auditOf(entityId: string) {
  const res = await auditor.client.get(`/api/audit?entityId=${entityId}&pageSize=50`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { action: string; actorId: string | null; after: { summary?: string } | null }[] }).items;
}

describe('four-eyes editing of policy parameters (issue 3 §1)', () => {
  it('a proposal approved by a second admin is in force from its date, not before', async () => {
    const before = await parametersOf(clerk, '630102', '2027-01-01');
    expect(itemOf(before, 'P10')).toMatchObject({ inherited: true, inForce: { regionCode: '63', value: 7, status: 'APPROVED' } });

    const draft = await propose(admin1);
    expect(draft).toMatchObject({ status: 'DRAFT', value: 10, createdBy: admin1.id, createdByName: admin1.name, regionName: '城东区', isDefault: false });
    const pending = await parametersOf(clerk, '630102', '2027-01-01');
    expect(itemOf(pending, 'P10')).toMatchObject({ pendingCount: 1, inForce: { value: 7 } });
    expect(await findParameterInForce(database.db, 'P10', '630102', '2027-06-01')).toMatchObject({ value: 7, regionCode: '63' });

    const res = await admin2.client.post(`/api/policy/proposals/${draft.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'APPROVED', reviewedBy: admin2.id, reviewedByName: admin2.name });

    const after = await parametersOf(clerk, '630102', '2027-01-01');
    expect(itemOf(after, 'P10')).toMatchObject({ inherited: false, pendingCount: 0, inForce: { id: draft.id, value: 10, valueText: '10天' } });
    const earlier = await parametersOf(clerk, '630102', '2026-12-31');
    expect(itemOf(earlier, 'P10')).toMatchObject({ inherited: true, inForce: { regionCode: '63', value: 7 }, upcoming: { id: draft.id, effectiveFrom: '2027-01-01' } });
    // Another county keeps the provincial value.
    const other = await parametersOf(otherCounty, '630103', '2027-06-01');
    expect(itemOf(other, 'P10').inForce).toMatchObject({ regionCode: '63', value: 7 });
    // The engine's lookup sees the same.
    expect(await findParameterInForce(database.db, 'P10', '630102001001', '2027-06-01')).toMatchObject({ id: draft.id, value: 10 });
    expect(await findParameterInForce(database.db, 'P10', '630102', '2026-12-31')).toMatchObject({ regionCode: '63', value: 7 });

    const audit = await auditOf(draft.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['policy.parameter.approve', 'policy.parameter.propose']);
    const proposed = audit.find((e) => e.action === 'policy.parameter.propose')!;
    expect(proposed.actorId).toBe(admin1.id);
    expect(proposed.after?.summary).toBe('提议修改 P10 低保公示期（630102 城乡通用）：10天，2027-01-01起施行');
    expect(audit.find((e) => e.action === 'policy.parameter.approve')!.actorId).toBe(admin2.id);
  });

  it('history shows every version with who proposed and approved it, when and why', async () => {
    const res = await clerk.client.get('/api/policy/parameters/P10/history?regionCode=630102');
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as ParameterHistory;
    expect(h).toMatchObject({ code: 'P10', name: '低保公示期', regionCode: '630102', regionName: '城东区' });
    expect(h.items[0]).toMatchObject({
      status: 'APPROVED',
      regionCode: '630102',
      createdByName: admin1.name,
      reviewedByName: admin2.name,
      reason: '城东区延长公示期，便于群众监督',
      effectiveFrom: '2027-01-01',
    });
    expect(h.items[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(h.items[0]!.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The shipped provincial version is part of the path's history.
    expect(h.items.at(-1)).toMatchObject({ regionCode: '63', isDefault: true, createdByName: null, status: 'APPROVED' });
    // Another county's history does not show 城东区's version.
    const other = await otherCounty.client.get('/api/policy/parameters/P10/history?regionCode=630103');
    expect((other.json() as ParameterHistory).items.every((v) => v.regionCode !== '630102')).toBe(true);
    expect((await clerk.client.get('/api/policy/parameters/P99/history')).json().error.code).toBe('POLICY_PARAMETER_NOT_FOUND');
  });

  it('refuses self-approval and self-rejection (POLICY_SELF_APPROVAL)', async () => {
    const draft = await propose(admin1, { code: 'P11', value: 4 });
    const approve = await admin1.client.post(`/api/policy/proposals/${draft.id}/approve`, {});
    expect(approve.statusCode).toBe(403);
    expect(approve.json().error.code).toBe('POLICY_SELF_APPROVAL');
    const reject = await admin1.client.post(`/api/policy/proposals/${draft.id}/reject`, { note: '自己驳回' });
    expect(reject.json().error.code).toBe('POLICY_SELF_APPROVAL');

    const list = (await admin1.client.get('/api/policy/proposals')).json() as ProposalList;
    expect(list.items.find((p) => p.id === draft.id)).toMatchObject({ status: 'DRAFT', mine: true, replaces: { regionCode: '63', valueText: '3个工作日' } });
    const seenBy2 = (await admin2.client.get('/api/policy/proposals')).json() as ProposalList;
    expect(seenBy2.items.find((p) => p.id === draft.id)).toMatchObject({ mine: false });
    expect(itemOf(await parametersOf(clerk, '630102', '2027-06-01'), 'P11').inForce).toMatchObject({ regionCode: '63', value: 3 });
  });

  it('keeps proposals and regions outside the scope out of reach', async () => {
    const foreign = await admin1.client.post('/api/policy/proposals', proposal({ code: 'P12', regionCode: '630103' }));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('REGION_NOT_FOUND');
    const up = await admin1.client.post('/api/policy/proposals', proposal({ code: 'P12', regionCode: '63' }));
    expect(up.json().error.code).toBe('REGION_NOT_FOUND');
    const village = await admin1.client.post('/api/policy/proposals', proposal({ code: 'P12', regionCode: '630102001' }));
    expect(village.statusCode).toBe(400);
    expect(village.json().error.details).toEqual([{ path: 'regionCode', code: 'POLICY_REGION_LEVEL' }]);

    const draft = await propose(admin1, { code: 'P12', value: 12 });
    const byOther = await otherCounty.client.post(`/api/policy/proposals/${draft.id}/approve`, {});
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().error.code).toBe('POLICY_PROPOSAL_NOT_FOUND');
    expect(((await otherCounty.client.get('/api/policy/proposals')).json() as ProposalList).items.some((p) => p.id === draft.id)).toBe(false);
    expect((await otherCounty.client.get('/api/policy/parameters?regionCode=630102')).json().error.code).toBe('REGION_NOT_FOUND');
    // A clerk reads parameters but cannot propose or approve.
    expect((await clerk.client.post(`/api/policy/proposals/${draft.id}/approve`, {})).statusCode).toBe(403);

    // The province admin sees and approves county proposals; province-wide values are his.
    const byProvince = await province.client.post(`/api/policy/proposals/${draft.id}/approve`, { note: '同意' });
    expect(byProvince.statusCode, byProvince.body).toBe(200);
    expect(byProvince.json()).toMatchObject({ status: 'APPROVED', reviewNote: '同意' });
    const again = await admin2.client.post(`/api/policy/proposals/${draft.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('POLICY_PROPOSAL_NOT_PENDING');

    const national = await admin1.client.post('/api/policy/proposals', proposal({ code: 'P42', value: false }));
    expect(national.json().error.details).toEqual([{ path: 'regionCode', code: 'POLICY_PARAMETER_PROVINCE_ONLY', params: { code: 'P42' } }]);
  });

  it('normalises an annual standard of 5,400元/年 to 45,000 fen a month and keeps the published figure', async () => {
    const draft = await propose(admin1, {
      code: 'P01',
      urbanRural: 'RURAL',
      value: { amount: 5400, unit: 'YUAN_PER_PERSON_YEAR' },
      confidence: 'OFFICIAL',
      basisDocument: '青民发〔2026〕1号',
      reason: '按省厅文件提高农村低保标准',
    });
    expect(draft.value).toEqual({ monthlyFen: 45000, published: { amount: 5400, unit: 'YUAN_PER_PERSON_YEAR' } });
    expect(draft.valueText).toBe('每人每月 450.00元（公布标准 每人每年 5,400.00元）');
    expect(draft).toMatchObject({ confidence: 'OFFICIAL', note: '文件依据：青民发〔2026〕1号', urbanRural: 'RURAL' });
    const audit = await auditOf(draft.id);
    expect(audit[0]!.after?.summary).toBe('提议修改 P01 低保标准（630102 农村）：每人每月 450.00元（公布标准 每人每年 5,400.00元），2027-01-01起施行');

    // Decimal text, half up to the fen: 5400.06 / 12 = 450.005 → 450.01.
    const odd = await propose(admin1, { code: 'P01', urbanRural: 'URBAN', value: { amount: '5400.06', unit: 'YUAN_PER_PERSON_YEAR' } });
    expect(odd.value).toEqual({ monthlyFen: 45001, published: { amount: 5400.06, unit: 'YUAN_PER_PERSON_YEAR' } });
    // Monthly figures are taken as they are, without floating-point error.
    const monthly = await propose(admin1, { code: 'P01', urbanRural: 'URBAN', effectiveFrom: '2027-07-01', value: { amount: '0.3', unit: 'YUAN_PER_PERSON_MONTH' } });
    expect(monthly.value).toEqual({ monthlyFen: 30, published: { amount: 0.3, unit: 'YUAN_PER_PERSON_MONTH' } });

    await admin2.client.post(`/api/policy/proposals/${draft.id}/approve`, {});
    const list = await parametersOf(clerk, '630102', '2027-01-01');
    expect(itemOf(list, 'P01', 'RURAL')).toMatchObject({ inForce: { value: { monthlyFen: 45000 }, confidence: 'OFFICIAL' } });
    expect(itemOf(list, 'P01', 'URBAN')).toMatchObject({ inForce: null, pendingCount: 2 });
    expect(await findParameterInForce(database.db, 'P01', '630102001001', '2027-01-01', 'RURAL')).toMatchObject({ value: { monthlyFen: 45000 } });
    expect(await findParameterInForce(database.db, 'P01', '630102001001', '2027-01-01', 'URBAN')).toBeNull();
  });

  it('refuses invalid proposals with the path of each violation', async () => {
    const bad = async (over: Record<string, unknown>) => {
      const res = await admin1.client.post('/api/policy/proposals', proposal({ code: 'P13', ...over }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      return res.json().error.details as { path: string; code: string; params?: Record<string, unknown> }[];
    };
    expect(await bad({ value: 0 })).toEqual([{ path: 'value', code: 'POLICY_VALUE_INVALID', params: { problem: expect.stringContaining('positive integer') } }]);
    expect(await bad({ value: 'thirty' })).toMatchObject([{ path: 'value', code: 'POLICY_VALUE_INVALID' }]);
    const struct = await bad({ code: 'P05', urbanRural: 'RURAL', value: { mode: 'NONE', rate: 1.2, capMultipleOfStandard: 1, documentedWorkersOnly: true } });
    expect(struct).toMatchObject([{ path: 'value.rate', code: 'POLICY_VALUE_INVALID' }]);
    expect(await bad({ urbanRural: 'RURAL' })).toEqual([{ path: 'urbanRural', code: 'POLICY_URBAN_RURAL_NOT_SPLIT', params: { code: 'P13' } }]);
    expect(await bad({ effectiveFrom: '2027-02-30' })).toEqual([{ path: 'effectiveFrom', code: 'POLICY_EFFECTIVE_DATE_INVALID' }]);
    expect(await bad({ reason: 'because' })).toEqual([{ path: 'reason', code: 'POLICY_REASON_REQUIRED' }]);
    expect(await bad({ confidence: 'OFFICIAL' })).toEqual([{ path: 'basisDocument', code: 'POLICY_BASIS_DOCUMENT_REQUIRED' }]);
    expect(await bad({ code: 'P99' })).toEqual([{ path: 'code', code: 'POLICY_PARAMETER_UNKNOWN', params: { code: 'P99' } }]);
    expect(await bad({ code: 'P01', urbanRural: 'RURAL', value: { amount: '450.123', unit: 'YUAN_PER_PERSON_MONTH' } })).toMatchObject([
      { path: 'value.amount', code: 'CELL_MONEY_PRECISION' },
    ]);
    expect(await bad({ code: 'P01', urbanRural: 'RURAL', value: { amount: 450, unit: 'YUAN' } })).toEqual([{ path: 'value.unit', code: 'POLICY_MONEY_UNIT_INVALID' }]);
    expect(await bad({ code: 'P01', urbanRural: 'RURAL', value: 45000 })).toEqual([{ path: 'value.amount', code: 'POLICY_MONEY_INVALID' }]);
    expect(((await admin1.client.get('/api/policy/proposals')).json() as ProposalList).items.some((p) => p.code === 'P13')).toBe(false);
  });

  it('rejects with a note, lets only the proposer withdraw, and neither comes into force', async () => {
    const toReject = await propose(admin1, { code: 'P15', value: 5 });
    const noNote = await admin2.client.post(`/api/policy/proposals/${toReject.id}/reject`, { note: '  ' });
    expect(noNote.json().error.details).toEqual([{ path: 'note', code: 'POLICY_REVIEW_NOTE_REQUIRED' }]);
    const rejected = await admin2.client.post(`/api/policy/proposals/${toReject.id}/reject`, { note: '缺少县政府批复文件' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', reviewedBy: admin2.id, reviewNote: '缺少县政府批复文件' });
    expect((await admin2.client.post(`/api/policy/proposals/${toReject.id}/approve`, {})).json().error.code).toBe('POLICY_PROPOSAL_NOT_PENDING');

    const duplicate = await propose(admin1, { code: 'P15', value: 6 });
    const twice = await admin2.client.post('/api/policy/proposals', proposal({ code: 'P15', value: 7 }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('POLICY_PROPOSAL_DUPLICATE');

    // The same value and confidence as the version in force then (P14: 45 working days,
    // official, R38) would change nothing: refused. The same value as a placeholder is a change.
    const unchanged = await admin2.client.post('/api/policy/proposals', proposal({ code: 'P14', value: 45, confidence: 'OFFICIAL', basisDocument: '民发〔2021〕57号' }));
    expect(unchanged.statusCode, unchanged.body).toBe(409);
    expect(unchanged.json().error).toMatchObject({
      code: 'POLICY_PROPOSAL_UNCHANGED',
      details: [{ path: 'value', code: 'POLICY_PROPOSAL_UNCHANGED', params: { code: 'P14', effectiveFrom: '2021-01-01' } }],
    });
    expect((await admin2.client.post('/api/policy/proposals', proposal({ code: 'P14', value: 45, confidence: 'PLACEHOLDER' }))).statusCode).toBe(201);
    // A structure compares by content, whatever the order of its fields (P22 as shipped, R35–R38).
    const sameStruct = await admin2.client.post('/api/policy/proposals', proposal({ code: 'P22', value: { confirmationWorkingDays: 10, publicityDays: 7, townshipInvestigationWorkingDays: 15 } }));
    expect(sameStruct.json().error?.code).toBe('POLICY_PROPOSAL_UNCHANGED');

    const notMine = await admin2.client.post(`/api/policy/proposals/${duplicate.id}/withdraw`, {});
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('POLICY_PROPOSAL_NOT_OWN');
    const withdrawn = await admin1.client.post(`/api/policy/proposals/${duplicate.id}/withdraw`, { note: '数值有误，重新提议' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'WITHDRAWN' });
    expect((await admin1.client.post(`/api/policy/proposals/${duplicate.id}/withdraw`, {})).json().error.code).toBe('POLICY_PROPOSAL_NOT_PENDING');

    const pending = (await admin2.client.get('/api/policy/proposals')).json() as ProposalList;
    expect(pending.items.some((p) => p.id === toReject.id || p.id === duplicate.id)).toBe(false);
    expect(itemOf(await parametersOf(clerk, '630102', '2027-06-01'), 'P15')).toMatchObject({ pendingCount: 0, inForce: { regionCode: '63' } });
    const history = (await clerk.client.get('/api/policy/parameters/P15/history?regionCode=630102')).json() as ParameterHistory;
    expect(history.items.slice(0, 2).map((v) => v.status).sort()).toEqual(['REJECTED', 'WITHDRAWN']);
    expect((await auditOf(duplicate.id)).map((e) => e.action).sort()).toEqual(['policy.parameter.propose', 'policy.parameter.withdraw']);
  });
});
