// Generates realistic Adyen traffic logs (NDJSON in the canonical shape, or HAR 1.2 as Chrome writes it) for the
// idempotency benchmark and for trying the checker: integrations migrating from legacy Pragma retries to
// Idempotency-Key over time, with the usual mistakes in a small share of operations. Deterministic (seeded).
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip, constants, type Gzip } from "node:zlib";

export type TrafficOptions = {
  format: "ndjson" | "har";
  /** Stop once about this many bytes were written. */
  targetBytes: number;
  from: Date;
  to: Date;
  /** Share of legacy operations at `from`, falling linearly to `legacyTo` at `to`. */
  legacyFrom?: number;
  legacyTo?: number;
  seed?: number;
};

const CLIENTS = [
  "PosCloud/4.2 (Berlin tills)",
  "PosCloud/4.3 (Hamburg tills)",
  "ShopBackend/2.0 node-fetch",
  "LegacyPOS/1.9 Java/8",
  "KioskApp/3.1",
];
const ACCOUNTS = ["DemoMerchantPOS", "DemoMerchantECOM", "DemoMerchantUS"];
const HOSTS: Record<string, string> = {
  test: "https://checkout-test.adyen.com/v68",
  "live-eu": "https://1797a841fbb37ca7-DemoCompany-checkout-live.adyenpayments.com/checkout/v71",
  "live-us": "https://1797a841fbb37ca7-DemoCompany-checkout-live-us.adyenpayments.com/checkout/v71",
};

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(r: () => number): string {
  const h = (n: number) =>
    Math.floor(r() * 16 ** n)
      .toString(16)
      .padStart(n, "0");
  return `${h(8)}-${h(4)}-4${h(3)}-${"89ab"[Math.floor(r() * 4)]}${h(3)}-${h(6)}${h(6)}`;
}

type Exchange = {
  time: number;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  durationMs: number;
  client: string;
};

function* operation(r: () => number, t: number, legacyShare: number, n: number): Generator<Exchange> {
  const legacy = r() < legacyShare;
  const client = CLIENTS[legacy ? 3 : Math.floor(r() * CLIENTS.length)] as string;
  const region = r() < 0.6 ? "test" : r() < 0.7 ? "live-eu" : "live-us";
  const account = ACCOUNTS[Math.floor(r() * ACCOUNTS.length)] as string;
  const reference = `ORDER-${n}`;
  const amount = 100 + Math.floor(r() * 20000);
  const body = (value = amount) =>
    JSON.stringify({
      merchantAccount: account,
      reference,
      amount: { currency: "EUR", value },
      paymentMethod: {
        type: "scheme",
        encryptedCardNumber: `adyenjs_0_1_25$${"k".repeat(180)}`,
        encryptedSecurityCode: `adyenjs_0_1_25$${"c".repeat(60)}`,
      },
      shopperEmail: `shopper${n}@example.com`,
      shopperReference: `SHOPPER-${n % 5000}`,
      returnUrl: "https://shop.example/checkout/return",
      channel: "Web",
    });
  const attempts = r() < 0.15 ? 2 + Math.floor(r() * 3) : 1;
  // A few clients build keys from order numbers instead of UUIDs.
  let key = legacy ? null : client.startsWith("KioskApp") && r() < 0.25 ? `kiosk-${n}` : uuid(r);
  const changeKey = !legacy && r() < 0.01;
  const concurrent = !legacy && attempts > 1 && r() < 0.05;
  let at = t;
  let delay = 500 + Math.floor(r() * 500);
  for (let i = 0; i < attempts; i++) {
    const last = i === attempts - 1;
    if (i > 0 && changeKey) key = uuid(r);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-api-key": "AQE_bench_api_key_not_real",
      "user-agent": client,
    };
    if (key) headers["idempotency-key"] = key;
    if (legacy && i > 0) headers.pragma = "process-retry";
    const conflict = concurrent && i === 1;
    const status = last ? 200 : conflict ? 422 : r() < 0.5 ? null : legacy && r() < 0.5 ? 422 : 503;
    const durationMs = status === null ? 10_000 : 150 + Math.floor(r() * 300);
    const responseHeaders: Record<string, string> = status === 503 || conflict ? { "transient-error": "true" } : {};
    if (key && status !== null) responseHeaders["idempotency-key"] = key;
    yield {
      time: at,
      method: "POST",
      url: `${HOSTS[region]}/payments`,
      requestHeaders: headers,
      requestBody: body(),
      status,
      responseHeaders,
      responseBody:
        status === 200
          ? JSON.stringify({
              pspReference: `88${String(n).padStart(14, "0")}`,
              resultCode: "Authorised",
              merchantReference: reference,
            })
          : status === null
            ? null
            : JSON.stringify({
                status,
                errorCode: conflict ? "704" : status === 422 ? "167" : "905",
                message: "error",
                errorType: conflict ? "validation" : "internal",
              }),
      durationMs,
      client,
    };
    // Legacy clients retry on a fixed schedule; new ones back off exponentially with jitter.
    at += durationMs + (legacy ? 1000 : delay);
    delay = Math.round(delay * (2 + r() * 0.5));
    if (conflict) at = t + 50;
  }
  if (legacy && r() < 0.3) {
    const item = {
      NotificationRequestItem: {
        eventCode: "PROCESS_RETRY",
        merchantAccountCode: account,
        merchantReference: reference,
        pspReference: `88${String(n).padStart(14, "0")}`,
        success: "true",
        eventDate: new Date(at).toISOString(),
      },
    };
    yield {
      time: at + 2000,
      method: "POST",
      url: "https://shop.example/adyen/webhooks",
      requestHeaders: { "content-type": "application/json", "user-agent": "Adyen HttpClient 1.0" },
      requestBody: JSON.stringify({ live: region === "test" ? "false" : "true", notificationItems: [item] }),
      status: 200,
      responseHeaders: {},
      responseBody: "[accepted]",
      durationMs: 12,
      client: "Adyen",
    };
  }
}

function harEntry(x: Exchange): string {
  const headers = (h: Record<string, string>) => Object.entries(h).map(([name, value]) => ({ name, value }));
  return JSON.stringify(
    {
      _initiator: { type: "other" },
      _priority: "High",
      _resourceType: "fetch",
      cache: {},
      pageref: "page_1",
      request: {
        method: x.method,
        url: x.url,
        httpVersion: "http/2.0",
        headers: headers(x.requestHeaders),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: x.requestBody?.length ?? 0,
        postData: x.requestBody ? { mimeType: "application/json", text: x.requestBody } : undefined,
      },
      response: {
        status: x.status ?? 0,
        statusText: "",
        httpVersion: "http/2.0",
        headers: headers(x.responseHeaders),
        cookies: [],
        content: { size: x.responseBody?.length ?? 0, mimeType: "application/json", text: x.responseBody ?? "" },
        redirectURL: "",
        headersSize: -1,
        bodySize: -1,
        _transferSize: 512,
        ...(x.status === null ? { _error: "net::ERR_TIMED_OUT" } : {}),
      },
      serverIPAddress: "203.0.113.10",
      startedDateTime: new Date(x.time).toISOString(),
      time: x.durationMs,
      timings: {
        blocked: 1.2,
        dns: -1,
        ssl: -1,
        connect: -1,
        send: 0.1,
        wait: x.durationMs - 2,
        receive: 0.7,
        _blocked_queueing: 0.9,
      },
    },
    null,
    2,
  );
}

export type Written = { bytes: number; exchanges: number; operations: number };

async function write(out: WriteStream, gz: Gzip | null, text: string): Promise<void> {
  // Both waits are registered at once: a drain that happens while the other is awaited must not be missed.
  const waits: Promise<unknown>[] = [];
  if (!out.write(text)) waits.push(once(out, "drain"));
  if (gz && !gz.write(text)) waits.push(once(gz, "drain"));
  if (waits.length) await Promise.all(waits);
}

/** Writes one log file (and, when `gzFile` is given, the same content gzip-compressed beside it). */
export async function writeTraffic(file: string, options: TrafficOptions, gzFile?: string): Promise<Written> {
  const r = rng(options.seed ?? 42);
  const out = createWriteStream(file);
  const gzOut = gzFile ? createWriteStream(gzFile) : null;
  const gz = gzOut ? createGzip({ level: constants.Z_BEST_SPEED }) : null;
  if (gz && gzOut) gz.pipe(gzOut);
  const span = options.to.getTime() - options.from.getTime();
  const from = options.legacyFrom ?? 0.4;
  const to = options.legacyTo ?? 0.02;
  let bytes = 0;
  let exchanges = 0;
  let operations = 0;
  // An estimate of the operations needed keeps time moving evenly across the whole span.
  const perOperation = options.format === "har" ? 2_700 : 1_150;
  const estimate = Math.max(1, Math.round(options.targetBytes / perOperation));
  if (options.format === "har") {
    const head = `{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "WebInspector", "version": "537.36" },\n    "pages": [],\n    "entries": [\n`;
    await write(out, gz, head);
    bytes += head.length;
  }
  while (bytes < options.targetBytes) {
    const progress = Math.min(1, operations / estimate);
    const t = options.from.getTime() + Math.floor(progress * span);
    for (const x of operation(r, t, from + (to - from) * progress, operations)) {
      const text = options.format === "har" ? `${exchanges > 0 ? ",\n" : ""}${harEntry(x)}` : `${JSON.stringify(x)}\n`;
      await write(out, gz, text);
      bytes += Buffer.byteLength(text);
      exchanges++;
    }
    operations++;
  }
  if (options.format === "har") await write(out, gz, "\n    ]\n  }\n}\n");
  out.end();
  gz?.end();
  await once(out, "close");
  if (gzOut) await once(gzOut, "close");
  return { bytes, exchanges, operations };
}
