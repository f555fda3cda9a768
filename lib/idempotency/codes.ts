// The finding codes of the migration checker (exactly these; the API, the CLI and the UI use them as they are)
// and how much each one weighs for readiness.
export const FINDING_CODES = [
  "legacy_pragma_retry",
  "missing_idempotency_key",
  "key_too_long",
  "key_not_uuid_v4",
  "key_changed_on_retry",
  "key_reused_different_body",
  "key_reused_across_regions",
  "retry_after_key_expiry",
  "retry_of_non_transient_error",
  "retry_without_backoff",
  "process_retry_webhook",
  "duplicate_in_flight",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === "string" && (FINDING_CODES as readonly string[]).includes(value);
}

/**
 * blocking: the integration still behaves the legacy way or risks a double charge; an endpoint, account, region
 * or client with one of these is not ready. advice: worth fixing, not a migration blocker. info: expected
 * behaviour worth seeing (704 answers to concurrent retries).
 */
export type Severity = "blocking" | "advice" | "info";

export const SEVERITY: Record<FindingCode, Severity> = {
  legacy_pragma_retry: "blocking",
  missing_idempotency_key: "blocking",
  key_too_long: "blocking",
  key_not_uuid_v4: "advice",
  key_changed_on_retry: "blocking",
  key_reused_different_body: "blocking",
  key_reused_across_regions: "blocking",
  retry_after_key_expiry: "blocking",
  retry_of_non_transient_error: "advice",
  retry_without_backoff: "advice",
  process_retry_webhook: "blocking",
  duplicate_in_flight: "info",
};

export type FindingCounts = Record<FindingCode, number>;

export function emptyCounts(): FindingCounts {
  return Object.fromEntries(FINDING_CODES.map((c) => [c, 0])) as FindingCounts;
}
