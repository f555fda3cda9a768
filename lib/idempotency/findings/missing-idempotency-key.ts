// missing_idempotency_key: one per POST to an endpoint that takes keys (Checkout, classic Payment and Payout,
// Transfers) sent without an Idempotency-Key (header names compare case-insensitively; an empty value counts
// as missing). GETs never need one.
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export function missingIdempotencyKey(r: RequestRecord): FindingDraft | null {
  return r.acceptsKey && r.key === null ? draftFor("missing_idempotency_key", r) : null;
}
