// Per-key codes: each distinct key counts once (except expiry, which counts per late request).
import { describe, expect, it } from "vitest";
import { analyzeInMemory, CHECKOUT_LIVE_US, ex, T0 } from "@/lib/idempotency/test-support";
import type { Exchange } from "@/lib/idempotency/types";

const K1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const K2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const DAY = 86_400_000;
const body = (reference: string, value = 1000) => ({
  merchantAccount: "ShopEU",
  reference,
  amount: { currency: "EUR", value },
});
const withKey = (key: string, over: Parameters<typeof ex>[0] = {}) =>
  ex({ ...over, headers: { "Idempotency-Key": key, ...over.headers } });

type Case = { name: string; exchanges: Exchange[]; expected: number };

function table(code: string, cases: Case[]) {
  describe(code, () => {
    it.each(cases)("$name → $expected", async ({ exchanges, expected }) => {
      const { count } = await analyzeInMemory(exchanges);
      expect(count(code)).toBe(expected);
    });
  });
}

const long = "x".repeat(65);
table("key_too_long", [
  { name: "65 characters", exchanges: [withKey(long)], expected: 1 },
  { name: "exactly 64", exchanges: [withKey("y".repeat(64))], expected: 0 },
  {
    name: "the same long key three times counts once",
    exchanges: [withKey(long), withKey(long), withKey(long)],
    expected: 1,
  },
]);

table("key_not_uuid_v4", [
  { name: "a UUID v4", exchanges: [withKey(K1)], expected: 0 },
  { name: "upper-case UUID v4", exchanges: [withKey(K1.toUpperCase())], expected: 0 },
  { name: "a UUID v1", exchanges: [withKey("e4eaaaf2-d142-11e1-b3e4-080027620cdd")], expected: 1 },
  {
    name: "an order number",
    exchanges: [withKey("ORDER-1001"), withKey("ORDER-1001"), withKey("ORDER-1002")],
    expected: 2,
  },
]);

table("key_reused_different_body", [
  {
    name: "same JSON, keys reordered and spaced",
    exchanges: [
      withKey(K1, { body: '{"reference":"A","merchantAccount":"ShopEU"}' }),
      withKey(K1, { body: '{ "merchantAccount": "ShopEU",\n "reference": "A" }' }),
    ],
    expected: 0,
  },
  {
    name: "amount changed under the same key",
    exchanges: [withKey(K1, { body: body("A", 1000) }), withKey(K1, { body: body("A", 2000) })],
    expected: 1,
  },
  {
    name: "three bodies, one key: still one finding",
    exchanges: [
      withKey(K1, { body: body("A", 1) }),
      withKey(K1, { body: body("A", 2) }),
      withKey(K1, { body: body("A", 3) }),
    ],
    expected: 1,
  },
  {
    name: "a GET with the key has no body to compare",
    exchanges: [
      withKey(K1, { body: body("A") }),
      withKey(K1, { method: "GET", url: "https://checkout-test.adyen.com/v71/paymentLinks/PL1", requestBody: null }),
    ],
    expected: 0,
  },
]);

table("key_reused_across_regions", [
  {
    name: "one key across test and live-US",
    exchanges: [withKey(K1, { body: body("A") }), withKey(K1, { url: CHECKOUT_LIVE_US, body: body("A") })],
    expected: 1,
  },
  {
    name: "live-EU and live-US",
    exchanges: [
      withKey(K1, { url: "https://p-checkout-live.adyenpayments.com/checkout/v71/payments" }),
      withKey(K1, { url: CHECKOUT_LIVE_US }),
    ],
    expected: 1,
  },
  {
    name: "same region twice",
    exchanges: [withKey(K1, { body: body("A") }), withKey(K1, { body: body("A") })],
    expected: 0,
  },
  {
    name: "three regions: one finding for the key",
    exchanges: [
      withKey(K1),
      withKey(K1, { url: CHECKOUT_LIVE_US }),
      withKey(K1, { url: "https://p-checkout-live-au.adyenpayments.com/checkout/v71/payments" }),
    ],
    expected: 1,
  },
]);

table("retry_after_key_expiry", [
  {
    name: "a key reused 8 days later",
    exchanges: [withKey(K1, { body: body("A"), time: T0 }), withKey(K1, { body: body("A"), time: T0 + 8 * DAY })],
    expected: 1,
  },
  {
    name: "reused after 6 days",
    exchanges: [withKey(K1, { body: body("A"), time: T0 }), withKey(K1, { body: body("A"), time: T0 + 6 * DAY })],
    expected: 0,
  },
  {
    name: "each late request counts",
    exchanges: [withKey(K1, { time: T0 }), withKey(K1, { time: T0 + 8 * DAY }), withKey(K1, { time: T0 + 9 * DAY })],
    expected: 2,
  },
  {
    name: "measured from the first use, even when seen later",
    exchanges: [withKey(K1, { time: T0 + DAY }), withKey(K1, { time: T0 }), withKey(K1, { time: T0 + 7.5 * DAY })],
    expected: 1,
  },
]);

describe("keys beyond the memory cap", () => {
  it("finds a key reused after thousands of other keys pushed it out of memory", async () => {
    const filler = Array.from({ length: 3_000 }, (_, i) =>
      withKey(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, { time: T0 + DAY + i }),
    );
    const exchanges = [
      withKey(K2, { body: body("Z", 1), time: T0 }),
      ...filler,
      withKey(K2, { body: body("Z", 2), time: T0 + 9 * DAY }),
    ];
    const small = await analyzeInMemory(exchanges, { keyCap: 100, chainCap: 100 });
    const big = await analyzeInMemory(exchanges);
    for (const code of ["key_reused_different_body", "retry_after_key_expiry", "key_not_uuid_v4"]) {
      expect(small.count(code), code).toBe(big.count(code));
    }
    expect(small.count("retry_after_key_expiry")).toBe(1);
    expect(small.totals.distinctKeys).toBe(3_001);
  });
});
