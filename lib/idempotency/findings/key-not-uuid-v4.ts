// key_not_uuid_v4: one per distinct key that is not a UUID v4 (Adyen's recommendation: random, so two
// operations never share one by accident). Case does not matter.
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV4(key: string): boolean {
  return UUID_V4.test(key.trim());
}

export function keyNotUuidV4(r: RequestRecord): FindingDraft | null {
  return r.key !== null && !isUuidV4(r.key) ? draftFor("key_not_uuid_v4", r) : null;
}
