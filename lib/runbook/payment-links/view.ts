// The one shape a payment link leaves lib/runbook in: for pages, server actions and the public API alike.
import type { PaymentLink } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES, type LinkStatus } from "@/lib/runbook/payment-links/schemas";

export type PaymentLinkView = {
  /** Our id (stable from the first request on, also while Adyen has not confirmed the link yet). */
  id: string;
  /** Adyen's payment link id (the `paymentLinkId` in webhooks); null until Adyen confirmed the link. */
  adyenId: string | null;
  url: string | null;
  status: LinkStatus;
  expiresAt: string;
  reference: string;
  amount: { value: number; currency: string };
  storeId: string;
  description: string | null;
  shopperLocale: string | null;
  createdAt: string;
  paidAt: string | null;
  pspReference: string | null;
  /** Why creation failed, or what the last attempt ran into while it is still being retried. */
  problem: string | null;
};

export function toLinkView(row: PaymentLink): PaymentLinkView {
  return {
    id: row.id,
    adyenId: row.adyenId,
    url: row.url,
    status: row.status as LinkStatus,
    expiresAt: row.expiresAt.toISOString(),
    reference: row.reference,
    amount: { value: Number(row.amountValue), currency: row.currency },
    storeId: row.storeId,
    description: row.description,
    shopperLocale: row.shopperLocale,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
    pspReference: row.pspReference,
    problem: row.status === "failed" || row.status === "creating" ? row.lastError : null,
  };
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
