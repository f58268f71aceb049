/**
 * Inputs and outputs of the policy engine (issue 3). Pure data: the engine
 * (`assess-household.rules.ts`) is a function of (HouseholdFacts, ParameterSet, reference
 * date) and returns an Assessment whose explanation is stored with the decision, so a later
 * rule change never rewrites what was decided (issue 3 §4).
 *
 * Money is integer fen (POLICY.md §0.3). Dates are 'YYYY-MM-DD' in Asia/Shanghai; months
 * are 'YYYY-MM'.
 */
import type { ParameterConfidence } from './parameter-catalog.js';

export type FactSource = 'DECLARED' | 'DEPARTMENT' | 'INVESTIGATED';

/** Where an input figure came from (shown in the explanation: 申报/部门数据/调查核实, and when). */
export interface Provenance {
  source: FactSource;
  /** e.g. '医保局 2026-10 批次', '入户调查' */
  detail: string | null;
  /** ISO timestamp of the recording */
  recordedAt: string;
  /** display name of who recorded it, when known */
  recordedBy: string | null;
}

/** R15 / P48 reasons a person living in the household is not counted. */
export type MeansTestExclusion =
  | 'CLERGY_AWAY_3Y'
  | 'PRISON'
  | 'DRUG_REHABILITATION'
  | 'DECLARED_MISSING'
  | 'CONSCRIPT_IN_ACTIVE_SERVICE';

/** R53: the six activities; true = can do it independently. */
export interface SelfCareFacts {
  eating: boolean;
  dressing: boolean;
  gettingInOutOfBed: boolean;
  usingToilet: boolean;
  walkingIndoors: boolean;
  bathing: boolean;
  assessedOn: string;
}

/**
 * R56 mode of 特困 support as recorded (供养方式). The R55 care standard is raised by P21's
 * uplift for institutional residents and for community residents with mental illness or an
 * infectious disease.
 */
export interface SupportArrangementFacts {
  /** INSTITUTIONAL 集中供养 / HOME 分散供养 */
  mode: SupportMode;
  /** the support institution (集中供养), as recorded */
  institution: string | null;
  /** HOME only: a community resident with mental illness or an infectious disease */
  homeCondition: HomeCareCondition | null;
  /** first day of this arrangement, 'YYYY-MM-DD' */
  since: string;
}
export type SupportMode = 'INSTITUTIONAL' | 'HOME';
export type HomeCareCondition = 'MENTAL_ILLNESS' | 'INFECTIOUS_DISEASE';

/**
 * R43: a job the employment services (人社部门、就业服务机构) offered a member, and what became of
 * it. Three refusals in a row without good reason are a ground to reduce or stop the member's
 * own share of the benefit.
 */
export interface JobReferralFacts {
  /** day of the offer, 'YYYY-MM-DD' */
  referredOn: string;
  /** the job as offered (employer and post) */
  position: string;
  outcome: JobReferralOutcome;
  note: string | null;
}
export type JobReferralOutcome = 'ACCEPTED' | 'REFUSED_JUSTIFIED' | 'REFUSED_UNJUSTIFIED';

/** R43 in a decision: a member's refusals in a row and the monthly cut (null: P76 not configured, the county decides). */
export interface JobRefusalOutcome {
  personId: string;
  name: string;
  refusals: number;
  reducedFen: number | null;
}

/**
 * One category of a 多重残疾 certificate with its own grade (GB/T 26341: a multiple
 * disability is graded by its most severe category). R49 and 重残 (R31) test each one.
 */
export interface DisabilityComponent {
  category: SingleDisabilityCategory;
  /** 1 (一级, most severe) … 4 */
  grade: number;
}
export type SingleDisabilityCategory = 'VISUAL' | 'HEARING' | 'SPEECH' | 'PHYSICAL' | 'INTELLECTUAL' | 'MENTAL';

/** R51 grounds on which a legal obligor is unable to perform his or her duty. */
export type ObligorInabilityGround =
  | 'TEKUN'
  | 'DIBAO_AGED_60'
  | 'AGED_70_LOW_INCOME'
  | 'SEVERE_DISABILITY_LOW_INCOME'
  | 'NO_CIVIL_CAPACITY_MISSING_OR_PRISON'
  | 'PROVINCIAL_OTHER';

export interface ObligorFacts {
  name: string;
  /** 配偶 / 子女 / 父母 … (free text as recorded) */
  relationship: string;
  /** null = able to perform (defeats R48 condition 3) */
  inabilityGround: ObligorInabilityGround | null;
}

export interface MemberFacts {
  personId: string;
  name: string;
  /** HEAD SPOUSE CHILD PARENT GRANDCHILD GRANDPARENT SIBLING CHILD_IN_LAW OTHER */
  relationship: string;
  birthDate: string;
  sex: 'M' | 'F';
  /** FULL / PARTIAL / NONE or null when not recorded */
  labourCapacity: string | null;
  /** HEALTHY / CHRONIC / SERIOUS / DISABLED */
  healthStatus: string | null;
  seriousIllness: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  /** EMPLOYED FLEXIBLE MIGRANT FARMING HERDING UNEMPLOYED RETIRED NOT_APPLICABLE */
  employment: string | null;
  studentStage: string | null;
  /** R15: set when the person is not counted as a household member */
  exclusion: MeansTestExclusion | null;
  selfCare: SelfCareFacts | null;
  /** R56 供养方式, null = not recorded (no R55 uplift is applied) */
  support: SupportArrangementFacts | null;
  /** 多重残疾: each category with its grade as the certificate lists them; null = not recorded (R49 then needs an officer) */
  disabilityComponents: DisabilityComponent[] | null;
  /** R43 jobs offered by the employment services, as recorded; null = not recorded */
  jobReferrals: JobReferralFacts[] | null;
  /** R48(3), R51: null = not recorded (the 特困 test is then undetermined) */
  obligors: ObligorFacts[] | null;
  /** Current person-level categories (TEKUN, single-person DIBAO) */
  personCategories: string[];
}

export interface IncomeFact {
  id: string;
  /** null = household-level item (e.g. net operating income of the family farm) */
  personId: string | null;
  /** registry INCOME_TYPES (domain/registry/codes.ts) */
  incomeType: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  provenance: Provenance;
  note: string | null;
}

export interface AssetFact {
  id: string;
  personId: string | null;
  /** HOUSE VEHICLE BUSINESS DEPOSIT SECURITIES LIVESTOCK MACHINERY OTHER */
  assetType: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  valueFen: number | null;
  details: Record<string, unknown> | null;
  provenance: Provenance;
}

/** R47 rigid expenditure in the 12 months before the reference month. */
export interface ExpenditureFact {
  id: string;
  personId: string | null;
  /** MEDICAL_OUT_OF_POCKET EDUCATION REHABILITATION BASIC_LIVING OTHER ASSISTANCE_RECEIVED */
  expenditureType: string;
  periodStart: string;
  periodEnd: string;
  amountFen: number;
  provenance: Provenance;
}

/** R44.2 / P77: months of a stepped-down gradual exit paid one amount ('YYYY-MM', both included). */
export interface GradualExitSegment {
  fromMonth: string;
  untilMonth: string;
  amountFen: number;
}

/** Current programme status of the household (for the life cycle, R44). */
export interface RecipientState {
  /** ACTIVE / GRADUAL_EXIT / STOPPED */
  status: string;
  /** the amount of the status's first month (a stepped-down gradual exit: of its first segment) */
  monthlyAmountFen: number;
  /** first benefit month 'YYYY-MM' */
  sinceMonth: string;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  /** a stepped-down gradual exit's amounts by month (R44.2, P77); null: the amount stays as it is */
  gradualExitSchedule: GradualExitSegment[] | null;
  /** counted income by income type in the last applied assessment (fen over its window) */
  previousCountedByType: Record<string, number> | null;
  previousPerCapitaMonthlyFen: number | null;
}

export interface HouseholdFacts {
  householdId: string;
  householdNo: string;
  /** 12-digit village/community code */
  regionCode: string;
  countyCode: string;
  /** R28 / P54: which standard applies */
  urbanRural: 'URBAN' | 'RURAL';
  /** Area type of the county/township when set by an admin (P47) */
  areaType: string | null;
  /** Active members with their facts (not-counted persons included, flagged by `exclusion`). */
  members: MemberFacts[];
  incomes: IncomeFact[];
  assets: AssetFact[];
  expenditures: ExpenditureFact[];
  /** Current household-level categories (DIBAO, DIBAO_EDGE, FANGFANPIN, …) */
  categories: string[];
  recipient: RecipientState | null;
  /** R29 banded method (P18 = BANDED): band code recognised for the household; absent/null = not recognised */
  dibaoBand?: string | null;
}

/** One parameter version in force, as resolved for (region path, urban/rural, date). */
export interface ParameterInForce {
  code: string;
  versionId: string;
  regionCode: string;
  urbanRural: string;
  effectiveFrom: string;
  confidence: ParameterConfidence;
  value: unknown;
  /** DRAFT when a what-if overlays a proposed version */
  status: string;
}

/** Parameters resolved for one household and reference date; a missing code is absent. */
export type ParameterSet = Readonly<Record<string, ParameterInForce>>;

// ---------------------------------------------------------------------------------------
// Output

export type Tri = 'YES' | 'NO' | 'UNDETERMINED';

/** A figure in the explanation: amounts in fen, or plain numbers/text. */
export interface Figure {
  label: string;
  /** money in fen (rendered as 元 with 2 decimals) */
  fen?: number;
  /** non-money number (months, persons, multiplier) */
  number?: number;
  text?: string;
  provenance?: Provenance;
  /** parameter that supplied this figure */
  parameter?: { code: string; versionId: string; effectiveFrom: string; regionCode: string; confidence: ParameterConfidence };
}

export type StepKind = 'INPUT' | 'RULE' | 'COMPARE' | 'RESULT' | 'NOTE';

export interface ExplanationStep {
  /** stable order within the explanation, 1-based */
  n: number;
  kind: StepKind;
  /** POLICY.md rule, e.g. 'R23', 'R21.1' */
  rule: string | null;
  /** section heading the step belongs to, e.g. '家庭收入核算' */
  section: string;
  /** The step in Chinese, complete on its own, with figures written out. */
  text: string;
  figures: Figure[];
  compare?: {
    left: Figure;
    /** '<' '<=' '>' '>=' '=' */
    op: string;
    right: Figure;
    result: boolean;
  };
}

export interface PropertyFinding {
  /** FINANCIAL_ASSETS HOUSING VEHICLES BUSINESS LIVESTOCK */
  check: string;
  result: 'PASS' | 'FAIL' | 'NOT_CONFIGURED';
  text: string;
}

export interface MemberOutcome {
  personId: string;
  name: string;
  /** R49 */
  noLabourCapacity: boolean;
  /** R48 all three → TEKUN */
  tekun: Tri;
  /** R53, when self-care facts exist */
  careLevel: 'FULL_SELF_CARE' | 'PARTIAL_CARE' | 'FULL_CARE' | null;
  /** R55 monthly support in fen when determinable */
  tekunSupportMonthlyFen: number | null;
  /** R31 single-person route */
  singlePerson: Tri;
  singlePersonAmountFen: number | null;
}

/** Household-level outcome (R102 order). */
export type Classification =
  | 'TEKUN_ONLY'
  | 'DIBAO'
  | 'DIBAO_SINGLE_PERSON'
  | 'DIBAO_EDGE'
  | 'QH_RURAL_LOW_INCOME'
  | 'RIGID_EXPENDITURE'
  | 'NONE'
  | 'UNDETERMINED';

export interface AssessmentResult {
  referenceDate: string;
  /** 'YYYY-MM' first and last month of the income window (R18) */
  window: { from: string; to: string; months: number };
  /** R14/R15 counted members */
  householdSize: number;
  countedIncomeFen: number;
  /** by income type, fen over the window, after exclusions and deductions */
  countedByType: Record<string, number>;
  /** exact value rounded to fen for display; comparisons use exact arithmetic */
  perCapitaMonthlyFen: number;
  standardMonthlyFen: number;
  urbanRural: 'URBAN' | 'RURAL';
  property: { result: 'PASS' | 'FAIL' | 'NOT_CONFIGURED'; findings: PropertyFinding[] };
  dibao: {
    eligible: Tri;
    monthlyAmountFen: number | null;
    method: string | null;
    /** R43: members who refused three jobs in a row without good reason (absent in decisions before it) */
    jobRefusals?: JobRefusalOutcome[];
  };
  /** R45 national edge line (P02) */
  isNationalEdge: Tri;
  /** R46 Qinghai rural low-income line (P03); 'NO' for urban households */
  isQhRuralLowIncome: Tri;
  rigidExpenditure: Tri;
  /** read from the registry (R73), independent of the rest */
  fangfanpin: boolean;
  members: MemberOutcome[];
  classification: Classification;
  /** Category flags (R7 codes) the household/persons would hold */
  categories: string[];
  /** Referrals / follow-ups in Chinese (special assistance etc.) */
  referrals: string[];
}

export interface Assessment {
  result: AssessmentResult;
  explanation: ExplanationStep[];
  /** Parameter versions used (code → version id), stored with the decision */
  parametersUsed: Record<string, string>;
}
