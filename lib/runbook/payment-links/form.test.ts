// The Pay by Link form's fields as the server reads them: the amount by the form's locale, problems named by field
// with a code the form words in the reader's language.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { linkInputFromForm } from "@/lib/runbook/payment-links/form";

const now = new Date("2026-11-29T10:00:00.000Z");

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  f.set("storeId", "ST1");
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

function problemOf(fields: Record<string, string>, locale: "en" | "de") {
  try {
    linkInputFromForm(form(fields), now, locale);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details?.problems?.[0];
  }
  throw new Error("accepted");
}

describe("linkInputFromForm", () => {
  it.each([
    ["1,250.00", "EUR", "en", 125000],
    ["1.250,00", "EUR", "de", 125000],
    ["1 250,00", "EUR", "de", 125000],
    ["12,50", "EUR", "de", 1250],
    ["12.50", "EUR", "en", 1250],
    ["1.250", "EUR", "en", 125],
    ["1,250", "EUR", "de", 125],
    ["1,500", "JPY", "en", 1500],
    ["1.234,567", "KWD", "de", 1234567],
  ] as const)("%s %s in %s is %d minor units", (amount, currency, locale, value) => {
    expect(linkInputFromForm(form({ amount, currency }), now, locale).input.amount).toEqual({ value, currency });
  });

  it.each([
    ["1,250", "EUR", "en", { grouped: "1,250.00", decimal: "1.25" }],
    ["1.250", "EUR", "de", { grouped: "1.250,00", decimal: "1,25" }],
    ["1,250", "KWD", "en", { grouped: "1,250.00", decimal: "1.25" }],
  ] as const)("refuses the ambiguous %s %s in %s with both readings", (amount, currency, locale, values) => {
    expect(problemOf({ amount, currency }, locale)).toEqual({
      path: "amount",
      code: "amount.ambiguous",
      values,
      message: `is ambiguous: did you mean ${values.grouped} or ${values.decimal}?`,
    });
  });

  it.each([
    ["12.345", "EUR", "en", "amount.decimals"],
    ["1500,5", "JPY", "de", "amount.decimals"],
    ["0", "EUR", "en", "amount.notPositive"],
    ["-5", "EUR", "de", "amount.notPositive"],
    ["abc", "EUR", "en", "amount.invalid"],
    ["", "EUR", "de", "amount.empty"],
    ["10", "XXX", "en", "amount.unknownCurrency"],
  ] as const)("refuses %j %s in %s with %s", (amount, currency, locale, code) => {
    expect(problemOf({ amount, currency }, locale)).toMatchObject({ code });
  });

  it("refuses more than the currency's maximum, naming the limit in the reader's locale", () => {
    expect(problemOf({ amount: "99999999999", currency: "EUR" }, "en")).toEqual({
      path: "amount",
      code: "amount.aboveMaximum",
      values: { limit: "€100,000.00" },
      message: "must be at most €100,000.00",
    });
    expect(problemOf({ amount: "100.000,01", currency: "EUR" }, "de")).toMatchObject({
      code: "amount.aboveMaximum",
      values: { limit: "100.000,00\u00a0€" },
    });
    expect(linkInputFromForm(form({ amount: "100.000,00", currency: "EUR" }), now, "de").input.amount.value).toBe(
      10_000_000,
    );
  });

  it("passes on what the person confirmed", () => {
    const read = linkInputFromForm(form({ amount: "1.250,00", currency: "EUR", confirmed: "125000 EUR" }), now, "de");
    expect(read.confirmed).toBe("125000 EUR");
  });
});
