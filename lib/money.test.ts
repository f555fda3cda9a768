import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  KNOWN_CURRENCIES,
  amountProblemText,
  assertMinorUnits,
  currencyExponent,
  formatMinor,
  isKnownCurrency,
  minorToMajorString,
  parseMajorAmount,
  parseOptionalMajorAmount,
  parseTypedAmount,
  sumMinor,
  tryParseMajorAmount,
  type AmountProblem,
} from "@/lib/money";

describe("currencyExponent", () => {
  it("uses Adyen's decimals, including where Adyen differs from ISO 4217", () => {
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KRW")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("BHD")).toBe(3);
    expect(currencyExponent("IDR")).toBe(0);
    expect(currencyExponent("CVE")).toBe(0);
    expect(currencyExponent("ISK")).toBe(2);
    expect(currencyExponent("CLP")).toBe(2);
  });

  it("throws a VALIDATION AppError for unknown or non-normalised codes", () => {
    expect(() => currencyExponent("XXX")).toThrow(AppError);
    expect(() => currencyExponent("eur")).toThrow(/Unknown currency/);
    try {
      currencyExponent("ABC");
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("VALIDATION");
    }
  });

  it("has a consistent table", () => {
    expect(new Set(KNOWN_CURRENCIES).size).toBe(KNOWN_CURRENCIES.length);
    expect(KNOWN_CURRENCIES.length).toBeGreaterThan(130);
    for (const code of KNOWN_CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(isKnownCurrency("USD")).toBe(true);
    expect(isKnownCurrency("US")).toBe(false);
  });
});

describe("parseMajorAmount", () => {
  it.each([
    ["12", "EUR", 1200],
    ["12.5", "EUR", 1250],
    ["12.50", "EUR", 1250],
    [".91", "EUR", 91],
    ["0.05", "EUR", 5],
    ["-3.20", "EUR", -320],
    ["+3.2", "EUR", 320],
    ["  7.00 ", "EUR", 700],
    ["12.", "EUR", 1200],
    ["1,234.56", "EUR", 123456],
    ["1,234,567.00", "USD", 123456700],
    ["1.230", "EUR", 123],
    ["100", "JPY", 100],
    ["100.00", "JPY", 100],
    ["-5", "JPY", -5],
    ["1.234", "KWD", 1234],
    ["0.5", "KWD", 500],
    ["-0.001", "BHD", -1],
    ["-0", "EUR", 0],
    ["90071992547409.91", "EUR", Number.MAX_SAFE_INTEGER],
    ["9007199254740991", "JPY", Number.MAX_SAFE_INTEGER],
    ["-9007199254740.991", "KWD", -Number.MAX_SAFE_INTEGER],
  ])("%s %s → %d", (text, currency, expected) => {
    expect(parseMajorAmount(text, currency)).toBe(expected);
  });

  it("never returns negative zero", () => {
    expect(Object.is(parseMajorAmount("-0.00", "EUR"), 0)).toBe(true);
  });

  it("refuses to round: more decimals than the currency has", () => {
    expect(() => parseMajorAmount("1.234", "EUR")).toThrow(/more than 2 decimals for EUR/);
    expect(() => parseMajorAmount("100.5", "JPY")).toThrow(/more than 0 decimals/);
    expect(() => parseMajorAmount("1.2345", "KWD")).toThrow(/more than 3 decimals/);
    expect(() => parseMajorAmount("0.001", "EUR")).toThrow(AppError);
  });

  it.each([
    "",
    " ",
    ".",
    "-",
    "abc",
    "1e3",
    "12,5",
    "1,234",
    "1.234,56",
    "1,23.00",
    "12 000.00",
    "€12",
    "NaN",
    "Infinity",
    "--1",
    "1.2.3",
    "0x10",
  ])("rejects %j", (text) => {
    expect(tryParseMajorAmount(text, "EUR").ok).toBe(false);
    expect(() => parseMajorAmount(text, "EUR")).toThrow(AppError);
  });

  it("rejects values beyond the safe integer range instead of losing precision", () => {
    expect(() => parseMajorAmount("90071992547409.92", "EUR")).toThrow(/too large/);
    expect(() => parseMajorAmount("9007199254740992", "JPY")).toThrow(/too large/);
    expect(() => parseMajorAmount("1" + "0".repeat(400), "EUR")).toThrow(/too large/);
  });

  it("rejects unknown currencies", () => {
    expect(tryParseMajorAmount("1.00", "XYZ")).toEqual({ ok: false, reason: 'unknown currency "XYZ"' });
  });
});

describe("parseOptionalMajorAmount", () => {
  it("maps empty cells to null and parses the rest", () => {
    expect(parseOptionalMajorAmount("", "EUR")).toBeNull();
    expect(parseOptionalMajorAmount("   ", "EUR")).toBeNull();
    expect(parseOptionalMajorAmount(undefined, "EUR")).toBeNull();
    expect(parseOptionalMajorAmount(null, "EUR")).toBeNull();
    expect(parseOptionalMajorAmount("0", "EUR")).toBe(0);
    expect(() => parseOptionalMajorAmount("x", "EUR")).toThrow(AppError);
  });
});

describe("assertMinorUnits and sumMinor", () => {
  it("accepts safe integers only", () => {
    expect(() => assertMinorUnits(0)).not.toThrow();
    expect(() => assertMinorUnits(-Number.MAX_SAFE_INTEGER)).not.toThrow();
    for (const bad of [1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, "12", null]) {
      expect(() => assertMinorUnits(bad)).toThrow(AppError);
    }
  });

  it("adds without leaving the safe range", () => {
    expect(sumMinor(1, 2)).toBe(3);
    expect(() => sumMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(/safe integer range/);
  });
});

describe("minorToMajorString and formatMinor", () => {
  it("renders exact decimals for every exponent", () => {
    expect(minorToMajorString(5, "EUR")).toBe("0.05");
    expect(minorToMajorString(-320, "EUR")).toBe("-3.20");
    expect(minorToMajorString(100, "JPY")).toBe("100");
    expect(minorToMajorString(1234, "KWD")).toBe("1.234");
    expect(minorToMajorString(1, "KWD")).toBe("0.001");
    expect(minorToMajorString(Number.MAX_SAFE_INTEGER, "EUR")).toBe("90071992547409.91");
  });

  it("round-trips with parseMajorAmount", () => {
    for (const [value, currency] of [
      [123456, "EUR"],
      [-7, "KWD"],
      [99, "JPY"],
      [Number.MAX_SAFE_INTEGER, "BHD"],
    ] as const) {
      expect(parseMajorAmount(minorToMajorString(value, currency), currency)).toBe(value);
    }
  });

  it("formats with the currency's own fraction digits and no float drift", () => {
    expect(formatMinor(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatMinor(1234, "JPY", "en")).toBe("¥1,234");
    expect(formatMinor(1234, "KWD", "en")).toMatch(/KWD\s?1\.234/);
    expect(formatMinor(-5, "EUR", "en")).toBe("-€0.05");
    expect(formatMinor(Number.MAX_SAFE_INTEGER, "EUR", "en")).toBe("€90,071,992,547,409.91");
    expect(formatMinor(123456, "EUR", "de-DE")).toMatch(/^1\.234,56\s€$/);
  });

  it("rejects fractional minor units and unknown currencies", () => {
    expect(() => formatMinor(1.5, "EUR")).toThrow(AppError);
    expect(() => formatMinor(1, "XYZ")).toThrow(AppError);
  });
});

describe("parseTypedAmount: amounts as people type them, by the form's locale", () => {
  type Expect = number | AmountProblem["code"] | [grouped: string, decimal: string];
  // [typed, currency, English reading, German reading]
  const table: [string, string, Expect, Expect][] = [
    ["12", "EUR", 1200, 1200],
    ["12.50", "EUR", 1250, 1250],
    ["12,50", "EUR", 1250, 1250],
    ["1,250.00", "EUR", 125000, 125000],
    ["1.250,00", "EUR", 125000, 125000],
    ["1 250,00", "EUR", 125000, 125000],
    ["1 250.00", "EUR", 125000, 125000],
    ["1\u202f250,00", "EUR", 125000, 125000],
    ["1\u00a0250,00", "EUR", 125000, 125000],
    ["1,250", "EUR", ["1,250.00", "1.25"], 125],
    ["1.250", "EUR", 125, ["1.250,00", "1,25"]],
    ["1,250,000", "EUR", 125000000, 125000000],
    ["1.250.000", "EUR", 125000000, 125000000],
    ["1,250,000.50", "EUR", 125000050, 125000050],
    ["1.250.000,50", "EUR", 125000050, 125000050],
    ["0,250", "EUR", 25, 25],
    [".5", "EUR", 50, 50],
    [",5", "EUR", 50, 50],
    ["12.", "EUR", 1200, 1200],
    ["12.345", "EUR", "amount.decimals", 1234500],
    ["12,345", "EUR", 1234500, "amount.decimals"],
    ["1234,567", "EUR", "amount.decimals", "amount.decimals"],
    ["1,2,3", "EUR", "amount.invalid", "amount.invalid"],
    ["1,,250", "EUR", "amount.invalid", "amount.invalid"],
    ["1.250,000.00", "EUR", "amount.invalid", "amount.invalid"],
    ["12 50", "EUR", "amount.invalid", "amount.invalid"],
    ["1e3", "EUR", "amount.invalid", "amount.invalid"],
    ["€12", "EUR", "amount.invalid", "amount.invalid"],
    ["", "EUR", "amount.empty", "amount.empty"],
    ["  ", "EUR", "amount.empty", "amount.empty"],
    ["-3,20", "EUR", -320, -320],
    ["99999999999999999", "EUR", "amount.tooLarge", "amount.tooLarge"],
    ["1".repeat(40), "EUR", "amount.invalid", "amount.invalid"],
    // JPY has no decimals: a reading that needs some is no reading, so "1,250" yen is unambiguous.
    ["1500", "JPY", 1500, 1500],
    ["1,250", "JPY", 1250, "amount.decimals"],
    ["1.250", "JPY", "amount.decimals", 1250],
    ["1,000", "JPY", ["1,000", "1"], 1],
    ["1.000", "JPY", 1, ["1.000", "1"]],
    ["1500.5", "JPY", "amount.decimals", "amount.decimals"],
    ["1500,5", "JPY", "amount.decimals", "amount.decimals"],
    ["1 500", "JPY", 1500, 1500],
    // KWD has three: both readings of "1,250" fit, so it is refused in English.
    ["1,250", "KWD", ["1,250.00", "1.25"], 1250],
    ["1.250", "KWD", 1250, ["1.250,00", "1,25"]],
    ["1.2345", "KWD", "amount.decimals", "amount.decimals"],
    ["1,234.567", "KWD", 1234567, 1234567],
    ["1.234,567", "KWD", 1234567, 1234567],
  ];
  const expected = (e: Expect) =>
    typeof e === "number"
      ? { ok: true, value: e }
      : Array.isArray(e)
        ? { ok: false, problem: { code: "amount.ambiguous", values: { grouped: e[0], decimal: e[1] } } }
        : { ok: false, problem: expect.objectContaining({ code: e }) };
  it.each(table)("%j %s", (typed, currency, en, de) => {
    expect(parseTypedAmount(typed, currency, "en"), "en").toEqual(expected(en));
    expect(parseTypedAmount(typed, currency, "de"), "de").toEqual(expected(de));
  });

  it("names both readings as the locale writes them", () => {
    const en = parseTypedAmount("1,250", "EUR", "en");
    expect(en.ok ? "" : amountProblemText(en.problem)).toBe("is ambiguous: did you mean 1,250.00 or 1.25?");
    expect(parseTypedAmount("1.250", "EUR", "de")).toEqual({
      ok: false,
      problem: { code: "amount.ambiguous", values: { grouped: "1.250,00", decimal: "1,25" } },
    });
  });

  it("says how many decimals the currency has", () => {
    expect(parseTypedAmount("12.345", "EUR", "en")).toEqual({
      ok: false,
      problem: { code: "amount.decimals", values: { currency: "EUR", decimals: 2 } },
    });
    expect(parseTypedAmount("1500,5", "JPY", "de")).toEqual({
      ok: false,
      problem: { code: "amount.decimals", values: { currency: "JPY", decimals: 0 } },
    });
  });

  it("reads any currency's amount in thousandths when no currency is given (filters)", () => {
    expect(parseTypedAmount("12.50", null, "en")).toEqual({ ok: true, value: 12500 });
    expect(parseTypedAmount("12,5", null, "de")).toEqual({ ok: true, value: 12500 });
    expect(parseTypedAmount("1.234", null, "en")).toEqual({ ok: true, value: 1234 });
    expect(parseTypedAmount("1.2345", null, "en")).toMatchObject({ ok: false, problem: { code: "amount.decimals" } });
    expect(parseTypedAmount("1.250", null, "de")).toMatchObject({ ok: false, problem: { code: "amount.ambiguous" } });
  });

  it("refuses unknown currencies", () => {
    expect(parseTypedAmount("1", "XYZ", "en")).toEqual({
      ok: false,
      problem: { code: "amount.unknownCurrency", values: { currency: "XYZ" } },
    });
  });
});
