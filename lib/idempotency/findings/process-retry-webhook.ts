// process_retry_webhook: one per PROCESS_RETRY notification item, in the traffic (a webhook POSTed to the
// merchant) or among the webhooks this dashboard stored. Adyen sends it only to legacy integrations.
import type { FindingDraft, Origin } from "@/lib/idempotency/types";
import { parseJsonText } from "@/lib/idempotency/body";
import { storable } from "@/lib/idempotency/copy-text";
import { describeOrigin } from "@/lib/idempotency/evidence";
import { usableTime } from "@/lib/idempotency/input/time";
import { redactUrl } from "@/lib/idempotency/redact";

export type NotificationFacts = {
  merchantAccount: string | null;
  pspReference: string | null;
  merchantReference: string | null;
  eventDate: string | null;
  live: boolean;
};

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? storable(v) : null);

/** The PROCESS_RETRY items of a standard notification body (text or parsed); [] for anything else. */
export function processRetryItems(body: unknown): NotificationFacts[] {
  let value = body;
  if (typeof body === "string") {
    if (!body.includes("PROCESS_RETRY")) return [];
    value = parseJsonText(body);
  }
  if (value === null || typeof value !== "object") return [];
  const envelope = value as { live?: unknown; notificationItems?: unknown };
  if (!Array.isArray(envelope.notificationItems)) return [];
  const live = envelope.live === true || envelope.live === "true";
  const out: NotificationFacts[] = [];
  for (const wrapped of envelope.notificationItems) {
    const item = (wrapped as { NotificationRequestItem?: unknown })?.NotificationRequestItem ?? wrapped;
    if (item === null || typeof item !== "object") continue;
    const i = item as Record<string, unknown>;
    if (i.eventCode !== "PROCESS_RETRY") continue;
    out.push({
      merchantAccount: text(i.merchantAccountCode),
      pspReference: text(i.pspReference),
      merchantReference: text(i.merchantReference),
      eventDate: text(i.eventDate),
      live,
    });
  }
  return out;
}

export function processRetryWebhook(
  n: NotificationFacts,
  seen: { at: number | null; method?: string; url?: string; status?: number | null; origin: Origin | string },
): FindingDraft {
  return {
    code: "process_retry_webhook",
    at: seen.at ?? (n.eventDate ? usableTime(Date.parse(n.eventDate)) : null),
    endpoint: null,
    merchantAccount: n.merchantAccount,
    region: n.live ? "live" : "test",
    client: null,
    idempotencyKey: null,
    detail: { pspReference: n.pspReference, merchantReference: n.merchantReference, eventDate: n.eventDate },
    records: [],
    evidence: [
      {
        at: seen.at === null ? null : new Date(seen.at).toISOString(),
        method: seen.method ?? "POST",
        url: seen.url ? redactUrl(seen.url) : "",
        status: seen.status ?? null,
        durationMs: null,
        headers: {},
        responseHeaders: {},
        where: typeof seen.origin === "string" ? seen.origin : describeOrigin(seen.origin),
      },
    ],
  };
}
