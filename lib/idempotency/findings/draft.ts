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

/** Attempts of a chain in time order; attempts without a time keep their place in the input. */
export function inTimeOrder(attempts: readonly RequestRecord[]): RequestRecord[] {
  if (attempts.some((a) => a.at === null)) return [...attempts];
  return [...attempts].sort((a, b) => (a.at as number) - (b.at as number));
}
