// The only reader of process.env: every configuration value is parsed and checked here, once.
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { isKnownCurrency, tryParseMajorAmount } from "./money";

const HEX_KEY = /^(?:[0-9a-fA-F]{2})+$/;

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `must be an http(s) URL (${what})`,
  });

const port = (fallback: number | undefined) =>
  optionalString
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), {
      message: "must be a TCP port number between 1 and 65535",
    })
    .transform((v) => (v === undefined ? fallback : Number(v)));

const hmacKeys = optionalString
  .transform((v) =>
    v === undefined
      ? []
      : v
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
  )
  .refine((keys) => keys.every((k) => HEX_KEY.test(k)), {
    message: "every key must be an even-length hexadecimal string (comma-separated for rotation)",
  });

// Addresses or CIDR ranges (IPv4/IPv6) of the reverse proxies in front of the app, comma-separated.
const proxyList = optionalString
  .transform((v) =>
    v === undefined
      ? []
      : v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
  )
  .refine(
    (entries) =>
      entries.every((entry) => {
        const [address = "", bits, extra] = entry.split("/");
        const family = isIP(address);
        const max = family === 6 ? 128 : 32;
        return (
          family !== 0 && extra === undefined && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max))
        );
      }),
    { message: "must be IP addresses or CIDR ranges, comma-separated (e.g. 10.0.0.0/8,127.0.0.1)" },
  );

/** Major units per currency: a default for every currency and, optionally, some currencies of their own. */
export type AmountsByCurrency = { default: string; byCurrency: Readonly<Record<string, string>> };

// "100000" or "100000,JPY=15000000,KWD=30000.500": major units, as machines write them (a point for decimals). The
// default is whole, so that it fits every currency (JPY has no decimals); a currency's own fits its exponent.
const amountsByCurrency = (fallback: string) =>
  optionalString.transform((v, ctx): AmountsByCurrency => {
    const byCurrency: Record<string, string> = {};
    let base: string | undefined;
    for (const entry of (v ?? fallback).split(",").map((e) => e.trim())) {
      const [code, amount = ""] = entry.includes("=") ? entry.split("=", 2).map((x) => x.trim()) : [undefined, entry];
      // One default only: "100,000" is a thousands comma, not two values.
      const fits =
        code === undefined
          ? base === undefined && /^\d{1,13}$/.test(amount)
          : isKnownCurrency(code) && /^\d/.test(amount) && tryParseMajorAmount(amount, code).ok;
      if (!fits) {
        ctx.addIssue({
          code: "custom",
          message: `must be an amount in major units, optionally followed by CURRENCY=amount pairs, e.g. 100000,JPY=15000000 (not "${entry}")`,
        });
        return z.NEVER;
      }
      if (code === undefined) base = amount;
      else byCurrency[code] = amount;
    }
    return { default: base ?? fallback, byCurrency };
  });

const positiveInt = (fallback: number) =>
  optionalString
    .refine((v) => v === undefined || /^\d+$/.test(v), { message: "must be a whole number" })
    .transform((v) => (v === undefined ? fallback : Number(v)));

const positiveIntIn = (fallback: number, min: number, max: number) =>
  positiveInt(fallback).refine((v) => v >= min && v <= max, { message: `must be between ${min} and ${max}` });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional(),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a postgres:// or postgresql:// connection URL",
    }),
    DATA_DIR: optionalString.transform((v) => v ?? ".data"),
    PORT: port(3000).transform((v) => v ?? 3000),
    NEXTAUTH_URL: optionalUrl("the public URL of this app"),
    NEXTAUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
    ADYEN_ENVIRONMENT: optionalString
      .transform((v) => (v ?? "TEST").toUpperCase())
      .pipe(z.enum(["TEST", "LIVE"], { message: "must be TEST or LIVE" })),
    ADYEN_API_KEY: optionalString,
    ADYEN_MERCHANT_ACCOUNT: optionalString,
    ADYEN_LIVE_URL_PREFIX: optionalString.refine((v) => v === undefined || /^[a-zA-Z0-9-]+$/.test(v), {
      message: "must be the live URL prefix only, e.g. 1797a841fbb37ca7-AdyenDemo",
    }),
    ADYEN_REGION: optionalString
      .transform((v) => (v ?? "EU").toUpperCase())
      .pipe(z.enum(["EU", "US", "AU", "APSE"], { message: "must be one of EU, US, AU, APSE" })),
    ADYEN_HMAC_KEYS: hmacKeys,
    ADYEN_WEBHOOK_USERNAME: optionalString,
    ADYEN_WEBHOOK_PASSWORD: optionalString,
    ADYEN_API_BASE_URL: optionalUrl("where every Adyen API call is sent instead of Adyen's hosts"),
    // Unset: https://status.adyen.com (the simulator's page in simulator mode). Any provider's page or feed works.
    ADYEN_STATUS_URL: optionalUrl("status page: Adyen's site, a Statuspage v2 page or JSON, or an RSS/Atom feed"),
    ADYEN_TIMEOUT_MS: positiveInt(15_000),
    // Status panel: how often the probes run and Adyen's status page is read, and how long history is kept.
    STATUS_PROBE_INTERVAL_S: positiveIntIn(15, 2, 3600),
    STATUS_PAGE_POLL_S: positiveIntIn(120, 10, 86_400),
    STATUS_RETENTION_DAYS: positiveIntIn(30, 2, 3650),
    // Alert webhooks may target loopback, link-local, private and metadata addresses only when true (default: true in
    // simulator mode, false otherwise). Read through alertTargetsMayBePrivate().
    ALERT_ALLOW_PRIVATE_TARGETS: optionalString
      .transform((v) => v?.toLowerCase())
      .pipe(z.enum(["true", "false"], { message: "must be true or false" }).optional())
      .transform((v) => (v === undefined ? undefined : v === "true")),
    OIDC_ISSUER: optionalUrl("OpenID Connect issuer"),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    SIM_PORT: port(undefined),
    // Port of the app the end-to-end suite starts (several checkouts on one machine each pick their own).
    E2E_PORT: port(3217).transform((v) => v ?? 3217),
    // Where `npm test` and the end-to-end suite write the runners' JSON reports (the runner self-test uses its own).
    TEST_REPORT_DIR: optionalString.transform((v) => v ?? ".test-report"),
    // Set by `npm start` for the processes it runs when no ADYEN_API_KEY was given: Adyen is the simulator.
    SIMULATOR_MODE: optionalString.transform((v) => v === "true" || v === "1"),
    JOBS_IN_PROCESS: optionalString
      .transform((v) => (v ?? "true").toLowerCase())
      .pipe(z.enum(["true", "false"], { message: "must be true or false" }))
      .transform((v) => v === "true"),
    LOG_LEVEL: optionalString
      .transform((v) => (v ?? "info").toLowerCase())
      .pipe(
        z.enum(["debug", "info", "warn", "error", "silent"], { message: "must be debug, info, warn, error or silent" }),
      ),
    OPS_PASSWORD: optionalString,
    // Security (see README "Security"): whose X-Forwarded-For / -Proto to believe.
    TRUSTED_PROXIES: proxyList,
    // Largest file accepted by POST /api/reconciliation/upload (a year of settlement details is ~400 MB).
    IMPORT_MAX_UPLOAD_MB: positiveInt(512),
    // Payment links and standalone receipts: the largest amount accepted, and above which the form asks to confirm
    // the amount shown in words and figures before anything is created. Major units; per currency with CODE=amount.
    AMOUNT_MAX: amountsByCurrency("100000"),
    AMOUNT_CONFIRM_ABOVE: amountsByCurrency("1000"),
    CHROMIUM_PATH: optionalString,
    CI: optionalString.transform((v) => v !== undefined && v !== "false" && v !== "0"),
    // Idempotency checker: largest upload as sent (MB), and largest content once decompressed (MB).
    IDEMPOTENCY_MAX_UPLOAD_MB: positiveInt(2_048),
    IDEMPOTENCY_MAX_CONTENT_MB: positiveInt(20_480),
    // Analyses at once per instance (each in its own process), the time limit of one, findings kept with evidence
    // per analysis, how long analyses are kept, and the disk uploads waiting for their turn may take.
    IDEMPOTENCY_CONCURRENCY: positiveIntIn(1, 1, 16),
    IDEMPOTENCY_MAX_SECONDS: positiveIntIn(3600, 1, 7 * 86_400),
    IDEMPOTENCY_MAX_EVIDENCE: positiveIntIn(100_000, 24, 10_000_000),
    IDEMPOTENCY_RETENTION_DAYS: positiveIntIn(180, 1, 3650),
    IDEMPOTENCY_SPOOL_MB: positiveIntIn(4096, 1, 1_048_576),
  })
  .superRefine((e, ctx) => {
    if (e.ADYEN_ENVIRONMENT === "LIVE" && !e.ADYEN_LIVE_URL_PREFIX && !e.ADYEN_API_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["ADYEN_LIVE_URL_PREFIX"],
        message: "is required when ADYEN_ENVIRONMENT=LIVE",
      });
    }
    if (e.ADYEN_API_KEY && !e.ADYEN_MERCHANT_ACCOUNT) {
      ctx.addIssue({
        code: "custom",
        path: ["ADYEN_MERCHANT_ACCOUNT"],
        message: "is required when ADYEN_API_KEY is set",
      });
    }
    if (e.ADYEN_WEBHOOK_USERNAME && !e.ADYEN_WEBHOOK_PASSWORD) {
      ctx.addIssue({
        code: "custom",
        path: ["ADYEN_WEBHOOK_PASSWORD"],
        message: "is required when ADYEN_WEBHOOK_USERNAME is set",
      });
    }
    if (e.ADYEN_API_KEY && e.ADYEN_HMAC_KEYS.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["ADYEN_HMAC_KEYS"],
        message: "is required when ADYEN_API_KEY is set (webhooks are verified)",
      });
    }
    // Real credentials outside npm start's simulator: sessions must survive restarts and work on every instance.
    if (e.ADYEN_API_KEY && !e.SIMULATOR_MODE && !e.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message:
          "is required with real Adyen credentials (the same value on every instance; e.g. openssl rand -hex 32)",
      });
    }
    if (e.ADYEN_API_KEY && !e.SIMULATOR_MODE && !isSecureAppUrl(e.NEXTAUTH_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: e.NEXTAUTH_URL
          ? "must be an https:// URL with real Adyen credentials (session cookies are then Secure); http only for localhost"
          : "is required with real Adyen credentials: the public https:// URL of this app",
      });
    }
    if (e.ADYEN_ENVIRONMENT === "LIVE" && e.ADYEN_API_KEY && !e.ADYEN_WEBHOOK_USERNAME) {
      ctx.addIssue({
        code: "custom",
        path: ["ADYEN_WEBHOOK_USERNAME"],
        message:
          "is required when ADYEN_ENVIRONMENT=LIVE: Adyen's webhook calls must carry basic auth (with ADYEN_WEBHOOK_PASSWORD)",
      });
    }
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Alert webhooks to private addresses: as configured, else only in simulator mode (its demo hooks are local). */
export function alertTargetsMayBePrivate(e: Env): boolean {
  return e.ALERT_ALLOW_PRIVATE_TARGETS ?? e.SIMULATOR_MODE;
}

/** Real Adyen credentials outside npm start's simulator: production, where https and secrets are required. */
export function hasRealCredentials(e: Env): boolean {
  return Boolean(e.ADYEN_API_KEY) && !e.SIMULATOR_MODE;
}

/** https, or plain http on this machine only (trying real TEST credentials locally). */
export function isSecureAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "EnvError";
  }
}

/** Parses a variable map; the first problem becomes one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? "configuration");
  throw new EnvError(variable, issue?.message ?? "is invalid");
}

let cached: Env | undefined;

/** Entry points (npm start, ops) read a `.env` file in the working directory when there is one. */
export function loadDotEnvFile(file = ".env"): void {
  // turbopackIgnore: the app bundle must not trace the whole project because of this runtime-only check.
  if (existsSync(/*turbopackIgnore: true*/ file)) process.loadEnvFile(/*turbopackIgnore: true*/ file);
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For process entry points: a bad value ends the process with one line and a non-zero exit. */
export function envOrExit(): Env {
  try {
    loadDotEnvFile();
    return env();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Child processes (Next server, simulator) inherit the parent's variables plus these. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Next.js would otherwise send usage telemetry from every build and server: nothing leaves this machine unasked.
  return { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...extra };
}

/** Test-only override so unit tests can run code that reads env() with chosen values. */
export function setEnvForTests(source: Record<string, string | undefined>): void {
  cached = parseEnv(source);
}
