import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { MAX_EXPIRY_MS, paymentLinkInputSchema, resolveExpiry } from "@/lib/runbook/payment-links/schemas";

describe("expiry rules", () => {
  const now = new Date("2026-11-29T10:00:00.000Z");
  it("defaults to 24 hours", () => {
    expect(resolveExpiry(undefined, now).toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });
  it("accepts up to 70 days, to the second", () => {
    expect(resolveExpiry(new Date(now.getTime() + MAX_EXPIRY_MS), now).getTime()).toBe(now.getTime() + MAX_EXPIRY_MS);
    expect(resolveExpiry(new Date("2026-11-29T12:00:00.750Z"), now).toISOString()).toBe("2026-11-29T12:00:00.000Z");
  });
  it.each([
    ["in the past", new Date("2026-11-29T09:00:00Z"), /at least 5 minutes/],
    ["too soon to be paid", new Date("2026-11-29T10:01:00Z"), /at least 5 minutes/],
    ["past 70 days", new Date(now.getTime() + MAX_EXPIRY_MS + 1000), /at most 70 days/],
  ])("refuses an expiry %s, naming the field", (_name, at, message) => {
    try {
      resolveExpiry(at, now);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ZodError);
      expect((err as ZodError).issues[0]).toMatchObject({
        path: ["expiresAt"],
        message: expect.stringMatching(message),
      });
    }
  });
});

describe("payment link input", () => {
  const valid = { storeId: "ST1", reference: "POS-1", amount: { value: 1250, currency: "eur" } };
  it("normalises the currency and keeps optional fields optional", () => {
    expect(paymentLinkInputSchema.parse({ ...valid, description: "", shopperLocale: null })).toEqual({
      storeId: "ST1",
      reference: "POS-1",
      amount: { value: 1250, currency: "EUR" },
    });
  });
  it.each([
    ["amount.value", { amount: { value: 0, currency: "EUR" } }],
    ["amount.value", { amount: { value: -1, currency: "EUR" } }],
    ["amount.value", { amount: { value: 12.5, currency: "EUR" } }],
    ["amount.currency", { amount: { value: 100, currency: "ABC" } }],
    ["reference", { reference: "x".repeat(81) }],
    ["reference", { reference: " " }],
    ["expiresAt", { expiresAt: "2026-11-29T10:00:00" }],
    ["shopperLocale", { shopperLocale: "German" }],
    ["description", { description: "d".repeat(281) }],
  ])("names the field %s", (field, over) => {
    const result = paymentLinkInputSchema.safeParse({ ...valid, ...over });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(field);
  });
});
