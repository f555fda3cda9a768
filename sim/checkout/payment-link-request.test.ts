import { describe, expect, it } from "vitest";
import { readSpec } from "../test-support/contracts";
import { PAYMENT_LINK_REQUEST_FIELDS } from "./payment-link-request";

describe("PaymentLinkRequest field list", () => {
  it("is exactly the property list of Checkout v72 PaymentLinkRequest", () => {
    const spec = readSpec("CheckoutService-v72") as { components: { schemas: Record<string, { properties: object }> } };
    const properties = Object.keys(spec.components.schemas["PaymentLinkRequest"]?.properties ?? {});
    expect([...PAYMENT_LINK_REQUEST_FIELDS].sort()).toEqual(properties.sort());
  });
});
