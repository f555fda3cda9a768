import { describe, expect, it } from "vitest";
import { passesLuhn, redactBody, redactHeaders, redactJson, redactText, redactUrl } from "@/lib/idempotency/redact";

describe("redaction", () => {
  it.each([
    ["a card number", "paid with 4111111111111111 today", "paid with [card] today"],
    ["a grouped card number", "card 5555 5555 5555 4444.", "card [card]."],
    ["a dashed Amex number", "378282246310005", "[card]"],
    ["an email", "from jane.doe+pos@example.co.uk", "from [email]"],
    ["an encrypted field", "adyenjs_0_1_25$AbC+/=xyz", "[encrypted]"],
    ["a PSP reference (starts with 8)", "8815658961765250", "8815658961765250"],
    ["an epoch-ms time", "1767607200000", "1767607200000"],
    ["16 digits that fail Luhn", "4111111111111112", "4111111111111112"],
    ["a UUID", "0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e"],
  ])("%s", (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("checks Luhn", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
  });

  it("redacts secret fields, nested card data and numbers in JSON", () => {
    const out = redactJson({
      merchantAccount: "ShopEU",
      shopperEmail: "a@b.example",
      paymentMethod: { number: "4111111111111111", cvc: "737", encryptedSecurityCode: "x", holderName: "J Doe" },
      raw: 4111111111111111,
      additionalData: { hmacSignature: "abc" },
    });
    expect(out).toEqual({
      merchantAccount: "ShopEU",
      shopperEmail: "[redacted]",
      paymentMethod: {
        number: "[card]",
        cvc: "[redacted]",
        encryptedSecurityCode: "[redacted]",
        holderName: "[redacted]",
      },
      raw: "[card]",
      additionalData: { hmacSignature: "[redacted]" },
    });
  });

  it("redacts credential headers, URL credentials and sensitive query parameters, and form bodies", () => {
    expect(
      redactHeaders({ "x-api-key": "AQE", authorization: "Basic x", cookie: "s=1", "idempotency-key": "k" }),
    ).toEqual({
      "x-api-key": "[redacted]",
      authorization: "[redacted]",
      cookie: "[redacted]",
      "idempotency-key": "k",
    });
    expect(redactUrl("https://user:pw@h.example/p?shopperEmail=a%40b.example&token=t&page=2")).toBe(
      "https://h.example/p?shopperEmail=[redacted]&token=[redacted]&page=2",
    );
    expect(redactBody("merchantAccount=M&card.number=4111111111111111&card.cvc=737")).toBe(
      "merchantAccount=M&card.number=[redacted]&card.cvc=[redacted]",
    );
  });
});
