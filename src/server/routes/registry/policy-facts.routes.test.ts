import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app.js';
import { createTestUser } from '../../../../test/builders/users.js';
import { householdBody, testIdNumber } from '../../../../test/builders/households.js';
import { listExpenditures, listPersonPolicyFacts } from '../../../db/repos/policy-facts.repo.js';

let database: TestDatabase;
let t: TestApp;
let clerk: Client; // 乡镇经办, 城东区
let zeku: Client; // 乡镇经办, 泽库县

beforeAll(async () => {
  database = await openTestDatabase();
  t = await buildTestApp(database);
  clerk = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '630102' })).username);
  zeku = await loginAs(t.app, (await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: '632323' })).username);
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

const MEDICAL = {
  expenditureType: 'MEDICAL_OUT_OF_POCKET',
  periodStart: '2025-03-01',
  periodEnd: '2026-02-28',
  amountFen: 4_567_89,
  source: 'DEPARTMENT',
  sourceDetail: '医保局 2026-02 批次',
};

const SELF_CARE_TWO_FAILED = {
  eating: true,
  dressing: false,
  gettingInOutOfBed: true,
  usingToilet: true,
  walkingIndoors: true,
  bathing: false,
  assessedOn: '2026-01-15',
};

/** R56: in the county's care home since New Year (R55 uplift). */
const INSTITUTIONAL = { mode: 'INSTITUTIONAL', institution: '城东区福利院', homeCondition: null, since: '2026-01-01' };

type Member = { relationship: string; person: { id: string; name: string; severeDisability: boolean }; policyFacts: Record<string, unknown> };
const spouseOf = (d: { members: Member[] }) => d.members.find((m) => m.relationship === 'SPOUSE')!;

describe('rigid expenditure items (R47)', () => {
  it('adds an item in fen with its member and provenance, shows it on the detail, and removes it', async () => {
    const h = await create(clerk);
    const r = await clerk.post(`/api/households/${h.id}/expenditures`, { ...MEDICAL, personId: h.headPersonId, note: '住院' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.version).toBe(h.version + 1);
    expect(d.expenditures).toHaveLength(1);
    expect(d.expenditures[0]).toMatchObject({
      expenditureType: 'MEDICAL_OUT_OF_POCKET',
      amountFen: 456789,
      personName: '张建国',
      source: 'DEPARTMENT',
      sourceDetail: '医保局 2026-02 批次',
      note: '住院',
      recordedByName: expect.stringMatching(/^测试/),
    });
    const read = (await clerk.get(`/api/households/${h.id}`)).json();
    expect(read.expenditures.map((e: { id: string }) => e.id)).toEqual([d.expenditures[0].id]);

    const gone = await clerk.delete(`/api/households/${h.id}/expenditures/${d.expenditures[0].id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().expenditures).toEqual([]);
    const again = await clerk.delete(`/api/households/${h.id}/expenditures/${d.expenditures[0].id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('ITEM_NOT_FOUND');
  });

  it('refuses a reversed period, a fractional amount and a person outside the household', async () => {
    const h = await create(clerk);
    const reversed = await clerk.post(`/api/households/${h.id}/expenditures`, { ...MEDICAL, periodStart: '2026-02-28', periodEnd: '2025-03-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual([{ path: 'periodEnd', code: 'REGISTRY_PERIOD_REVERSED' }]);
    const fractional = await clerk.post(`/api/households/${h.id}/expenditures`, { ...MEDICAL, amountFen: 12.5 });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().error.code).toBe('VALIDATION_FAILED');
    const other = await create(clerk);
    const stranger = await clerk.post(`/api/households/${h.id}/expenditures`, { ...MEDICAL, personId: other.headPersonId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].code).toBe('REGISTRY_PERSON_NOT_MEMBER');
    expect((await clerk.get(`/api/households/${h.id}`)).json().expenditures).toEqual([]);
  });

  it('answers 404 HOUSEHOLD_NOT_FOUND outside the scope, for adding and removing', async () => {
    const h = await create(clerk);
    const d = (await clerk.post(`/api/households/${h.id}/expenditures`, MEDICAL)).json();
    const add = await zeku.post(`/api/households/${h.id}/expenditures`, MEDICAL);
    expect(add.statusCode).toBe(404);
    expect(add.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
    const del = await zeku.delete(`/api/households/${h.id}/expenditures/${d.expenditures[0].id}`);
    expect(del.statusCode).toBe(404);
    expect(del.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
    expect((await clerk.get(`/api/households/${h.id}`)).json().expenditures).toHaveLength(1);
  });
});

describe('member policy facts (R15, R51, R53)', () => {
  it('shows 未登记 (all null) before anything is recorded', async () => {
    const h = await create(clerk);
    expect(spouseOf(h).policyFacts).toEqual({ meansTestExclusion: null, selfCare: null, support: null, obligors: null, disabilityComponents: null, jobReferrals: null, updatedAt: null });
  });

  it('upserts the facts of an active member, replaces them, and clears them', async () => {
    const h = await create(clerk);
    const spouse = spouseOf(h);
    const url = `/api/households/${h.id}/members/${spouse.person.id}/policy-facts`;
    const first = await clerk.put(url, {
      meansTestExclusion: 'PRISON',
      selfCare: SELF_CARE_TWO_FAILED,
      support: INSTITUTIONAL,
      obligors: [
        { name: '张小军', relationship: '子女', inabilityGround: 'NO_CIVIL_CAPACITY_MISSING_OR_PRISON' },
        { name: '张小红', relationship: '子女', inabilityGround: null },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(h.version + 1);
    expect(spouseOf(first.json()).policyFacts).toMatchObject({
      meansTestExclusion: 'PRISON',
      selfCare: SELF_CARE_TWO_FAILED,
      support: INSTITUTIONAL,
      obligors: [
        { name: '张小军', relationship: '子女', inabilityGround: 'NO_CIVIL_CAPACITY_MISSING_OR_PRISON' },
        { name: '张小红', relationship: '子女', inabilityGround: null },
      ],
      updatedAt: expect.any(String),
    });

    // An empty list (无义务人) is distinct from null (未登记).
    const second = await clerk.put(url, { meansTestExclusion: null, selfCare: null, support: null, obligors: [] });
    expect(second.statusCode, second.body).toBe(200);
    expect(spouseOf(second.json()).policyFacts).toMatchObject({ meansTestExclusion: null, selfCare: null, obligors: [] });

    const cleared = await clerk.put(url, { meansTestExclusion: null, selfCare: null, support: null, obligors: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(spouseOf(cleared.json()).policyFacts).toMatchObject({ meansTestExclusion: null, selfCare: null, obligors: null });
    const [row] = await listPersonPolicyFacts(database.db, [spouse.person.id]);
    expect(row).toMatchObject({ personId: spouse.person.id, countyCode: '630102', obligors: null });
  });

  it('refuses unknown codes, a missing activity and an assessment dated in the future', async () => {
    const h = await create(clerk);
    const url = `/api/households/${h.id}/members/${h.headPersonId}/policy-facts`;
    const badCode = await clerk.put(url, { meansTestExclusion: 'ON_HOLIDAY', selfCare: null, support: null, obligors: null });
    expect(badCode.statusCode).toBe(400);
    const { bathing: _b, ...fiveActivities } = SELF_CARE_TWO_FAILED;
    const missing = await clerk.put(url, { meansTestExclusion: null, selfCare: fiveActivities, support: null, obligors: null });
    expect(missing.statusCode).toBe(400);
    const future = await clerk.put(url, { meansTestExclusion: null, selfCare: { ...SELF_CARE_TWO_FAILED, assessedOn: '2999-01-01' }, support: null, obligors: null });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toMatchObject({ path: 'selfCare.assessedOn', code: 'REGISTRY_DATE_IN_FUTURE' });
  });

  it.each<[string, Record<string, unknown>, number, { path: string; code: string } | null]>([
    ['R56 an unknown mode', { ...INSTITUTIONAL, mode: 'NURSING_HOME' }, 400, null],
    ['R56 a start in the future', { ...INSTITUTIONAL, since: '2999-01-01' }, 400, { path: 'support.since', code: 'REGISTRY_DATE_IN_FUTURE' }],
    ['R56 an institution for home support', { ...INSTITUTIONAL, mode: 'HOME' }, 400, { path: 'support.institution', code: 'REGISTRY_SUPPORT_FIELD_MISMATCH' }],
    ['R55 a community resident\'s illness for institutional support', { ...INSTITUTIONAL, homeCondition: 'MENTAL_ILLNESS' }, 400, { path: 'support.homeCondition', code: 'REGISTRY_SUPPORT_FIELD_MISMATCH' }],
    ['R55 home support of a community resident with mental illness', { mode: 'HOME', institution: null, homeCondition: 'MENTAL_ILLNESS', since: '2025-06-01' }, 200, null],
  ])('mode of support: %s', async (_rule, support, status, detail) => {
    const h = await create(clerk);
    const r = await clerk.put(`/api/households/${h.id}/members/${h.headPersonId}/policy-facts`, { meansTestExclusion: null, selfCare: null, support, obligors: null });
    expect(r.statusCode, r.body).toBe(status);
    if (detail) expect(r.json().error.details).toEqual([expect.objectContaining(detail)]);
    if (status === 200) {
      const [row] = await listPersonPolicyFacts(database.db, [h.headPersonId]);
      expect(row?.support).toEqual(support);
    }
  });

  describe('the categories of a 多重残疾 certificate (R49, R31)', () => {
    /** A household whose spouse holds a 多重残疾 certificate of the given grade. */
    async function withMultiple(grade: number) {
      const h = await create(clerk, householdBody({
        members: [{ name: '李秀英', idNumber: testIdNumber('630102', '1962-01-01'), relationship: 'SPOUSE', healthStatus: 'DISABLED', disabilityCategory: 'MULTIPLE', disabilityGrade: grade }],
      }));
      return { h, url: `/api/households/${h.id}/members/${spouseOf(h).person.id}/policy-facts`, personId: spouseOf(h).person.id as string };
    }
    const base = { meansTestExclusion: null, selfCare: null, support: null, obligors: null };
    const PHYSICAL2_VISUAL3 = [{ category: 'PHYSICAL', grade: 2 }, { category: 'VISUAL', grade: 3 }];

    it('records them, keeps them when a later body leaves them out, clears them with null, and writes the change record', async () => {
      const { h, url, personId } = await withMultiple(2);
      const first = await clerk.put(url, { ...base, disabilityComponents: PHYSICAL2_VISUAL3 });
      expect(first.statusCode, first.body).toBe(200);
      expect(spouseOf(first.json()).policyFacts.disabilityComponents).toEqual(PHYSICAL2_VISUAL3);
      // a client that does not know the field leaves them as recorded
      const kept = await clerk.put(url, { ...base, obligors: [] });
      expect(kept.statusCode, kept.body).toBe(200);
      expect((await listPersonPolicyFacts(database.db, [personId]))[0]?.disabilityComponents).toEqual(PHYSICAL2_VISUAL3);
      const cleared = await clerk.put(url, { ...base, disabilityComponents: null });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect((await listPersonPolicyFacts(database.db, [personId]))[0]?.disabilityComponents).toBeNull();

      const items = (await clerk.get(`/api/households/${h.id}/timeline`)).json().items;
      expect(items[0].changes).toContainEqual({ field: '多重残疾各类别等级', before: '肢体残疾二级、视力残疾三级', after: '未登记' });
      // the summary names the categories where recorded (the kept ones too), and not once cleared
      expect(items[2].summary).toContain('多重残疾各类别等级：肢体残疾二级、视力残疾三级');
      expect(items[1].summary).toContain('多重残疾各类别等级：肢体残疾二级、视力残疾三级');
      expect(items[0].summary).not.toContain('多重残疾');
    });

    it.each<[string, number, unknown, { path: string; code: string } | null]>([
      ['one category only', 2, [{ category: 'PHYSICAL', grade: 2 }], null],
      ['MULTIPLE as a category of itself', 2, [{ category: 'MULTIPLE', grade: 2 }, { category: 'VISUAL', grade: 3 }], null],
      ['a grade of 5', 2, [{ category: 'PHYSICAL', grade: 5 }, { category: 'VISUAL', grade: 3 }], null],
      ['the same category twice', 2, [{ category: 'PHYSICAL', grade: 2 }, { category: 'PHYSICAL', grade: 3 }], { path: 'disabilityComponents.1.category', code: 'REGISTRY_DISABILITY_CATEGORY_REPEATED' }],
      ['GB/T 26341: the worst category (二级) is not the certificate\'s grade (一级)', 1, PHYSICAL2_VISUAL3, { path: 'disabilityComponents', code: 'REGISTRY_DISABILITY_GRADE_MISMATCH' }],
    ])('refuses %s', async (_case, grade, components, detail) => {
      const { url, personId } = await withMultiple(grade);
      const r = await clerk.put(url, { ...base, disabilityComponents: components });
      expect(r.statusCode).toBe(400);
      if (detail) expect(r.json().error.details).toEqual([expect.objectContaining(detail)]);
      expect(await listPersonPolicyFacts(database.db, [personId])).toEqual([]);
    });

    it('R31: a 多重残疾三级 shows as 重残 on the household page once a grade-3 intellectual category is recorded', async () => {
      const { h, url } = await withMultiple(3);
      expect(spouseOf(h).person.severeDisability).toBe(false);
      const r = await clerk.put(url, { ...base, disabilityComponents: [{ category: 'HEARING', grade: 4 }, { category: 'INTELLECTUAL', grade: 3 }] });
      expect(r.statusCode, r.body).toBe(200);
      expect(spouseOf(r.json()).person.severeDisability).toBe(true);
    });

    it('refuses them for a member whose certificate is not 多重残疾', async () => {
      const h = await create(clerk);
      const r = await clerk.put(`/api/households/${h.id}/members/${h.headPersonId}/policy-facts`, { ...base, disabilityComponents: PHYSICAL2_VISUAL3 });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details).toEqual([expect.objectContaining({ path: 'disabilityComponents', code: 'REGISTRY_DISABILITY_NOT_MULTIPLE' })]);
      expect(r.json().error.message).toBeTruthy();
    });
  });

  describe('jobs offered by the employment services (R43)', () => {
    const base = { meansTestExclusion: null, selfCare: null, support: null, obligors: null };
    const OFFERS = [
      { referredOn: '2025-09-02', position: '城东区物业保洁员', outcome: 'REFUSED_UNJUSTIFIED', note: null },
      { referredOn: '2025-11-11', position: '工业园区包装工', outcome: 'REFUSED_JUSTIFIED', note: '腰伤，医院证明' },
      { referredOn: '2026-01-20', position: '物流公司分拣员', outcome: 'ACCEPTED', note: null },
    ];

    it('records them, keeps them when a later body leaves them out, and writes the change record', async () => {
      const h = await create(clerk);
      const url = `/api/households/${h.id}/members/${h.headPersonId}/policy-facts`;
      const first = await clerk.put(url, { ...base, jobReferrals: OFFERS });
      expect(first.statusCode, first.body).toBe(200);
      const head = first.json().members.find((m: Member) => m.person.id === h.headPersonId);
      expect(head.policyFacts.jobReferrals).toEqual(OFFERS);
      const kept = await clerk.put(url, { ...base, obligors: [] });
      expect(kept.statusCode, kept.body).toBe(200);
      expect((await listPersonPolicyFacts(database.db, [h.headPersonId]))[0]?.jobReferrals).toEqual(OFFERS);

      const items = (await clerk.get(`/api/households/${h.id}/timeline`)).json().items;
      expect(items[1].summary).toContain('就业服务机构介绍工作：3次');
      expect(items[1].changes).toContainEqual({
        field: '就业服务机构介绍工作',
        before: '未登记',
        after: '2025-09-02 城东区物业保洁员（无正当理由拒绝）、2025-11-11 工业园区包装工（有正当理由拒绝）、2026-01-20 物流公司分拣员（接受）',
      });
    });

    it.each<[string, unknown, { path: string; code: string } | null]>([
      ['an offer dated in the future', [{ ...OFFERS[0], referredOn: '2999-01-01' }], { path: 'jobReferrals.0.referredOn', code: 'REGISTRY_DATE_IN_FUTURE' }],
      ['an unknown outcome', [{ ...OFFERS[0], outcome: 'IGNORED' }], null],
      ['a job without a name', [{ ...OFFERS[0], position: '' }], null],
    ])('refuses %s', async (_case, jobReferrals, detail) => {
      const h = await create(clerk);
      const r = await clerk.put(`/api/households/${h.id}/members/${h.headPersonId}/policy-facts`, { ...base, jobReferrals });
      expect(r.statusCode).toBe(400);
      if (detail) expect(r.json().error.details).toEqual([expect.objectContaining(detail)]);
      expect(await listPersonPolicyFacts(database.db, [h.headPersonId])).toEqual([]);
    });
  });

  it('refuses a person who is not an active member of this household', async () => {
    const h = await create(clerk);
    const other = await create(clerk);
    const stranger = await clerk.put(`/api/households/${h.id}/members/${other.headPersonId}/policy-facts`, { meansTestExclusion: 'PRISON', selfCare: null, support: null, obligors: null });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0]).toMatchObject({ path: 'personId', code: 'REGISTRY_PERSON_NOT_MEMBER' });

    // A former member keeps his history but gets no new facts here.
    const child = { name: '张小明', idNumber: testIdNumber('630102', '2005-01-01'), relationship: 'CHILD' as const };
    const withChild = (await clerk.post(`/api/households/${h.id}/members`, child)).json();
    const member = withChild.members.find((m: Member) => m.person.name === '张小明');
    const removed = await clerk.post(`/api/households/${h.id}/members/${member.memberId}/remove`, { leftOn: '2026-03-02', reason: '外出' });
    expect(removed.statusCode, removed.body).toBe(200);
    const former = await clerk.put(`/api/households/${h.id}/members/${member.person.id}/policy-facts`, { meansTestExclusion: null, selfCare: null, support: null, obligors: [] });
    expect(former.statusCode).toBe(400);
    expect(former.json().error.details[0].code).toBe('REGISTRY_PERSON_NOT_MEMBER');
    expect(await listPersonPolicyFacts(database.db, [other.headPersonId, member.person.id])).toEqual([]);
  });

  it('answers 404 HOUSEHOLD_NOT_FOUND to another county', async () => {
    const h = await create(clerk);
    const r = await zeku.put(`/api/households/${h.id}/members/${h.headPersonId}/policy-facts`, { meansTestExclusion: 'PRISON', selfCare: null, support: null, obligors: null });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
    expect(await listPersonPolicyFacts(database.db, [h.headPersonId])).toEqual([]);
  });
});

describe('timeline and batch reads', () => {
  it('lists the changes in Chinese on the household timeline, with before and after', async () => {
    const h = await create(clerk);
    const spouse = spouseOf(h);
    const added = (await clerk.post(`/api/households/${h.id}/expenditures`, MEDICAL)).json();
    await clerk.delete(`/api/households/${h.id}/expenditures/${added.expenditures[0].id}`);
    const url = `/api/households/${h.id}/members/${spouse.person.id}/policy-facts`;
    await clerk.put(url, { meansTestExclusion: null, selfCare: SELF_CARE_TWO_FAILED, support: null, obligors: [{ name: '张小军', relationship: '子女', inabilityGround: null }] });
    await clerk.put(url, {
      meansTestExclusion: 'PRISON',
      selfCare: { ...SELF_CARE_TWO_FAILED, gettingInOutOfBed: false, usingToilet: false },
      support: INSTITUTIONAL,
      obligors: [{ name: '张小军', relationship: '子女', inabilityGround: null }],
    });

    const items = (await clerk.get(`/api/households/${h.id}/timeline`)).json().items;
    expect(items.slice(0, 4).map((i: { summary: string }) => i.summary)).toEqual([
      '登记救助认定信息：李秀英（不计入家庭人口情形：服刑人员；生活自理能力评估：全护理（2026-01-15 评估）；供养方式：集中供养；法定赡养/抚养/扶养义务人：1人）',
      '登记救助认定信息：李秀英（不计入家庭人口情形：无；生活自理能力评估：半护理（2026-01-15 评估）；供养方式：未登记；法定赡养/抚养/扶养义务人：1人）',
      '删除刚性支出记录：医疗费用个人负担部分 4,567.89元',
      '登记刚性支出：医疗费用个人负担部分 4,567.89元（2025-03-01 至 2026-02-28）',
    ]);
    expect(items[0].changes).toEqual([
      { field: '不计入家庭人口情形', before: '无', after: '服刑人员' },
      { field: '生活自理能力评估', before: '半护理（2026-01-15 评估）', after: '全护理（2026-01-15 评估）' },
      { field: '供养方式', before: '未登记', after: '集中供养（城东区福利院，2026-01-01起）' },
    ]);
    expect(items[1].changes).toContainEqual({ field: '法定赡养/抚养/扶养义务人', before: '未登记', after: '张小军（子女，有履行能力）' });
    expect(items[3]).toMatchObject({ action: 'expenditure.add', source: 'DEPARTMENT' });
  });

  it('reads facts and items for many households in one call each', async () => {
    const a = await create(clerk);
    const b = await create(clerk);
    await clerk.post(`/api/households/${a.id}/expenditures`, MEDICAL);
    await clerk.post(`/api/households/${b.id}/expenditures`, { ...MEDICAL, expenditureType: 'EDUCATION', amountFen: 100 });
    await clerk.post(`/api/households/${b.id}/expenditures`, { ...MEDICAL, expenditureType: 'ASSISTANCE_RECEIVED', amountFen: 50 });
    await clerk.put(`/api/households/${a.id}/members/${a.headPersonId}/policy-facts`, { meansTestExclusion: null, selfCare: null, support: null, obligors: [] });
    await clerk.put(`/api/households/${b.id}/members/${b.headPersonId}/policy-facts`, { meansTestExclusion: 'CONSCRIPT_IN_ACTIVE_SERVICE', selfCare: null, support: null, obligors: null });

    const items = await listExpenditures(database.db, [a.id, b.id]);
    expect(items.filter((r) => r.item.householdId === a.id).map((r) => r.item.amountFen)).toEqual([456789]);
    expect(items.filter((r) => r.item.householdId === b.id).map((r) => r.item.expenditureType).sort()).toEqual(['ASSISTANCE_RECEIVED', 'EDUCATION']);
    expect(items[0]!.recordedByName).toMatch(/^测试/);
    const facts = await listPersonPolicyFacts(database.db, [a.headPersonId, b.headPersonId, spouseOf(a).person.id]);
    expect(new Map(facts.map((f) => [f.personId, f.meansTestExclusion]))).toEqual(
      new Map([
        [a.headPersonId, null],
        [b.headPersonId, 'CONSCRIPT_IN_ACTIVE_SERVICE'],
      ]),
    );
    expect(await listExpenditures(database.db, [])).toEqual([]);
  });
});
