// How much a payment link or a standalone receipt may carry, and above which a form first shows the amount in words
// and figures to be confirmed: per currency, configured in major units (AMOUNT_MAX, AMOUNT_CONFIRM_ABOVE).
import { env, type AmountsByCurrency } from "@/lib/env";
import type { FieldProblem } from "@/lib/errors";
import { formatMinor, parseMajorAmount, type AmountLocale, type MinorAmount } from "@/lib/money";

function limitFor(amounts: AmountsByCurrency, currency: string): number {
  return parseMajorAmount(amounts.byCurrency[currency] ?? amounts.default, currency);
}

/** The largest amount accepted for links and receipts in this currency, in minor units. */
export function maximumAmount(currency: string): number {
  return limitFor(env().AMOUNT_MAX, currency);
}

/**
 * A problem naming the limit when the amount is above the currency's maximum; null otherwise. `locale` writes the
 * limit the way the reader reads money (forms); API callers get it in English.
 */
export function aboveMaximum(amount: MinorAmount, path: string, locale: AmountLocale = "en"): FieldProblem | null {
  const max = maximumAmount(amount.currency);
  if (amount.value <= max) return null;
  const limit = formatMinor(max, amount.currency, locale);
  return {
    path,
    message: `must be at most ${formatMinor(max, amount.currency, "en")}`,
    code: "amount.aboveMaximum",
    values: { limit },
  };
}

/** What a form asks for before it sends a large amount: that exact amount confirmed, by sending `token` back. */
export type AmountToConfirm = { kind: "confirm"; amount: MinorAmount; token: string };

/**
 * The confirmation still needed for this amount: above the currency's threshold, and this very amount (not one typed
 * before it was changed) not yet confirmed. Null when the amount may go ahead.
 */
export function confirmationNeeded(amount: MinorAmount, confirmed: string | null | undefined): AmountToConfirm | null {
  const token = `${amount.value} ${amount.currency}`;
  if (amount.value <= limitFor(env().AMOUNT_CONFIRM_ABOVE, amount.currency) || confirmed === token) return null;
  return { kind: "confirm", amount, token };
}
