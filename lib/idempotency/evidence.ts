// What a finding keeps of a request: time, method, URL, status and the headers that matter, redacted.
import { interned, memoized } from "@/lib/idempotency/memo";
import { CUT_MARGIN, MAX_URL, REDACTED, redactCut, redactUrl } from "@/lib/idempotency/redact";
import type { Evidence, HeaderMap, Origin, RequestRecord } from "@/lib/idempotency/types";

const REQUEST_HEADERS = ["idempotency-key", "pragma", "content-type", "user-agent"];
const RESPONSE_HEADERS = ["idempotency-key", "transient-error", "pspreference"];
// Present means "this request carried credentials": kept as a marker so a reader knows they were there.
const CREDENTIAL_HEADERS = ["x-api-key", "authorization", "cookie"];
const MAX_VALUE = 200;

// Values that repeat (user agent, content type, pragma) share one copy. Keys and PSP references are unique to an
// operation: remembering them would only churn the cache.
const shared = interned();
const UNIQUE = new Set(["idempotency-key", "pspreference"]);

function pick(headers: HeaderMap, names: string[]): HeaderMap {
  const out: HeaderMap = {};
  for (const name of names) {
    const v = headers[name];
    if (v === undefined) continue;
    // Cut to what is stored when redacted (redactCut), with the margin redaction reads past the cut.
    const kept = v.length > MAX_VALUE + CUT_MARGIN ? v.slice(0, MAX_VALUE + CUT_MARGIN) : v;
    out[name] = UNIQUE.has(name) ? kept : shared(kept);
  }
  return out;
}

/** The request headers a record keeps (credentials only as markers, never their values). */
export function keptRequestHeaders(headers: HeaderMap): HeaderMap {
  const out = pick(headers, REQUEST_HEADERS);
  for (const name of CREDENTIAL_HEADERS) if (headers[name] !== undefined) out[name] = REDACTED;
  return out;
}

export function keptResponseHeaders(headers: HeaderMap): HeaderMap {
  return pick(headers, RESPONSE_HEADERS);
}

export function describeOrigin(o: Origin): string {
  if (o.entry !== undefined) return `${o.file} entry ${o.entry}`;
  if (o.line !== undefined) return `${o.file} line ${o.line}`;
  return o.file;
}

const redactValue = (v: string) => redactCut(v, MAX_VALUE);
// Most header values (user agent, content type) repeat across a log: each is redacted once.
const cleanValue = memoized(redactValue);

function redactValues(headers: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const k in headers) {
    const v = headers[k] as string;
    // Keys are unique per operation: remembering them would only churn the cache.
    out[k] = v === REDACTED ? v : k === "idempotency-key" ? redactValue(v) : cleanValue(v);
  }
  return out;
}

/** A request's evidence, built once when first needed (a request is often evidence twice: its chain, its findings). */
export function evidenceOf(r: RequestRecord): Evidence {
  if (r.evidence === null) {
    const at = r.at === null ? null : new Date(r.at).toISOString();
    const url = redactUrl(r.url);
    // Its length as sent, when what is stored is only its beginning (left out of the JSON otherwise).
    const urlLength = r.urlLength ?? (r.url.length > MAX_URL ? r.url.length : undefined);
    const headers = redactValues(r.headers);
    const responseHeaders = redactValues(r.responseHeaders);
    const where = describeOrigin(r.origin);
    const { method, status, durationMs, errorCode } = r;
    // Two literals rather than a spread: the same key order as always (errorCode before where), without copies.
    r.evidence = errorCode
      ? { at, method, url, urlLength, status, durationMs, headers, responseHeaders, errorCode, where }
      : { at, method, url, urlLength, status, durationMs, headers, responseHeaders, where };
  }
  return r.evidence;
}
