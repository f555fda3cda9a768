// Test helpers for the analysis: exchanges written tersely, analysed in memory (no database).
import { Analyzer, type AnalyzerOptions, type ChainRow } from "@/lib/idempotency/analyzer";
import { DailyTally } from "@/lib/idempotency/daily";
import { memorySpill } from "@/lib/idempotency/keys";
import type { Exchange, Finding } from "@/lib/idempotency/types";

export const CHECKOUT_TEST = "https://checkout-test.adyen.com/v71/payments";
export const CHECKOUT_LIVE_US =
  "https://1797a841fbb37ca7-AdyenDemo-checkout-live-us.adyenpayments.com/checkout/v71/payments";
export const T0 = Date.parse("2026-01-05T10:00:00.000Z");

let line = 0;

/** An exchange: POST to Checkout test /payments unless told otherwise; `headers` names in any case. */
export function ex(
  over: Partial<Omit<Exchange, "requestHeaders" | "responseHeaders">> & {
    headers?: Record<string, string>;
    responseHeaders?: Record<string, string>;
    body?: unknown;
  },
): Exchange {
  const lower = (h: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    time: over.time === undefined ? T0 : over.time,
    method: over.method ?? "POST",
    url: over.url ?? CHECKOUT_TEST,
    requestHeaders: lower(over.headers),
    requestBody:
      over.body ??
      (over.requestBody === undefined ? { merchantAccount: "ShopEU", reference: `R-${++line}` } : over.requestBody),
    status: over.status === undefined ? 200 : over.status,
    responseHeaders: lower(over.responseHeaders),
    responseBody: over.responseBody,
    durationMs: over.durationMs ?? 100,
    client: over.client ?? null,
    origin: over.origin ?? { file: "test.ndjson", line: ++line },
  };
}

export async function* asStream<T>(items: T[]): AsyncGenerator<T> {
  for (const i of items) yield i;
}

export async function analyzeInMemory(exchanges: Exchange[], options: AnalyzerOptions = {}) {
  const findings: Finding[] = [];
  const chains: ChainRow[] = [];
  const analyzer = new Analyzer(
    memorySpill(),
    {
      findings: async (rows) => void findings.push(...rows),
      chains: async (rows) => void chains.push(...rows),
    },
    options,
  );
  const daily = new DailyTally();
  await analyzer.analyze(asStream(exchanges), daily);
  const totals = await analyzer.finish();
  const count = (code: string) => findings.filter((f) => f.code === code).length;
  return { analyzer, findings, chains, totals, daily, count };
}
