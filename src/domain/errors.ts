/**
 * The one error class of the platform (STYLE §6). Services and repositories throw it;
 * the HTTP layer maps `code` to a status in one table (server/plugins/error-handler.ts)
 * and the web app maps `code` to Chinese wording (messages.zh-CN.ts).
 */
export interface Violation {
  /** Field path, e.g. `members[2].idNumber` or `row 12 / 身份证号`. */
  path: string;
  code: string;
  params?: Record<string, string | number | boolean | null>;
}

export class AppError extends Error {
  readonly code: string;
  readonly details: Violation[] | undefined;
  override readonly cause: unknown;

  constructor(code: string, opts: { message?: string; details?: Violation[]; cause?: unknown } = {}) {
    super(opts.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.cause = opts.cause;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Result of a pure decision (STYLE §4). */
export type Decision<T> = { ok: true; value: T } | { ok: false; violations: Violation[] };
