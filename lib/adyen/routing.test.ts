import { describe, expect, it } from "vitest";
import { isAdyenHost, routeAdyenUrl } from "@/lib/adyen/routing";

const SIM = "http://127.0.0.1:4010";

describe("routeAdyenUrl", () => {
  it.each([
    ["https://checkout-test.adyen.com/v72/paymentLinks", "/v72/paymentLinks"],
    [
      "https://1797a841fbb37ca7-AdyenDemo-checkout-live.adyenpayments.com/checkout/v72/paymentLinks/PL1",
      "/v72/paymentLinks/PL1",
    ],
    ["https://management-test.adyen.com/v3/terminals?storeIds=S1", "/v3/terminals?storeIds=S1"],
    [
      "https://device-api-live-us.adyen.com/v1/merchants/MA/devices/V400m-1/status",
      "/v1/merchants/MA/devices/V400m-1/status",
    ],
    ["https://terminal-api-test.adyen.com/sync", "/sync"],
    ["https://terminal-api-live-apse.adyen.com/sync", "/sync"],
  ])("sends %s to the base URL as %s", (endpoint, expected) => {
    const url = routeAdyenUrl(endpoint, undefined, SIM);
    expect(url.origin).toBe(SIM);
    expect(url.pathname + url.search).toBe(expected);
  });

  it("appends the library's query parameters (numbers included) after the endpoint's own", () => {
    const params = { storeIds: "S1,S2", pageNumber: 2 } as unknown as Record<string, string>;
    const url = routeAdyenUrl("https://management-test.adyen.com/v3/terminals?x=1", params, SIM);
    expect(url.pathname + url.search).toBe("/v3/terminals?x=1&storeIds=S1%2CS2&pageNumber=2");
  });

  it("keeps a path on the base URL as a prefix", () => {
    const url = routeAdyenUrl(
      "https://checkout-test.adyen.com/v72/paymentLinks",
      undefined,
      "http://sim.local:8080/adyen/",
    );
    expect(url.href).toBe("http://sim.local:8080/adyen/v72/paymentLinks");
  });

  it("does not strip a segment that merely starts with 'checkout'", () => {
    const url = routeAdyenUrl("https://checkout-test.adyen.com/checkoutshopper/v1/x", undefined, SIM);
    expect(url.pathname).toBe("/checkoutshopper/v1/x");
  });

  it("leaves the library's URL alone without a base URL", () => {
    const live = "https://p-checkout-live.adyenpayments.com/checkout/v72/paymentLinks";
    expect(routeAdyenUrl(live, { a: "1" }, undefined).href).toBe(`${live}?a=1`);
  });
});

describe("isAdyenHost", () => {
  it("accepts Adyen domains only", () => {
    expect(isAdyenHost("checkout-test.adyen.com")).toBe(true);
    expect(isAdyenHost("x-checkout-live.adyenpayments.com")).toBe(true);
    expect(isAdyenHost("adyen.com.evil.example")).toBe(false);
    expect(isAdyenHost("evil-adyen.com")).toBe(false);
  });
});
