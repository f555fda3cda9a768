// key_reused_across_regions: one per distinct key sent to two or more regions. Adyen does not check keys
// across regions, so the same key in test and live-US (or live-EU and live-US) protects nothing.
import { draftFor } from "@/lib/idempotency/findings/draft";
import { REPORTED, type KeyState } from "@/lib/idempotency/findings/key-state";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export function keyReusedAcrossRegions(state: KeyState, r: RequestRecord): FindingDraft | null {
  if (state.reported & REPORTED.acrossRegions) return null;
  if (state.regions.length === 0 || state.regions.includes(r.region)) return null;
  return draftFor("key_reused_across_regions", r, { regions: [...state.regions, r.region] });
}
