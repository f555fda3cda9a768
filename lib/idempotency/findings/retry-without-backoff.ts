// retry_without_backoff: one per chain of three or more attempts where a delay between attempts is not at
// least 1.5 × the delay before it. A delay is the wait from the end of one attempt (its start plus its duration,
// when known) to the start of the next: the seconds a request spent waiting for an answer that never came are
// not backoff. Exponential backoff with jitter passes as long as each wait grows by half at least; fixed
// intervals and bursts do not (a wait of 0 counts as 1 ms, so immediate retries never pass).
import { draftFor, inTimeOrder } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export const BACKOFF_FACTOR = 1.5;

/** Index (in time order) of the first attempt that came too soon, or -1. */
export function firstAttemptWithoutBackoff(delaysMs: readonly number[]): number {
  for (let i = 1; i < delaysMs.length; i++) {
    if ((delaysMs[i] as number) < BACKOFF_FACTOR * (delaysMs[i - 1] as number)) return i + 1;
  }
  return -1;
}

export function retryWithoutBackoff(attempts: readonly RequestRecord[]): FindingDraft | null {
  if (attempts.length < 3 || attempts.some((a) => a.at === null)) return null;
  const ordered = inTimeOrder(attempts);
  const delays = ordered.slice(1).map((a, i) => {
    const previous = ordered[i] as RequestRecord;
    return Math.max(1, (a.at as number) - ((previous.at as number) + (previous.durationMs ?? 0)));
  });
  const tooSoon = firstAttemptWithoutBackoff(delays);
  if (tooSoon < 0) return null;
  const at = ordered[tooSoon] as RequestRecord;
  return draftFor(
    "retry_without_backoff",
    at,
    { delaysMs: delays.slice(0, 20), attempt: tooSoon + 1 },
    ordered.slice(0, 10),
  );
}
