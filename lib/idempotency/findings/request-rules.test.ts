// Request-level codes, table-driven through the whole analysis (so header case, methods and hosts are real).
import { describe, expect, it } from "vitest";
import { analyzeInMemory, ex, T0 } from "@/lib/idempotency/test-support";
import type { Exchange } from "@/lib/idempotency/types";

const KEY = "0f8fad5b-d9cb-469f-a165-70867728950e";

type Case = { name: string; exchanges: Exchange[]; expected: number };

function table(code: string, cases: Case[]) {
  describe(code, () => {
    it.each(cases)("$name → $expected", async ({ exchanges, expected }) => {
      const { count } = await analyzeInMemory(exchanges);
      expect(count(code)).toBe(expected);
    });
  });
}

table("legacy_pragma_retry", [
  {
    name: "Pragma: process-retry on a POST",
    exchanges: [ex({ headers: { Pragma: "process-retry", "Idempotency-Key": KEY } })],
    expected: 1,
  },
  {
    name: "any case, among other directives",
    exchanges: [ex({ headers: { PRAGMA: "no-cache, Process-Retry" } })],
    expected: 1,
  },
  {
    name: "a GET with Pragma: no-cache (browsers)",
    exchanges: [ex({ method: "GET", headers: { pragma: "no-cache" } })],
    expected: 0,
  },
  {
    name: "a GET that still carries process-retry",
    exchanges: [ex({ method: "GET", headers: { pragma: "process-retry" } })],
    expected: 1,
  },
  {
    name: "not an Adyen host",
    exchanges: [ex({ url: "https://api.example.com/v71/payments", headers: { pragma: "process-retry" } })],
    expected: 0,
  },
  {
    name: "one per request",
    exchanges: [1, 2, 3].map(() => ex({ headers: { pragma: "process-retry" } })),
    expected: 3,
  },
]);

table("missing_idempotency_key", [
  { name: "POST /payments without the header", exchanges: [ex({})], expected: 1 },
  { name: "header name in another case", exchanges: [ex({ headers: { "IDEMPOTENCY-KEY": KEY } })], expected: 0 },
  { name: "an empty value counts as missing", exchanges: [ex({ headers: { "Idempotency-Key": " " } })], expected: 1 },
  {
    name: "a GET needs none",
    exchanges: [ex({ method: "GET", url: "https://checkout-test.adyen.com/v71/paymentLinks/PL1" })],
    expected: 0,
  },
  {
    name: "Management API POST takes no keys",
    exchanges: [ex({ url: "https://management-test.adyen.com/v3/companies/C/webhooks" })],
    expected: 0,
  },
  {
    name: "classic Payment authorise",
    exchanges: [ex({ url: "https://pal-test.adyen.com/pal/servlet/Payment/v68/authorise" })],
    expected: 1,
  },
  {
    name: "classic Recurring takes no keys",
    exchanges: [ex({ url: "https://pal-test.adyen.com/pal/servlet/Recurring/v68/disable" })],
    expected: 0,
  },
  {
    name: "Transfers",
    exchanges: [ex({ url: "https://balanceplatform-api-test.adyen.com/btl/v4/transfers" })],
    expected: 1,
  },
  {
    name: "live Checkout with its prefix",
    exchanges: [ex({ url: "https://abc-Shop-checkout-live.adyenpayments.com/checkout/v70/payments/details" })],
    expected: 1,
  },
]);

table("duplicate_in_flight", [
  {
    name: "422 with errorCode 704",
    exchanges: [
      ex({
        headers: { "Idempotency-Key": KEY },
        status: 422,
        responseHeaders: { "transient-error": "true" },
        responseBody:
          '{"status":422,"errorCode":"704","message":"request already processed or in progress","errorType":"validation"}',
      }),
    ],
    expected: 1,
  },
  {
    name: "409 with 704 as parsed JSON",
    exchanges: [ex({ status: 409, responseBody: { errorCode: "704" } })],
    expected: 1,
  },
  { name: "another error code", exchanges: [ex({ status: 422, responseBody: '{"errorCode":"702"}' })], expected: 0 },
  {
    name: "a 200 whose body mentions 704",
    exchanges: [ex({ status: 200, responseBody: '{"errorCode":"704"}' })],
    expected: 0,
  },
]);

const notification = (code: string, live = "false") =>
  JSON.stringify({
    live,
    notificationItems: [
      {
        NotificationRequestItem: {
          eventCode: code,
          merchantAccountCode: "ShopEU",
          pspReference: "8815658961765250",
          merchantReference: "R-1",
          success: "true",
        },
      },
      {
        NotificationRequestItem: {
          eventCode: "AUTHORISATION",
          merchantAccountCode: "ShopEU",
          pspReference: "8815658961765251",
          success: "true",
        },
      },
    ],
  });

table("process_retry_webhook", [
  {
    name: "a PROCESS_RETRY item posted to the merchant's webhook",
    exchanges: [ex({ url: "https://shop.example/adyen/webhooks", body: notification("PROCESS_RETRY") })],
    expected: 1,
  },
  {
    name: "only normal webhooks",
    exchanges: [ex({ url: "https://shop.example/adyen/webhooks", body: notification("AUTHORISATION") })],
    expected: 0,
  },
  {
    name: "notification already parsed (NDJSON body as JSON)",
    exchanges: [
      ex({ url: "https://shop.example/wh", body: JSON.parse(notification("PROCESS_RETRY", "true")) as unknown }),
    ],
    expected: 1,
  },
]);

describe("finding details", () => {
  it("keeps evidence with redacted credentials and the request's dimensions", async () => {
    const { findings } = await analyzeInMemory([
      ex({
        time: T0,
        headers: { "X-API-Key": "AQEyhmfxK4secret", Pragma: "process-retry", "User-Agent": "pos/1" },
        client: "till-7",
      }),
    ]);
    const f = findings.find((x) => x.code === "legacy_pragma_retry");
    expect(f).toMatchObject({
      endpoint: "Checkout /payments",
      region: "test",
      merchantAccount: "ShopEU",
      client: "till-7",
    });
    expect(f?.evidence[0]?.headers).toEqual({
      pragma: "process-retry",
      "user-agent": "pos/1",
      "x-api-key": "[redacted]",
    });
    expect(JSON.stringify(findings)).not.toContain("AQEyhmfxK4secret");
  });
});
