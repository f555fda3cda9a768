// The Pay by Link form's fields → the input of createPaymentLink. The amount is typed in major units as the form's
// locale writes them and converted by the currency's exponent; an empty reference gets one made up (the manager is
// told to prefer the POS order number, which is what lets finance match the payment to the order).
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import type { AmountLocale, MinorAmount } from "@/lib/money";
import { confirmationNeeded, type AmountToConfirm } from "@/lib/validation/amount-limits";
import { readFormAmount } from "@/lib/validation/form-amount";
import { createPaymentLink } from "@/lib/runbook/payment-links/create";
import type { CreationOutcome } from "@/lib/runbook/payment-links/attempt";
import type { PaymentLinkInput } from "@/lib/runbook/payment-links/schemas";

const EXPIRY_MS: Record<string, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  // Adyen's maximum, less a minute so that a retry a little later still fits inside it.
  "70d": 70 * 86_400_000 - 60_000,
};

/** The fields of the form, as it names them: what an action returns after an error so that nothing is retyped. */
export const LINK_FORM_FIELDS = [
  "storeId",
  "amount",
  "currency",
  "reference",
  "description",
  "expiry",
  "shopperLocale",
];

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};

/** A reference when none was typed: recognisable as made here, unique enough per store and minute. */
export function generatedReference(storeId: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return `PBL-${storeId.slice(-6)}-${stamp}`;
}

export type LinkFormInput = {
  input: PaymentLinkInput & { amount: MinorAmount };
  clientKey: string | null;
  /** The amount the person confirmed after seeing it in words and figures (see confirmationNeeded). */
  confirmed: string | null;
};

export function linkInputFromForm(form: FormData, now: Date, locale: AmountLocale): LinkFormInput {
  const storeId = text(form, "storeId");
  const currency = text(form, "currency").toUpperCase() || "EUR";
  const amount = readFormAmount(text(form, "amount"), currency, locale);
  if (!amount.ok) {
    throw new AppError("VALIDATION", `Amount: ${amount.problem.message}.`, { problems: [amount.problem] });
  }
  const expiry = EXPIRY_MS[text(form, "expiry")] ?? EXPIRY_MS["24h"] ?? 86_400_000;
  return {
    input: {
      storeId,
      reference: text(form, "reference") || generatedReference(storeId, now),
      amount: amount.amount,
      description: text(form, "description") || undefined,
      expiresAt: new Date(now.getTime() + expiry).toISOString(),
      shopperLocale: text(form, "shopperLocale") || undefined,
    },
    clientKey: text(form, "requestKey") || null,
    confirmed: text(form, "confirmed") || null,
  };
}

/**
 * Creates a link from the form, unless the amount is above the confirmation threshold and was not confirmed yet:
 * then nothing is created and the form shows the amount in words and figures first.
 */
export async function createLinkFromForm(
  actor: Principal,
  form: FormData,
  locale: AmountLocale,
  now = new Date(),
): Promise<AmountToConfirm | { kind: "outcome"; outcome: CreationOutcome }> {
  const { input, clientKey, confirmed } = linkInputFromForm(form, now, locale);
  const confirmation = confirmationNeeded(input.amount, confirmed);
  if (confirmation) return confirmation;
  return { kind: "outcome", outcome: await createPaymentLink(actor, input, { clientKey }) };
}
