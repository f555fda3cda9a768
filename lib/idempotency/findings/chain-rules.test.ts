// Chain-level codes: chains join by endpoint + merchant account + reference, or by key.
import { describe, expect, it } from "vitest";
import { analyzeInMemory, ex, T0 } from "@/lib/idempotency/test-support";
import { harDocument, harEntry, readAll } from "@/lib/idempotency/input/test-support";
import type { Exchange } from "@/lib/idempotency/types";

const K1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const K2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const order = { merchantAccount: "ShopEU", reference: "ORDER-77", amount: { currency: "EUR", value: 990 } };
const attempt = (at: number, key: string | null, over: Parameters<typeof ex>[0] = {}) =>
  ex({
    time: T0 + at,
    body: order,
    ...over,
    headers: key ? { "Idempotency-Key": key, ...over.headers } : over.headers,
  });

type Case = { name: string; exchanges: Exchange[]; expected: number };

function table(code: string, cases: Case[]) {
  describe(code, () => {
    it.each(cases)("$name → $expected", async ({ exchanges, expected }) => {
      const { count } = await analyzeInMemory(exchanges);
      expect(count(code)).toBe(expected);
    });
  });
}

table("key_changed_on_retry", [
  {
    name: "new key on the retry of the same order",
    exchanges: [attempt(0, K1, { status: null }), attempt(2000, K2)],
    expected: 1,
  },
  { name: "same key on every attempt", exchanges: [attempt(0, K1, { status: null }), attempt(2000, K1)], expected: 0 },
  {
    name: "legacy retry without keys",
    exchanges: [attempt(0, null), attempt(2000, null, { headers: { Pragma: "process-retry" } })],
    expected: 0,
  },
  {
    name: "another endpoint with the same reference is another operation",
    exchanges: [attempt(0, K1), attempt(10, K2, { url: "https://checkout-test.adyen.com/v71/paymentLinks" })],
    expected: 0,
  },
  {
    name: "chains join through a shared key: A(k1), B(k1,ref2)…",
    exchanges: [
      attempt(0, K1),
      attempt(1000, K1, { body: { ...order, reference: "OTHER" } }),
      attempt(5000, K2, { body: { ...order, reference: "OTHER" } }),
    ],
    expected: 1,
  },
]);

table("retry_of_non_transient_error", [
  {
    name: "retry after a 422 validation error",
    exchanges: [attempt(0, K1, { status: 422, responseBody: '{"errorCode":"167"}' }), attempt(1000, K1)],
    expected: 1,
  },
  {
    name: "retry after a 500 not marked transient",
    exchanges: [attempt(0, K1, { status: 500 }), attempt(1000, K1)],
    expected: 1,
  },
  {
    name: "retry after a 503 with transient-error: true",
    exchanges: [attempt(0, K1, { status: 503, responseHeaders: { "Transient-Error": "true" } }), attempt(1000, K1)],
    expected: 0,
  },
  {
    name: "a retry after a timeout is fine",
    exchanges: [attempt(0, K1, { status: null, durationMs: 30000 }), attempt(31000, K1)],
    expected: 0,
  },
  {
    name: "retry after a 704 (transient)",
    exchanges: [
      attempt(0, K1, {
        status: 422,
        responseHeaders: { "transient-error": "true" },
        responseBody: '{"errorCode":"704"}',
      }),
      attempt(500, K1),
    ],
    expected: 0,
  },
  {
    name: "time order decides which attempt came first",
    exchanges: [attempt(1000, K1), attempt(0, K1, { status: 400 })],
    expected: 1,
  },
]);

table("retry_without_backoff", [
  {
    name: "exponential: 1 s, 2 s, 4 s",
    exchanges: [0, 1000, 3000, 7000].map((t) => attempt(t, K1, { status: null })),
    expected: 0,
  },
  {
    name: "jitter within the 1.5× rule: 1.0 s, 1.6 s, 2.5 s",
    exchanges: [0, 1000, 2600, 5100].map((t) => attempt(t, K1, { status: null })),
    expected: 0,
  },
  {
    name: "jitter that breaks it: 1.0 s then 1.4 s",
    exchanges: [0, 1000, 2400].map((t) => attempt(t, K1, { status: null })),
    expected: 1,
  },
  {
    name: "fixed 1 s interval",
    exchanges: [0, 1000, 2000, 3000].map((t) => attempt(t, null, { status: null })),
    expected: 1,
  },
  {
    name: "two attempts are never judged",
    exchanges: [0, 10].map((t) => attempt(t, K1, { status: null })),
    expected: 0,
  },
  {
    name: "a 10 s timeout, then 1 s and 2 s waits: the timeout is not backoff",
    exchanges: [
      attempt(0, K1, { status: null, durationMs: 10_000 }),
      attempt(11_000, K1, { status: 503, durationMs: 300, responseHeaders: { "transient-error": "true" } }),
      attempt(13_300, K1),
    ],
    expected: 0,
  },
  {
    name: "immediate retries (no wait at all)",
    exchanges: [0, 100, 200].map((t) => attempt(t, null, { durationMs: 100, status: 500 })),
    expected: 1,
  },
]);

describe("chains", () => {
  it("reads merchant account and reference from HAR params and joins the attempts", async () => {
    const params = (key: string, at: string) =>
      harEntry({
        url: "https://pal-test.adyen.com/pal/servlet/Payment/v68/authorise",
        started: at,
        headers: [{ name: "idempotency-key", value: key }],
        postData: {
          mimeType: "application/x-www-form-urlencoded",
          params: [
            { name: "merchantAccount", value: "ShopEU" },
            { name: "reference", value: "ORDER-9" },
          ],
        },
      });
    const { exchanges } = await readAll(
      harDocument([params(K1, "2026-01-05T10:00:00Z"), params(K2, "2026-01-05T10:00:05Z")]),
    );
    const { count, chains, totals } = await analyzeInMemory(exchanges);
    expect(count("key_changed_on_retry")).toBe(1);
    expect(totals.chains).toBe(1);
    expect(chains[0]).toMatchObject({
      endpoint: "Payment /authorise",
      reference: "ORDER-9",
      attemptCount: 2,
      keyCount: 2,
    });
  });

  it("counts every chain, stores those with retries or findings, and puts request findings on their chain", async () => {
    const { totals, chains, findings } = await analyzeInMemory([
      attempt(0, K1),
      attempt(0, K2, { body: { ...order, reference: "SINGLE" } }),
      attempt(0, null, { body: { ...order, reference: "LEGACY" } }),
      attempt(2000, null, { body: { ...order, reference: "LEGACY" }, headers: { Pragma: "process-retry" } }),
    ]);
    expect(totals.chains).toBe(3);
    const legacy = chains.find((c) => c.reference === "LEGACY");
    expect(legacy).toMatchObject({
      attemptCount: 2,
      codes: expect.arrayContaining(["missing_idempotency_key", "legacy_pragma_retry"]),
    });
    expect(findings.filter((f) => f.chainNo === legacy?.no)).toHaveLength(3);
    expect(chains.map((c) => c.reference).sort()).toEqual(["LEGACY"]);
  });
});
