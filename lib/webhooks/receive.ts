// Receiving Adyen standard notifications: authenticate the caller, verify every item's HMAC, store all items
// in one statement, and only then report success. Anything that fails leaves nothing stored.
import { verifyHmacSignature } from "@/lib/adyen/hmac";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { isBasicAuthValid, type BasicCredentials } from "@/lib/webhooks/basic-auth";
import { normalizeItems, parseEnvelope } from "@/lib/webhooks/notification-schema";
import { pgRunner } from "@/lib/webhooks/pg-runner";
import { storeEvents, type SqlRunner, type StoreResult } from "@/lib/webhooks/store-events";

export type WebhookSettings = { hmacKeys: readonly string[]; basicAuth: BasicCredentials | null };

export function webhookSettings(): WebhookSettings {
  const e = env();
  return {
    hmacKeys: e.ADYEN_HMAC_KEYS,
    basicAuth: e.ADYEN_WEBHOOK_USERNAME
      ? { username: e.ADYEN_WEBHOOK_USERNAME, password: e.ADYEN_WEBHOOK_PASSWORD ?? "" }
      : null,
  };
}

export type ReceiveOptions = { settings?: WebhookSettings; run?: SqlRunner; requestId?: string };
export type ReceiveResult = StoreResult & { received: number };

function parseJson(body: string): unknown {
  // PostgreSQL cannot store NUL or a lone UTF-16 surrogate in text or JSON: such a body is a bad request, refused
  // here, not a server error when the write fails later.
  if (/\\u0000/i.test(body)) throw new AppError("VALIDATION", "The body contains NUL characters (\\u0000).");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
  // Only escapes can carry a lone surrogate (raw bytes cannot); JSON.stringify escapes exactly the unpaired ones.
  if (/\\u[dD][89a-fA-F]/.test(body) && /\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(parsed)))
    throw new AppError("VALIDATION", "The body contains an unpaired UTF-16 surrogate escape.");
  return parsed;
}

/** Step one, before the body is read: a caller without the configured basic auth learns nothing more. */
export function authenticateWebhookCaller(authorization: string | null, settings: WebhookSettings): void {
  if (settings.basicAuth && !isBasicAuthValid(authorization, settings.basicAuth)) {
    throw new AppError("UNAUTHENTICATED", "Basic authentication failed.");
  }
}

async function receiveBody(body: string, settings: WebhookSettings, run: SqlRunner): Promise<ReceiveResult> {
  // Unsigned notifications are never accepted: without keys nothing can be verified.
  if (settings.hmacKeys.length === 0) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Webhook HMAC keys are not configured (ADYEN_HMAC_KEYS); notifications are refused.",
    );
  }
  const { live, items } = parseEnvelope(parseJson(body));
  // Signatures before field checks: an unsigned caller learns nothing about what we would accept.
  const invalid = items.findIndex((item) => !verifyHmacSignature(item, settings.hmacKeys));
  if (invalid >= 0)
    throw new AppError(
      "UNAUTHENTICATED",
      `notificationItems.${invalid}: the HMAC signature is missing or invalid; nothing was stored.`,
    );
  const rows = normalizeItems(items, live);
  const stored = await storeEvents(rows, run);
  return { received: items.length, ...stored };
}

/** One log line per call, refused or stored, without credentials or signatures. */
async function logged<T extends ReceiveResult>(requestId: string | undefined, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    const { received, stored, duplicates } = result;
    log.info("webhooks.received", {
      requestId,
      count: received,
      stored,
      duplicates,
      ms: Math.round(performance.now() - started),
    });
    return result;
  } catch (err) {
    logRefusal(requestId, err, started);
    throw err;
  }
}

export function logRefusal(requestId: string | undefined, err: unknown, started = performance.now()): void {
  const status = err instanceof AppError ? err.status : 500;
  const reason = err instanceof AppError ? err.message : "internal error";
  log.warn("webhooks.refused", { requestId, status, reason, ms: Math.round(performance.now() - started) });
}

/**
 * Step two, for a caller `authenticateWebhookCaller` let through: resolves once every item is durably stored
 * (new or counted as a redelivery); throws AppError UNAUTHENTICATED, VALIDATION or UNAVAILABLE otherwise.
 */
export function receiveAuthenticatedBody(body: string, opts: ReceiveOptions = {}): Promise<ReceiveResult> {
  return logged(opts.requestId, () => receiveBody(body, opts.settings ?? webhookSettings(), opts.run ?? pgRunner));
}

/**
 * The whole webhook request minus HTTP: resolves once every item is durably stored (new or counted as a
 * redelivery); throws AppError UNAUTHENTICATED (401), VALIDATION (400) or UNAVAILABLE (503) otherwise.
 * Writes one log line per call, without credentials or signatures.
 */
export async function receiveNotifications(
  body: string,
  authorization: string | null,
  opts: ReceiveOptions = {},
): Promise<ReceiveResult> {
  const settings = opts.settings ?? webhookSettings();
  return logged(opts.requestId, async () => {
    authenticateWebhookCaller(authorization, settings);
    return receiveBody(body, settings, opts.run ?? pgRunner);
  });
}
