// The one way a rule turns a request into a finding: its dimensions, a detail, and the requests behind it.
import type { FindingCode } from "@/lib/idempotency/codes";
import type { FindingDraft, RequestRecord } from "@/lib/idempotency/types";

export function draftFor(
  code: FindingCode,
  r: RequestRecord,
  detail: Record<string, unknown> = {},
  records: RequestRecord[] = [r],
): FindingDraft {
  return {
    code,
    at: r.at,
    endpoint: r.endpoint,
    merchantAccount: r.merchantAccount,
    region: r.region,
    client: r.client,
    idempotencyKey: r.key,
    detail,
    records,
  };
}

/**
 * A sorted copy, stable like Array.prototype.sort; by insertion, as V8's sort allocates kilobytes per call and a
 * chain has a handful of attempts (nearly always already in order: then one pass).
 */
export function sortedBy<T>(items: readonly T[], value: (item: T) => number): T[] {
  const out = items.slice();
  for (let i = 1; i < out.length; i++) {
    const item = out[i] as T;
    const v = value(item);
    let j = i - 1;
    while (j >= 0 && value(out[j] as T) > v) {
      out[j + 1] = out[j] as T;
      j--;
    }
    out[j + 1] = item;
  }
  return out;
}

/** Attempts of a chain in time order; attempts without a time keep their place in the input. */
export function inTimeOrder(attempts: readonly RequestRecord[]): RequestRecord[] {
  if (attempts.some((a) => a.at === null)) return [...attempts];
  return sortedBy(attempts, (a) => a.at as number);
}
