import { Type, type Static, type TSchema } from 'typebox';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const deptFieldView = Type.Object({
  key: Type.String(),
  header: Type.String({ description: '默认列名（版本0）' }),
  type: Type.String({ description: 'ID_NUMBER TEXT DATE MONEY INTEGER ENUM' }),
  required: Type.Boolean(),
  options: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export const deptSourceView = Type.Object({
  code: Type.String(),
  department: Type.String(),
  departmentName: Type.String(),
  datasetName: Type.String(),
  fields: Type.Array(deptFieldView),
  eventDateField: nullable(Type.String()),
  amountField: nullable(Type.String()),
  applies: Type.String({ description: '匹配后写入登记库的内容（中文说明）' }),
  mappingVersion: Type.Integer({ description: '当前字段对应版本；0 = 默认列名' }),
  mapping: Type.Record(Type.String(), Type.String(), { description: '我方字段 → 对方列名' }),
});
export type DeptSourceView = Static<typeof deptSourceView>;
export const deptSourceList = Type.Object({ items: Type.Array(deptSourceView) });

export const deptSourceParams = Type.Object({ code: Type.String({ pattern: '^[A-Z_]{2,32}$' }) });

export const deptMappingBody = Type.Object({
  mapping: Type.Record(Type.String(), Type.String({ maxLength: 60 }), { description: '我方字段 → 对方列名；未列出的字段使用默认列名' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type DeptMappingBody = Static<typeof deptMappingBody>;

export const deptMappingVersionView = Type.Object({
  version: Type.Integer(),
  mapping: Type.Record(Type.String(), Type.String()),
  note: nullable(Type.String()),
  createdByName: nullable(Type.String()),
  createdAt: nullable(Type.String()),
});
export const deptMappingHistory = Type.Object({
  sourceCode: Type.String(),
  current: deptMappingVersionView,
  versions: Type.Array(deptMappingVersionView, { description: '保存过的版本（新→旧），不含默认版本0' }),
});

export const deptBatchView = Type.Object({
  id: Type.String(),
  sourceCode: Type.String(),
  channel: Type.String({ description: 'UPLOAD / API' }),
  fileName: nullable(Type.String()),
  mappingVersion: nullable(Type.Integer()),
  status: Type.String({ description: 'RECEIVED VALIDATING INVALID APPLYING APPLIED FAILED' }),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  mismatched: Type.Integer(),
  errorCount: Type.Integer(),
  factsApplied: Type.Integer(),
  cluesRaised: Type.Integer(),
  failureCode: nullable(Type.String()),
  sentBy: nullable(Type.String({ description: '上传人或接口密钥名称' })),
  receivedAt: Type.String(),
  finishedAt: nullable(Type.String()),
  duplicate: Type.Boolean({ description: '同一数据源已收到过相同内容：返回原批次，不会重复写入' }),
});
export type DeptBatchView = Static<typeof deptBatchView>;
export const deptBatchList = Type.Object({ items: Type.Array(deptBatchView) });
export const deptBatchListQuery = Type.Object({ sourceCode: Type.Optional(Type.String({ pattern: '^[A-Z_]{2,32}$' })) });
export const deptBatchParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const deptPageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const deptBatchErrorList = Type.Object({
  items: Type.Array(
    Type.Object({
      rowNo: Type.Integer({ description: '行号（与Excel一致；接口报送为 records 中的序号，从1起；0表示整批）' }),
      column: Type.String(),
      code: Type.String(),
      message: Type.String(),
      value: nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
});

export const deptRecordList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      rowNo: Type.Integer(),
      idNumber: Type.String({ description: '脱敏' }),
      name: nullable(Type.String()),
      matchStatus: Type.String({ description: 'MATCHED UNMATCHED NAME_MISMATCH BIRTH_MISMATCH' }),
      countyCode: Type.String(),
      householdId: nullable(Type.String()),
      eventDate: nullable(Type.String()),
      amountFen: nullable(Type.Integer()),
    }),
  ),
  total: Type.Integer(),
});

export const deptPushParams = Type.Object({ sourceCode: Type.String({ pattern: '^[A-Z_]{2,32}$' }) });
export const deptPushBody = Type.Object({
  records: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])), {
    description: '每条记录以本部门的列名为键（与字段对应一致）',
  }),
});
export type DeptPushBody = Static<typeof deptPushBody>;

export const deptKeyView = Type.Object({
  id: Type.String(),
  department: Type.String(),
  departmentName: Type.String(),
  keyPrefix: Type.String(),
  label: Type.String(),
  createdByName: nullable(Type.String()),
  createdAt: Type.String(),
  revokedAt: nullable(Type.String()),
  lastUsedAt: nullable(Type.String()),
});
export const deptKeyList = Type.Object({ items: Type.Array(deptKeyView) });
export const deptKeyCreateBody = Type.Object({
  department: Type.String({ pattern: '^[A-Z_]{2,32}$' }),
  label: Type.String({ minLength: 1, maxLength: 100 }),
});
export const deptKeyCreated = Type.Object({
  key: Type.String({ description: '完整密钥，只显示这一次' }),
  item: deptKeyView,
});
export const deptKeyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
