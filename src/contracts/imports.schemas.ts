import { Type, type Static } from 'typebox';

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** UPLOADED → VALIDATING → (INVALID | APPLYING → APPLIED); FAILED on an unexpected error. */
export const importStatus = Type.Union(
  ['UPLOADED', 'VALIDATING', 'INVALID', 'APPLYING', 'APPLIED', 'FAILED'].map((s) => Type.Literal(s)),
);

export const importBatchView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.String({ description: 'UPLOADED VALIDATING INVALID APPLYING APPLIED FAILED' }),
  totalRows: Type.Integer({ description: '数据行数（表头以下的非空行）；校验完成前为0' }),
  processedRows: Type.Integer({ description: '已校验的行数（每约1000行更新一次）' }),
  errorCount: Type.Integer(),
  householdsCreated: Type.Integer(),
  householdsUpdated: Type.Integer(),
  membersCreated: Type.Integer(),
  membersUpdated: Type.Integer(),
  unchangedRows: Type.Integer(),
  failureCode: nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: nullable(Type.String()),
  finishedAt: nullable(Type.String()),
});
export type ImportBatchView = Static<typeof importBatchView>;

export const importBatchList = Type.Object({ items: Type.Array(importBatchView) });

export const importIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const importTemplateQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' })),
});
export type ImportTemplateQuery = Static<typeof importTemplateQuery>;

export const importErrorsQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const importErrorItem = Type.Object({
  rowNo: Type.Integer({ description: '行号（与Excel中显示的一致；0表示整个文件）' }),
  column: Type.String({ description: '列名（中文表头）；空表示整行或整个文件' }),
  code: Type.String(),
  message: Type.String(),
  value: nullable(Type.String()),
});
export const importErrorList = Type.Object({ items: Type.Array(importErrorItem), total: Type.Integer() });

/** A file download (xlsx or csv); documented, not serialised. */
export const fileResponse = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });
