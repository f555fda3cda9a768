// Replies for the rate limit and the fault mix, in each API family's own error body.
import { restError, serviceError, type ErrorStyle } from "./errors";
import { jsonReply, type Reply } from "./http/reply";

/** 429 with Retry-After in whole seconds (RFC 9110); Management answers in its RFC 7807 shape. */
export function tooManyRequests(style: ErrorStyle, retryAfterSeconds: number): Reply {
  const headers = { "retry-after": String(retryAfterSeconds) };
  const detail = "Too many requests for this group of endpoints in the current time frame; retry later.";
  if (style === "rest") return restError(429, "Too Many Requests", detail, { errorCode: "00_429", headers });
  if (style === "service") return serviceError(429, "000", detail, "validation", headers);
  return jsonReply(429, { status: 429, message: detail }, headers);
}

/** What Adyen answers while a request with the same Idempotency-Key is still being processed. */
export function idempotentRequestInFlight(key: string): Reply {
  return serviceError(422, "704", "request already processed or in progress", "validation", {
    "transient-error": "true",
    "idempotency-key": key,
  });
}
