// Money is integer minor units plus an ISO 4217 code, with the exponent Adyen uses for that currency.
// Nothing here uses floating-point arithmetic on amounts: conversions go through strings and BigInt.
import { AppError } from "@/lib/errors";

/**
 * Currencies Adyen supports, grouped by the number of decimals Adyen uses.
 * Source: Adyen docs, "Currency codes and minor units" (docs.adyen.com/development-resources/currency-codes),
 * transcribed by hand. Adyen deviates from ISO 4217 for CLP (Adyen 2, ISO 0), ISK (Adyen 2, ISO 0),
 * CVE (Adyen 0, ISO 2) and IDR (Adyen 0, ISO 2). Adyen's value is the one we need, because every amount
 * we exchange with Adyen (API, webhooks, reports) is expressed with it.
 * HRK is kept although Croatia moved to EUR in 2023, so that older reports still parse.
 */
const ZERO_DECIMALS = "CVE DJF GNF IDR JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
const THREE_DECIMALS = "BHD IQD JOD KWD LYD OMR TND";
const TWO_DECIMALS =
  "AED ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BWP BYN BZD CAD CHF CLP CNH CNY " +
  "COP CRC CUP CZK DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF ILS INR ISK " +
  "JMD KES KGS KHR KYD KZT LAK LBP LKR MAD MDL MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
  "NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SEK SGD SHP SLE SLL SOS STN SVC SZL THB TRY TTD TWD " +
  "TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW";

export type CurrencyExponent = 0 | 2 | 3;

const EXPONENTS: ReadonlyMap<string, CurrencyExponent> = new Map([
  ...ZERO_DECIMALS.split(" ").map((code) => [code, 0] as const),
  ...TWO_DECIMALS.split(" ").map((code) => [code, 2] as const),
  ...THREE_DECIMALS.split(" ").map((code) => [code, 3] as const),
]);

/** Every currency code we accept, sorted; for select boxes and documentation. */
export const KNOWN_CURRENCIES: readonly string[] = [...EXPONENTS.keys()].sort();

/** An amount as Adyen's APIs carry it: `value` in minor units. */
export type MinorAmount = { value: number; currency: string };

/** Codes are exact upper-case ISO codes; callers normalise user input before asking. */
export function isKnownCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

export function currencyExponent(code: string): CurrencyExponent {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw validationError("currency", `Unknown currency "${code}".`);
  return exponent;
}

/** Throws unless `value` is an integer that a JavaScript number represents exactly. */
export function assertMinorUnits(value: unknown, field = "amount"): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw validationError(field, `${field} must be a whole number of minor units within ±${Number.MAX_SAFE_INTEGER}.`);
  }
}

/** Adds minor-unit amounts, refusing to go past what a number holds exactly (totals of huge imports). */
export function sumMinor(a: number, b: number): number {
  assertMinorUnits(a);
  assertMinorUnits(b);
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw validationError("amount", "Sum of amounts exceeds the safe integer range.");
  return sum;
}

export type AmountParse = { ok: true; value: number } | { ok: false; reason: string };

// Optional sign, then either plain digits or comma-grouped thousands, then an optional fraction.
const AMOUNT_PATTERN = /^([+-]?)(\d*|\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Converts a decimal string in MAJOR units ("12.50", ".91", "-3.20", "100") to integer minor units,
 * without ever rounding: a value that needs more decimals than the currency has is refused
 * ("1.234" EUR), while extra trailing zeros are exact and accepted ("1.230" EUR → 123).
 * Thousands separators: "1,234.56" is accepted because a comma before a decimal point in strict
 * groups of three cannot be a decimal comma. "1,234" (no point) is refused: in much of Europe it means
 * 1.234, and guessing would silently misstate money by a factor of 1000. "1.234,56" is refused too.
 */
export function tryParseMajorAmount(text: string, currency: string): AmountParse {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) return { ok: false, reason: `unknown currency "${currency}"` };
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "amount is empty" };
  const match = AMOUNT_PATTERN.exec(trimmed);
  const [, sign = "", integerText = "", fraction] = match ?? [];
  const grouped = integerText.includes(",");
  if (!match || (integerText === "" && !fraction) || (grouped && fraction === undefined)) {
    return { ok: false, reason: `"${trimmed}" is not a decimal amount` };
  }
  const fractionText = fraction ?? "";
  if (/[1-9]/.test(fractionText.slice(exponent))) {
    return { ok: false, reason: `"${trimmed}" has more than ${exponent} decimals for ${currency}` };
  }
  const digits = (integerText.replaceAll(",", "") + fractionText.slice(0, exponent).padEnd(exponent, "0")).replace(
    /^0+/,
    "",
  );
  // A length check first keeps BigInt away from absurdly long inputs.
  if (digits.length > 16 || BigInt(digits || "0") > MAX_SAFE) {
    return { ok: false, reason: `"${trimmed}" is too large to be stored exactly` };
  }
  const magnitude = Number(digits || "0");
  return { ok: true, value: sign === "-" && magnitude !== 0 ? -magnitude : magnitude };
}

/** Like tryParseMajorAmount, but throws AppError VALIDATION. */
export function parseMajorAmount(text: string, currency: string): number {
  const parsed = tryParseMajorAmount(text, currency);
  if (!parsed.ok) throw validationError("amount", `Invalid amount: ${parsed.reason}.`);
  return parsed.value;
}

/** Empty or blank cells mean "no amount" (null), not zero: reports leave debit or credit empty. */
export function parseOptionalMajorAmount(text: string | null | undefined, currency: string): number | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  return parseMajorAmount(text, currency);
}

/** Exact decimal text in major units ("-12.50", "1.234", "100"); for exports and display. */
export function minorToMajorString(value: number, currency: string): string {
  assertMinorUnits(value);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(value).toString();
  const sign = value < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Localised display ("€1,234.56", "￥1,234"); the exact decimal string is formatted, never a float. */
export function formatMinor(value: number, currency: string, locale = "en"): string {
  const major = minorToMajorString(value, currency);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    // Adyen's exponent overrides Intl's ISO default (ISK, CLP, IDR, CVE differ).
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(major as `${number}`);
}

function validationError(path: string, message: string): AppError {
  return new AppError("VALIDATION", message, { problems: [{ path, message }] });
}
