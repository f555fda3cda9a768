// key_changed_on_retry: one per chain (the attempts of one logical operation) whose attempts carry two or more
// different keys. Each new key is a new operation for Adyen: the double-charge risk the framework exists for.
import { draftFor, inTimeOrder } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

const MAX_KEYS_SHOWN = 10;

export function keyChangedOnRetry(attempts: readonly RequestRecord[]): FindingDraft | null {
  const ordered = inTimeOrder(attempts);
  const keys = [...new Set(ordered.map((a) => a.key).filter((k): k is string => k !== null))];
  if (keys.length < 2) return null;
  const first = ordered[0] as RequestRecord;
  // The attempts that carried another key than the first key sent.
  const changed = ordered.filter((a) => a.key !== null && a.key !== keys[0]);
  return {
    ...draftFor(
      "key_changed_on_retry",
      first,
      { keys: keys.slice(0, MAX_KEYS_SHOWN), keyCount: keys.length, attempts: ordered.length },
      [first, ...changed.slice(0, 9)],
    ),
    idempotencyKey: keys[0] ?? null,
  };
}
