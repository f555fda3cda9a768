// The Pay by Link form's fields → the input of createPaymentLink. The amount is typed in major units and converted
// by the currency's exponent; an empty reference gets one made up (the manager is told to prefer the POS order
// number, which is what lets finance match the payment to the order).
import { AppError } from "@/lib/errors";
import { parseAmountEntry, type PaymentLinkInput } from "@/lib/runbook/payment-links/schemas";

const EXPIRY_MS: Record<string, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  // Adyen's maximum, less a minute so that a retry a little later still fits inside it.
  "70d": 70 * 86_400_000 - 60_000,
};

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};

/** A reference when none was typed: recognisable as made here, unique enough per store and minute. */
export function generatedReference(storeId: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return `PBL-${storeId.slice(-6)}-${stamp}`;
}

export function linkInputFromForm(form: FormData, now: Date): { input: PaymentLinkInput; clientKey: string | null } {
  const storeId = text(form, "storeId");
  const currency = text(form, "currency").toUpperCase() || "EUR";
  const amount = parseAmountEntry(text(form, "amount"), currency);
  if (!amount.ok) {
    throw new AppError("VALIDATION", `Amount: ${amount.message}.`, {
      problems: [{ path: "amount", message: amount.message }],
    });
  }
  const expiry = EXPIRY_MS[text(form, "expiry")] ?? EXPIRY_MS["24h"] ?? 86_400_000;
  return {
    input: {
      storeId,
      reference: text(form, "reference") || generatedReference(storeId, now),
      amount: { value: amount.value, currency },
      description: text(form, "description") || undefined,
      expiresAt: new Date(now.getTime() + expiry).toISOString(),
      shopperLocale: text(form, "shopperLocale") || undefined,
    },
    clientKey: text(form, "requestKey") || null,
  };
}
