import { Type, type Static } from 'typebox';

export const householdIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const assessmentIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const runAssessmentBody = Type.Object({
  /** 核算基准日 (default: today in Asia/Shanghai); the income window is the P04 months before its month. */
  referenceDate: Type.Optional(Type.String({ format: 'date' })),
});
export type RunAssessmentBody = Static<typeof runAssessmentBody>;

const nullableString = Type.Union([Type.String(), Type.Null()]);

/** Where a 渐退 household stands against the end of its period (R44.3; gradual-exit-review.rules.ts). */
/** R44.2 / P77: months of a stepped-down gradual exit paid one amount ('YYYY-MM', both included). */
export const gradualExitSegment = Type.Object({
  fromMonth: Type.String(),
  untilMonth: Type.String(),
  amountFen: Type.Integer(),
});

export const gradualExitReview = Type.Object({
  /** IN_PERIOD ENDING_SOON REVIEW_DUE OVERDUE */
  stage: Type.String(),
  periodEnd: Type.String(),
  daysLeft: Type.Integer(),
  text: Type.String(),
});

/** Where a household paid normally stands against its periodic review (R42; periodic-review.rules.ts). */
export const periodicReview = Type.Object({
  /** NOT_DUE DUE_SOON OVERDUE */
  stage: Type.String(),
  /** STABLE (P07) / UNSTABLE (P08) */
  reviewClass: Type.String(),
  intervalMonths: Type.Integer(),
  /** R42 / P61: the interval extended while a declared major emergency stands */
  extension: Type.Union([
    Type.Object({ months: Type.Integer(), emergency: Type.String(), effectiveFrom: Type.String(), regionCode: Type.String() }),
    Type.Null(),
  ]),
  lastReviewedOn: nullableString,
  /** the day the review counts from: the last review, else the registration as a recipient, else the first benefit month */
  countsFrom: Type.String(),
  dueOn: Type.String(),
  daysLeft: Type.Integer(),
  text: Type.String(),
});

const parameterUsed = Type.Object({
  code: Type.String(),
  name: Type.String(),
  versionId: Type.String(),
  regionCode: Type.String(),
  urbanRural: Type.String(),
  effectiveFrom: Type.String(),
  confidence: Type.String(),
});

/** A stored decision; `result` is AssessmentResult and `explanation` ExplanationStep[] (src/domain/policy/assessment.types.ts). */
export const assessmentView = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  referenceDate: Type.String(),
  trigger: Type.String(),
  runId: Type.Union([Type.String(), Type.Null()]),
  classification: Type.String(),
  perCapitaMonthlyFen: Type.Integer(),
  standardMonthlyFen: Type.Integer(),
  dibaoAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  result: Type.Unknown(),
  explanation: Type.Array(Type.Unknown()),
  parametersUsed: Type.Array(parameterUsed),
  createdAt: Type.String(),
  createdByName: Type.Union([Type.String(), Type.Null()]),
});
export type AssessmentViewBody = Static<typeof assessmentView>;

export const householdAssessments = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      referenceDate: Type.String(),
      trigger: Type.String(),
      runId: Type.Union([Type.String(), Type.Null()]),
      classification: Type.String(),
      perCapitaMonthlyFen: Type.Integer(),
      standardMonthlyFen: Type.Integer(),
      dibaoAmountFen: Type.Union([Type.Integer(), Type.Null()]),
      createdAt: Type.String(),
      createdByName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  benefit: Type.Union([
    Type.Object({
      status: Type.String(),
      /** this month's amount (a stepped-down gradual exit: its schedule's) */
      monthlyAmountFen: Type.Integer(),
      sinceMonth: Type.String(),
      gradualExitFrom: Type.Union([Type.String(), Type.Null()]),
      gradualExitUntil: Type.Union([Type.String(), Type.Null()]),
      /** a stepped-down gradual exit's amounts (R44.2, P77); null: unchanged */
      gradualExitSchedule: Type.Union([Type.Array(gradualExitSegment), Type.Null()]),
      /** 渐退期 only: where it stands against the end of the period (R44.3) */
      review: Type.Union([gradualExitReview, Type.Null()]),
      /** STABLE / UNSTABLE: the officer's judgment that sets the periodic-review interval (R42) */
      reviewClass: Type.String(),
      /** 正常享受 only: where it stands against its periodic review (null when P07/P08 are not configured) */
      periodicReview: Type.Union([periodicReview, Type.Null()]),
      lastAssessmentId: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  /** holds the 低保 category with no status yet: 在册待核定 (its decisions did not confirm it, or none was made) */
  unregisteredOnRoster: Type.Boolean(),
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      fromStatus: Type.Union([Type.String(), Type.Null()]),
      toStatus: Type.String(),
      effectiveMonth: Type.String(),
      monthlyAmountFen: Type.Integer(),
      reason: Type.String(),
      decidedOn: Type.String(),
      assessmentId: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
      createdByName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type HouseholdAssessmentsBody = Static<typeof householdAssessments>;

export const benefitRecipientQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
  /**
   * one status; none → the households being paid (正常享受 and 渐退期). UNREGISTERED: 在册待核定, the
   * households holding the 低保 category that no decision has registered as recipients.
   */
  status: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('GRADUAL_EXIT'), Type.Literal('STOPPED'), Type.Literal('UNREGISTERED')])),
  /**
   * DUE: 渐退期 ending within the notice days or already over (R85); OVERDUE: already over (both imply
   * status GRADUAL_EXIT). PERIODIC_DUE / PERIODIC_OVERDUE: the same for the periodic review of the
   * households paid normally (R42; imply status ACTIVE).
   */
  review: Type.Optional(Type.Union([Type.Literal('DUE'), Type.Literal('OVERDUE'), Type.Literal('PERIODIC_DUE'), Type.Literal('PERIODIC_OVERDUE')])),
});
export type BenefitRecipientQueryString = Static<typeof benefitRecipientQuery>;

export const benefitRecipientList = Type.Object({
  /** the day the review stages were worked out for, Asia/Shanghai */
  today: Type.String(),
  noticeDays: Type.Integer(),
  counts: Type.Object({
    active: Type.Integer(),
    gradualExit: Type.Integer(),
    stopped: Type.Integer(),
    due: Type.Integer(),
    overdue: Type.Integer(),
    periodicDue: Type.Integer(),
    periodicOverdue: Type.Integer(),
    /** on the 低保 roster without a recipient status (在册待核定) */
    unregistered: Type.Integer(),
    monthlyTotalFen: Type.Integer(),
  }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      householdId: Type.String(),
      householdNo: Type.String(),
      countyCode: Type.String(),
      regionCode: Type.String(),
      regionPath: Type.String(),
      urbanRural: Type.String(),
      headName: nullableString,
      headIdNumber: nullableString,
      memberCount: Type.Integer(),
      status: Type.String(),
      /** this month's amount (a stepped-down gradual exit: its schedule's) */
      monthlyAmountFen: Type.Integer(),
      sinceMonth: Type.String(),
      gradualExitFrom: nullableString,
      gradualExitUntil: nullableString,
      gradualExitSchedule: Type.Union([Type.Array(gradualExitSegment), Type.Null()]),
      review: Type.Union([gradualExitReview, Type.Null()]),
      periodicReview: Type.Union([periodicReview, Type.Null()]),
      lastAssessmentId: nullableString,
      lastAssessedOn: nullableString,
      /** classification of the last decision */
      lastClassification: nullableString,
    }),
  ),
});
export type BenefitRecipientListBody = Static<typeof benefitRecipientList>;

export const setReviewClassBody = Type.Object({
  reviewClass: Type.Union([Type.Literal('STABLE'), Type.Literal('UNSTABLE')]),
  /** why the household is judged so (kept in the audit trail) */
  reason: Type.String({ minLength: 2, maxLength: 200 }),
});
export type SetReviewClassBody = Static<typeof setReviewClassBody>;
