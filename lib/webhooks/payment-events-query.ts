// Stored notifications of one payment: the events whose pspReference is the payment's, plus its modifications
// (captures, refunds, chargebacks…), which carry the payment's pspReference as originalReference.
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";

/** More events than this for one payment is not a real payment; the cap keeps the response bounded. */
const MAX_EVENTS = 500;

export const paymentEventsQuerySchema = z.object({
  pspReference: z
    .string({ error: "is required (?pspReference=…)" })
    .trim()
    .min(1, "must not be empty")
    .max(64, "must be at most 64 characters"),
});

export type PaymentEventView = {
  pspReference: string;
  originalReference: string | null;
  eventCode: string;
  success: boolean;
  merchantAccountCode: string;
  merchantReference: string | null;
  amount: { value: number; currency: string } | null;
  eventDate: string | null;
  receivedAt: string;
  additionalData: unknown;
};

export async function listPaymentEvents(p: Principal, pspReference: string): Promise<PaymentEventView[]> {
  assertCan(p, "payment_events.read");
  const rows = await db().paymentEvent.findMany({
    where: { OR: [{ pspReference }, { originalReference: pspReference }] },
    orderBy: [{ eventDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: MAX_EVENTS,
    select: {
      pspReference: true,
      originalReference: true,
      eventCode: true,
      success: true,
      merchantAccountCode: true,
      merchantReference: true,
      amountValue: true,
      currency: true,
      eventDate: true,
      receivedAt: true,
      additionalData: true,
    },
  });
  return rows.map((r) => ({
    pspReference: r.pspReference,
    originalReference: r.originalReference,
    eventCode: r.eventCode,
    success: r.success,
    merchantAccountCode: r.merchantAccountCode,
    merchantReference: r.merchantReference,
    // Stored values came from JSON numbers checked to be safe integers, so Number() is exact.
    amount:
      r.amountValue !== null && r.currency !== null ? { value: Number(r.amountValue), currency: r.currency } : null,
    eventDate: r.eventDate?.toISOString() ?? null,
    receivedAt: r.receivedAt.toISOString(),
    additionalData: r.additionalData,
  }));
}
