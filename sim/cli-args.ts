// Command-line flags of `tsx sim/main.ts`, turned into SimulatorOptions.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { generateFleet, parseFleetSize } from "./fleet";
import type { SimulatorOptions } from "./options";

export const USAGE = `Usage: tsx sim/main.ts --api-key KEY --hmac-key HEX [options]
  --port N               listen port (0 = free port, default 0)
  --host HOST            listen address (default 127.0.0.1)
  --merchant-account ID  merchant account (default from the demo catalog)
  --company-id ID        company account (default from the demo catalog)
  --webhook-url URL      where webhooks are delivered
  --webhook-username U   basic auth user for webhook delivery
  --webhook-password P   basic auth password for webhook delivery
  --time-scale N         divide webhook retry delays by N (default 1)
  --public-url URL       base of payment-link URLs (default: the server's own URL)
  --checkout-processing-ms N  time a Checkout write takes (default 100; a concurrent duplicate gets 704)
  --secrets-file FILE    JSON {apiKey, hmacKey, webhookPassword}: keeps secrets off the command line,
                         where every local user can read them (flags given as well win)
  --fleet SxT            serve a generated fleet of S stores with T terminals each (e.g. 2000x10) instead
                         of the demo catalog
  --quiet                no per-request log lines`;

export interface CliOptions {
  readonly options: Omit<SimulatorOptions, "log">;
  readonly quiet: boolean;
}

const secretsFileSchema = z.object({
  apiKey: z.string().min(1),
  hmacKey: z.string().min(2),
  webhookPassword: z.string().min(1).optional(),
});

function readSecretsFile(file: string): z.infer<typeof secretsFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(
      `--secrets-file: cannot read ${file} as JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const parsed = secretsFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`--secrets-file: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function toNumber(flag: string, raw: string | undefined, check: (n: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n)) throw new Error(`--${flag}: invalid value "${raw}"`);
  return n;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string" },
      "hmac-key": { type: "string" },
      "merchant-account": { type: "string" },
      "company-id": { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-username": { type: "string" },
      "webhook-password": { type: "string" },
      "time-scale": { type: "string" },
      "public-url": { type: "string" },
      "checkout-processing-ms": { type: "string" },
      "secrets-file": { type: "string" },
      fleet: { type: "string" },
      quiet: { type: "boolean" },
    },
  });
  const secrets: Partial<z.infer<typeof secretsFileSchema>> = values["secrets-file"]
    ? readSecretsFile(values["secrets-file"])
    : {};
  const apiKey = values["api-key"] ?? secrets.apiKey;
  const hmacKey = values["hmac-key"] ?? secrets.hmacKey;
  if (!apiKey) throw new Error("--api-key is required");
  if (!hmacKey) throw new Error("--hmac-key is required");
  const port = toNumber("port", values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536);
  const timeScale = toNumber("time-scale", values["time-scale"], (n) => n > 0);
  const checkoutProcessingMs = toNumber("checkout-processing-ms", values["checkout-processing-ms"], (n) => n >= 0);
  const optional = {
    port,
    timeScale,
    checkoutProcessingMs,
    host: values.host,
    merchantAccount: values["merchant-account"],
    companyId: values["company-id"],
    webhookUrl: values["webhook-url"],
    webhookUsername: values["webhook-username"],
    webhookPassword: values["webhook-password"] ?? secrets.webhookPassword,
    publicUrl: values["public-url"],
    catalog: values.fleet ? generateFleet(parseFleetSize(values.fleet)) : undefined,
  };
  // exactOptionalPropertyTypes-safe: only pass what was given.
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { options: { apiKey, hmacKey, ...defined }, quiet: values.quiet === true };
}
