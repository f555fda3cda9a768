// From an exchange to the record the rules read: headers picked, body parsed once for the transaction identity
// and the fingerprint, Adyen's error code read from error answers only.
import { bodyFingerprint, parseBody, transactionIdentity } from "@/lib/idempotency/body";
import { storable } from "@/lib/idempotency/copy-text";
import { memoized } from "@/lib/idempotency/memo";
import { keptRequestHeaders, keptResponseHeaders } from "@/lib/idempotency/evidence";
import { hasLegacyPragma } from "@/lib/idempotency/findings/legacy-pragma-retry";
import { errorCodeOf } from "@/lib/idempotency/findings/duplicate-in-flight";
import { isTransientResponse } from "@/lib/idempotency/headers";
import type { AdyenTarget } from "@/lib/idempotency/normalize";
import type { Exchange, RequestRecord } from "@/lib/idempotency/types";

const MAX_CLIENT = 200;
const HAS_BODY = new Set(["POST", "PUT", "PATCH"]);
// The names a record is counted under in readiness, made storable (no NUL, no half characters) once per distinct
// value; records of open chains then also share one copy of each instead of one per log line.
const clientName = memoized((v) => storable(v.length > MAX_CLIENT ? v.slice(0, MAX_CLIENT) : v));
const accountName = memoized(storable);

export function recordOf(x: Exchange, target: AdyenTarget): RequestRecord {
  const rawKey = x.requestHeaders["idempotency-key"];
  const key = rawKey === undefined || rawKey.trim() === "" ? null : rawKey;
  let identity: { merchantAccount: string | null; reference: string | null } = {
    merchantAccount: null,
    reference: null,
  };
  let fingerprint: number | null = null;
  if (HAS_BODY.has(x.method)) {
    const body = parseBody(x.requestBody, x.requestHeaders["content-type"]);
    identity = transactionIdentity(body);
    // Only keyed requests are ever compared by body.
    if (key !== null) fingerprint = bodyFingerprint(body);
  }

  return {
    at: x.time,
    method: x.method,
    url: x.url,
    urlLength: x.urlLength,
    status: x.status,
    durationMs: x.durationMs,
    endpoint: target.endpoint,
    region: target.region,
    acceptsKey: target.acceptsKey,
    merchantAccount: identity.merchantAccount === null ? null : accountName(identity.merchantAccount),
    reference: identity.reference,
    client: x.client === null ? null : clientName(x.client),
    key,
    legacy: hasLegacyPragma(x.requestHeaders),
    fingerprint,
    transient: isTransientResponse(x.responseHeaders),
    errorCode: x.status !== null && x.status >= 400 ? errorCodeOf(x.responseBody) : null,
    headers: keptRequestHeaders(x.requestHeaders),
    responseHeaders: keptResponseHeaders(x.responseHeaders),
    origin: x.origin,
    evidence: null,
  };
}
