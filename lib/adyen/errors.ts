// The one error every Adyen call fails with, whatever went wrong: network, timeout or an HTTP error answer.
import { AppError } from "@/lib/errors";

export type AdyenErrorKind = "network" | "timeout" | "http";

// Adyen documents these as transient idempotency conditions: 704 = the same key is still being
// processed, 703 = the idempotency store is unavailable. Both are safe to retry with the same key.
const TRANSIENT_ERROR_CODES = new Set(["703", "704"]);

export type AdyenApiErrorInit = {
  kind: AdyenErrorKind;
  method: string;
  /** URL path only: never the host (the base URL may carry credentials) and never a header. */
  path: string;
  httpStatus?: number;
  errorCode?: string;
  errorType?: string;
  adyenMessage?: string;
  pspReference?: string;
  /** The response carried `transient-error: true`. */
  transientHeader?: boolean;
  /** Low-level reason for network failures, e.g. ECONNREFUSED. */
  networkCode?: string;
  /** The answer's Retry-After (a 429 from a rate limit, a 503), in milliseconds. */
  retryAfterMs?: number;
};

export class AdyenApiError extends AppError {
  readonly kind: AdyenErrorKind;
  readonly method: string;
  readonly path: string;
  /** HTTP status of Adyen's answer; undefined for network errors and timeouts. */
  readonly httpStatus: number | undefined;
  readonly errorCode: string | undefined;
  readonly errorType: string | undefined;
  readonly adyenMessage: string | undefined;
  readonly pspReference: string | undefined;
  readonly transientHeader: boolean;
  readonly networkCode: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** How many attempts were made before giving up; set by the retry policy. */
  attempts = 1;

  constructor(init: AdyenApiErrorInit) {
    super("UPSTREAM", describe(init));
    this.name = "AdyenApiError";
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.httpStatus = init.httpStatus;
    this.errorCode = init.errorCode;
    this.errorType = init.errorType;
    this.adyenMessage = init.adyenMessage;
    this.pspReference = init.pspReference;
    this.transientHeader = init.transientHeader ?? false;
    this.networkCode = init.networkCode;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Marked transient by Adyen (header, or a documented transient idempotency error code). */
  get isTransient(): boolean {
    return this.transientHeader || (this.errorCode !== undefined && TRANSIENT_ERROR_CODES.has(this.errorCode));
  }
}

export function isAdyenApiError(err: unknown): err is AdyenApiError {
  return err instanceof AdyenApiError;
}

function describe(init: AdyenApiErrorInit): string {
  const call = `Adyen ${init.method} ${init.path}`;
  if (init.kind === "timeout") return `${call} timed out`;
  if (init.kind === "network")
    return `${call} could not reach Adyen${init.networkCode ? ` (${init.networkCode})` : ""}`;
  const code = init.errorCode ? `, errorCode ${init.errorCode}` : "";
  const text = init.adyenMessage ? `: ${init.adyenMessage}` : "";
  return `${call} failed with HTTP ${init.httpStatus ?? "?"}${code}${text}`;
}

type ErrorBody = Record<string, unknown>;

function text(body: ErrorBody, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

/**
 * Reads Adyen's error body: Checkout's ServiceError (`errorCode`, `errorType`, `message`) as well as the
 * RFC 7807 shape of Management and the Cloud device API (`errorCode`, `type`, `title`, `detail`, `requestId`).
 * A body that is not JSON still yields an error with the status.
 */
export function adyenErrorFromResponse(args: {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  bodyText: string;
  /** Removed from anything copied out of the response, in case the answer echoes it. */
  secret?: string;
}): AdyenApiError {
  let body: ErrorBody = {};
  try {
    const parsed: unknown = JSON.parse(args.bodyText);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as ErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): keep the status only.
  }
  const scrub = (value: string | undefined) =>
    value && args.secret ? value.split(args.secret).join("[redacted]") : value;
  return new AdyenApiError({
    kind: "http",
    method: args.method,
    path: args.path,
    httpStatus: args.status,
    errorCode: scrub(text(body, "errorCode")),
    errorType: scrub(text(body, "errorType", "type")),
    adyenMessage: scrub(text(body, "message", "detail", "title")),
    pspReference: scrub(text(body, "pspReference", "requestId") ?? args.headers.get("pspreference") ?? undefined),
    transientHeader: args.headers.get("transient-error")?.trim().toLowerCase() === "true",
    retryAfterMs: parseRetryAfter(args.headers.get("retry-after")),
  });
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
