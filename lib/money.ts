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

/** The currencies with this many decimals, sorted (SQL that converts amounts of mixed currencies). */
export function currenciesWithExponent(exponent: CurrencyExponent): string[] {
  return KNOWN_CURRENCIES.filter((code) => EXPONENTS.get(code) === exponent);
}

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

/** A decimal number as read from text: its sign, integer digits and fraction digits (either may be empty). */
type Decimal = { negative: boolean; integer: string; fraction: string };

/**
 * The one conversion of a decimal to minor units, never rounding: more decimals than the currency has is refused
 * (unless they are zeros: "1.230" EUR is exactly 123), and so is a value a number cannot hold exactly.
 */
function decimalToMinor(
  d: Decimal,
  exponent: number,
): { ok: true; value: number } | { ok: false; too: "decimals" | "large" } {
  if (/[1-9]/.test(d.fraction.slice(exponent))) return { ok: false, too: "decimals" };
  const digits = (d.integer + d.fraction.slice(0, exponent).padEnd(exponent, "0")).replace(/^0+/, "");
  // A length check first keeps BigInt away from absurdly long inputs.
  if (digits.length > 16 || BigInt(digits || "0") > MAX_SAFE) return { ok: false, too: "large" };
  const magnitude = Number(digits || "0");
  return { ok: true, value: d.negative && magnitude !== 0 ? -magnitude : magnitude };
}

/**
 * Converts a decimal string in MAJOR units as machines write it (reports, CSV files: "12.50", ".91", "-3.20",
 * "100") to integer minor units, without ever rounding: a value that needs more decimals than the currency has is
 * refused ("1.234" EUR), while extra trailing zeros are exact and accepted ("1.230" EUR → 123).
 * Thousands separators: "1,234.56" is accepted because a comma before a decimal point in strict
 * groups of three cannot be a decimal comma. "1,234" (no point) is refused: in much of Europe it means
 * 1.234, and guessing would silently misstate money by a factor of 1000. "1.234,56" is refused too.
 * Amounts typed by people in a form go through parseTypedAmount instead, which knows the form's locale.
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
  const minor = decimalToMinor(
    { negative: sign === "-", integer: integerText.replaceAll(",", ""), fraction: fraction ?? "" },
    exponent,
  );
  if (minor.ok) return minor;
  return {
    ok: false,
    reason:
      minor.too === "decimals"
        ? `"${trimmed}" has more than ${exponent} decimals for ${currency}`
        : `"${trimmed}" is too large to be stored exactly`,
  };
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

// ── Amounts typed by people ──────────────────────────────────────────────────────────────────────────────

/** The locales whose way of writing numbers parseTypedAmount knows (the app's locales). */
export type AmountLocale = "en" | "de";

/** Longest amount a form accepts as typed (the fields carry it as maxlength). */
export const MAX_TYPED_AMOUNT_LENGTH = 32;

const MARKS: Record<AmountLocale, { decimal: string; group: string }> = {
  en: { decimal: ".", group: "," },
  de: { decimal: ",", group: "." },
};
// What people put between thousands besides the locale's mark: a space, a no-break space, the narrow no-break
// space German and French typography use (and Intl prints), a thin space.
const SPACES = " \u00a0\u202f\u2009";

/** Why a typed amount was refused: a code with its values, worded by the reader's locale (messages: amount.*). */
export type AmountProblem =
  | { code: "amount.empty" }
  | { code: "amount.invalid" }
  | { code: "amount.ambiguous"; values: { grouped: string; decimal: string } }
  | { code: "amount.decimals"; values: { currency: string; decimals: number } }
  | { code: "amount.tooLarge" }
  | { code: "amount.unknownCurrency"; values: { currency: string } };

export type TypedAmount = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/**
 * Reads the text as one or two decimals: two when it is ambiguous ("1,250" in English: a thousands comma, or a
 * decimal comma as half of Europe writes it), else one. Null when it is no amount at all. Thousands are groups of
 * three after a first group of one to three digits, marked by the locale's mark or spaces (or, before the other
 * mark as decimal separator, by that mark: "1.250,00" in English is still unambiguous); the decimal separator is
 * the locale's, or the other mark where it cannot be a thousands mark ("12,50"). A linear scan, no regex.
 */
function readTyped(text: string, locale: AmountLocale): Decimal[] | null {
  let rest = text;
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("+") || rest.startsWith("\u2212")) {
    negative = !rest.startsWith("+");
    rest = rest.slice(1);
  }
  const runs: string[] = [""];
  const marks: string[] = [];
  for (const ch of rest) {
    if (ch >= "0" && ch <= "9") runs[runs.length - 1] += ch;
    else if (ch === "." || ch === "," || SPACES.includes(ch)) {
      marks.push(SPACES.includes(ch) ? " " : ch);
      runs.push("");
    } else return null;
  }
  const decimal = (integerRuns: string[], fraction: string): Decimal | null =>
    isGrouped(integerRuns) && (integerRuns.join("") !== "" || fraction !== "")
      ? { negative, integer: integerRuns.join(""), fraction }
      : null;
  const last = marks.at(-1);
  if (last === undefined) return runs[0] ? [{ negative, integer: runs[0], fraction: "" }] : null;
  const kinds = new Set(marks);
  const lastIsOnly = marks.indexOf(last) === marks.length - 1;
  // A mark that appears once, after every other kind, is the decimal separator: "1.250,00", "1 250,00", "12,5".
  if (last !== " " && lastIsOnly && (kinds.size === 2 || marks.length === 1)) {
    const integerRuns = runs.slice(0, -1);
    const asDecimal = decimal(integerRuns, runs.at(-1) ?? "");
    if (marks.length > 1 || last === MARKS[locale].decimal) return asDecimal ? [asDecimal] : null;
    // One thousands mark of the locale alone, before three digits: both readings are possible.
    const asGrouped = decimal(runs, "");
    const first = runs[0] ?? "";
    if (asGrouped && first !== "" && (runs[1] ?? "").length === 3)
      return asDecimal ? [asGrouped, asDecimal] : [asGrouped];
    return asDecimal ? [asDecimal] : null;
  }
  // Otherwise every mark groups thousands, and only one kind may do so.
  if (kinds.size !== 1) return null;
  const asGrouped = decimal(runs, "");
  return asGrouped ? [asGrouped] : null;
}

/** Runs of digits between thousands marks: a first of 1-3 digits (no leading zero) and then threes; or one run. */
function isGrouped(runs: string[]): boolean {
  if (runs.length === 1) return true;
  const [first = "", ...others] = runs;
  return first.length >= 1 && first.length <= 3 && !first.startsWith("0") && others.every((r) => r.length === 3);
}

const readingFormats = new Map<string, Intl.NumberFormat>();

/** A reading as the locale writes it, with the currency's decimals ("1,250.00", "1.25"; "1.250,00", "1,25"). */
function formatReading(d: Decimal, exponent: number, locale: AmountLocale): string {
  const key = `${locale}|${exponent}`;
  let formatter = readingFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: Math.min(exponent, 2),
      maximumFractionDigits: exponent,
    });
    readingFormats.set(key, formatter);
  }
  const text = `${d.negative ? "-" : ""}${d.integer || "0"}.${d.fraction.slice(0, exponent) || "0"}`;
  return formatter.format(text as `${number}`);
}

/**
 * An amount typed by a person, in MAJOR units and the form's locale, to minor units of the currency: "1,250.00",
 * "1 250.00" and "12.50" in English, "1.250,00", "1 250,00" and "12,50" in German. An input that reads two ways
 * ("1,250" in English, "1.250" in German) is refused with both readings, never guessed, unless the currency's
 * exponent allows only one ("1,250" yen). More decimals than the currency has is refused, never rounded.
 * `currency: null` reads an amount of any currency (a filter): up to 3 decimals, in thousandths of a major unit.
 */
export function parseTypedAmount(text: string, currency: string | null, locale: AmountLocale): TypedAmount {
  const exponent = currency === null ? 3 : EXPONENTS.get(currency);
  if (exponent === undefined)
    return { ok: false, problem: { code: "amount.unknownCurrency", values: { currency: currency ?? "" } } };
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problem: { code: "amount.empty" } };
  const readings = trimmed.length > MAX_TYPED_AMOUNT_LENGTH ? null : readTyped(trimmed, locale);
  if (!readings) return { ok: false, problem: { code: "amount.invalid" } };
  const results = readings.map((d) => decimalToMinor(d, exponent));
  const fitting = results.filter((r) => r.ok);
  const [grouped, asDecimal] = readings;
  if (fitting.length === 2 && grouped && asDecimal) {
    const values = {
      grouped: formatReading(grouped, exponent, locale),
      decimal: formatReading(asDecimal, exponent, locale),
    };
    return { ok: false, problem: { code: "amount.ambiguous", values } };
  }
  const [one] = fitting;
  if (one?.ok) return one;
  const failed = results[0];
  if (failed && !failed.ok && failed.too === "large") return { ok: false, problem: { code: "amount.tooLarge" } };
  return { ok: false, problem: { code: "amount.decimals", values: { currency: currency ?? "", decimals: exponent } } };
}

/** English wording of a typed-amount problem, for logs and API callers; pages word the code in the reader's locale. */
export function amountProblemText(problem: AmountProblem): string {
  switch (problem.code) {
    case "amount.empty":
      return "is required";
    case "amount.invalid":
      return "must be an amount such as 12.50";
    case "amount.ambiguous":
      return `is ambiguous: did you mean ${problem.values.grouped} or ${problem.values.decimal}?`;
    case "amount.decimals":
      return problem.values.decimals === 0
        ? `${problem.values.currency} has no decimals`
        : `${problem.values.currency} has at most ${problem.values.decimals} decimals`;
    case "amount.tooLarge":
      return "is too large";
    case "amount.unknownCurrency":
      return `unknown currency "${problem.values.currency}"`;
  }
}

function validationError(path: string, message: string): AppError {
  return new AppError("VALIDATION", message, { problems: [{ path, message }] });
}
