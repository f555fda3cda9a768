// A shopper paying (or failing to pay) a payment link, and the AUTHORISATION webhook that follows.
import { pickCard } from "../cards";
import { newAuthCode, newPspReference } from "../ids";
import type { SimRuntime } from "../runtime";
import { formatWithOffset } from "../time-format";
import { buildNotification, stringMap } from "../webhooks/notifications";
import { currentStatus, setLinkStatus, type LinkPayment, type PaymentLink } from "./payment-links";

export type LinkPaymentOutcome = "authorised" | "refused" | "pending";

export interface LinkPaymentInput {
  readonly outcome: LinkPaymentOutcome;
  /** Lets a completed link be paid again: the "paid twice" case reconciliation must detect. */
  readonly force?: boolean;
  readonly cardBrand?: string;
}

export type LinkPaymentResult =
  | { readonly ok: true; readonly payment: LinkPayment | null; readonly link: PaymentLink }
  | { readonly ok: false; readonly status: 404 | 409; readonly message: string };

export function payLink(rt: SimRuntime, linkId: string, input: LinkPaymentInput): LinkPaymentResult {
  const link = rt.state.links.get(linkId);
  if (!link) return { ok: false, status: 404, message: `Payment link ${linkId} not found` };
  const now = rt.clock.now();
  const status = currentStatus(link, now);
  const isForcedRepeat = input.force === true && status === "completed" && input.outcome === "authorised";
  if (status !== "active" && status !== "paymentPending" && !isForcedRepeat) {
    return { ok: false, status: 409, message: `Payment link ${linkId} is ${status} and cannot be paid` };
  }
  if (input.outcome === "pending") {
    // Asynchronous methods: the shopper finished on their side, the result comes later (no webhook yet).
    setLinkStatus(link, "paymentPending", now);
    return { ok: true, payment: null, link };
  }
  const success = input.outcome === "authorised";
  const payment: LinkPayment = { pspReference: newPspReference(), success, at: now, forced: isForcedRepeat };
  link.payments.push(payment);
  // A refused payment leaves the link usable; reusable links stay active after a success too.
  if (success && !link.reusable) setLinkStatus(link, "completed", now);
  else if (status === "paymentPending") setLinkStatus(link, "active", now);
  sendAuthorisation(rt, link, payment, input.cardBrand);
  return { ok: true, payment, link };
}

function sendAuthorisation(rt: SimRuntime, link: PaymentLink, payment: LinkPayment, cardBrand?: string): void {
  const card = pickCard(cardBrand);
  const authCode = payment.success ? newAuthCode() : undefined;
  const store = link.store
    ? rt.config.catalog.stores.find((s) => s.id === link.store || s.reference === link.store)
    : undefined;
  const merchantOrderReference = link.request["merchantOrderReference"];
  const notification = buildNotification(
    {
      additionalData: stringMap({
        paymentLinkId: link.id,
        authCode,
        cardSummary: card.lastFour,
        cardBin: card.bin,
        expiryDate: card.expiry,
        paymentMethodVariant: card.brand,
        shopperInteraction: "Ecommerce",
        store: link.store,
        merchantOrderReference: typeof merchantOrderReference === "string" ? merchantOrderReference : undefined,
      }),
      amount: link.amount,
      eventCode: "AUTHORISATION",
      eventDate: formatWithOffset(payment.at, store?.timezone ?? "Europe/Amsterdam"),
      merchantAccountCode: link.merchantAccount,
      merchantReference: link.reference,
      pspReference: payment.pspReference,
      paymentMethod: card.brand,
      reason: payment.success ? `${authCode}:${card.lastFour}:${card.expiry}` : "Refused",
      success: payment.success ? "true" : "false",
      ...(payment.success ? { operations: ["CANCEL", "CAPTURE", "REFUND"] } : {}),
    },
    rt.config.hmacKey,
  );
  rt.webhooks.enqueue(notification);
}
