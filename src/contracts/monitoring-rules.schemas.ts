import { Type, type Static } from 'typebox';

const nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const warningRuleView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  level: Type.String(),
  targetCategory: Type.String(),
  deadlineWorkingDays: Type.Integer(),
  description: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  /** on for the caller's own region (the most specific switch on its path) */
  enabledForScope: Type.Boolean(),
  switches: Type.Array(Type.Object({ regionCode: Type.String(), enabled: Type.Boolean(), updatedAt: Type.String() })),
  stats: Type.Object({
    open: Type.Integer(),
    closed: Type.Integer(),
    excluded: Type.Integer(),
    confirmed: Type.Integer(),
    /** (closed − excluded) / closed over the caller's region; null when none closed */
    precision: nullable(Type.Number()),
  }),
});
export type WarningRuleViewBody = Static<typeof warningRuleView>;

export const warningRuleList = Type.Object({ items: Type.Array(warningRuleView) });

export const warningRuleParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const updateWarningRuleBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  params: Type.Record(Type.String(), Type.Unknown()),
  level: Type.String({ maxLength: 8 }),
  targetCategory: Type.String({ maxLength: 32 }),
  deadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
  description: Type.String({ maxLength: 2000 }),
});
export type UpdateWarningRuleBody = Static<typeof updateWarningRuleBody>;

export const ruleRegionParams = Type.Object({ id: Type.String({ format: 'uuid' }), regionCode: Type.String({ pattern: '^\\d{2,12}$' }) });
export const switchRuleBody = Type.Object({ enabled: Type.Boolean() });
export type SwitchRuleBody = Static<typeof switchRuleBody>;

export const startComparisonBody = Type.Object({
  /** 'YYYY-MM'; default the current month */
  period: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
});
export type StartComparisonBody = Static<typeof startComparisonBody>;

export const comparisonView = Type.Object({
  id: Type.String(),
  period: Type.String(),
  regionCode: Type.String(),
  regionName: nullable(Type.String()),
  status: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  raised: Type.Integer(),
  merged: Type.Integer(),
  error: nullable(Type.String()),
  createdByName: nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: nullable(Type.String()),
  finishedAt: nullable(Type.String()),
});
export type ComparisonViewBody = Static<typeof comparisonView>;
export const comparisonList = Type.Object({ items: Type.Array(comparisonView) });
export const comparisonParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
