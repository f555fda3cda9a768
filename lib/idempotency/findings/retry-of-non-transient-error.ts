// retry_of_non_transient_error: one per retry whose previous attempt got an error answer without
// `transient-error: true`. Such errors (a refused request, a 5xx Adyen did not mark transient) must not be
// retried with the same key. A retry after no answer at all (timeout, reset) is fine.
import { draftFor, inTimeOrder } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export function isNonTransientError(a: RequestRecord): boolean {
  return a.status !== null && a.status >= 400 && !a.transient;
}

export function retriesOfNonTransientErrors(attempts: readonly RequestRecord[]): FindingDraft[] {
  const ordered = inTimeOrder(attempts);
  const out: FindingDraft[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1] as RequestRecord;
    const retry = ordered[i] as RequestRecord;
    if (!isNonTransientError(previous)) continue;
    out.push(
      draftFor(
        "retry_of_non_transient_error",
        retry,
        { previousStatus: previous.status, previousErrorCode: previous.errorCode, attempt: i + 1 },
        [previous, retry],
      ),
    );
  }
  return out;
}
