// retry_without_backoff: one per chain of three or more attempts where a delay between attempts (start to start)
// is not at least 1.5 × the delay before it. Exponential backoff with jitter passes as long as each wait grows
// by half at least; fixed intervals and bursts do not.
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
  const delays = ordered.slice(1).map((a, i) => (a.at as number) - ((ordered[i] as RequestRecord).at as number));
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
