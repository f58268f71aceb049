import { Type, type Static, type TSchema } from 'typebox';

/** Policy parameters and their four-eyes editing (issue 3 §1, POLICY.md §19). */

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const dateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const regionCode = Type.String({ pattern: '^[0-9]{2,12}$' });

export const parameterUrbanRural = Type.Union([Type.Literal('ALL'), Type.Literal('URBAN'), Type.Literal('RURAL')]);
export const parameterConfidence = Type.Union([Type.Literal('OFFICIAL'), Type.Literal('PLACEHOLDER')]);

/** One stored version (any status), with who proposed and reviewed it. */
export const parameterVersion = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: nullable(Type.String()),
  urbanRural: Type.String(),
  effectiveFrom: Type.String(),
  /** As stored: MONEY_STANDARD is { monthlyFen, published: { amount, unit } } (§0.3). */
  value: Type.Unknown(),
  /** The value in words, e.g. '每人每月 450.00元（公布标准 每人每年 5,400.00元）'. */
  valueText: Type.String(),
  confidence: Type.String(),
  basis: Type.String(),
  note: nullable(Type.String()),
  reason: nullable(Type.String()),
  /** DRAFT / APPROVED / REJECTED / WITHDRAWN */
  status: Type.String(),
  /** true for the shipped Qinghai parameter set */
  isDefault: Type.Boolean(),
  createdBy: nullable(Type.String()),
  createdByName: nullable(Type.String()),
  createdAt: Type.String(),
  reviewedBy: nullable(Type.String()),
  reviewedByName: nullable(Type.String()),
  reviewedAt: nullable(Type.String()),
  reviewNote: nullable(Type.String()),
});
export type ParameterVersion = Static<typeof parameterVersion>;

export const parameterListQuery = Type.Object({
  /** Default: the user's own region. */
  regionCode: Type.Optional(regionCode),
  /** Default: today (Asia/Shanghai). */
  date: Type.Optional(dateStr),
});
export type ParameterListQuery = Static<typeof parameterListQuery>;

export const parameterListItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  basis: Type.String(),
  scope: Type.String(),
  byUrbanRural: Type.Boolean(),
  /** §0.1: the catalog basis is verified ([V]/[V2]) */
  mayBeOfficial: Type.Boolean(),
  /** ALL, or URBAN / RURAL for parameters split by urban/rural */
  urbanRural: Type.String(),
  inForce: nullable(parameterVersion),
  /** The version in force is keyed by an ancestor region (province or 市州). */
  inherited: Type.Boolean(),
  /** The next approved version, effective after the date. */
  upcoming: nullable(parameterVersion),
  pendingCount: Type.Integer(),
});
export type ParameterListItem = Static<typeof parameterListItem>;

export const parameterList = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  date: Type.String(),
  items: Type.Array(parameterListItem),
});
export type ParameterList = Static<typeof parameterList>;

export const parameterCodeParams = Type.Object({ code: Type.String({ pattern: '^P[0-9]{2}b?$' }) });
export const parameterHistoryQuery = Type.Object({ regionCode: Type.Optional(regionCode) });
export const parameterHistory = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  items: Type.Array(parameterVersion),
});
export type ParameterHistory = Static<typeof parameterHistory>;

/**
 * A proposed version. `value` has the catalog's shape, except MONEY_STANDARD, which is typed
 * as published: { amount: 5400 | '5400.00', unit: 'YUAN_PER_PERSON_YEAR' } and normalised
 * by the server to monthly fen (§0.3).
 */
export const proposeParameterBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 8 }),
  regionCode,
  urbanRural: Type.Optional(parameterUrbanRural),
  effectiveFrom: Type.String({ maxLength: 10 }),
  value: Type.Unknown(),
  confidence: parameterConfidence,
  /** 修改理由 (Chinese). */
  reason: Type.String({ maxLength: 2000 }),
  /** 文件依据, e.g. '青民发〔2026〕12号'; required for OFFICIAL. */
  basisDocument: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
  /** PLACEHOLDER: what is still to be confirmed. */
  note: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
});
export type ProposeParameterBody = Static<typeof proposeParameterBody>;

export const proposalIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const approveProposalBody = Type.Object({ note: Type.Optional(nullable(Type.String({ maxLength: 1000 }))) });
export type ApproveProposalBody = Static<typeof approveProposalBody>;
export const rejectProposalBody = Type.Object({ note: Type.String({ maxLength: 1000 }) });
export type RejectProposalBody = Static<typeof rejectProposalBody>;
export const withdrawProposalBody = Type.Object({ note: Type.Optional(nullable(Type.String({ maxLength: 1000 }))) });
export type WithdrawProposalBody = Static<typeof withdrawProposalBody>;

export const proposalItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: nullable(Type.String()),
  urbanRural: Type.String(),
  effectiveFrom: Type.String(),
  value: Type.Unknown(),
  valueText: Type.String(),
  confidence: Type.String(),
  basis: Type.String(),
  note: nullable(Type.String()),
  reason: nullable(Type.String()),
  status: Type.String(),
  isDefault: Type.Boolean(),
  createdBy: nullable(Type.String()),
  createdByName: nullable(Type.String()),
  createdAt: Type.String(),
  reviewedBy: nullable(Type.String()),
  reviewedByName: nullable(Type.String()),
  reviewedAt: nullable(Type.String()),
  reviewNote: nullable(Type.String()),
  /** The signed-in user proposed it: may withdraw, may not approve or reject. */
  mine: Type.Boolean(),
  /** The version it would replace on its effective date. */
  replaces: nullable(
    Type.Object({ id: Type.String(), regionCode: Type.String(), effectiveFrom: Type.String(), valueText: Type.String() }),
  ),
});
export type ProposalItem = Static<typeof proposalItem>;
export const proposalList = Type.Object({ items: Type.Array(proposalItem) });
export type ProposalList = Static<typeof proposalList>;
