/**
 * The authorisation matrix (issue 2 §12). Every /api route must be listed in MATRIX with
 * the access it declares and how its records are scoped; a route added without a line
 * here fails the first test. For every route the suite then checks:
 *   - without a session: 401 (public routes excepted);
 *   - for a permission route, every role lacking the permission gets 403 FORBIDDEN (the
 *     check runs in preValidation, before any schema validation, so bodies can be empty);
 *   - a user of ANOTHER county who has the permission cannot reach county A's records:
 *     404 *_NOT_FOUND for a record named in the path, absent from lists, refused when the
 *     body names a place outside his scope; and a county A user reaches them (control).
 *
 * Adding a route is one line, e.g.
 *   'GET /api/households/:id': { access: 'registry:read', scoped: 'id' },
 * Path parameters are filled from the segment before them: `/households/:id` gets county
 * A's household, `/members/:memberId` its member, `/regions/:code` its county code, and so
 * on (see `foreign` below; unknown segments get a random UUID).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app.js';
import { createTestUser } from '../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../test/builders/households.js';
import { csvFile, memberRow, multipartFile, toGrid } from '../../../test/builders/import-files.js';
import { generateIdNumber } from '../../domain/registry/id-number.js';
import { hasPermission, ROLES, type Permission, type Role } from '../../domain/access/roles.js';
import type { RouteAccess } from '../plugins/auth.js';
import { benefitStatuses, policyParameters } from '../../db/schema/index.js';

type Scoped =
  /** Path parameters name county A's records: another county gets 404 *_NOT_FOUND. */
  | 'id'
  | 'code'
  /** A list: none of county A's records appear for another county. */
  | 'list'
  /** The body names a place (`body`) in county A: another county is refused (403/404). */
  | 'body'
  /** Nothing region-scoped to check here (say why in a comment). */
  | 'none';

interface Expected {
  access: RouteAccess;
  scoped: Scoped;
  /** A valid body, so that the scope check is reached (validation runs before handlers). */
  body?: () => unknown;
  /** Query string for the calls, without '?'. */
  query?: string;
  /** For 'list': the control user of county A must see one of its records (default true). */
  control?: boolean;
}

const CATEGORY_BODY = () => ({ category: 'DIBAO', effectiveFrom: '2026-01-01' });

const MATRIX: Record<string, Expected> = {
  // system and session
  'GET /api/health': { access: 'public', scoped: 'none' },
  'POST /api/auth/login': { access: 'public', scoped: 'none' },
  'GET /api/auth/session': { access: 'session', scoped: 'none' },
  'POST /api/auth/logout': { access: 'session', scoped: 'none' },
  'POST /api/auth/password': { access: 'session', scoped: 'none' },
  // regions
  'GET /api/regions': { access: 'session', scoped: 'list' },
  'GET /api/regions/search': { access: 'session', scoped: 'list', query: 'q=社区' },
  'GET /api/regions/:code': { access: 'session', scoped: 'code' },
  'PATCH /api/regions/:code': { access: 'region:manage', scoped: 'code', body: () => ({}) },
  // users and roles
  'GET /api/users': { access: ['user:manage', 'user:assign-roles'], scoped: 'list', query: 'pageSize=100' },
  'POST /api/users': { access: 'user:manage', scoped: 'body', body: () => ({ username: `m_${randomUUID().slice(0, 8)}`, displayName: '越权', regionCode: '630102' }) },
  'PATCH /api/users/:id': { access: 'user:manage', scoped: 'id', body: () => ({ displayName: '改名' }) },
  'POST /api/users/:id/reset-password': { access: 'user:manage', scoped: 'id' },
  'POST /api/users/:id/unlock': { access: 'user:manage', scoped: 'id' },
  'PUT /api/users/:id/roles': { access: 'user:assign-roles', scoped: 'id', body: () => ({ roles: [] }) },
  // Role definitions are the same everywhere.
  'GET /api/roles': { access: 'session', scoped: 'none' },
  // audit
  'GET /api/audit': { access: 'audit:read', scoped: 'list', query: 'pageSize=100' },
  // The chain check covers the whole log and returns only counts.
  'GET /api/audit/verify': { access: 'audit:read', scoped: 'none' },
  // households and persons
  'GET /api/households': { access: 'registry:read', scoped: 'list', query: 'pageSize=100' },
  'GET /api/households/export': { access: 'registry:export', scoped: 'list' },
  'GET /api/households/duplicates': { access: 'registry:read', scoped: 'list' },
  'POST /api/households': { access: 'registry:write', scoped: 'body', body: () => householdBody({ regionCode: '630102001001' }) },
  'GET /api/households/:id': { access: 'registry:read', scoped: 'id' },
  'PATCH /api/households/:id': { access: 'registry:write', scoped: 'id', body: () => ({ version: 1, address: '越权路1号' }) },
  'GET /api/households/:id/timeline': { access: 'registry:read', scoped: 'id' },
  'POST /api/households/:id/members': { access: 'registry:write', scoped: 'id', body: () => ({ name: '王小明', idNumber: testIdNumber('630103', '2010-01-01'), relationship: 'CHILD' }) },
  'POST /api/households/:id/members/:memberId/remove': { access: 'registry:write', scoped: 'id', body: () => ({ leftOn: '2026-03-01', reason: '迁出' }) },
  'PATCH /api/persons/:id': { access: 'registry:write', scoped: 'id', body: () => ({ ethnicity: '藏族' }) },
  'POST /api/persons/:id/reveal': { access: 'person:reveal', scoped: 'id', body: () => ({ field: 'idNumber' }) },
  'POST /api/households/:id/incomes': { access: 'registry:write', scoped: 'id', body: () => ({ incomeType: 'WAGE', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountFen: 100, source: 'DECLARED' }) },
  'POST /api/households/:id/incomes/:itemId/remove': { access: 'registry:write', scoped: 'id' },
  'POST /api/households/:id/assets': { access: 'registry:write', scoped: 'id', body: () => ({ assetType: 'LIVESTOCK', species: 'YAK', quantity: 3, source: 'DECLARED' }) },
  'POST /api/households/:id/assets/:itemId/remove': { access: 'registry:write', scoped: 'id' },
  'POST /api/households/:id/expenditures': { access: 'registry:write', scoped: 'id', body: () => ({ expenditureType: 'MEDICAL_OUT_OF_POCKET', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountFen: 100, source: 'DECLARED' }) },
  'DELETE /api/households/:id/expenditures/:itemId': { access: 'registry:write', scoped: 'id' },
  // `:personId` is filled with the member id (segment `members`): the county A control answers 400 (not a member).
  'PUT /api/households/:id/members/:personId/policy-facts': { access: 'registry:write', scoped: 'id', body: () => ({ meansTestExclusion: 'PRISON', selfCare: null, support: null, obligors: [] }) },
  'POST /api/households/:id/categories': { access: 'registry:write', scoped: 'id', body: CATEGORY_BODY },
  'POST /api/households/:id/categories/:itemId/end': { access: 'registry:write', scoped: 'id', body: () => ({ effectiveTo: '2026-03-01', reason: '收入超标' }) },
  'GET /api/stats/categories': { access: 'registry:read', scoped: 'list' },
  // imports
  'GET /api/imports/template': { access: 'registry:import', scoped: 'list' },
  // Rows outside the uploader's scope are refused row by row (imports.routes.test.ts).
  'POST /api/imports': { access: 'registry:import', scoped: 'none' },
  'GET /api/imports': { access: 'registry:import', scoped: 'list' },
  'GET /api/imports/:id': { access: 'registry:import', scoped: 'id' },
  'GET /api/imports/:id/errors': { access: 'registry:import', scoped: 'id' },
  'GET /api/imports/:id/report': { access: 'registry:import', scoped: 'id' },
  // policy parameters: `regionCode` names county A (another county gets REGION_NOT_FOUND)
  'GET /api/policy/parameters': { access: 'policy:read', scoped: 'code', query: `regionCode=630102` },
  'GET /api/policy/parameters/:code/history': { access: 'policy:read', scoped: 'code', query: `regionCode=630102` },
  'GET /api/policy/proposals': { access: 'policy:manage', scoped: 'list' },
  'POST /api/policy/proposals': { access: 'policy:manage', scoped: 'body', body: () => ({ code: 'P10', regionCode: '630102', effectiveFrom: '2027-01-01', value: 9, confidence: 'PLACEHOLDER', reason: '越权提议' }) },
  // County A's control is its proposer: approve/reject answer 403 POLICY_SELF_APPROVAL, withdraw succeeds.
  'POST /api/policy/proposals/:id/approve': { access: 'policy:manage', scoped: 'id', body: () => ({}) },
  'POST /api/policy/proposals/:id/reject': { access: 'policy:manage', scoped: 'id', body: () => ({ note: '越权驳回' }) },
  'POST /api/policy/proposals/:id/withdraw': { access: 'policy:manage', scoped: 'id', body: () => ({}) },
  // policy engine: decisions of county A's household, runs over county A's draft proposal
  'POST /api/households/:id/assessments': { access: 'assessment:run', scoped: 'id', body: () => ({}) },
  'GET /api/households/:id/assessments': { access: 'registry:read', scoped: 'id' },
  'PUT /api/households/:id/benefit-status/review-class': { access: 'assessment:run', scoped: 'id', body: () => ({ reviewClass: 'UNSTABLE', reason: '户主季节性外出务工' }) },
  'GET /api/assessments/:id': { access: 'registry:read', scoped: 'id' },
  'GET /api/assessments/:id/pdf': { access: 'registry:read', scoped: 'id' },
  'GET /api/benefit-recipients': { access: 'registry:read', scoped: 'list', query: 'pageSize=100' },
  'GET /api/benefit-recipients/export': { access: 'registry:export', scoped: 'list' },
  'POST /api/policy/reassessments': { access: 'reassessment:run', scoped: 'body', body: () => ({ mode: 'WHAT_IF', parameterVersionIds: [foreign.proposals] }) },
  'GET /api/policy/reassessments': { access: 'policy:read', scoped: 'list' },
  'GET /api/policy/reassessments/:id': { access: 'policy:read', scoped: 'id' },
  'GET /api/policy/reassessments/:id/changes': { access: 'registry:read', scoped: 'id' },
  // monitoring board: `regionCode` names county A (another county gets REGION_NOT_FOUND)
  'GET /api/monitoring/board': { access: 'monitoring:read', scoped: 'code', query: 'regionCode=630102' },
  // clue queue: county A's clue, its visit and photo
  'GET /api/monitoring/clues': { access: 'monitoring:read', scoped: 'list', query: 'pageSize=200' },
  'POST /api/monitoring/clues': { access: 'monitoring:report', scoped: 'body', body: () => ({ channel: 'HOTLINE', idNumber: testIdNumber('630102', '1970-01-01'), name: '越权', regionCode: '630102001001', description: '越权登记', targetCategory: 'DIBAO' }) },
  // Escalates only clues in the caller's own region and answers a count.
  'POST /api/monitoring/clues/escalate': { access: 'monitoring:manage', scoped: 'none' },
  'GET /api/monitoring/clues/:id': { access: 'monitoring:read', scoped: 'id' },
  'GET /api/monitoring/clues/:id/assignees': { access: 'monitoring:handle', scoped: 'id' },
  // County A's control names a user without monitoring:handle: 400 CLUE_ASSIGNEE_NOT_ALLOWED.
  'POST /api/monitoring/clues/:id/assign': { access: 'monitoring:handle', scoped: 'id', body: () => ({ userId: foreign.users }) },
  'POST /api/monitoring/clues/:id/visits': { access: 'monitoring:handle', scoped: 'id', body: () => ({ checklist: {}, findings: '越权核查' }) },
  // No file: county A's control answers 400 CLUE_PHOTO_REQUIRED.
  'POST /api/monitoring/visits/:id/photos': { access: 'monitoring:handle', scoped: 'id' },
  'GET /api/monitoring/visits/:id/photos/:photoId': { access: 'monitoring:read', scoped: 'id' },
  'POST /api/monitoring/clues/:id/close': { access: 'monitoring:handle', scoped: 'id', body: () => ({ outcome: 'EXCLUDED', reason: '越权办结' }) },
  // warning rules: province-wide definitions; switches and precision are filtered to the caller's scope
  'GET /api/monitoring/rules': { access: 'monitoring:read', scoped: 'list', control: false },
  // Rules are edited by province users only (a county gets MONITORING_RULE_PROVINCE_ONLY).
  'PUT /api/monitoring/rules/:id': { access: 'monitoring:manage', scoped: 'none' },
  'PUT /api/monitoring/rules/:id/regions/:regionCode': { access: 'monitoring:manage', scoped: 'code', body: () => ({ enabled: true }) },
  // monthly comparison: a run always covers the caller's own region
  'POST /api/monitoring/comparisons': { access: 'monitoring:manage', scoped: 'none' },
  'GET /api/monitoring/comparisons': { access: 'monitoring:read', scoped: 'list' },
  'GET /api/monitoring/comparisons/:id': { access: 'monitoring:read', scoped: 'id' },
};


// Department data (issue 4 §1–§3) is province-wide: batches and mappings belong to no county.
Object.assign(MATRIX, {
  'GET /api/dept/sources': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/sources/:code/mapping': { access: 'dept:upload', scoped: 'none' },
  'PUT /api/dept/sources/:code/mapping': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/sources/:code/template': { access: 'dept:upload', scoped: 'none' },
  'POST /api/dept/batches': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/batches': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/batches/:id': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/batches/:id/errors': { access: 'dept:upload', scoped: 'none' },
  'GET /api/dept/batches/:id/report': { access: 'dept:upload', scoped: 'none' },
  // Rows are listed only for the caller's counties (dept-batches.routes.test.ts).
  'GET /api/dept/batches/:id/records': { access: 'dept:upload', scoped: 'none' },
  'POST /api/dept/push/:sourceCode': { access: 'dept-api-key', scoped: 'none' },
  'GET /api/dept/keys': { access: 'dept:keys', scoped: 'none' },
  'POST /api/dept/keys': { access: 'dept:keys', scoped: 'none' },
  'POST /api/dept/keys/:id/revoke': { access: 'dept:keys', scoped: 'none' },
} satisfies Record<string, Expected>);

const COUNTY_A = '630102'; // 城东区: owns the records
const COUNTY_B = '630103'; // 城中区: the other county

let database: TestDatabase;
let t: TestApp;
let routes: { key: string; method: string; url: string; access: RouteAccess | undefined }[];
/** One signed-in user per role, in county A and in county B. */
const inA = new Map<Role, Client>();
const inB = new Map<Role, Client>();
/** County A's records, keyed by the path segment that precedes their parameter. */
const foreign: Record<string, string> = {};
/** Strings that must never appear in another county's answers. */
let markers: string[] = [];

function fillPath(url: string): string {
  const parts = url.split('/');
  return parts.map((p, i) => (p.startsWith(':') ? (foreign[parts[i - 1]!] ?? randomUUID()) : p)).join('/');
}

function permissionsOf(access: RouteAccess): Permission[] | null {
  // 'dept-api-key': no session or role is involved (dept-batches.routes.test.ts covers the keys).
  if (access === 'public' || access === 'session' || access === 'dept-api-key') return null;
  return typeof access === 'string' ? [access] : [...access];
}

function holder(access: RouteAccess): Role {
  const wanted = permissionsOf(access);
  const role = wanted ? ROLES.find((r) => wanted.some((p) => hasPermission([r], p))) : 'TOWNSHIP_CLERK';
  if (!role) throw new Error(`no role holds ${String(access)}`);
  return role;
}

/** Call a route; a call that hangs (e.g. a read outside an open PGlite transaction) fails by name. */
async function call(client: Client | null, method: string, url: string, e: Expected): Promise<LightMyRequestResponse> {
  const target = fillPath(url) + (e.query ? `?${e.query}` : '');
  const payload = e.body?.() as Record<string, unknown> | undefined;
  const opts = { method: method as 'GET', url: target, ...(payload ? { payload } : {}) };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} ${url} did not answer within 15 s`)), 15_000);
  });
  try {
    return await Promise.race([client ? client.request(opts) : t.app.inject(opts), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Response text, with spreadsheets unpacked so their cells can be searched. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return cells.join('\n');
}

async function created(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  routes = t.app.routeList
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
    .map((r) => ({ ...r, key: `${r.method} ${r.url}` }));

  for (const role of ROLES) {
    for (const [county, map] of [[COUNTY_A, inA], [COUNTY_B, inB]] as const) {
      const u = await createTestUser(database, { roles: [role], regionCode: county });
      map.set(role, await loginAs(t.app, u.username));
    }
  }

  // County A's records, made through the API as county A's staff.
  const clerk = inA.get('TOWNSHIP_CLERK')!;
  const headName = `柯${randomUUID().slice(0, 4)}`;
  const household = await created(
    await clerk.post('/api/households', householdBody({ regionCode: '630102001001', headName, headId: generateIdNumber(COUNTY_A, '1958-05-05', 101) })),
    'household',
  );
  // A second household whose head shares name and birth date with the first: a likely duplicate.
  await created(
    await clerk.post('/api/households', householdBody({ regionCode: '630102001004', headName, headId: generateIdNumber(COUNTY_A, '1958-05-05', 103), members: [] })),
    'twin household',
  );
  const withIncome = await created(await clerk.post(`/api/households/${household.id}/incomes`, MATRIX['POST /api/households/:id/incomes']!.body!()), 'income');
  const withAsset = await created(await clerk.post(`/api/households/${household.id}/assets`, MATRIX['POST /api/households/:id/assets']!.body!()), 'asset');
  const withExpenditure = await created(
    await clerk.post(`/api/households/${household.id}/expenditures`, MATRIX['POST /api/households/:id/expenditures']!.body!()),
    'expenditure',
  );
  const withCategory = await created(await clerk.post(`/api/households/${household.id}/categories`, CATEGORY_BODY()), 'category');
  const account = await created(
    await inA.get('SYSTEM_ADMIN')!.post('/api/users', { username: `a_${randomUUID().slice(0, 8)}`, displayName: '甲县账号', regionCode: '630102001' }),
    'user',
  );
  const importName = `甲县导入-${randomUUID().slice(0, 8)}.csv`;
  const upload = multipartFile(importName, csvFile(toGrid([memberRow({ 身份证号: '630102' })])));
  const batch = await created(await clerk.request({ method: 'POST', url: '/api/imports', ...upload }), 'import batch');
  await t.jobs.drain();
  const proposal = await created(
    await inA.get('POLICY_ADMIN')!.post('/api/policy/proposals', { code: 'P11', regionCode: COUNTY_A, effectiveFrom: '2027-01-01', value: 5, confidence: 'PLACEHOLDER', reason: '甲县提议' }),
    'policy proposal',
  );
  // A standard for county A so that its household can be assessed (the shipped set has no P01).
  await database.db.insert(policyParameters).values({
    code: 'P01', name: '低保标准', regionCode: COUNTY_A, urbanRural: 'ALL', effectiveFrom: '2021-01-01',
    value: { monthlyFen: 80_000, published: { amount: 800, unit: 'YUAN_PER_PERSON_MONTH' } }, confidence: 'PLACEHOLDER', basis: 'test', status: 'APPROVED', isDefault: false,
  });
  const assessment = await created(await clerk.post(`/api/households/${household.id}/assessments`, {}), 'assessment');
  // A recipient in county A for the 低保对象 list, whatever that 核算 concluded.
  await database.db
    .insert(benefitStatuses)
    .values({ householdId: household.id, countyCode: COUNTY_A, status: 'ACTIVE', monthlyAmountFen: 10_000, sinceMonth: '2026-01-01' })
    .onConflictDoNothing();
  const run = await created(await inA.get('POLICY_ADMIN')!.post('/api/policy/reassessments', { mode: 'WHAT_IF', parameterVersionIds: [proposal.id] }), 'reassessment');
  await t.jobs.drain();
  const clue = await created(
    await clerk.post('/api/monitoring/clues', { channel: 'HOTLINE', idNumber: generateIdNumber(COUNTY_A, '1958-05-05', 101), description: '甲县线索', targetCategory: 'DIBAO' }),
    'clue',
  );
  const clueVisit = await created(await clerk.post(`/api/monitoring/clues/${clue.clue.clue.id}/visits`, { checklist: {}, findings: '甲县核查' }), 'visit');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const photo = await created(await clerk.request({ method: 'POST', url: `/api/monitoring/visits/${clueVisit.id}/photos`, ...multipartFile('p.png', png, 'photo') }), 'photo');
  const warningRules = await created(await inA.get('POLICY_ADMIN')!.get('/api/monitoring/rules'), 'warning rules');
  const comparison = await created(await inA.get('POLICY_ADMIN')!.post('/api/monitoring/comparisons', {}), 'comparison');
  await t.jobs.drain();
  Object.assign(foreign, {
    rules: warningRules.items[0].id,
    comparisons: comparison.id,
    clues: clue.clue.clue.id,
    visits: clueVisit.id,
    photos: photo.id,
    assessments: assessment.id,
    reassessments: run.id,
    imports: batch.id,
    households: household.id,
    members: household.members[0].memberId,
    persons: household.members[0].person.id,
    incomes: withIncome.incomes[0].id,
    assets: withAsset.assets[0].id,
    expenditures: withExpenditure.expenditures[0].id,
    categories: withCategory.categoryHistory[0].id,
    users: account.user.id,
    regions: COUNTY_A,
    parameters: 'P10',
    proposals: proposal.id,
  });
  markers = [household.id, household.householdNo, household.members[0].person.id, headName, account.user.id, account.user.username, batch.id, importName, COUNTY_A];
});

afterAll(async () => {
  await t?.app.close();
  await database?.destroy();
});

describe('authorisation matrix', () => {
  it('lists every registered /api route, and only those, with the access it declares', () => {
    const registered = routes.map((r) => r.key).sort();
    const unlisted = registered.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !registered.includes(k));
    expect(unlisted, 'routes missing from MATRIX: add one line each').toEqual([]);
    expect(stale, 'MATRIX names routes that are not registered').toEqual([]);
    for (const r of routes) expect(r.access, r.key).toEqual(MATRIX[r.key]!.access);
  });

  it('gives HEAD the same access as GET', () => {
    const heads = t.app.routeList.filter((r) => r.method === 'HEAD' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    for (const h of heads) expect(h.access, h.url).toEqual(routes.find((r) => r.key === `GET ${h.url}`)?.access);
  });

  it('answers 401 AUTH_REQUIRED to every non-public route without a session', async () => {
    for (const r of routes) {
      const e = MATRIX[r.key];
      if (!e) continue;
      const res = await call(null, r.method, r.url, e);
      if (e.access === 'public') expect(res.statusCode, r.key).not.toBe(401);
      else {
        expect(res.statusCode, r.key).toBe(401);
        expect(res.json().error.code, r.key).toBe('AUTH_REQUIRED');
      }
    }
  });

  it('answers 403 FORBIDDEN to every role that lacks the permission, before validation', async () => {
    let checked = 0;
    for (const r of routes) {
      const e = MATRIX[r.key];
      const wanted = e && permissionsOf(e.access);
      if (!wanted) continue;
      for (const role of ROLES) {
        if (wanted.some((p) => hasPermission([role], p))) continue;
        // No body at all: an unauthorised caller must not reach validation.
        const res = await call(inA.get(role)!, r.method, r.url, { ...e, body: undefined });
        expect(res.statusCode, `${role} ${r.key}`).toBe(403);
        expect(res.json().error.code, `${role} ${r.key}`).toBe('FORBIDDEN');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("keeps county A's records away from county B, who holds the permission", async () => {
    const scoped = routes.filter((r) => MATRIX[r.key] && MATRIX[r.key]!.scoped !== 'none');
    // Every foreign call first; the county A controls (some of which write) run after.
    const failures: string[] = [];
    for (const r of scoped) {
      const e = MATRIX[r.key]!;
      const res = await call(inB.get(holder(e.access))!, r.method, r.url, e);
      const label = `${r.key} as ${holder(e.access)} of ${COUNTY_B}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (e.scoped === 'id' || e.scoped === 'code') {
        if (res.statusCode !== 404 || !/_NOT_FOUND$/.test(res.json().error.code)) failures.push(label);
      } else if (e.scoped === 'body') {
        if (![403, 404].includes(res.statusCode)) failures.push(label);
      } else {
        const text = await textOf(res);
        if (res.statusCode !== 200 || markers.some((m) => text.includes(m))) failures.push(label);
      }
    }
    expect(failures).toEqual([]);

    for (const r of scoped) {
      const e = MATRIX[r.key]!;
      if (e.scoped === 'body') continue;
      const res = await call(inA.get(holder(e.access))!, r.method, r.url, e);
      const label = `control ${r.key} as ${holder(e.access)} of ${COUNTY_A}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (e.scoped === 'list') {
        const text = await textOf(res);
        if (res.statusCode !== 200 || ((e.control ?? true) && !markers.some((m) => text.includes(m)))) failures.push(label);
      } else if (res.statusCode === 404 || res.statusCode >= 500) failures.push(label);
    }
    expect(failures).toEqual([]);
  });
});
