// The Adyen request of one link as it is stored before the first call (plain JSON) and as the library takes it.
import type { PaymentLinkRequest } from "@/lib/adyen/payment-links";

/** Stored in payment_links.request: exactly what every attempt sends. */
export type StoredLinkRequest = {
  amount: { value: number; currency: string };
  merchantAccount: string;
  reference: string;
  description?: string;
  /** ISO 8601 in UTC, whole seconds. */
  expiresAt: string;
  shopperLocale?: string;
  store: string;
};

export function readStoredRequest(value: unknown): StoredLinkRequest {
  const r = value as Partial<StoredLinkRequest> | null;
  if (!r || typeof r.reference !== "string" || typeof r.expiresAt !== "string" || !r.amount || !r.merchantAccount) {
    throw new Error("payment link row without a usable stored request");
  }
  return r as StoredLinkRequest;
}

/** The library serialises `expiresAt` from a Date; the same stored request always yields the same body. */
export function toLibraryRequest(r: StoredLinkRequest): PaymentLinkRequest {
  return { ...r, expiresAt: new Date(r.expiresAt) };
}
