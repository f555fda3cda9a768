// What a payment link request may contain, shared by the API, the form and the creation service. Amounts are minor
// units everywhere except the form, which takes major units (lib/validation/form-amount.ts).
import { z } from "zod";
import { currencyCodeSchema, optionalText, requiredText } from "@/lib/validation/fields";
import { MAX_DESCRIPTION_LENGTH, MAX_REFERENCE_LENGTH } from "@/lib/runbook/payment-links/limits";

export { MAX_DESCRIPTION_LENGTH, MAX_REFERENCE_LENGTH };

/** Adyen: "If not provided, the payment link expires 24 hours after it was created." */
export const DEFAULT_EXPIRY_MS = 24 * 60 * 60 * 1000;
/** Adyen: "The maximum expiry date is 70 days after the payment link is created." */
export const MAX_EXPIRY_MS = 70 * 24 * 60 * 60 * 1000;
/**
 * A link must stay open long enough to be paid and for a retry after a timeout to still be accepted by Adyen
 * (which refuses an expiry in the past), so the earliest expiry is a few minutes out.
 */
export const MIN_EXPIRY_MS = 5 * 60 * 1000;

export const LINK_STATUSES = [
  "creating",
  "active",
  "paymentPending",
  "completed",
  "paid",
  "expired",
  "failed",
] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
/**
 * The status filter as people choose from it: Adyen's `completed` and `paid` both mean the customer paid, so they
 * are one choice ("Paid"), sent as both (the filter takes a comma-separated list).
 */
export const LINK_STATUS_FILTERS: readonly { value: string; label: LinkStatus }[] = LINK_STATUSES.filter(
  (s) => s !== "completed",
).map((s) => ({ value: s === "paid" ? "completed,paid" : s, label: s }));

/** Statuses in which a link can still be paid (or may become payable): they are polled and shown live. */
export const OPEN_STATUSES: readonly LinkStatus[] = ["creating", "active", "paymentPending"];

const shopperLocale = z.preprocess(
  (v) => (v === null || v === "" ? undefined : v),
  z
    .string({ error: "must be text" })
    .trim()
    .regex(/^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/, "must be a language and country code such as de-DE or en-GB")
    .max(32)
    .optional(),
);

const expiresAt = z.preprocess(
  (v) => (v === null || v === "" ? undefined : v),
  z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 timestamp with a time zone offset or Z" })
    .transform((text) => new Date(text))
    .optional(),
);

/** Body of POST /api/v1/payment-links (and the input of createPaymentLink). */
export const paymentLinkInputSchema = z.object({
  storeId: requiredText(64),
  reference: requiredText(MAX_REFERENCE_LENGTH),
  amount: z.object(
    {
      value: z
        .number({ error: "must be a number of minor units" })
        .int("must be a whole number of minor units (e.g. 1250 for EUR 12.50)")
        .positive("must be more than zero")
        .max(Number.MAX_SAFE_INTEGER, "is too large"),
      currency: currencyCodeSchema,
    },
    { error: "must be an object with value and currency" },
  ),
  description: optionalText(MAX_DESCRIPTION_LENGTH),
  expiresAt,
  shopperLocale,
});
export type PaymentLinkInput = z.input<typeof paymentLinkInputSchema>;
export type PaymentLinkRequestData = z.output<typeof paymentLinkInputSchema>;

/** The expiry Adyen gets: the default when none was asked for; refused when in the past or past 70 days. */
export function resolveExpiry(asked: Date | undefined, now: Date): Date {
  if (asked === undefined) return new Date(now.getTime() + DEFAULT_EXPIRY_MS);
  const ahead = asked.getTime() - now.getTime();
  if (ahead < MIN_EXPIRY_MS) throw expiryProblem("must be at least 5 minutes in the future");
  if (ahead > MAX_EXPIRY_MS) throw expiryProblem("must be at most 70 days after the link is created");
  return new Date(Math.floor(asked.getTime() / 1000) * 1000);
}

function expiryProblem(message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: ["expiresAt"], message, input: undefined }]);
}
