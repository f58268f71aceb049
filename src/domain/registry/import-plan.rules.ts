/**
 * Registry import, second half (issue 2 §9): compare the validated rows with what the
 * registry already holds (a snapshot read by one set-based query) and decide, as data,
 * what to write. Pure: ids come from `newId`, the time from `today`.
 *
 * Re-import semantics:
 * - households are matched by 户编号, persons by identity number;
 * - an empty cell never erases a stored value; a member missing from the file is never
 *   removed; a category missing from the file is never ended;
 * - a category row is added only when new (same household + category + effective-from);
 * - an income item is matched by household + person + type + period (source DECLARED):
 *   added when new, its amount updated when different;
 * - anything unchanged is not written and gets no audit event.
 */
import type { SelfCareFacts, SupportArrangementFacts } from '../policy/assessment.types.js';
import { CATEGORIES, RELATIONSHIP_LABELS, type Category, type IncomeType } from './codes.js';
import { IMPORT_HEADER_BY_KEY, type ImportRecord, type ImportRecordPartial, type ImportSelfCare, type ImportSupport, type ImportViolation } from './import.rules.js';
import { SELF_CARE_ACTIVITIES } from './self-care.js';

export interface ExistingPerson {
  id: string;
  idNumber: string;
  countyCode: string;
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string | null;
  phone: string | null;
  bankName: string | null;
  bankAccount: string | null;
  labourCapacity: string | null;
  healthStatus: string | null;
  seriousIllness: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  employment: string | null;
  studentStage: string | null;
}

/** The person's active membership (at most one, issue 2 §7). */
export interface ExistingMembership {
  memberId: string;
  personId: string;
  householdId: string;
  householdNo: string;
  relationship: string;
}

export interface ExistingHousehold {
  id: string;
  householdNo: string;
  countyCode: string;
  regionCode: string;
  address: string;
  urbanRural: string;
  status: string;
  headPersonId: string | null;
  headName: string | null;
  categories: string[];
  /** The stored households.member_count. */
  memberCount: number;
  /** Active members counted from household_members. */
  activeMemberCount: number;
}

export interface ExistingCategory {
  householdId: string;
  category: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface ExistingIncome {
  id: string;
  householdId: string;
  personId: string;
  incomeType: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
}

/**
 * A person's 救助认定信息 as recorded (person_policy_facts, without whose and when): the import
 * writes `meansTestExclusion`, `selfCare` and `support`, and keeps the rest as it is.
 */
export interface ExistingPolicyFacts {
  meansTestExclusion: string | null;
  selfCare: SelfCareFacts | null;
  support: SupportArrangementFacts | null;
  obligors: unknown;
  disabilityComponents: unknown;
  jobReferrals: unknown;
}

/** What the registry holds for the identity numbers and 户编号 of one file. */
export interface RegistrySnapshot {
  personsByIdNumber: ReadonlyMap<string, ExistingPerson>;
  /** of the persons above that have a row */
  policyFactsByPersonId: ReadonlyMap<string, ExistingPolicyFacts>;
  membershipsByPersonId: ReadonlyMap<string, ExistingMembership>;
  householdsByNo: ReadonlyMap<string, ExistingHousehold>;
  categoriesByHouseholdId: ReadonlyMap<string, readonly ExistingCategory[]>;
  incomesByPersonId: ReadonlyMap<string, readonly ExistingIncome[]>;
}

// ---------------------------------------------------------------------------------------
// Checks against the registry

/**
 * - REGISTRY_PERSON_IN_OTHER_HOUSEHOLD: the person is an active member of another household
 *   (moving a person is done on the household screen, never by import);
 * - an existing 户编号 must be inside the uploader's scope, active, and stay in its county;
 * - when the file names a new 户主 for an existing household, the old 户主 must be in the
 *   file too (with the relationship they will have), so no household is left with two.
 */
export function checkAgainstRegistry(
  rows: readonly ImportRecordPartial[],
  snapshot: RegistrySnapshot,
  ctx: { scopeRegionCode: string },
): ImportViolation[] {
  const out: ImportViolation[] = [];
  const checked = new Set<string>();
  const groups = new Map<string, ImportRecordPartial[]>();
  for (const r of rows) {
    if (r.idNumber && r.householdNo) {
      const person = snapshot.personsByIdNumber.get(r.idNumber);
      const m = person ? snapshot.membershipsByPersonId.get(person.id) : undefined;
      if (m && m.householdNo !== r.householdNo) {
        out.push({ rowNo: r.rowNo, path: 'idNumber', code: 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD', params: { householdNo: m.householdNo }, value: r.idNumber });
      }
    }
    if (!r.householdNo) continue;
    let g = groups.get(r.householdNo);
    if (!g) groups.set(r.householdNo, (g = []));
    g.push(r);
  }
  for (const [householdNo, group] of groups) {
    const h = snapshot.householdsByNo.get(householdNo);
    if (!h || checked.has(householdNo)) continue;
    checked.add(householdNo);
    const first = group[0]!;
    const v = { rowNo: first.rowNo, path: 'householdNo' as const, value: householdNo };
    if (!h.regionCode.startsWith(ctx.scopeRegionCode)) {
      out.push({ ...v, code: 'IMPORT_HOUSEHOLD_OUT_OF_SCOPE', params: { householdNo } });
      continue;
    }
    if (h.status !== 'ACTIVE') out.push({ ...v, code: 'IMPORT_HOUSEHOLD_CANCELLED', params: { householdNo } });
    let moved: ImportRecordPartial | undefined;
    let head: ImportRecordPartial | undefined;
    let oldHeadInFile = false;
    for (const r of group) {
      if (!moved && r.countyCode && r.countyCode !== h.countyCode) moved = r;
      if (!head && r.relationship === 'HEAD') head = r;
      if (r.idNumber && h.headPersonId && snapshot.personsByIdNumber.get(r.idNumber)?.id === h.headPersonId) oldHeadInFile = true;
    }
    if (moved) {
      out.push({ rowNo: moved.rowNo, path: 'regionCode', code: 'IMPORT_HOUSEHOLD_COUNTY_CHANGE', params: { householdNo, regionCode: h.regionCode }, value: moved.regionCode ?? null });
    }
    if (head?.idNumber && h.headPersonId) {
      const headPersonId = snapshot.personsByIdNumber.get(head.idNumber)?.id ?? null;
      if (headPersonId !== h.headPersonId) {
        if (!oldHeadInFile) {
          out.push({ rowNo: head.rowNo, path: 'relationship', code: 'IMPORT_HEAD_CHANGE_OLD_HEAD_MISSING', params: { householdNo, headName: h.headName ?? '' }, value: RELATIONSHIP_LABELS.HEAD });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The plan

export type PlanAction = 'C' | 'U';

export interface PlannedHousehold {
  id: string;
  action: PlanAction;
  householdNo: string;
  countyCode: string;
  regionCode: string;
  address: string;
  urbanRural: string;
  headPersonId: string;
  headName: string;
  categories: string[];
  memberCount: number;
  /**
   * A new household's member names as the database keeps them (households.member_names), so
   * that it is written once; null for an existing household, whose names the database's member
   * triggers keep. See `memberNamesOf`.
   */
  memberNames: string | null;
}

/**
 * households.member_names of a new household: ' ' before each active member's name, in the
 * order of the database's refresh_household_member_names (joining date, creation time, member
 * id). The members of one import join on the same day in the same transaction, so they come in
 * member-id order; a uuid compares as its lower-case text does. Written with the household, the
 * names spare the member trigger a rewrite of every new household (it still checks them, and
 * would correct a difference).
 */
export function memberNamesOf(members: readonly { memberId: string; name: string }[]): string {
  return [...members]
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
    .map((m) => ` ${m.name}`)
    .join('');
}

export interface PlannedPerson extends ExistingPerson {
  action: PlanAction;
}

export interface PlannedMember {
  id: string;
  action: PlanAction;
  householdId: string;
  personId: string;
  countyCode: string;
  relationship: string;
  joinedOn: string;
}

export interface PlannedCategory {
  id: string;
  householdId: string;
  countyCode: string;
  category: string;
  effectiveFrom: string;
}

export interface PlannedIncome {
  id: string;
  action: PlanAction;
  householdId: string;
  personId: string;
  countyCode: string;
  incomeType: IncomeType;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
}

/** A person's R15 exclusion, self-care assessment and mode of support, as they are to be stored (the other facts kept). */
export interface PlannedPolicyFacts {
  personId: string;
  countyCode: string;
  meansTestExclusion: string | null;
  selfCare: SelfCareFacts | null;
  support: SupportArrangementFacts | null;
}

/** An audit event without actor, time and chain fields (the use case adds those). */
export interface PlannedAudit {
  action: 'household.create' | 'household.update' | 'person.create' | 'person.update' | 'person.policy-facts';
  entityType: 'household' | 'person';
  entityId: string;
  householdId: string;
  countyCode: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface ImportCounts {
  householdsCreated: number;
  householdsUpdated: number;
  membersCreated: number;
  membersUpdated: number;
  unchangedRows: number;
}

export interface ImportPlan {
  households: PlannedHousehold[];
  persons: PlannedPerson[];
  members: PlannedMember[];
  categories: PlannedCategory[];
  incomes: PlannedIncome[];
  policyFacts: PlannedPolicyFacts[];
  audit: PlannedAudit[];
  counts: ImportCounts;
}

export interface PlanOptions {
  /** Import date (Asia/Shanghai): joined-on date and default category date. */
  today: string;
  newId: () => string;
}

/** Person columns compared on re-import (sex and birth date come from the identity number). */
const PERSON_FIELDS = [
  'name', 'sex', 'birthDate', 'countyCode', 'ethnicity', 'phone', 'bankName', 'bankAccount', 'labourCapacity',
  'healthStatus', 'seriousIllness', 'disabilityCategory', 'disabilityGrade', 'employment', 'studentStage',
] as const satisfies readonly (keyof ExistingPerson)[];

const OPTIONAL_PERSON_FIELDS = [
  'ethnicity', 'phone', 'bankName', 'bankAccount', 'labourCapacity', 'healthStatus', 'seriousIllness',
  'disabilityCategory', 'disabilityGrade', 'employment', 'studentStage',
] as const satisfies readonly (keyof ImportRecord & keyof ExistingPerson)[];

/** All stored fields of a new person (empty ones left out: undefined is skipped by the audit JSON). */
function createdPersonAfter(p: ExistingPerson): Record<string, unknown> {
  return {
    idNumber: p.idNumber,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    countyCode: p.countyCode,
    ethnicity: p.ethnicity ?? undefined,
    phone: p.phone ?? undefined,
    bankName: p.bankName ?? undefined,
    bankAccount: p.bankAccount ?? undefined,
    labourCapacity: p.labourCapacity ?? undefined,
    healthStatus: p.healthStatus ?? undefined,
    seriousIllness: p.seriousIllness ?? undefined,
    disabilityCategory: p.disabilityCategory ?? undefined,
    disabilityGrade: p.disabilityGrade ?? undefined,
    employment: p.employment ?? undefined,
    studentStage: p.studentStage ?? undefined,
    householdNo: undefined as string | undefined,
    relationship: undefined as string | undefined,
    incomePeriod: undefined as string | undefined,
  };
}

function diffField(before: Record<string, unknown>, after: Record<string, unknown>, field: string, old: unknown, now: unknown): void {
  if (old !== now) {
    before[field] = old;
    after[field] = now;
  }
}

const NO_POLICY_FACTS: ExistingPolicyFacts = { meansTestExclusion: null, selfCare: null, support: null, obligors: null, disabilityComponents: null, jobReferrals: null };

/** R56 as the row gives it, over what is recorded: a 分散供养 person's R55 condition stays while the mode does. */
function supportOf(r: ImportSupport, old: SupportArrangementFacts | null): SupportArrangementFacts {
  const homeCondition = r.mode === 'HOME' && old?.mode === 'HOME' ? old.homeCondition : null;
  return { mode: r.mode, institution: r.institution, homeCondition, since: r.since };
}

function sameSupport(a: SupportArrangementFacts | null, b: SupportArrangementFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return a.mode === b.mode && (a.institution ?? null) === (b.institution ?? null) && (a.homeCondition ?? null) === (b.homeCondition ?? null) && a.since === b.since;
}

/** R53: the six activities (true = can do it alone) from the ones the row lists as not. */
function selfCareOf(r: ImportSelfCare): SelfCareFacts {
  const out = { assessedOn: r.assessedOn } as SelfCareFacts;
  for (const a of SELF_CARE_ACTIVITIES) out[a] = !r.unable.includes(a);
  return out;
}

function sameSelfCare(a: SelfCareFacts | null, b: SelfCareFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return a.assessedOn === b.assessedOn && SELF_CARE_ACTIVITIES.every((x) => a[x] === b[x]);
}

function sortCategories(cs: Iterable<string>): string[] {
  const set = new Set(cs);
  const known = CATEGORIES.filter((c) => set.has(c));
  const other = [...set].filter((c) => !(CATEGORIES as string[]).includes(c)).sort();
  return [...known, ...other];
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function findIncome(list: readonly ExistingIncome[], householdId: string, type: string, start: string, end: string): ExistingIncome | undefined {
  for (const i of list) {
    if (i.householdId === householdId && i.incomeType === type && i.periodStart === start && i.periodEnd === end) return i;
  }
  return undefined;
}

function isNewCategory(
  category: string,
  categoryFrom: string | null,
  current: readonly string[],
  rows: readonly ExistingCategory[],
): boolean {
  if (categoryFrom === null) return !current.includes(category);
  for (const c of rows) if (c.category === category && c.effectiveFrom === categoryFrom) return false;
  return true;
}

/**
 * Decide what to write for a file that passed every check. Rows are grouped by 户编号 in
 * file order; the household event comes before its members' events.
 */
export function planImport(records: readonly ImportRecord[], snapshot: RegistrySnapshot, opts: PlanOptions): ImportPlan {
  const plan: ImportPlan = {
    households: [],
    persons: [],
    members: [],
    categories: [],
    incomes: [],
    policyFacts: [],
    audit: [],
    counts: { householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0, unchangedRows: 0 },
  };
  const groups = new Map<string, ImportRecord[]>();
  for (const r of records) {
    let g = groups.get(r.householdNo);
    if (!g) groups.set(r.householdNo, (g = []));
    g.push(r);
  }

  for (const [householdNo, group] of groups) {
    const h = snapshot.householdsByNo.get(householdNo);
    const householdId = h?.id ?? opts.newId();
    const first = group[0]!;
    const countyCode = first.countyCode;
    let address: string | null = null;
    let catRow: ImportRecord | undefined;
    let categoryFrom: string | null = null;
    for (const r of group) {
      if (address === null && r.address !== null) address = r.address;
      if (!catRow && r.categories !== null) catRow = r;
      if (categoryFrom === null && r.categoryFrom !== null) categoryFrom = r.categoryFrom;
    }
    const personEvents: PlannedAudit[] = [];
    let newMembers = 0;
    const joined: { memberId: string; name: string }[] = [];
    let headPersonId = '';
    let headName = '';

    for (const r of group) {
      const ep = snapshot.personsByIdNumber.get(r.idNumber);
      const personId = ep?.id ?? opts.newId();
      if (r.relationship === 'HEAD') {
        headPersonId = personId;
        headName = r.name;
      }
      const final: PlannedPerson = {
        action: ep ? 'U' : 'C',
        id: personId,
        idNumber: r.idNumber,
        countyCode,
        name: r.name,
        sex: r.sex,
        birthDate: r.birthDate,
        ethnicity: r.ethnicity ?? ep?.ethnicity ?? null,
        phone: r.phone ?? ep?.phone ?? null,
        bankName: r.bankName ?? ep?.bankName ?? null,
        bankAccount: r.bankAccount ?? ep?.bankAccount ?? null,
        labourCapacity: r.labourCapacity ?? ep?.labourCapacity ?? null,
        healthStatus: r.healthStatus ?? ep?.healthStatus ?? null,
        seriousIllness: r.seriousIllness ?? ep?.seriousIllness ?? null,
        disabilityCategory: r.disabilityCategory ?? ep?.disabilityCategory ?? null,
        disabilityGrade: r.disabilityGrade ?? ep?.disabilityGrade ?? null,
        employment: r.employment ?? ep?.employment ?? null,
        studentStage: r.studentStage ?? ep?.studentStage ?? null,
      };
      const before: Record<string, unknown> = {};
      let after: Record<string, unknown> = {};
      let personChanged = false;
      if (ep) {
        for (const f of PERSON_FIELDS) {
          if (ep[f] !== final[f]) {
            before[f] = ep[f];
            after[f] = final[f];
            personChanged = true;
          }
        }
        if (personChanged) plan.persons.push(final);
      } else {
        plan.persons.push(final);
        after = createdPersonAfter(final);
      }

      // Membership: the person is either already an active member here, or joins now.
      const m = ep ? snapshot.membershipsByPersonId.get(ep.id) : undefined;
      let memberCreated = false;
      let memberChanged = false;
      if (m && m.householdId === householdId) {
        if (m.relationship !== r.relationship) {
          plan.members.push({ id: m.memberId, action: 'U', householdId, personId, countyCode, relationship: r.relationship, joinedOn: opts.today });
          before.relationship = m.relationship;
          after.relationship = r.relationship;
          memberChanged = true;
        }
      } else {
        const memberId = opts.newId();
        plan.members.push({ id: memberId, action: 'C', householdId, personId, countyCode, relationship: r.relationship, joinedOn: opts.today });
        joined.push({ memberId, name: final.name });
        if (ep) before.householdNo = null;
        after.householdNo = householdNo;
        after.relationship = r.relationship;
        memberCreated = true;
        newMembers += 1;
      }

      // Incomes
      const existing = ep ? snapshot.incomesByPersonId.get(ep.id) : undefined;
      let incomeChanged = false;
      for (const inc of r.incomes) {
        const old = existing ? findIncome(existing, householdId, inc.incomeType, r.incomeStart, r.incomeEnd) : undefined;
        const field = `income.${inc.incomeType}`;
        if (old && old.amountFen === inc.amountFen) continue;
        plan.incomes.push({
          id: old?.id ?? opts.newId(),
          action: old ? 'U' : 'C',
          householdId,
          personId,
          countyCode,
          incomeType: inc.incomeType,
          periodStart: r.incomeStart,
          periodEnd: r.incomeEnd,
          amountFen: inc.amountFen,
        });
        if (ep) before[field] = old?.amountFen ?? null;
        after[field] = inc.amountFen;
        after.incomePeriod = `${r.incomeStart}~${r.incomeEnd}`;
        incomeChanged = true;
      }

      if (!ep) {
        personEvents.push({ action: 'person.create', entityType: 'person', entityId: personId, householdId, countyCode, before: null, after });
      } else if (personChanged || memberCreated || memberChanged || incomeChanged) {
        personEvents.push({ action: 'person.update', entityType: 'person', entityId: personId, householdId, countyCode, before, after });
      }

      // 救助认定信息: the R15 exclusion, the self-care assessment and the mode of support the row gives (R53, R56)
      let factsChanged = false;
      if (r.exclusion || r.support || r.selfCare) {
        const old = ep ? snapshot.policyFactsByPersonId.get(ep.id) : undefined;
        const base = old ?? NO_POLICY_FACTS;
        const meansTestExclusion = r.exclusion ? r.exclusion.code : base.meansTestExclusion;
        const support = r.support ? supportOf(r.support, base.support) : base.support;
        const selfCare = r.selfCare ? selfCareOf(r.selfCare) : base.selfCare;
        if (meansTestExclusion !== base.meansTestExclusion || !sameSupport(support, base.support) || !sameSelfCare(selfCare, base.selfCare)) {
          plan.policyFacts.push({ personId, countyCode, meansTestExclusion, selfCare, support });
          personEvents.push({
            action: 'person.policy-facts', entityType: 'person', entityId: personId, householdId, countyCode,
            before: old ? { ...old } : null,
            after: { ...base, meansTestExclusion, selfCare, support, _name: final.name },
          });
          factsChanged = true;
        }
      }
      if (memberCreated) plan.counts.membersCreated += 1;
      else if (personChanged || memberChanged || incomeChanged || factsChanged) plan.counts.membersUpdated += 1;
      else plan.counts.unchangedRows += 1;
    }

    // Categories: add rows that are new; the current list only grows.
    const added: PlannedCategory[] = [];
    if (catRow?.categories) {
      const existingRows = snapshot.categoriesByHouseholdId.get(householdId) ?? [];
      for (const category of catRow.categories as Category[]) {
        if (isNewCategory(category, categoryFrom, h?.categories ?? [], existingRows)) {
          added.push({ id: opts.newId(), householdId, countyCode, category, effectiveFrom: categoryFrom ?? opts.today });
        }
      }
    }
    plan.categories.push(...added);
    let categories = h?.categories ?? [];
    const categoryRecordsAdded: Array<{ category: string; effectiveFrom: string }> = [];
    if (added.length > 0) {
      const all = [...categories];
      for (const c of added) {
        all.push(c.category);
        categoryRecordsAdded.push({ category: c.category, effectiveFrom: c.effectiveFrom });
      }
      categories = sortCategories(all);
    }

    const final: PlannedHousehold = {
      id: householdId,
      action: h ? 'U' : 'C',
      householdNo,
      countyCode,
      regionCode: first.regionCode,
      address: address ?? h?.address ?? '',
      urbanRural: first.urbanRural,
      headPersonId: headPersonId,
      headName,
      categories,
      memberCount: (h?.activeMemberCount ?? 0) + newMembers,
      memberNames: h ? null : memberNamesOf(joined),
    };
    if (!h) {
      plan.households.push(final);
      const after: Record<string, unknown> = {
        householdNo, regionCode: final.regionCode, address: final.address, urbanRural: final.urbanRural,
        headName, memberCount: final.memberCount, categories,
      };
      if (categoryRecordsAdded.length) after.categoryRecordsAdded = categoryRecordsAdded;
      plan.audit.push({ action: 'household.create', entityType: 'household', entityId: householdId, householdId, countyCode, before: null, after });
      plan.counts.householdsCreated += 1;
    } else {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      diffField(before, after, 'regionCode', h.regionCode, final.regionCode);
      diffField(before, after, 'address', h.address, final.address);
      diffField(before, after, 'urbanRural', h.urbanRural, final.urbanRural);
      diffField(before, after, 'headPersonId', h.headPersonId, final.headPersonId);
      diffField(before, after, 'headName', h.headName, final.headName);
      diffField(before, after, 'memberCount', h.memberCount, final.memberCount);
      if (!sameArray(h.categories, categories)) {
        before.categories = h.categories;
        after.categories = categories;
      }
      if (categoryRecordsAdded.length) after.categoryRecordsAdded = categoryRecordsAdded;
      if (Object.keys(after).length > 0) {
        plan.households.push(final);
        plan.audit.push({ action: 'household.update', entityType: 'household', entityId: householdId, householdId, countyCode, before, after });
        plan.counts.householdsUpdated += 1;
      }
    }
    plan.audit.push(...personEvents);
  }
  return plan;
}

/** Column header of a violation (report and API). */
export function importColumnHeader(path: string): string {
  return (IMPORT_HEADER_BY_KEY as Record<string, string>)[path] ?? '';
}
