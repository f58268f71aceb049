import { Type, type Static } from 'typebox';

export const startReassessmentBody = Type.Object({
  /** WHAT_IF: draft versions, changes nothing. APPLY: approved versions, stores decisions. */
  mode: Type.Union([Type.Literal('WHAT_IF'), Type.Literal('APPLY')]),
  parameterVersionIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 }),
  referenceDate: Type.Optional(Type.String({ format: 'date' })),
});
export type StartReassessmentBody = Static<typeof startReassessmentBody>;

const fen = Type.Integer();
const countyFigures = Type.Object({
  countyCode: Type.String(),
  countyName: Type.Union([Type.String(), Type.Null()]),
  households: Type.Integer(),
  changes: Type.Record(Type.String(), Type.Integer()),
  monthlyBeforeFen: fen,
  monthlyAfterFen: fen,
  monthlyDiffFen: fen,
  yearlyDiffFen: fen,
});

export const reassessmentView = Type.Object({
  id: Type.String(),
  mode: Type.String(),
  status: Type.String(),
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  referenceDate: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  basedOnRunId: Type.Union([Type.String(), Type.Null()]),
  /** WHAT_IF: the latest APPLY run over the same versions, once they were approved */
  appliedRunId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  parameters: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      urbanRural: Type.String(),
      effectiveFrom: Type.String(),
      status: Type.String(),
      value: Type.Unknown(),
    }),
  ),
  summary: Type.Object({
    households: Type.Integer(),
    totals: Type.Record(Type.String(), Type.Integer()),
    monthlyBeforeFen: fen,
    monthlyAfterFen: fen,
    monthlyDiffFen: fen,
    yearlyDiffFen: fen,
    byCounty: Type.Array(countyFigures),
  }),
});
export type ReassessmentViewBody = Static<typeof reassessmentView>;

export const reassessmentList = Type.Object({ items: Type.Array(reassessmentView) });

export const reassessmentChangesQuery = Type.Object({
  /** a change kind, or CHANGED for every household whose outcome moved */
  change: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const reassessmentChanges = Type.Object({
  items: Type.Array(
    Type.Object({
      householdId: Type.String(),
      householdNo: Type.String(),
      headName: Type.Union([Type.String(), Type.Null()]),
      countyCode: Type.String(),
      change: Type.String(),
      beforeClassification: Type.Union([Type.String(), Type.Null()]),
      afterClassification: Type.String(),
      beforeAmountFen: fen,
      afterAmountFen: fen,
      /** over the 12 months from the month after the run (see RunSummary.yearlyDiffFen) */
      yearlyDiffFen: fen,
      errorCode: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
