// key_too_long: one per distinct key over Adyen's 64-character limit.
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export const MAX_KEY_LENGTH = 64;

export function keyTooLong(r: RequestRecord): FindingDraft | null {
  if (r.key === null || r.key.length <= MAX_KEY_LENGTH) return null;
  return draftFor("key_too_long", r, { length: r.key.length });
}
