// The shapes that flow through the checker: an exchange as read from any input, and what the rules emit.
import type { FindingCode } from "@/lib/idempotency/codes";

/** Header names lower-cased; repeated headers joined with ", ". */
export type HeaderMap = Record<string, string>;

/** Where an exchange came from, for evidence and for "reading stopped at …" messages. */
export type Origin = { file: string; line?: number; entry?: number };

/** One HTTP request and its response (if any), whatever the input format. */
export type Exchange = {
  /** Epoch ms; null when the input has no usable time. */
  time: number | null;
  method: string;
  /** At most MAX_KEPT_URL characters (keptUrl); `urlLength` is its length as sent when it was cut. */
  url: string;
  urlLength?: number;
  requestHeaders: HeaderMap;
  /** Text as sent, or a JSON value when the input already held it parsed. */
  requestBody: unknown;
  /** null when no response came (timeout, connection reset, aborted). */
  status: number | null;
  responseHeaders: HeaderMap;
  responseBody: unknown;
  durationMs: number | null;
  /** The `client` field of a log line, else the User-Agent. */
  client: string | null;
  origin: Origin;
};

/** What a stored finding shows of one request: secrets and card data already redacted. */
export type Evidence = {
  at: string | null;
  method: string;
  /** Redacted, at most MAX_URL characters and then marked as cut; `urlLength` is its length as sent. */
  url: string;
  urlLength?: number;
  status: number | null;
  durationMs: number | null;
  /** Only the headers that matter for idempotency (and redaction markers for credentials that were present). */
  headers: HeaderMap;
  responseHeaders: HeaderMap;
  errorCode?: string;
  where: string;
};

/**
 * What the rules know of one Adyen request: a slim copy of the exchange (no bodies, only the headers that matter),
 * small enough to keep for every attempt of the chains still open.
 */
export type RequestRecord = {
  at: number | null;
  method: string;
  url: string;
  urlLength?: number;
  status: number | null;
  durationMs: number | null;
  endpoint: string;
  region: string;
  acceptsKey: boolean;
  merchantAccount: string | null;
  reference: string | null;
  client: string | null;
  /** The Idempotency-Key header, or null when absent or empty. */
  key: string | null;
  /** The Pragma header asks for a legacy retry (`process-retry`). */
  legacy: boolean;
  /** Body fingerprint (JSON canonicalised) of a request with a body. */
  fingerprint: number | null;
  /** The response carried `transient-error: true`. */
  transient: boolean;
  /** Adyen's `errorCode` of an error response. */
  errorCode: string | null;
  headers: HeaderMap;
  responseHeaders: HeaderMap;
  origin: Origin;
  /** Its redacted evidence, once a finding or a stored chain needed it (see evidenceOf). */
  evidence: Evidence | null;
};

export type FindingDraft = {
  code: FindingCode;
  at: number | null;
  endpoint: string | null;
  merchantAccount: string | null;
  region: string | null;
  client: string | null;
  idempotencyKey: string | null;
  /** A short machine-readable explanation (counts, the keys involved, the delays…). */
  detail: Record<string, unknown>;
  /** The requests behind it; their redacted evidence is built only when the finding is written. */
  records: RequestRecord[];
  /** Evidence that does not come from a request record (a stored webhook). */
  evidence?: Evidence[];
};

/** A finding as written: evidence built and redacted, its chain known. */
export type Finding = Omit<FindingDraft, "records" | "evidence"> & { evidence: Evidence[]; chainNo: number | null };
