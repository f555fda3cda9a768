// What a finding keeps of a request: time, method, URL, status and the headers that matter, redacted.
import { REDACTED, redactText, redactUrl } from "@/lib/idempotency/redact";
import type { Evidence, HeaderMap, Origin, RequestRecord } from "@/lib/idempotency/types";

const REQUEST_HEADERS = ["idempotency-key", "pragma", "content-type", "user-agent"];
const RESPONSE_HEADERS = ["idempotency-key", "transient-error", "pspreference"];
// Present means "this request carried credentials": kept as a marker so a reader knows they were there.
const CREDENTIAL_HEADERS = ["x-api-key", "authorization", "cookie"];
const MAX_VALUE = 200;

function pick(headers: HeaderMap, names: string[]): HeaderMap {
  const out: HeaderMap = {};
  for (const name of names) {
    const v = headers[name];
    if (v !== undefined) out[name] = v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
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

function redactValues(headers: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const [k, v] of Object.entries(headers)) out[k] = v === REDACTED ? v : redactText(v);
  return out;
}

export function evidenceOf(r: RequestRecord): Evidence {
  return {
    at: r.at === null ? null : new Date(r.at).toISOString(),
    method: r.method,
    url: redactUrl(r.url),
    status: r.status,
    durationMs: r.durationMs,
    headers: redactValues(r.headers),
    responseHeaders: redactValues(r.responseHeaders),
    ...(r.errorCode ? { errorCode: r.errorCode } : {}),
    where: describeOrigin(r.origin),
  };
}
