import { Type, type Static } from 'typebox';

/** GET /api/monitoring/board (监测看板, issue 4 §5). */
export const boardQuery = Type.Object({
  /** default: the caller's own region; must lie inside the caller's scope */
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
  /** period by raising date (Asia/Shanghai), inclusive; default the twelve months up to `to` */
  from: Type.Optional(Type.String({ format: 'date' })),
  /** default: today */
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type BoardQuery = Static<typeof boardQuery>;

const count = Type.Integer({ minimum: 0 });
const nullableNumber = Type.Union([Type.Number(), Type.Null()]);
const nullableString = Type.Union([Type.String(), Type.Null()]);
const durations = Type.Object({
  /** clues counted */
  count,
  /** days (one decimal), null when none */
  median: nullableNumber,
  p90: nullableNumber,
});

export const monitoringBoard = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  /** the server's date (Asia/Shanghai) the snapshot figures are for */
  today: Type.String(),
  ageUnit: Type.Literal('WORKING_DAYS'),
  /** years the open clues' ages touch that the P39 working-day calendar does not cover (weekdays only) */
  calendarUncoveredYears: Type.Array(Type.Integer()),
  totals: Type.Object({
    /** snapshot: clues not closed */
    open: count,
    /** snapshot: open clues with due_date < today */
    overdue: count,
    /** period: clues raised */
    raised: count,
    /** period: clues raised in the period and closed */
    closed: count,
    /** … of which closed on or before their due date (R85 share within SLA) */
    closedWithinDeadline: count,
    withinDeadlineRate: nullableNumber,
  }),
  /** keys of openByLevelAge[].byBucket, youngest first */
  ageBuckets: Type.Array(Type.String()),
  openByLevelAge: Type.Array(Type.Object({ level: Type.String(), byBucket: Type.Record(Type.String(), count), total: count })),
  overdueByLevel: Type.Array(Type.Object({ level: Type.String(), count })),
  /** 0 township, 1 county, 2 市州 */
  overdueByEscalation: Type.Array(Type.Object({ escalationLevel: Type.Integer(), count })),
  byStatus: Type.Array(Type.Object({ status: Type.String(), count })),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), count })),
  byOutcome: Type.Array(Type.Object({ outcome: Type.String(), count })),
  /** closed_at − raised_at of clues closed with DIBAO TEKUN TEMPORARY REFERRED MONITORING (calendar days) */
  daysToAssistance: durations,
  /** the same for every closed clue (R85 days from alert to disposal) */
  daysToClose: durations,
  rules: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      code: nullableString,
      name: nullableString,
      level: nullableString,
      raised: count,
      closed: count,
      /** closed with an outcome other than EXCLUDED (assistance or another change) */
      confirmed: count,
      excluded: count,
      /** (closed − excluded) / closed, null when none closed */
      precision: nullableNumber,
    }),
  ),
  /** children of the region (市州 of a province, townships of a county …): open/overdue now, closed in the period */
  byChildRegion: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), open: count, overdue: count, closed: count })),
});
export type MonitoringBoard = Static<typeof monitoringBoard>;
