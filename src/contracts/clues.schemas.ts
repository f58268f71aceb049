import { Type, type Static, type TSchema } from 'typebox';
import {
  CLUE_LEVEL_LABELS,
  CLUE_OUTCOME_LABELS,
  CLUE_STATUS_LABELS,
  TARGET_CATEGORY_LABELS,
} from '../domain/monitoring/clue.types.js';
import { MANUAL_CHANNELS, VISIT_CHECKLIST_LABELS } from '../domain/monitoring/clue.rules.js';

/** One of the given codes, typed as them (a union built from an array would type as never). */
const oneOf = <const K extends readonly string[]>(keys: K) => Type.Unsafe<K[number]>(Type.Union(keys.map((k) => Type.Literal(k))));
/** One of the codes of a label table. */
const codeOf = <T extends Record<string, string>>(table: T) => oneOf(Object.keys(table) as Extract<keyof T, string>[]);
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const uuid = Type.String({ format: 'uuid' });

export const clueIdParams = Type.Object({ id: uuid });
export const visitPhotoParams = Type.Object({ id: uuid, photoId: uuid });
export const visitIdParams = Type.Object({ id: uuid });

/** Staff entry of a clue (自主申报 / 入户走访 / 热线反映 / 部门预警标识). */
export const createClueBody = Type.Object({
  channel: oneOf(MANUAL_CHANNELS),
  /** the person's identity number: looked up in the registry */
  idNumber: Type.String({ minLength: 15, maxLength: 18 }),
  /** name as reported (required when the person is not in the registry) */
  name: Type.Optional(Type.String({ maxLength: 50 })),
  /** 12-digit village code in the reporter's scope (required when not in the registry) */
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
  title: Type.Optional(Type.String({ maxLength: 200 })),
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  level: Type.Optional(codeOf(CLUE_LEVEL_LABELS)),
  targetCategory: codeOf(TARGET_CATEGORY_LABELS),
  reporterName: Type.Optional(Type.String({ maxLength: 50 })),
  reporterPhone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
  /** for 部门预警标识: the department that flagged the person */
  department: Type.Optional(Type.String({ maxLength: 100 })),
});
export type CreateClueBody = Static<typeof createClueBody>;

export const clueListQuery = Type.Object({
  status: Type.Optional(codeOf(CLUE_STATUS_LABELS)),
  level: Type.Optional(codeOf(CLUE_LEVEL_LABELS)),
  channel: Type.Optional(Type.String({ maxLength: 16 })),
  overdue: Type.Optional(Type.Boolean()),
  rule: Type.Optional(uuid),
  village: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type ClueListQuery = Static<typeof clueListQuery>;

export const clueView = Type.Object({
  id: Type.String(),
  countyCode: Type.String(),
  regionCode: Type.String(),
  villageName: nullable(Type.String()),
  townshipCode: Type.String(),
  townshipName: nullable(Type.String()),
  householdId: nullable(Type.String()),
  householdNo: nullable(Type.String()),
  personId: nullable(Type.String()),
  subjectName: nullable(Type.String()),
  /** masked */
  subjectIdNumber: nullable(Type.String()),
  channel: Type.String(),
  ruleId: nullable(Type.String()),
  level: Type.String(),
  targetCategory: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: Type.String(),
  assignedTo: nullable(Type.String()),
  assignedToName: nullable(Type.String()),
  raisedAt: Type.String(),
  dueDate: Type.String(),
  overdue: Type.Boolean(),
  /** working days past the due date (0 when not overdue) */
  overdueWorkingDays: Type.Integer(),
  escalationLevel: Type.Integer(),
  escalatedAt: nullable(Type.String()),
  repeatCount: Type.Integer(),
  outcome: nullable(Type.String()),
  outcomeReason: nullable(Type.String()),
  referredTo: nullable(Type.String()),
  assessmentId: nullable(Type.String()),
  pendingCaseId: nullable(Type.String()),
  closedAt: nullable(Type.String()),
});
export type ClueView = Static<typeof clueView>;

export const clueList = Type.Object({
  items: Type.Array(clueView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** the server's date (Asia/Shanghai) the overdue flags were computed for */
  today: Type.String(),
});

const checklistAnswer = Type.Object({
  answer: nullable(oneOf(['YES', 'NO'])),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const visitChecklist = Type.Partial(
  Type.Object(Object.fromEntries(Object.keys(VISIT_CHECKLIST_LABELS).map((k) => [k, checklistAnswer])) as Record<string, typeof checklistAnswer>),
);

export const createVisitBody = Type.Object({
  checklist: visitChecklist,
  findings: Type.String({ minLength: 1, maxLength: 4000 }),
  /** the phone's time (ISO); not more than 5 minutes in the future; default: server time */
  visitedAt: Type.Optional(Type.String({ format: 'date-time' })),
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  /** metres (navigator.geolocation accuracy) */
  accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
});
export type CreateVisitBody = Static<typeof createVisitBody>;

export const photoMeta = Type.Object({
  id: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});

export const visitView = Type.Object({
  id: Type.String(),
  clueId: Type.String(),
  visitedAt: Type.String(),
  latitude: nullable(Type.Number()),
  longitude: nullable(Type.Number()),
  accuracyM: nullable(Type.Number()),
  checklist: Type.Record(Type.String(), Type.Unknown()),
  findings: Type.String(),
  createdByName: nullable(Type.String()),
  createdAt: Type.String(),
  photos: Type.Array(photoMeta),
});
export type VisitView = Static<typeof visitView>;

export const clueEventView = Type.Object({
  id: Type.String(),
  action: Type.String(),
  detail: nullable(Type.Record(Type.String(), Type.Unknown())),
  actorName: nullable(Type.String()),
  at: Type.String(),
});

export const clueDetail = Type.Object({
  clue: clueView,
  /** evidence of the clue; the reporter's phone masked */
  evidence: Type.Record(Type.String(), Type.Unknown()),
  events: Type.Array(clueEventView),
  visits: Type.Array(visitView),
  household: nullable(
    Type.Object({
      id: Type.String(),
      householdNo: Type.String(),
      headName: nullable(Type.String()),
      regionCode: Type.String(),
      urbanRural: Type.String(),
      status: Type.String(),
      categories: Type.Array(Type.String()),
      memberCount: Type.Integer(),
    }),
  ),
  assessment: nullable(
    Type.Object({
      id: Type.String(),
      referenceDate: Type.String(),
      classification: Type.String(),
      perCapitaMonthlyFen: Type.Integer(),
      standardMonthlyFen: Type.Integer(),
      dibaoAmountFen: nullable(Type.Integer()),
    }),
  ),
  pendingCase: nullable(Type.Object({ id: Type.String(), programme: Type.String(), status: Type.String() })),
  today: Type.String(),
});
export type ClueDetail = Static<typeof clueDetail>;

export const createClueResult = Type.Object({ merged: Type.Boolean(), clue: clueDetail });

export const assignClueBody = Type.Object({ userId: uuid });
export type AssignClueBody = Static<typeof assignClueBody>;

export const assigneeList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), regionCode: Type.String() })),
});

export const closeClueBody = Type.Object({
  outcome: codeOf(CLUE_OUTCOME_LABELS),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  referredTo: Type.Optional(Type.String({ maxLength: 100 })),
  /** EXCLUDED because the data was wrong (R82 INVALID_DATA): the only closing without a visit */
  invalidData: Type.Optional(Type.Boolean()),
});
export type CloseClueBody = Static<typeof closeClueBody>;

export const escalateResult = Type.Object({ today: Type.String(), escalated: Type.Integer() });
