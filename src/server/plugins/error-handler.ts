import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError } from '../../domain/errors.js';

/** The one table from error code to HTTP status (STYLE §6). Unlisted codes are 400. */
const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  AUTH_REQUIRED: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_LOCKED: 423,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_PASSWORD_CHANGE_REQUIRED: 403,
  AUTH_CSRF_INVALID: 403,
  FORBIDDEN: 403,
  USER_ROLE_SELF_GRANT: 403,
  USER_ROLE_NOT_ALLOWED: 403,
  USER_SCOPE_OUTSIDE: 403,
  USER_SELF_CHANGE: 403,
  USER_ADMIN_PROTECTED: 403,
  NOT_FOUND: 404,
  REGION_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  HOUSEHOLD_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  REGISTRY_HOUSEHOLD_CANCELLED: 409,
  CONFLICT: 409,
  USER_USERNAME_TAKEN: 409,
  HOUSEHOLD_VERSION_CONFLICT: 409,
  PERSON_ALREADY_IN_HOUSEHOLD: 409,
  HOUSEHOLD_NO_TAKEN: 409,
  IMPORT_ALREADY_RUNNING: 409,
  // registry import
  IMPORT_FILE_REQUIRED: 400,
  IMPORT_FILE_EMPTY: 400,
  IMPORT_FILE_TYPE: 415,
  IMPORT_FILE_TOO_LARGE: 413,
  // policy engine (issue 3)
  ASSESSMENT_NOT_FOUND: 404,
  REASSESSMENT_NOT_FOUND: 404,
  POLICY_STANDARD_NOT_CONFIGURED: 409,
  POLICY_PARAMETER_MISSING: 409,
  POLICY_HOUSEHOLD_NOT_ACTIVE: 409,
  POLICY_NOT_RECIPIENT: 409,
  POLICY_RECIPIENT_STOPPED: 409,
  REASSESSMENT_ALREADY_RUNNING: 409,
  REASSESSMENT_VERSION_STATUS: 409,
  REASSESSMENT_REGION_OUTSIDE: 403,
  // policy parameters (four-eyes)
  POLICY_PARAMETER_NOT_FOUND: 404,
  POLICY_PROPOSAL_NOT_FOUND: 404,
  POLICY_SELF_APPROVAL: 403,
  POLICY_PROPOSAL_NOT_OWN: 403,
  POLICY_PROPOSAL_NOT_PENDING: 409,
  POLICY_PROPOSAL_DUPLICATE: 409,
  POLICY_PROPOSAL_UNCHANGED: 409,
  // clue queue (issue 4 §4–§5)
  CLUE_NOT_FOUND: 404,
  CLUE_VISIT_NOT_FOUND: 404,
  CLUE_PHOTO_NOT_FOUND: 404,
  CLUE_ALREADY_CLOSED: 409,
  CLUE_VISIT_REQUIRED: 409,
  CLUE_PHOTO_TOO_MANY: 409,
  CLUE_PHOTO_REQUIRED: 400,
  CLUE_PHOTO_TOO_LARGE: 413,
  CLUE_PHOTO_TYPE: 415,
  // department data (issue 4)
  DEPT_SOURCE_NOT_FOUND: 404,
  DEPT_BATCH_NOT_FOUND: 404,
  DEPT_KEY_NOT_FOUND: 404,
  DEPT_KEY_INVALID: 401,
  DEPT_KEY_WRONG_SOURCE: 403,
  DEPT_PUSH_TOO_MANY: 413,
  // warning rules and the monthly comparison (issue 4 §3, §6)
  MONITORING_RULE_NOT_FOUND: 404,
  MONITORING_RULE_VERSION_CONFLICT: 409,
  MONITORING_RULE_PROVINCE_ONLY: 403,
  COMPARISON_NOT_FOUND: 404,
  DB_LOCKED: 503,
  INTERNAL: 500,
};

export function statusOf(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}

/** `spa`: unknown GET paths outside /api answer the web app's index.html (client-side routes). */
export function registerErrorHandler(app: FastifyInstance, opts: { spa: boolean } = { spa: false }): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isAppError(err)) {
      const status = statusOf(err.code);
      if (status >= 500) request.log.error({ err }, 'service error');
      return reply.status(status).send({
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
        requestId: request.id,
      });
    }
    if (err.validation) {
      const details = err.validation.map((v) => {
        const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const missing = (v.params as Record<string, unknown> | undefined)?.missingProperty;
        const field = [base, typeof missing === 'string' ? missing : ''].filter(Boolean).join('.') || String(err.validationContext ?? '');
        return { path: field, code: v.keyword === 'required' ? 'FIELD_REQUIRED' : 'FIELD_INVALID', params: { field, rule: v.keyword } };
      });
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: err.message, details },
        requestId: request.id,
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      const code = err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : err.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return reply.status(err.statusCode).send({ error: { code, message: err.message }, requestId: request.id });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' }, requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.spa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `route ${request.method} ${request.url} not found` }, requestId: request.id });
  });
}
