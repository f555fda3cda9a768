// One error type for the whole app; mapped to HTTP status and action results in one place.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "METHOD_NOT_ALLOWED"
  | "REQUEST_TIMEOUT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "UPSTREAM"
  | "UPSTREAM_TIMEOUT"
  | "INTERNAL";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  METHOD_NOT_ALLOWED: 405,
  // The request itself did not arrive in time (a body trickled in by a slow sender).
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Well-formed but refused by a business rule (an idempotency key reused with another body, say).
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  UPSTREAM: 502,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};

/** The one code → status table, for the few answers that are not thrown (health, import reports). */
export function statusFor(code: AppErrorCode): number {
  return STATUS[code];
}

/**
 * A problem with one field. `message` is English, for API callers and logs; `code` with `values`, when present, is
 * what a page words in the reader's language (messages: problems.<code>), as lib never chooses the language.
 */
export type FieldProblem = { path: string; message: string; code?: string; values?: Record<string, string | number> };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** `problems` per field; `reply`: further facts the caller may see (they go into the answer's `error`). */
    readonly details?: { problems?: FieldProblem[]; reply?: Record<string, unknown>; [key: string]: unknown },
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** What a browser or API caller may see of any error: never a stack, a secret or a driver message. */
export function publicError(err: unknown): {
  status: number;
  body: { error: { code: AppErrorCode; message: string; problems?: FieldProblem[]; [key: string]: unknown } };
} {
  if (err instanceof AppError) {
    const problems = err.details?.problems;
    const reply = err.details?.reply ?? {};
    return {
      status: err.status,
      body: { error: { ...reply, code: err.code, message: err.message, ...(problems ? { problems } : {}) } },
    };
  }
  if (isDatabaseUnreachable(err)) {
    return {
      status: STATUS.UNAVAILABLE,
      body: { error: { code: "UNAVAILABLE", message: "The database is unreachable; try again shortly." } },
    };
  }
  return {
    status: STATUS.INTERNAL,
    body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
  };
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P03",
  "08001",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);

/** True for connection-level failures of PostgreSQL (driver or Prisma), so callers can answer 503. */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    const msg = (e as { message?: unknown }).message;
    if (typeof msg === "string" && /Connection terminated|connect ECONNREFUSED|Can't reach database server/i.test(msg))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
