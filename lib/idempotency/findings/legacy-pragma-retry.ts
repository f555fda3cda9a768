// legacy_pragma_retry: one per request whose Pragma header asks for a legacy retry (`process-retry`, any case).
// `Pragma: no-cache` (browsers send it on many requests, GETs included) is not a finding.
import { draftFor } from "@/lib/idempotency/findings/draft";
import type { FindingDraft, HeaderMap, RequestRecord } from "@/lib/idempotency/types";

export function hasLegacyPragma(headers: HeaderMap): boolean {
  const value = headers["pragma"];
  return value !== undefined && /process-retry/i.test(value);
}

export function legacyPragmaRetry(r: RequestRecord): FindingDraft | null {
  return r.legacy ? draftFor("legacy_pragma_retry", r, { pragma: r.headers["pragma"] ?? null }) : null;
}
