import { describe, expect, it } from "vitest";
import { amountInWords, numberInWords } from "@/lib/money-words";

describe("numberInWords", () => {
  it.each([
    [0, "zero", "null"],
    [1, "one", "eins"],
    [16, "sixteen", "sechzehn"],
    [21, "twenty-one", "einundzwanzig"],
    [30, "thirty", "dreißig"],
    [101, "one hundred one", "einhunderteins"],
    [999, "nine hundred ninety-nine", "neunhundertneunundneunzig"],
    [1000, "one thousand", "eintausend"],
    [1250, "one thousand two hundred fifty", "eintausendzweihundertfünfzig"],
    [12500, "twelve thousand five hundred", "zwölftausendfünfhundert"],
    [100000, "one hundred thousand", "einhunderttausend"],
    [101000, "one hundred one thousand", "einhunderteintausend"],
    [1000001, "one million one", "eine Million eins"],
    [2300000, "two million three hundred thousand", "zwei Millionen dreihunderttausend"],
    [1000000000, "one billion", "eine Milliarde"],
    [
      999999999999999,
      "nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine",
      "neunhundertneunundneunzig Billionen neunhundertneunundneunzig Milliarden neunhundertneunundneunzig Millionen neunhundertneunundneunzigtausendneunhundertneunundneunzig",
    ],
  ])("%d", (n, en, de) => {
    expect(numberInWords(n, "en")).toBe(en);
    expect(numberInWords(n, "de")).toBe(de);
  });

  it("refuses what it cannot write", () => {
    expect(() => numberInWords(-1, "en")).toThrow(RangeError);
    expect(() => numberInWords(1.5, "de")).toThrow(RangeError);
    expect(() => numberInWords(1e15, "en")).toThrow(RangeError);
  });
});

describe("amountInWords", () => {
  it("gives the whole units in words, the currency's name and the cents as a fraction", () => {
    expect(amountInWords({ value: 1250050, currency: "EUR" }, "en")).toEqual({
      whole: "twelve thousand five hundred",
      currency: "euros",
      fraction: "50/100",
    });
    expect(amountInWords({ value: 125000, currency: "EUR" }, "de")).toEqual({
      whole: "eintausendzweihundertfünfzig",
      currency: "Euro",
      fraction: null,
    });
    expect(amountInWords({ value: 150000, currency: "JPY" }, "en")).toMatchObject({
      whole: "one hundred fifty thousand",
      fraction: null,
    });
    expect(amountInWords({ value: 2000500, currency: "KWD" }, "en")).toMatchObject({
      whole: "two thousand",
      fraction: "500/1000",
    });
  });
});
