import { describe, expect, it } from "vitest";
import { receiptWarnings, standaloneReceiptSchema } from "@/lib/validation/standalone-receipt";

const receipt = {
  storeId: "store-ams-01",
  amount: { value: 1500, currency: "JPY" },
  transactedAt: "2024-03-14T10:21:03+09:00",
};

function issues(input: unknown): Record<string, string> {
  const result = standaloneReceiptSchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("standaloneReceiptSchema", () => {
  it("accepts a minimal receipt and normalises optional fields", () => {
    const parsed = standaloneReceiptSchema.parse({
      ...receipt,
      pspReference: " qfqtpcq8hxskgk82 ",
      cardLast4: "",
      authCode: null,
      cardBrand: " visa ",
    });
    expect(parsed).toEqual({
      storeId: "store-ams-01",
      amount: { value: 1500, currency: "JPY" },
      transactedAt: new Date("2024-03-14T01:21:03Z"),
      pspReference: "QFQTPCQ8HXSKGK82",
      cardBrand: "visa",
    });
  });

  it.each([
    [{ pspReference: "123456789012345" }, "pspReference"],
    [{ pspReference: "12345678901234567" }, "pspReference"],
    [{ pspReference: "8815-22222222222" }, "pspReference"],
    [{ cardLast4: "123" }, "cardLast4"],
    [{ cardLast4: "12345" }, "cardLast4"],
    [{ cardLast4: "12a4" }, "cardLast4"],
    [{ authCode: "12 34" }, "authCode"],
    [{ transactedAt: "2024-03-14T10:21:03" }, "transactedAt"],
    [{ amount: { value: -100, currency: "JPY" } }, "amount.value"],
    [{ amount: { value: 1.5, currency: "EUR" } }, "amount.value"],
    [{ storeId: "" }, "storeId"],
    [{ tenderReference: "x".repeat(65) }, "tenderReference"],
  ])("rejects %j", (change, path) => {
    expect(Object.keys(issues({ ...receipt, ...change }))).toEqual([path]);
  });

  it("accepts every documented optional field", () => {
    expect(
      issues({
        ...receipt,
        terminalId: "V400m-324688179",
        pspReference: "8815222222222222",
        tenderReference: "BTGY001234567890",
        cardBrand: "mc",
        cardLast4: "0004",
        authCode: "A1B2C3",
      }),
    ).toEqual({});
  });
});

describe("receiptWarnings", () => {
  it("recommends, without requiring, a PSP or tender reference", () => {
    expect(receiptWarnings({})).toEqual([
      { path: "pspReference", message: expect.stringMatching(/PSP reference or the tender reference/) },
    ]);
    expect(receiptWarnings({ pspReference: "8815222222222222" })).toEqual([]);
    expect(receiptWarnings({ tenderReference: "T1" })).toEqual([]);
    expect(standaloneReceiptSchema.safeParse(receipt).success).toBe(true);
  });
});
