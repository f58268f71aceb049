import { Type, type Static } from 'typebox';

export const errorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String(),
          code: Type.String(),
          params: Type.Optional(Type.Record(Type.String(), Type.Any())),
        }),
      ),
    ),
  }),
  requestId: Type.String(),
});
export type ErrorBody = Static<typeof errorBody>;

/** Standard error responses every authenticated route may give. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};

export const pageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const okBody = Type.Object({ ok: Type.Boolean() });
