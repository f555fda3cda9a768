import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  computeHmacSignature,
  hmacSigningString,
  verifyHmacSignature,
  type NotificationItemInput,
} from "@/lib/adyen/hmac";
import { fixture } from "@/lib/adyen/test-support";

function fixtureItem(file: string): NotificationItemInput {
  const body = fixture(`notifications/${file}`) as {
    notificationItems: { NotificationRequestItem: NotificationItemInput }[];
  };
  const item = body.notificationItems[0]?.NotificationRequestItem;
  if (!item) throw new Error(`${file} has no notification item`);
  return item;
}

// Published keys: Adyen/adyen-php-api-library tools/hmac/README.md (also named in the node library's
// tools/hmac/README.md) and Adyen/adyen-dotnet-api-library's HMAC test for notification-response-refund-fail.json.
const TOOLS_README_KEY = "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB";
const DOTNET_TEST_KEY = "66B61474A0AA3736BA8789EDC6D6CD9EBA0C4F414A554E32A407F849C045C69D";
const KEY_A = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
const KEY_B = "FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";

// Computed straight from the spec with node:crypto, independent of the module under test.
function reference(signingString: string, hexKey: string): string {
  return createHmac("sha256", Buffer.from(hexKey, "hex")).update(signingString, "utf8").digest("base64");
}

function signed(item: Record<string, unknown>, key: string): NotificationItemInput {
  return { ...item, additionalData: { hmacSignature: computeHmacSignature(item, key) } };
}

const base = {
  pspReference: "7914073381342284",
  merchantAccountCode: "TestMerchant",
  merchantReference: "TestPayment-1407325143704",
  amount: { value: 1130, currency: "EUR" },
  eventCode: "AUTHORISATION",
  success: "true",
};

describe("hmacSigningString", () => {
  it("joins the eight fields with missing ones as empty strings", () => {
    expect(hmacSigningString(base)).toBe(
      "7914073381342284::TestMerchant:TestPayment-1407325143704:1130:EUR:AUTHORISATION:true",
    );
  });

  it("keeps ':' and '\\' in references verbatim, without escaping", () => {
    const item = { ...base, merchantReference: "order:12\\a/b", originalReference: "orig:1\\" };
    expect(hmacSigningString(item)).toBe(
      "7914073381342284:orig:1\\:TestMerchant:order:12\\a/b:1130:EUR:AUTHORISATION:true",
    );
  });

  it("keeps a leading space", () => {
    expect(hmacSigningString({ ...base, merchantReference: " spaced" })).toContain(": spaced:");
  });

  it("writes amount 0 as 0 and a missing amount as two empty fields", () => {
    expect(hmacSigningString({ ...base, amount: { value: 0, currency: "EUR" } })).toContain(":0:EUR:");
    const { amount: _amount, ...noAmount } = base;
    expect(hmacSigningString(noAmount)).toBe(
      "7914073381342284::TestMerchant:TestPayment-1407325143704:::AUTHORISATION:true",
    );
  });

  it("accepts success as a boolean and reads lower-case keys (real .NET fixture)", () => {
    const item = fixtureItem("dotnet-merchant-webhook-payload.json");
    expect(hmacSigningString(item)).toBe(
      "VZ6GZ9MGQFJSKK65::IKEAMXMX:5908da9e-3be7-4be7-be7f-d645a357dffd:0:EUR:AUTHORISATION:true",
    );
    expect(hmacSigningString({ ...base, success: false })).toMatch(/:false$/);
  });

  it("tolerates a missing merchantReference (real Java fixture)", () => {
    expect(hmacSigningString(fixtureItem("java-cancellation-true.json"))).toBe(
      "8412534564722331:8313547924770610:YOUR_MERCHANT_ACCOUNT::500:EUR:CANCELLATION:true",
    );
  });
});

describe("computeHmacSignature", () => {
  it("matches an independent HMAC-SHA256 over the spec's signing string", () => {
    const item = { ...base, merchantReference: " a:b\\c", amount: { value: 0, currency: "JPY" }, success: true };
    const expected = reference("7914073381342284::TestMerchant: a:b\\c:0:JPY:AUTHORISATION:true", KEY_A);
    expect(computeHmacSignature(item, KEY_A)).toBe(expected);
  });

  it("rejects a key that is not hex", () => {
    expect(() => computeHmacSignature(base, "not-hex")).toThrow();
  });
});

describe("verifyHmacSignature", () => {
  it("accepts a correct signature, including for edge-case items", () => {
    const { amount: _amount, merchantReference: _ref, ...bare } = base;
    for (const item of [base, { ...base, success: true }, { ...base, amount: { value: 0, currency: "EUR" } }, bare]) {
      expect(verifyHmacSignature(signed(item, KEY_A), [KEY_A])).toBe(true);
    }
  });

  it("rejects a wrong key and a tampered field", () => {
    const item = signed(base, KEY_A);
    expect(verifyHmacSignature(item, [KEY_B])).toBe(false);
    expect(verifyHmacSignature({ ...item, amount: { value: 1131, currency: "EUR" } }, [KEY_A])).toBe(false);
  });

  it("supports key rotation: valid when the second key matches", () => {
    expect(verifyHmacSignature(signed(base, KEY_B), [KEY_A, KEY_B])).toBe(true);
    expect(verifyHmacSignature(signed(base, KEY_B), [KEY_A])).toBe(false);
  });

  it("treats garbage, wrong-length and missing signatures as invalid without throwing", () => {
    const garbage = "A".repeat(43) + "=";
    expect(garbage).toHaveLength(44);
    for (const hmacSignature of [garbage, "!!!not base64 at all, but 44 characters!!!!", "short", "", 42, null]) {
      expect(verifyHmacSignature({ ...base, additionalData: { hmacSignature } }, [KEY_A])).toBe(false);
    }
    expect(verifyHmacSignature(base, [KEY_A])).toBe(false);
    expect(verifyHmacSignature(signed(base, KEY_A), [])).toBe(false);
    expect(verifyHmacSignature(signed(base, KEY_A), ["zz", KEY_A])).toBe(true);
  });

  it("validates Adyen's PHP tools payload with the key from that library's README", () => {
    expect(verifyHmacSignature(fixtureItem("php-tools-hmac-payload.json"), [TOOLS_README_KEY])).toBe(true);
  });

  it("does not validate the Node tools payload with the Node README key", () => {
    expect(verifyHmacSignature(fixtureItem("node-tools-hmac-payload.json"), [TOOLS_README_KEY])).toBe(false);
  });

  it("validates the .NET refund-fail payload (escaped slash in merchantReference) with its published test key", () => {
    const item = fixtureItem("dotnet-notification-response-refund-fail.json");
    expect(item["merchantReference"]).toBe("UseqNbr006-orderId006\\/");
    expect(verifyHmacSignature(item, DOTNET_TEST_KEY)).toBe(true);
    expect(verifyHmacSignature(item, [KEY_A])).toBe(false);
  });

  it("rejects the node-* and .NET merchant fixtures, signed with unpublished keys, with any key", () => {
    const files = [
      "authorisationTrue",
      "captureTrue",
      "captureFalse",
      "refundTrue",
      "refundFalse",
      "tools-hmac-payload",
    ].map((n) => `node-${n}.json`);
    for (const file of [...files, "dotnet-merchant-webhook-payload.json"]) {
      expect(verifyHmacSignature(fixtureItem(file), [TOOLS_README_KEY, DOTNET_TEST_KEY, KEY_A, KEY_B]), file).toBe(
        false,
      );
    }
  });
});
