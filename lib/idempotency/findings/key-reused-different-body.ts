// key_reused_different_body: one per distinct key sent with two or more different bodies (JSON compared after
// canonicalising key order and whitespace). The second body is either a different operation under a key
// already used (Adyen answers the first operation's result) or a retry that changed the request.
import { draftFor } from "@/lib/idempotency/findings/draft";
import { REPORTED, type KeyState } from "@/lib/idempotency/findings/key-state";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export function keyReusedDifferentBody(state: KeyState, r: RequestRecord): FindingDraft | null {
  if (state.reported & REPORTED.differentBody) return null;
  if (state.fingerprint === null || r.fingerprint === null || state.fingerprint === r.fingerprint) return null;
  return draftFor("key_reused_different_body", r, {
    firstUse: state.firstAt === null ? null : new Date(state.firstAt).toISOString(),
    firstWhere: state.firstWhere,
  });
}
