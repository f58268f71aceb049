import { Type, type Static } from 'typebox';

export const householdIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const assessmentIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const runAssessmentBody = Type.Object({
  /** 核算基准日 (default: today in Asia/Shanghai); the income window is the P04 months before its month. */
  referenceDate: Type.Optional(Type.String({ format: 'date' })),
});
export type RunAssessmentBody = Static<typeof runAssessmentBody>;

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
      monthlyAmountFen: Type.Integer(),
      sinceMonth: Type.String(),
      gradualExitFrom: Type.Union([Type.String(), Type.Null()]),
      gradualExitUntil: Type.Union([Type.String(), Type.Null()]),
      lastAssessmentId: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
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
