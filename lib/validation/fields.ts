// Field schemas shared by the API, CSV imports and forms, so every edge applies the same rules.
import { z } from "zod";
import { isKnownCurrency } from "@/lib/money";

const requiredError = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? "is required" : `must be ${what}`;

// Forms send "" for an untouched optional input and JSON clients may send null: both mean "not given".
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

// Control characters are never part of a reference or a name; NUL cannot even be stored in PostgreSQL text (it would
// fail the whole write as a server error instead of being reported as a bad field).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const NO_CONTROL = "must not contain control characters";

/** Required text, trimmed, with a length range. */
export function requiredText(max: number, min = 1) {
  return z
    .string({ error: requiredError("text") })
    .trim()
    .min(min, min === 1 ? "must not be empty" : `must have at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), NO_CONTROL);
}

/** Optional text, trimmed; blank or null counts as absent. */
export function optionalText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: "must be text" })
      .trim()
      .max(max, `must be at most ${max} characters`)
      .refine((v) => !CONTROL.test(v), NO_CONTROL)
      .optional(),
  );
}

/** Optional text that must match a pattern once trimmed; blank or null counts as absent. */
export function optionalPattern(
  pattern: RegExp,
  message: string,
  transform: (value: string) => string = (value) => value,
) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: "must be text" }).trim().regex(pattern, message).transform(transform).optional(),
  );
}

/** ISO 4217 code Adyen supports; case and surrounding spaces are forgiven ("eur" → "EUR"). */
export const currencyCodeSchema = z
  .string({ error: requiredError("a currency code") })
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, { error: (issue) => `unknown currency "${String(issue.input)}"` });

/** Integer minor units (cents for EUR, yen for JPY): never negative, never fractional, exactly representable. */
export const minorUnitsSchema = z
  .number({ error: requiredError("a number of minor units") })
  .int("must be a whole number of minor units (e.g. 1250 for EUR 12.50)")
  .min(0, "must not be negative");

/** An amount as Adyen's APIs carry it. */
export const amountSchema = z.object(
  { value: minorUnitsSchema, currency: currencyCodeSchema },
  { error: requiredError("an object with value and currency") },
);

/**
 * A moment in time in ISO 8601 with an explicit offset or Z ("2024-03-14T10:21:03+01:00").
 * A local time without zone is refused: stores span time zones and matching compares instants.
 */
export const zonedTimestampSchema = z.iso
  .datetime({
    offset: true,
    error: (issue) =>
      issue.input === undefined
        ? "is required"
        : "must be an ISO 8601 timestamp with a time zone offset or Z, e.g. 2024-03-14T10:21:03+01:00",
  })
  .transform((text) => new Date(text));

/** Adyen PSP reference: 16 letters or digits; stored upper-case because Adyen issues it that way. */
export const PSP_REFERENCE_PATTERN = /^[A-Z0-9]{16}$/i;
