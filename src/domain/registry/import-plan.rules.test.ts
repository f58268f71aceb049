import { describe, expect, it } from 'vitest';
import { generateIdNumber } from './id-number.js';
import {
  checkAgainstRegistry,
  type ExistingPolicyFacts,
  planImport,
  type ExistingHousehold,
  type ExistingPerson,
  type RegistrySnapshot,
} from './import-plan.rules.js';
import type { ImportRecord } from './import.rules.js';

const TODAY = '2026-03-02';
const V = '630102001001';
const HEAD_ID = generateIdNumber('630102', '1980-01-01', 1);
const SPOUSE_ID = generateIdNumber('630102', '1982-02-02', 2);

function rec(over: Partial<ImportRecord>): ImportRecord {
  return {
    rowNo: 2, householdNo: 'H1', regionCode: V, countyCode: '630102', address: null, urbanRural: 'URBAN', name: '张三',
    idNumber: HEAD_ID, sex: 'M', birthDate: '1980-01-01', relationship: 'HEAD', ethnicity: null, phone: null, labourCapacity: null,
    healthStatus: null, seriousIllness: null, disabilityCategory: null, disabilityGrade: null, employment: null, studentStage: null,
    bankName: null, bankAccount: null, categories: null, categoryFrom: null, incomes: [], incomeStart: '2025-03-01', incomeEnd: '2026-02-28',
    exclusion: null, support: null, selfCare: null, ...over,
  };
}

function person(over: Partial<ExistingPerson>): ExistingPerson {
  return {
    id: 'p-head', idNumber: HEAD_ID, countyCode: '630102', name: '张三', sex: 'M', birthDate: '1980-01-01', ethnicity: null, phone: null,
    bankName: null, bankAccount: null, labourCapacity: null, healthStatus: null, seriousIllness: null, disabilityCategory: null,
    disabilityGrade: null, employment: null, studentStage: null, ...over,
  };
}

function household(over: Partial<ExistingHousehold>): ExistingHousehold {
  return {
    id: 'h-1', householdNo: 'H1', countyCode: '630102', regionCode: V, address: '', urbanRural: 'URBAN', status: 'ACTIVE',
    headPersonId: 'p-head', headName: '张三', categories: [], memberCount: 1, activeMemberCount: 1, ...over,
  };
}

function snapshot(
  parts: Partial<{ persons: ExistingPerson[]; households: ExistingHousehold[]; members: Array<[string, string, string]>; facts: Array<[string, ExistingPolicyFacts]> }> = {},
): RegistrySnapshot {
  const hs = parts.households ?? [];
  return {
    personsByIdNumber: new Map((parts.persons ?? []).map((p) => [p.idNumber, p])),
    policyFactsByPersonId: new Map(parts.facts ?? []),
    householdsByNo: new Map(hs.map((h) => [h.householdNo, h])),
    membershipsByPersonId: new Map(
      (parts.members ?? []).map(([personId, householdId, relationship]) => [
        personId,
        { memberId: `m-${personId}`, personId, householdId, householdNo: hs.find((h) => h.id === householdId)?.householdNo ?? 'OTHER', relationship },
      ]),
    ),
    categoriesByHouseholdId: new Map(),
    incomesByPersonId: new Map(),
  };
}

let n = 0;
const opts = { today: TODAY, newId: () => `new-${++n}` };

describe('checkAgainstRegistry', () => {
  const scope = { scopeRegionCode: '630102' };
  it.each<[string, ImportRecord[], RegistrySnapshot, string[]]>([
    ['a new household', [rec({})], snapshot(), []],
    ['a person active in another household', [rec({ householdNo: 'H2' })],
      snapshot({ persons: [person({})], households: [household({})], members: [['p-head', 'h-1', 'HEAD']] }), ['REGISTRY_PERSON_IN_OTHER_HOUSEHOLD']],
    ['the same household is fine', [rec({})],
      snapshot({ persons: [person({})], households: [household({})], members: [['p-head', 'h-1', 'HEAD']] }), []],
    ['an existing household outside the scope', [rec({})], snapshot({ households: [household({ regionCode: '630103001001', countyCode: '630103' })] }), ['IMPORT_HOUSEHOLD_OUT_OF_SCOPE']],
    ['a cancelled household', [rec({})], snapshot({ persons: [person({})], households: [household({ status: 'CANCELLED' })], members: [['p-head', 'h-1', 'HEAD']] }), ['IMPORT_HOUSEHOLD_CANCELLED']],
    ['a new head while the old head is not in the file', [rec({ idNumber: SPOUSE_ID, name: '李四' })],
      snapshot({ persons: [person({})], households: [household({})], members: [['p-head', 'h-1', 'HEAD']] }), ['IMPORT_HEAD_CHANGE_OLD_HEAD_MISSING']],
    ['a new head with the old head in the file', [rec({ idNumber: SPOUSE_ID, name: '李四' }), rec({ rowNo: 3, relationship: 'SPOUSE' })],
      snapshot({ persons: [person({})], households: [household({})], members: [['p-head', 'h-1', 'HEAD']] }), []],
  ])('%s', (_n, rows, snap, expected) => {
    const vs = checkAgainstRegistry(rows, snap, scope);
    expect(vs.map((v) => v.code)).toEqual(expected);
  });

  it('names the other household', () => {
    const [v] = checkAgainstRegistry(
      [rec({ householdNo: 'H2', rowNo: 9 })],
      snapshot({ persons: [person({})], households: [household({ householdNo: 'H1' })], members: [['p-head', 'h-1', 'HEAD']] }),
      scope,
    );
    expect(v).toMatchObject({ rowNo: 9, path: 'idNumber', params: { householdNo: 'H1' } });
  });
});

describe('planImport', () => {
  it('creates a household with its members, categories and incomes', () => {
    const plan = planImport(
      [
        rec({ address: '1号', categories: ['DIBAO'], categoryFrom: '2025-01-01', incomes: [{ incomeType: 'WAGE', amountFen: 1200000 }] }),
        rec({ rowNo: 3, idNumber: SPOUSE_ID, name: '李四', sex: 'F', relationship: 'SPOUSE', phone: '13912345678' }),
      ],
      snapshot(),
      opts,
    );
    expect(plan.counts).toEqual({ householdsCreated: 1, householdsUpdated: 0, membersCreated: 2, membersUpdated: 0, unchangedRows: 0 });
    expect(plan.households).toHaveLength(1);
    expect(plan.households[0]).toMatchObject({ action: 'C', address: '1号', headName: '张三', memberCount: 2, categories: ['DIBAO'] });
    expect(plan.households[0]!.headPersonId).toBe(plan.persons[0]!.id);
    expect(plan.persons.map((p) => p.action)).toEqual(['C', 'C']);
    expect(plan.members.map((m) => m.relationship)).toEqual(['HEAD', 'SPOUSE']);
    expect(plan.categories).toMatchObject([{ category: 'DIBAO', effectiveFrom: '2025-01-01' }]);
    expect(plan.incomes).toMatchObject([{ action: 'C', incomeType: 'WAGE', amountFen: 1200000, periodStart: '2025-03-01', periodEnd: '2026-02-28' }]);
    expect(plan.audit.map((a) => a.action)).toEqual(['household.create', 'person.create', 'person.create']);
    expect(plan.audit[2]!.after).toMatchObject({ name: '李四', phone: '13912345678', householdNo: 'H1', relationship: 'SPOUSE' });
  });

  const existing = () =>
    snapshot({ persons: [person({ phone: '13912345678' })], households: [household({ address: '1号' })], members: [['p-head', 'h-1', 'HEAD']] });

  it("gives a new household its member names in the database's order (member id), and leaves an existing one's to the database", () => {
    // households.member_names as refresh_household_member_names builds it: members of one import
    // tie on joining day and creation time, so the member id orders them. Here each new id sorts
    // before the previous one, so the names come out in the reverse of the file's order.
    let k = 0;
    const plan = planImport(
      [
        rec({ name: '张三' }),
        rec({ rowNo: 3, idNumber: SPOUSE_ID, name: '李四', sex: 'F', relationship: 'SPOUSE' }),
        rec({ rowNo: 4, idNumber: generateIdNumber('630102', '2010-05-05', 3), name: '张小五', birthDate: '2010-05-05', relationship: 'CHILD' }),
      ],
      snapshot(),
      { today: TODAY, newId: () => `id-${String(999 - k++).padStart(3, '0')}` },
    );
    expect(plan.households[0]!.memberNames).toBe(' 张小五 李四 张三');
    const existingPlan = planImport([rec({}), rec({ rowNo: 3, idNumber: SPOUSE_ID, name: '李四', sex: 'F', relationship: 'SPOUSE' })], existing(), opts);
    expect(existingPlan.households[0]).toMatchObject({ action: 'U', memberNames: null });
  });

  it('changes nothing for the same data (an empty cell keeps the stored value)', () => {
    const plan = planImport([rec({ address: null, phone: null })], existing(), opts);
    expect(plan.counts).toEqual({ householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0, unchangedRows: 1 });
    expect([plan.households, plan.persons, plan.members, plan.categories, plan.incomes, plan.audit].every((l) => l.length === 0)).toBe(true);
  });

  it('updates a changed phone with before → after', () => {
    const plan = planImport([rec({ phone: '13800000000' })], existing(), opts);
    expect(plan.counts.membersUpdated).toBe(1);
    expect(plan.persons).toMatchObject([{ id: 'p-head', action: 'U', phone: '13800000000' }]);
    expect(plan.audit).toEqual([
      { action: 'person.update', entityType: 'person', entityId: 'p-head', householdId: 'h-1', countyCode: '630102', before: { phone: '13912345678' }, after: { phone: '13800000000' } },
    ]);
  });

  it('adds a new member to an existing household and keeps member_count in step', () => {
    const plan = planImport([rec({}), rec({ rowNo: 3, idNumber: SPOUSE_ID, name: '李四', sex: 'F', relationship: 'SPOUSE' })], existing(), opts);
    expect(plan.counts).toEqual({ householdsCreated: 0, householdsUpdated: 1, membersCreated: 1, membersUpdated: 0, unchangedRows: 1 });
    expect(plan.households[0]).toMatchObject({ action: 'U', memberCount: 2 });
    expect(plan.audit[0]).toMatchObject({ action: 'household.update', before: { memberCount: 1 }, after: { memberCount: 2 } });
  });

  it('adds a category only when household + category + effective date is new', () => {
    const snap = existing();
    (snap.categoriesByHouseholdId as Map<string, unknown>).set('h-1', [{ householdId: 'h-1', category: 'DIBAO', effectiveFrom: '2025-01-01', effectiveTo: null }]);
    (snap.householdsByNo.get('H1') as ExistingHousehold).categories = ['DIBAO'];
    expect(planImport([rec({ categories: ['DIBAO'], categoryFrom: '2025-01-01' })], snap, opts).categories).toEqual([]);
    expect(planImport([rec({ categories: ['DIBAO'], categoryFrom: null })], snap, opts).categories).toEqual([]);
    const again = planImport([rec({ categories: ['DIBAO', 'FANGFANPIN'], categoryFrom: '2026-01-01' })], snap, opts);
    expect(again.categories.map((c) => [c.category, c.effectiveFrom])).toEqual([['DIBAO', '2026-01-01'], ['FANGFANPIN', '2026-01-01']]);
    expect(again.households[0]!.categories).toEqual(['DIBAO', 'FANGFANPIN']);
  });

  it('updates an income amount for the same period and leaves an equal one alone', () => {
    const snap = existing();
    (snap.incomesByPersonId as Map<string, unknown>).set('p-head', [
      { id: 'i-1', householdId: 'h-1', personId: 'p-head', incomeType: 'WAGE', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 100 },
      { id: 'i-2', householdId: 'h-1', personId: 'p-head', incomeType: 'TRANSFER', periodStart: '2025-03-01', periodEnd: '2026-02-28', amountFen: 500 },
    ]);
    const plan = planImport([rec({ incomes: [{ incomeType: 'WAGE', amountFen: 200 }, { incomeType: 'TRANSFER', amountFen: 500 }] })], snap, opts);
    expect(plan.incomes).toMatchObject([{ id: 'i-1', action: 'U', amountFen: 200 }]);
    expect(plan.audit[0]).toMatchObject({ before: { 'income.WAGE': 100 }, after: { 'income.WAGE': 200 } });
    expect(plan.counts.membersUpdated).toBe(1);
  });

  it('changes the head when the old head is in the file with a new relationship', () => {
    const snap = snapshot({
      persons: [person({}), person({ id: 'p-sp', idNumber: SPOUSE_ID, name: '李四', sex: 'F', birthDate: '1982-02-02' })],
      households: [household({ memberCount: 2, activeMemberCount: 2 })],
      members: [['p-head', 'h-1', 'HEAD'], ['p-sp', 'h-1', 'SPOUSE']],
    });
    const plan = planImport([rec({ relationship: 'SPOUSE' }), rec({ rowNo: 3, idNumber: SPOUSE_ID, name: '李四', sex: 'F', birthDate: '1982-02-02', relationship: 'HEAD' })], snap, opts);
    expect(plan.members.map((m) => [m.id, m.relationship])).toEqual([['m-p-head', 'SPOUSE'], ['m-p-sp', 'HEAD']]);
    expect(plan.households[0]).toMatchObject({ headPersonId: 'p-sp', headName: '李四' });
    expect(plan.counts).toMatchObject({ householdsUpdated: 1, membersUpdated: 2 });
  });

  it('re-attaches a person with no active household', () => {
    const plan = planImport([rec({})], snapshot({ persons: [person({ countyCode: '630103' })] }), opts);
    expect(plan.counts).toMatchObject({ householdsCreated: 1, membersCreated: 1 });
    expect(plan.persons).toMatchObject([{ id: 'p-head', action: 'U', countyCode: '630102' }]);
    expect(plan.audit[1]).toMatchObject({ action: 'person.update', before: { countyCode: '630103', householdNo: null }, after: { countyCode: '630102', householdNo: 'H1' } });
  });

  // 救助认定信息 (R53 self-care, R56 mode of support)
  const ALL_ABLE = { eating: true, dressing: true, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: true };
  const recorded: ExistingPolicyFacts = {
    meansTestExclusion: null,
    selfCare: { ...ALL_ABLE, bathing: false, assessedOn: '2025-06-01' },
    support: { mode: 'HOME', institution: null, homeCondition: 'MENTAL_ILLNESS', since: '2024-01-01' },
    obligors: [],
    disabilityComponents: null,
    jobReferrals: null,
  };
  const withFacts = () => {
    const snap = existing();
    return { ...snap, policyFactsByPersonId: new Map([['p-head', recorded]]) };
  };

  it('R53/R56: a new person\'s self-care and mode of support are stored, the six activities from the ones listed', () => {
    const plan = planImport([rec({ support: { mode: 'INSTITUTIONAL', institution: '城东区中心敬老院', since: '2025-01-01' }, selfCare: { unable: ['dressing', 'bathing'], assessedOn: '2026-01-10' } })], snapshot(), opts);
    expect(plan.policyFacts).toEqual([{
      personId: plan.persons[0]!.id, countyCode: '630102', meansTestExclusion: null,
      support: { mode: 'INSTITUTIONAL', institution: '城东区中心敬老院', homeCondition: null, since: '2025-01-01' },
      selfCare: { ...ALL_ABLE, dressing: false, bathing: false, assessedOn: '2026-01-10' },
    }]);
    expect(plan.audit.map((e) => e.action)).toEqual(['household.create', 'person.create', 'person.policy-facts']);
    expect(plan.audit[2]).toMatchObject({ before: null, after: { _name: '张三', obligors: null, support: { mode: 'INSTITUTIONAL' } } });
  });

  it('R56: the same facts again change nothing; a 分散供养 person keeps the recorded R55 condition while the mode stays', () => {
    const same = planImport([rec({ support: { mode: 'HOME', institution: null, since: '2024-01-01' }, selfCare: { unable: ['bathing'], assessedOn: '2025-06-01' } })], withFacts(), opts);
    expect(same.policyFacts).toEqual([]);
    expect(same.audit).toEqual([]);
    expect(same.counts.unchangedRows).toBe(1);
  });

  it('R53: a new assessment replaces the old one; the mode of support and the other facts stay as recorded, before → after audited', () => {
    const plan = planImport([rec({ selfCare: { unable: [], assessedOn: '2026-02-01' } })], withFacts(), opts);
    expect(plan.policyFacts).toEqual([{ personId: 'p-head', countyCode: '630102', meansTestExclusion: null, support: recorded.support, selfCare: { ...ALL_ABLE, assessedOn: '2026-02-01' } }]);
    expect(plan.counts.membersUpdated).toBe(1);
    expect(plan.audit).toEqual([{
      action: 'person.policy-facts', entityType: 'person', entityId: 'p-head', householdId: 'h-1', countyCode: '630102',
      before: recorded, after: { ...recorded, selfCare: { ...ALL_ABLE, assessedOn: '2026-02-01' }, _name: '张三' },
    }]);
  });

  it('R56: moving to 集中供养 drops the home-care condition', () => {
    const plan = planImport([rec({ support: { mode: 'INSTITUTIONAL', institution: '敬老院', since: '2026-02-01' } })], withFacts(), opts);
    expect(plan.policyFacts[0]!.support).toEqual({ mode: 'INSTITUTIONAL', institution: '敬老院', homeCondition: null, since: '2026-02-01' });
    expect(plan.policyFacts[0]!.selfCare).toEqual(recorded.selfCare);
  });

  it('R15: a reason not to count the person is recorded, 无 clears it, and the same again writes nothing', () => {
    const set = planImport([rec({ exclusion: { code: 'PRISON' } })], withFacts(), opts);
    expect(set.policyFacts).toEqual([{ personId: 'p-head', countyCode: '630102', meansTestExclusion: 'PRISON', support: recorded.support, selfCare: recorded.selfCare }]);
    expect(set.audit[0]).toMatchObject({ action: 'person.policy-facts', before: { meansTestExclusion: null }, after: { meansTestExclusion: 'PRISON' } });
    const prisoner = { ...withFacts(), policyFactsByPersonId: new Map([['p-head', { ...recorded, meansTestExclusion: 'PRISON' }]]) };
    expect(planImport([rec({ exclusion: { code: 'PRISON' } })], prisoner, opts).policyFacts).toEqual([]);
    const cleared = planImport([rec({ exclusion: { code: null } })], prisoner, opts);
    expect(cleared.policyFacts[0]!.meansTestExclusion).toBeNull();
    // 无 for a person with nothing recorded: nothing to write
    expect(planImport([rec({ exclusion: { code: null } })], existing(), opts).policyFacts).toEqual([]);
  });
});
