import { describe, expect, it } from "vitest";
import { contractErrors, readFixture } from "./contracts";

// Guards the guard: if the validator accepted anything, every contract assertion in sim/ would be worthless.
describe("contract validator", () => {
  it("rejects bodies that break the spec", () => {
    expect(contractErrors("CheckoutService-v72", "ServiceError", { status: "422", unexpected: true })).not.toEqual([]);
    expect(contractErrors("CheckoutService-v72", "PaymentLinkResponse", { id: "PL1" })).not.toEqual([]);
    expect(contractErrors("ManagementService-v3", "Standalone", { enableStandalone: "yes" })).not.toEqual([]);
    // Through the rewritten `nullable` $ref: still checked, and null still allowed.
    expect(
      contractErrors("ManagementService-v3", "TerminalSettings", { standalone: { enableStandalone: "yes" } }),
    ).not.toEqual([]);
    expect(contractErrors("ManagementService-v3", "TerminalSettings", { standalone: null })).toEqual([]);
  });

  it("accepts Adyen's own examples", () => {
    const examples = readFixture("payment-links/openapi-checkout-v72-examples.json") as Record<string, unknown>;
    expect(
      contractErrors("CheckoutService-v72", "PaymentLinkResponse", examples["post-paymentLinks-basic-201"]),
    ).toEqual([]);
    const invalid = readFixture("payment-links/php-payment-links-invalid-422.json");
    expect(contractErrors("CheckoutService-v72", "ServiceError", invalid)).toEqual([]);
  });
});
