import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { adyenConfigFromEnv, createAdyen, type AdyenConfig } from "@/lib/adyen/client";
import { getConnectedDevices, getDeviceStatus } from "@/lib/adyen/cloud-device";
import { AdyenApiError } from "@/lib/adyen/errors";
import { listTerminals, updateTerminalSettings } from "@/lib/adyen/management";
import { createPaymentLink, expirePaymentLink, getPaymentLink } from "@/lib/adyen/payment-links";
import { newIdempotencyKey, withAdyenRetry } from "@/lib/adyen/retry";
import { runDiagnosisProbe } from "@/lib/adyen/terminal-api";
import { fixture, localServerForSuite } from "@/lib/adyen/test-support";

const server = localServerForSuite();

const config = (overrides: Partial<AdyenConfig> = {}): AdyenConfig => ({
  apiKey: "test-key",
  merchantAccount: "MerchantOps_TEST",
  environment: "TEST",
  liveUrlPrefix: undefined,
  region: "EU",
  baseUrl: server().url,
  timeoutMs: 2_000,
  ...overrides,
});

const linkRequest = {
  amount: { currency: "EUR", value: 1250 },
  merchantAccount: "MerchantOps_TEST",
  reference: "POS-1001",
};

describe("official library services through our transport", () => {
  it("creates a payment link with PaymentLinksApi, sending the Idempotency-Key", async () => {
    server().reply({ status: 201, body: fixture("payment-links/java-paymentLinkResponse.json") });
    const adyen = createAdyen(config());
    const key = newIdempotencyKey();
    const link = await adyen.paymentLinks.paymentLinks(linkRequest, { idempotencyKey: key });

    expect(link).toMatchObject({ id: "foo", status: "active", url: "https://test.adyen.link/PL6DB3157D27FFBBCF" });
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "POST", url: "/v72/paymentLinks" });
    expect(request?.headers).toMatchObject({ "x-api-key": "test-key", "idempotency-key": key });
    expect(JSON.parse(request?.body ?? "")).toMatchObject(linkRequest);
  });

  it("gets and expires a link; LIVE URLs lose their /checkout prefix when routed", async () => {
    server().reply({ status: 200, body: fixture("payment-links/java-patchPaymentLinkResponse.json") });
    const adyen = createAdyen(
      config({ environment: "LIVE", liveUrlPrefix: "1797a841fbb37ca7-AdyenDemo", region: "US" }),
    );
    await getPaymentLink(adyen, "PL 1");
    const expired = await expirePaymentLink(adyen, "PL1");
    expect(expired.status).toBe("expired");
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v72/paymentLinks/PL%201",
      "PATCH /v72/paymentLinks/PL1",
    ]);
    expect(JSON.parse(server().requests[1]?.body ?? "")).toEqual({ status: "expired" });
  });

  it("retries a transient 704 with the same key, end to end", async () => {
    server().reply(
      {
        status: 422,
        headers: { "transient-error": "true" },
        body: {
          status: 422,
          errorCode: "704",
          message: "request already processed or in progress",
          errorType: "validation",
        },
      },
      { status: 201, body: fixture("payment-links/java-paymentLinkResponse.json") },
    );
    const adyen = createAdyen(config());
    const { result, attempts } = await withAdyenRetry(
      ({ idempotencyKey }) => createPaymentLink(adyen, linkRequest, idempotencyKey),
      { idempotencyKey: newIdempotencyKey(), sleep: async () => undefined },
    );
    expect(attempts).toBe(2);
    expect(result.id).toBe("foo");
    const keys = server().requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("lists terminals with comma-joined filters and a page size capped at 100", async () => {
    server().reply({ status: 200, body: { data: [], itemsTotal: 0, pagesTotal: 0 } });
    await listTerminals(createAdyen(config()), {
      storeIds: ["ST1", "ST2"],
      merchantIds: [],
      brandModels: ["Verifone.V400m"],
      pageNumber: 2,
      pageSize: 500,
    });
    expect(server().requests[0]?.url).toBe(
      "/v3/terminals?storeIds=ST1%2CST2&brandModels=Verifone.V400m&pageNumber=2&pageSize=100",
    );
  });

  it("patches store-level terminal settings with the whole standalone object", async () => {
    const standalone = { enableStandalone: true, currencyCode: "EUR", enableGratuities: false };
    server().reply({ status: 200, body: { standalone } });
    const settings = await updateTerminalSettings(
      createAdyen(config()),
      { level: "store", storeId: "ST1" },
      { standalone },
      { idempotencyKey: "k1" },
    );
    expect(settings.standalone).toEqual(standalone);
    expect(server().requests[0]).toMatchObject({ method: "PATCH", url: "/v3/stores/ST1/terminalSettings" });
    expect(JSON.parse(server().requests[0]?.body ?? "")).toEqual({ standalone });
  });

  it("reads device status and connected devices from the Cloud device API", async () => {
    const adyen = createAdyen(config());
    server().reply({ status: 200, body: fixture("cloud-device/node-status-device.json") });
    expect(await getDeviceStatus(adyen, "V400m-1")).toMatchObject({ status: "ONLINE" });
    server().reply({ status: 200, body: fixture("cloud-device/node-connected-devices.json") });
    expect((await getConnectedDevices(adyen, "ST1")).uniqueDeviceIds).toHaveLength(2);
    expect(server().requests.map((r) => r.url)).toEqual([
      "/v1/merchants/MerchantOps_TEST/devices/V400m-1/status",
      "/v1/merchants/MerchantOps_TEST/connectedDevices?store=ST1",
    ]);
  });

  it("sends a DiagnosisRequest to /sync and reads POIStatus.GlobalStatus", async () => {
    server().reply({
      status: 200,
      body: { SaleToPOIResponse: fixture("terminal-api/java-sale-to-poi-response-diagnosis.json") },
    });
    const { outcome } = await runDiagnosisProbe(createAdyen(config()), {
      poiId: "V400m-324688179",
      saleId: "merchant-ops",
    });
    expect(outcome).toEqual({ state: "OK" });
    const sent = JSON.parse(server().requests[0]?.body ?? "") as {
      SaleToPOIRequest: Record<string, Record<string, unknown>>;
    };
    expect(server().requests[0]).toMatchObject({ method: "POST", url: "/sync" });
    expect(sent.SaleToPOIRequest["MessageHeader"]).toMatchObject({
      MessageCategory: "Diagnosis",
      MessageClass: "Service",
      MessageType: "Request",
      POIID: "V400m-324688179",
    });
    expect(String(sent.SaleToPOIRequest["MessageHeader"]?.["ServiceID"])).toMatch(/^[0-9a-f]{10}$/);
    expect(sent.SaleToPOIRequest["DiagnosisRequest"]).toEqual({ HostDiagnosisFlag: false });
  });

  it("surfaces Adyen errors from a library service as AdyenApiError", async () => {
    server().reply({ status: 422, body: fixture("payment-links/php-payment-links-invalid-422.json") });
    const err = await createAdyen(config())
      .paymentLinks.paymentLinks(linkRequest)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdyenApiError);
    expect(err).toMatchObject({ httpStatus: 422, errorCode: "130" });
  });
});

describe("adyenConfigFromEnv", () => {
  it("maps the environment, with the timeout default of 15 s", () => {
    const e = parseEnv({ ADYEN_API_BASE_URL: "http://127.0.0.1:4010", ADYEN_REGION: "us" });
    expect(adyenConfigFromEnv(e)).toMatchObject({
      environment: "TEST",
      region: "US",
      baseUrl: "http://127.0.0.1:4010",
      timeoutMs: 15_000,
      apiKey: undefined,
    });
    expect(adyenConfigFromEnv(parseEnv({ ADYEN_TIMEOUT_MS: "2500" })).timeoutMs).toBe(2_500);
  });

  it("builds LIVE services with a base URL even without a live prefix", () => {
    const e = parseEnv({ ADYEN_ENVIRONMENT: "LIVE", ADYEN_API_BASE_URL: "http://127.0.0.1:4010" });
    expect(() => createAdyen(adyenConfigFromEnv(e))).not.toThrow();
  });
});
