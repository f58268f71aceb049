import { Type, type Static, type TSchema } from 'typebox';
import {
  ASSET_TYPE_LABELS,
  CATEGORY_LABELS,
  DISABILITY_CATEGORY_LABELS,
  EMPLOYMENT_LABELS,
  EXPENDITURE_TYPE_LABELS,
  HEALTH_LABELS,
  HOME_CARE_CONDITION_LABELS,
  INCOME_SOURCE_LABELS,
  INCOME_TYPE_LABELS,
  JOB_REFERRAL_OUTCOME_LABELS,
  LABOUR_CAPACITY_LABELS,
  LIVESTOCK_SPECIES_LABELS,
  MEANS_TEST_EXCLUSION_LABELS,
  OBLIGOR_INABILITY_GROUND_LABELS,
  RELATIONSHIP_LABELS,
  SINGLE_DISABILITY_CATEGORIES,
  STUDENT_STAGE_LABELS,
  SUPPORT_MODE_LABELS,
  VEHICLE_PURPOSE_LABELS,
} from '../domain/registry/codes.js';

/** The codes of a label table; typed as those codes (a union built from an array would type as never). */
const oneOf = <T extends Record<string, string>>(table: T) =>
  Type.Unsafe<Extract<keyof T, string>>(Type.Union(Object.keys(table).map((k) => Type.Literal(k))));
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const dateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const uuid = Type.String({ format: 'uuid' });

export const categoryCode = oneOf(CATEGORY_LABELS);
export const relationshipCode = oneOf(RELATIONSHIP_LABELS);
export const urbanRuralCode = Type.Union([Type.Literal('URBAN'), Type.Literal('RURAL')]);

/** A person as every list and detail returns it: identity number, phone and bank account masked. */
export const personView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: '默认脱敏，如 6301**********0019' }),
  sex: Type.String(),
  birthDate: Type.String(),
  age: Type.Integer(),
  ethnicity: nullable(Type.String()),
  phone: nullable(Type.String()),
  bankName: nullable(Type.String()),
  bankAccount: nullable(Type.String()),
  labourCapacity: nullable(Type.String()),
  healthStatus: nullable(Type.String()),
  seriousIllness: nullable(Type.String()),
  disabilityCategory: nullable(Type.String()),
  disabilityGrade: nullable(Type.Integer()),
  severeDisability: Type.Boolean(),
  employment: nullable(Type.String()),
  studentStage: nullable(Type.String()),
});
export type PersonView = Static<typeof personView>;

/** Person fields a form may send (identity number checked by R9; sex and birth date derived). */
export const personInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  idNumber: Type.String({ minLength: 1, maxLength: 40 }),
  /** Optional entered values, checked against the identity number (R9). */
  sex: Type.Optional(nullable(Type.Union([Type.Literal('M'), Type.Literal('F')]))),
  birthDate: Type.Optional(nullable(dateStr)),
  ethnicity: Type.Optional(nullable(Type.String({ maxLength: 16 }))),
  phone: Type.Optional(nullable(Type.String({ maxLength: 32 }))),
  bankName: Type.Optional(nullable(Type.String({ maxLength: 60 }))),
  bankAccount: Type.Optional(nullable(Type.String({ maxLength: 40 }))),
  labourCapacity: Type.Optional(nullable(oneOf(LABOUR_CAPACITY_LABELS))),
  healthStatus: Type.Optional(nullable(oneOf(HEALTH_LABELS))),
  seriousIllness: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
  disabilityCategory: Type.Optional(nullable(oneOf(DISABILITY_CATEGORY_LABELS))),
  disabilityGrade: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 4 }))),
  employment: Type.Optional(nullable(oneOf(EMPLOYMENT_LABELS))),
  studentStage: Type.Optional(nullable(oneOf(STUDENT_STAGE_LABELS))),
});
export type PersonInput = Static<typeof personInput>;

export const personPatch = Type.Partial(Type.Omit(personInput, ['idNumber']));
export type PersonPatch = Static<typeof personPatch>;

/** R53 self-care assessment: true = can do the activity independently. */
export const selfCareFacts = Type.Object({
  eating: Type.Boolean(),
  dressing: Type.Boolean(),
  gettingInOutOfBed: Type.Boolean(),
  usingToilet: Type.Boolean(),
  walkingIndoors: Type.Boolean(),
  bathing: Type.Boolean(),
  assessedOn: dateStr,
});

/** R51 legal obligor; inabilityGround null = able to perform the duty. */
export const obligorFacts = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  relationship: Type.String({ minLength: 1, maxLength: 20 }),
  inabilityGround: nullable(oneOf(OBLIGOR_INABILITY_GROUND_LABELS)),
});

/**
 * R56 供养方式 of a 特困 person: the institution for 集中供养, and for 分散供养 whether the
 * person is a community resident with mental illness or an infectious disease (R55 uplift).
 */
export const supportArrangementFacts = Type.Object({
  mode: oneOf(SUPPORT_MODE_LABELS),
  institution: nullable(Type.String({ minLength: 1, maxLength: 60 })),
  homeCondition: nullable(oneOf(HOME_CARE_CONDITION_LABELS)),
  since: dateStr,
});

/** R43: a job the employment services offered the member, and what became of it. */
export const jobReferralFacts = Type.Object({
  referredOn: dateStr,
  position: Type.String({ minLength: 1, maxLength: 60 }),
  outcome: oneOf(JOB_REFERRAL_OUTCOME_LABELS),
  // minLength 1: with type coercion a null note would otherwise be stored as an empty string
  note: nullable(Type.String({ minLength: 1, maxLength: 200 })),
});

/** One category of a 多重残疾 certificate with its own grade (R49, R31). */
export const disabilityComponentFacts = Type.Object({
  category: Type.Unsafe<(typeof SINGLE_DISABILITY_CATEGORIES)[number]>(Type.Union(SINGLE_DISABILITY_CATEGORIES.map((c) => Type.Literal(c)))),
  grade: Type.Integer({ minimum: 1, maximum: 4 }),
});

/**
 * PUT body of a member's policy facts (replaces them all). null is 未登记 for selfCare,
 * support, obligors (an empty obligor list means 无义务人) and disabilityComponents (the
 * categories of a 多重残疾 certificate) and jobReferrals (R43), 不排除 for meansTestExclusion.
 * disabilityComponents and jobReferrals left out keep what is recorded (they came later than
 * the others, and concern few people).
 */
export const policyFactsInput = Type.Object({
  meansTestExclusion: nullable(oneOf(MEANS_TEST_EXCLUSION_LABELS)),
  selfCare: nullable(selfCareFacts),
  support: nullable(supportArrangementFacts),
  obligors: nullable(Type.Array(obligorFacts, { maxItems: 30 })),
  disabilityComponents: Type.Optional(nullable(Type.Array(disabilityComponentFacts, { minItems: 2, maxItems: 6 }))),
  jobReferrals: Type.Optional(nullable(Type.Array(jobReferralFacts, { maxItems: 50 }))),
});
export type PolicyFactsInput = Static<typeof policyFactsInput>;

export const policyFactsView = Type.Object({
  meansTestExclusion: nullable(Type.String()),
  selfCare: nullable(selfCareFacts),
  support: nullable(Type.Object({ mode: Type.String(), institution: nullable(Type.String()), homeCondition: nullable(Type.String()), since: Type.String() })),
  obligors: nullable(Type.Array(Type.Object({ name: Type.String(), relationship: Type.String(), inabilityGround: nullable(Type.String()) }))),
  disabilityComponents: nullable(Type.Array(Type.Object({ category: Type.String(), grade: Type.Integer() }))),
  jobReferrals: nullable(Type.Array(Type.Object({ referredOn: Type.String(), position: Type.String(), outcome: Type.String(), note: nullable(Type.String()) }))),
  /** null when nothing was ever recorded */
  updatedAt: nullable(Type.String()),
});
export type PolicyFactsView = Static<typeof policyFactsView>;

export const memberView = Type.Object({
  memberId: Type.String(),
  relationship: Type.String(),
  active: Type.Boolean(),
  joinedOn: Type.String(),
  leftOn: nullable(Type.String()),
  leftReason: nullable(Type.String()),
  person: personView,
  /** R15 / R53 / R51 facts for the policy engine (救助认定信息) */
  policyFacts: policyFactsView,
});

export const incomeView = Type.Object({
  id: Type.String(),
  personId: nullable(Type.String()),
  personName: nullable(Type.String()),
  incomeType: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  amountFen: Type.Integer(),
  source: Type.String(),
  sourceDetail: nullable(Type.String()),
  recordedByName: nullable(Type.String()),
  recordedAt: Type.String(),
  note: nullable(Type.String()),
});

export const incomeInput = Type.Object({
  personId: Type.Optional(nullable(uuid)),
  incomeType: oneOf(INCOME_TYPE_LABELS),
  periodStart: dateStr,
  periodEnd: dateStr,
  amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
  source: oneOf(INCOME_SOURCE_LABELS),
  sourceDetail: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  note: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
});
export type IncomeInput = Static<typeof incomeInput>;

export const assetView = Type.Object({
  id: Type.String(),
  personId: nullable(Type.String()),
  personName: nullable(Type.String()),
  assetType: Type.String(),
  description: Type.String(),
  quantity: nullable(Type.Integer()),
  unit: nullable(Type.String()),
  valueFen: nullable(Type.Integer()),
  /** 牲畜: the species (LIVESTOCK_SPECIES_LABELS) */
  species: nullable(Type.String()),
  /** 车辆: what it is used for (VEHICLE_PURPOSE_LABELS) */
  vehiclePurpose: nullable(Type.String()),
  source: Type.String(),
  sourceDetail: nullable(Type.String()),
  recordedByName: nullable(Type.String()),
  recordedAt: Type.String(),
});

export const assetInput = Type.Object({
  personId: Type.Optional(nullable(uuid)),
  assetType: oneOf(ASSET_TYPE_LABELS),
  description: Type.String({ maxLength: 200, default: '' }),
  quantity: Type.Optional(nullable(Type.Integer({ minimum: 0 }))),
  unit: Type.Optional(nullable(Type.String({ maxLength: 16 }))),
  valueFen: Type.Optional(nullable(Type.Integer({ minimum: 0 }))),
  /** 牲畜 only, and required there: one asset per species, the head count in `quantity` (R25, P19) */
  species: Type.Optional(nullable(oneOf(LIVESTOCK_SPECIES_LABELS))),
  /** 车辆 only: what it is used for; P19 exempts some purposes (R25) */
  vehiclePurpose: Type.Optional(nullable(oneOf(VEHICLE_PURPOSE_LABELS))),
  source: oneOf(INCOME_SOURCE_LABELS),
  sourceDetail: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
});
export type AssetInput = Static<typeof assetInput>;

export const expenditureView = Type.Object({
  id: Type.String(),
  personId: nullable(Type.String()),
  personName: nullable(Type.String()),
  expenditureType: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  amountFen: Type.Integer(),
  source: Type.String(),
  sourceDetail: nullable(Type.String()),
  recordedByName: nullable(Type.String()),
  recordedAt: Type.String(),
  note: nullable(Type.String()),
});

/** R47 rigid expenditure item (amount in fen). */
export const expenditureInput = Type.Object({
  personId: Type.Optional(nullable(uuid)),
  expenditureType: oneOf(EXPENDITURE_TYPE_LABELS),
  periodStart: dateStr,
  periodEnd: dateStr,
  amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
  source: oneOf(INCOME_SOURCE_LABELS),
  sourceDetail: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  note: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
});
export type ExpenditureInput = Static<typeof expenditureInput>;

export const categoryView = Type.Object({
  id: Type.String(),
  personId: nullable(Type.String()),
  personName: nullable(Type.String()),
  category: Type.String(),
  effectiveFrom: Type.String(),
  effectiveTo: nullable(Type.String()),
  current: Type.Boolean(),
  reason: nullable(Type.String()),
  source: Type.String(),
  recordedByName: nullable(Type.String()),
  recordedAt: Type.String(),
});

export const categoryInput = Type.Object({
  category: categoryCode,
  personId: Type.Optional(nullable(uuid)),
  effectiveFrom: dateStr,
  reason: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
});
export type CategoryInput = Static<typeof categoryInput>;

export const endCategoryBody = Type.Object({
  effectiveTo: dateStr,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export const householdListItem = Type.Object({
  id: Type.String(),
  householdNo: Type.String(),
  countyCode: Type.String(),
  regionCode: Type.String(),
  regionPath: Type.String({ description: '乡镇/街道 · 村/社区' }),
  address: Type.String(),
  urbanRural: Type.String(),
  status: Type.String(),
  categories: Type.Array(Type.String()),
  memberCount: Type.Integer(),
  headName: nullable(Type.String()),
  headIdNumber: nullable(Type.String()),
  updatedAt: Type.String(),
});
export type HouseholdListItem = Static<typeof householdListItem>;

const householdFilterProps = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  /** Name, identity-number fragment, phone fragment or household number. */
  q: Type.Optional(Type.String({ maxLength: 40 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
  category: Type.Optional(categoryCode),
  status: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('CANCELLED')])),
  urbanRural: Type.Optional(urbanRuralCode),
};
export const householdListQuery = Type.Object(householdFilterProps);
export type HouseholdListQuery = Static<typeof householdListQuery>;
export const householdExportQuery = Type.Object({ ...householdFilterProps, unmasked: Type.Optional(Type.Boolean()) });

export const householdList = Type.Object({
  items: Type.Array(householdListItem),
  /** exact up to the cap; when `totalCapped`, more households match than `total` */
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const householdDetail = Type.Object({
  id: Type.String(),
  householdNo: Type.String(),
  countyCode: Type.String(),
  regionCode: Type.String(),
  regionNames: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  address: Type.String(),
  urbanRural: Type.String(),
  status: Type.String(),
  categories: Type.Array(Type.String()),
  headPersonId: nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  members: Type.Array(memberView),
  formerMembers: Type.Array(memberView),
  incomes: Type.Array(incomeView),
  assets: Type.Array(assetView),
  expenditures: Type.Array(expenditureView),
  categoryHistory: Type.Array(categoryView),
});
export type HouseholdDetail = Static<typeof householdDetail>;

export const createHouseholdBody = Type.Object({
  regionCode: Type.String({ pattern: '^[0-9]{12}$', description: '村/社区 12 位代码' }),
  householdNo: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  address: Type.String({ maxLength: 200, default: '' }),
  urbanRural: urbanRuralCode,
  head: personInput,
  members: Type.Array(Type.Object({ ...personInput.properties, relationship: relationshipCode }), { default: [], maxItems: 30 }),
  joinedOn: Type.Optional(dateStr),
});
export type CreateHouseholdBody = Static<typeof createHouseholdBody>;

export const updateHouseholdBody = Type.Object({
  version: Type.Integer(),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  urbanRural: Type.Optional(urbanRuralCode),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  status: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('CANCELLED')])),
  headPersonId: Type.Optional(uuid),
});
export type UpdateHouseholdBody = Static<typeof updateHouseholdBody>;

// Flat objects, not Intersect: the validator strips unknown properties and would strip
// each half of an intersection from the other.
export const addMemberBody = Type.Object({
  ...personInput.properties,
  relationship: relationshipCode,
  joinedOn: Type.Optional(dateStr),
  /** Move the person here from the active household they belong to (both keep the history). */
  moveFromOtherHousehold: Type.Optional(Type.Boolean()),
});
export type AddMemberBody = Static<typeof addMemberBody>;

export const removeMemberBody = Type.Object({
  leftOn: dateStr,
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});

export const timelineItem = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorName: nullable(Type.String()),
  action: Type.String(),
  summary: Type.String({ description: '中文摘要' }),
  source: nullable(Type.String()),
  changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Any(), after: Type.Any() })),
});
export const timeline = Type.Object({ items: Type.Array(timelineItem) });

export const revealBody = Type.Object({
  field: Type.Union([Type.Literal('idNumber'), Type.Literal('phone'), Type.Literal('bankAccount')]),
  reason: Type.Optional(Type.String({ maxLength: 200 })),
});
export const revealResult = Type.Object({ field: Type.String(), value: nullable(Type.String()) });

export const duplicateGroup = Type.Object({
  name: Type.String(),
  birthDate: Type.String(),
  countyCode: Type.String(),
  persons: Type.Array(
    Type.Object({
      personId: Type.String(),
      idNumber: Type.String(),
      householdId: nullable(Type.String()),
      householdNo: nullable(Type.String()),
    }),
  ),
});
export const duplicateList = Type.Object({ items: Type.Array(duplicateGroup), total: Type.Integer() });

export const idParams = Type.Object({ id: uuid });
export const memberParams = Type.Object({ id: uuid, memberId: uuid });
export const itemParams = Type.Object({ id: uuid, itemId: uuid });
export const memberPersonParams = Type.Object({ id: uuid, personId: uuid });

export const categoryStats = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  totals: Type.Object({ households: Type.Integer(), persons: Type.Integer() }),
  byCategory: Type.Array(Type.Object({ category: Type.String(), households: Type.Integer(), persons: Type.Integer() })),
  byChildRegion: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), households: Type.Integer(), byCategory: Type.Record(Type.String(), Type.Integer()) }),
  ),
});
export type CategoryStats = Static<typeof categoryStats>;
