// retry_after_key_expiry: one per request that reuses a key more than 7 days after the key's first use. Adyen
// keeps keys at least 7 days; after that the "retry" may be processed as a new operation.
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { KeyState } from "@/lib/idempotency/findings/key-state";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export const KEY_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export function retryAfterKeyExpiry(state: KeyState, r: RequestRecord): FindingDraft | null {
  if (state.firstAt === null || r.at === null) return null;
  const ageMs = r.at - state.firstAt;
  if (ageMs <= KEY_VALIDITY_MS) return null;
  return draftFor("retry_after_key_expiry", r, {
    firstUse: new Date(state.firstAt).toISOString(),
    ageDays: Math.round((ageMs / 86_400_000) * 10) / 10,
  });
}
