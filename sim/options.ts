// Simulator configuration: everything comes from the caller (never from the process environment).
import { DEMO_CATALOG, type Catalog } from "./catalog";

export interface SimulatorOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The only X-API-Key accepted on the Adyen API routes. */
  readonly apiKey: string;
  readonly merchantAccount?: string;
  readonly companyId?: string;
  /** Hex HMAC key used to sign webhooks. */
  readonly hmacKey: string;
  readonly webhookUrl?: string;
  readonly webhookUsername?: string;
  readonly webhookPassword?: string;
  /** Divides Adyen's webhook retry delays (1000 turns "2 minutes" into 120 ms). */
  readonly timeScale?: number;
  /** Base of payment-link URLs; defaults to the server's own URL. */
  readonly publicUrl?: string;
  readonly catalog?: Catalog;
  /** How long a webhook delivery may take before it counts as failed (Adyen waits 10 s). */
  readonly webhookTimeoutMs?: number;
  /**
   * Same Idempotency-Key with a different body. Adyen's docs do not promise a body check; "error" (default)
   * answers 422/704 without `transient-error`, "replay" returns the first response as Adyen's wording allows.
   */
  readonly idempotencyBodyMismatch?: "error" | "replay";
  /**
   * How long a Checkout write (POST) takes to process, in ms (default 100). Adyen's writes take time, and a request
   * with an Idempotency-Key stays "in flight" meanwhile, so a concurrent duplicate gets 704 as it would at Adyen.
   */
  readonly checkoutProcessingMs?: number;
  /** One structured entry per request; the simulator never logs on its own. */
  readonly log?: (entry: Readonly<Record<string, unknown>>) => void;
  /** Source of randomness for fault injection; tests may make it deterministic. */
  readonly random?: () => number;
}

export interface WebhookTarget {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
}

export interface ResolvedConfig {
  readonly port: number;
  readonly host: string;
  readonly apiKey: string;
  readonly merchantAccount: string;
  readonly companyId: string;
  readonly hmacKey: string;
  readonly webhookTarget: WebhookTarget | null;
  readonly timeScale: number;
  readonly publicUrl: string | undefined;
  readonly catalog: Catalog;
  readonly webhookTimeoutMs: number;
  readonly idempotencyBodyMismatch: "error" | "replay";
  readonly checkoutProcessingMs: number;
  readonly log: (entry: Readonly<Record<string, unknown>>) => void;
  readonly random: () => number;
}

const HEX_KEY = /^(?:[0-9a-fA-F]{2})+$/;

export function resolveConfig(opts: SimulatorOptions): ResolvedConfig {
  if (!opts.apiKey) throw new Error("startSimulator: apiKey is required");
  if (!HEX_KEY.test(opts.hmacKey)) throw new Error("startSimulator: hmacKey must be an even-length hex string");
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error("startSimulator: timeScale must be > 0");
  const catalog = opts.catalog ?? DEMO_CATALOG;
  return {
    port: opts.port ?? 0,
    host: opts.host ?? "127.0.0.1",
    apiKey: opts.apiKey,
    merchantAccount: opts.merchantAccount ?? catalog.merchantAccount,
    companyId: opts.companyId ?? catalog.companyId,
    hmacKey: opts.hmacKey,
    webhookTarget: webhookTargetOf(opts.webhookUrl, opts.webhookUsername, opts.webhookPassword),
    timeScale,
    publicUrl: opts.publicUrl?.replace(/\/+$/, ""),
    catalog,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
    idempotencyBodyMismatch: opts.idempotencyBodyMismatch ?? "error",
    checkoutProcessingMs: opts.checkoutProcessingMs ?? 100,
    log: opts.log ?? (() => undefined),
    random: opts.random ?? Math.random,
  };
}

export function webhookTargetOf(url?: string, username?: string, password?: string): WebhookTarget | null {
  if (!url) return null;
  return {
    url,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}
