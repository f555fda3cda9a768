// duplicate_in_flight: one per response with Adyen error code 704 (the same key is still being processed).
// Informational: it shows concurrent retries, which the key handled correctly.
import { parseJsonText } from "@/lib/idempotency/body";
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

/** Adyen's `errorCode` from an error answer's body (text or already parsed), when it has one. */
export function errorCodeOf(body: unknown): string | null {
  let value = body;
  if (typeof body === "string") {
    if (!body.includes("errorCode")) return null;
    value = parseJsonText(body);
  }
  if (value === null || typeof value !== "object") return null;
  const code = (value as { errorCode?: unknown }).errorCode;
  return typeof code === "string" ? code : typeof code === "number" ? String(code) : null;
}

export function duplicateInFlight(r: RequestRecord): FindingDraft | null {
  return r.errorCode === "704"
    ? draftFor("duplicate_in_flight", r, { status: r.status, transient: r.transient })
    : null;
}
