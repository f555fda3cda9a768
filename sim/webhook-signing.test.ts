import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readFixture } from "./test-support/contracts";
import { computeHmacSignature, signingPayload, signNotificationItem, type SignableItem } from "./webhook-signing";

interface FixtureItem extends SignableItem {
  readonly additionalData: Record<string, string>;
}

function firstItem(fixture: unknown): FixtureItem {
  const items = (fixture as { notificationItems: { NotificationRequestItem: FixtureItem }[] }).notificationItems;
  const item = items[0]?.NotificationRequestItem;
  if (!item) throw new Error("fixture has no NotificationRequestItem");
  return item;
}

// Published in Adyen/adyen-php-api-library tools/hmac/README.md as the key for tools/hmac/payload.json.
const PHP_TOOLS_KEY = "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB";

describe("webhook signing", () => {
  it("reproduces the signature Adyen's PHP library ships with its HMAC tool payload", () => {
    const item = firstItem(readFixture("notifications/php-tools-hmac-payload.json"));
    expect(computeHmacSignature(item, PHP_TOOLS_KEY)).toBe(item.additionalData["hmacSignature"]);
  });

  it("does not reproduce the node-library copy whose signature is known not to validate", () => {
    const item = firstItem(readFixture("notifications/node-tools-hmac-payload.json"));
    expect(computeHmacSignature(item, PHP_TOOLS_KEY)).not.toBe(item.additionalData["hmacSignature"]);
  });

  it("signs the colon-joined fields with the hex-decoded key, missing fields as empty strings", () => {
    const key = "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9";
    const item: SignableItem = {
      pspReference: "QFQTPCQ8HXSKGK82",
      merchantAccountCode: "DemoMerchantPOS",
      merchantReference: "",
      amount: { value: 1250, currency: "EUR" },
      eventCode: "AUTHORISATION",
      success: "true",
    };
    const payload = "QFQTPCQ8HXSKGK82::DemoMerchantPOS::1250:EUR:AUTHORISATION:true";
    expect(signingPayload(item)).toBe(payload);
    const independent = createHmac("sha256", Buffer.from(key, "hex")).update(payload).digest("base64");
    expect(computeHmacSignature(item, key)).toBe(independent);
    // A different key must give a different signature, so the check cannot pass by accident.
    expect(computeHmacSignature(item, key.replace("0A", "0B"))).not.toBe(independent);
  });

  it("keeps existing additionalData and adds hmacSignature", () => {
    const key = "00FF";
    const signed = signNotificationItem({ pspReference: "P1", additionalData: { paymentLinkId: "PL1" } }, key);
    expect(signed.additionalData).toEqual({
      paymentLinkId: "PL1",
      hmacSignature: computeHmacSignature({ pspReference: "P1" }, key),
    });
  });
});
