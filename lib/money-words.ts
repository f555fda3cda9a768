// Whole numbers in words, as on a cheque ("twelve thousand five hundred", "zwölftausendfünfhundert"), so a person
// confirming a large amount reads it a second way. The locale is the reader's, given by the caller.
import { currencyExponent, minorToMajorString, type AmountLocale, type MinorAmount } from "@/lib/money";

const EN_SMALL = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]; // prettier-ignore
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["", "thousand", "million", "billion", "trillion"];

const DE_SMALL = [
  "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
  "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
]; // prettier-ignore
const DE_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"];
// Above a thousand German counts in separate, feminine nouns: "eine Million", "zwei Millionen".
const DE_SCALES: [one: string, many: string][] = [
  ["Million", "Millionen"],
  ["Milliarde", "Milliarden"],
  ["Billion", "Billionen"],
];

function enBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tens =
    rest < 20 ? EN_SMALL[rest] : `${EN_TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${EN_SMALL[rest % 10]}` : ""}`;
  if (hundreds === 0) return tens ?? "";
  return `${EN_SMALL[hundreds]} hundred${rest ? ` ${tens}` : ""}`;
}

function deBelowHundred(n: number): string {
  if (n < 20) return DE_SMALL[n] ?? "";
  const unit = n % 10;
  const tens = DE_TENS[Math.floor(n / 10)] ?? "";
  return unit === 0 ? tens : `${unit === 1 ? "ein" : DE_SMALL[unit]}und${tens}`;
}

function deBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 0 ? "" : `${hundreds === 1 ? "ein" : DE_SMALL[hundreds]}hundert`;
  return rest === 0 && hundreds > 0 ? head : head + deBelowHundred(rest);
}

/** Groups of three digits, lowest first: 12500 → [500, 12]. */
function groupsOf(n: number): number[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  return groups;
}

function inEnglish(n: number): string {
  const parts = groupsOf(n)
    .map((g, i) => (g === 0 ? "" : `${enBelowThousand(g)}${EN_SCALES[i] ? ` ${EN_SCALES[i]}` : ""}`))
    .filter(Boolean);
  return parts.reverse().join(" ");
}

function inGerman(n: number): string {
  const groups = groupsOf(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 2; i--) {
    const g = groups[i] ?? 0;
    const [one, many] = DE_SCALES[i - 2] ?? ["", ""];
    if (g === 1) words.push(`eine ${one}`);
    else if (g > 1) words.push(`${deBelowThousand(g)} ${many}`);
  }
  const thousands = groups[1] ?? 0;
  const below = groups[0] ?? 0;
  // "eintausend", "hunderteintausend": a count before "tausend" ends in "ein", not "eins".
  const head = thousands === 0 ? "" : `${deBelowThousand(thousands).replace(/eins$/, "ein")}tausend`;
  const tail = below === 0 ? "" : deBelowThousand(below);
  if (head || tail) words.push(head + tail);
  return words.join(" ");
}

/** A whole number from 0 up to a quadrillion less one, in words of the locale. */
export function numberInWords(n: number, locale: AmountLocale): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`cannot write ${n} in words`);
  if (n === 0) return locale === "de" ? (DE_SMALL[0] ?? "") : (EN_SMALL[0] ?? "");
  return locale === "de" ? inGerman(n) : inEnglish(n);
}

export type AmountWords = { whole: string; currency: string; fraction: string | null };

/**
 * An amount's parts for "twelve thousand five hundred euros and 50/100": the whole major units in words, the
 * currency's name as the locale writes it for that amount (Intl), and the minor units as a fraction when not zero.
 */
export function amountInWords(amount: MinorAmount, locale: AmountLocale): AmountWords {
  const exponent = currencyExponent(amount.currency);
  const major = minorToMajorString(Math.abs(amount.value), amount.currency);
  const [whole = "0", minor = ""] = major.split(".");
  const name =
    new Intl.NumberFormat(locale, { style: "currency", currency: amount.currency, currencyDisplay: "name" })
      .formatToParts(major as `${number}`)
      .find((part) => part.type === "currency")?.value ?? amount.currency;
  return {
    whole: numberInWords(Number(whole), locale),
    currency: name,
    fraction: exponent > 0 && /[1-9]/.test(minor) ? `${minor}/${10 ** exponent}` : null,
  };
}
