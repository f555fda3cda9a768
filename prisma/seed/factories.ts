// Row factories shared by tests, the demo seed and benchmarks. They write through the one Prisma client.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

let seq = 0;
const next = () => ++seq;

export function pspRef(): string {
  return (Date.now().toString(36) + next().toString(36) + "0000000000000000").toUpperCase().slice(0, 16);
}

export async function makeStore(id = `ST${next()}TEST`, timezone = "Europe/Berlin") {
  return db().store.upsert({ where: { id }, create: { id, name: `Store ${id}`, timezone }, update: {} });
}

export async function makeOrder(o: {
  storeId: string;
  ref?: string;
  value: number;
  currency?: string;
  at: Date;
  terminalId?: string;
  pspReference?: string;
  /** Who wrote it: finance (the default here, may claim payments of unknown store) or a store's manager or POS. */
  claimsUnknownStore?: boolean;
}) {
  return db().posOrder.create({
    data: {
      merchantReference: o.ref ?? `ORD-${next()}`,
      storeId: o.storeId,
      amountValue: BigInt(o.value),
      currency: o.currency ?? "EUR",
      orderedAt: o.at,
      terminalId: o.terminalId ?? null,
      pspReference: o.pspReference ?? null,
      source: "api",
      claimsUnknownStore: o.claimsUnknownStore ?? true,
    },
  });
}

export async function makeEvent(e: {
  eventCode?: string;
  success?: boolean;
  psp?: string;
  originalReference?: string;
  ref?: string | null;
  value: number;
  currency?: string;
  at: Date;
  storeId?: string;
  terminalId?: string;
  tenderReference?: string;
  paymentLinkId?: string;
}) {
  const psp = e.psp ?? pspRef();
  const eventCode = e.eventCode ?? "AUTHORISATION";
  const success = e.success ?? true;
  return db().paymentEvent.create({
    data: {
      dedupeKey: `TestMerchant|${psp}|${eventCode}|${success}|${e.originalReference ?? ""}`,
      live: false,
      eventCode,
      success,
      pspReference: psp,
      originalReference: e.originalReference ?? null,
      merchantAccountCode: "TestMerchant",
      merchantReference: e.ref ?? null,
      amountValue: BigInt(e.value),
      currency: e.currency ?? "EUR",
      eventDate: e.at,
      storeId: e.storeId ?? null,
      terminalId: e.terminalId ?? null,
      tenderReference: e.tenderReference ?? null,
      paymentLinkId: e.paymentLinkId ?? null,
      additionalData: {},
      raw: {},
    },
  });
}

export async function makeReceipt(r: {
  storeId: string;
  value: number;
  currency?: string;
  at: Date;
  terminalId?: string;
  psp?: string;
  tenderReference?: string;
  /** As for orders: entered by finance (the default here) or by the store. */
  claimsUnknownStore?: boolean;
}) {
  return db().standaloneReceipt.create({
    data: {
      dedupeKey: randomUUID(),
      storeId: r.storeId,
      amountValue: BigInt(r.value),
      currency: r.currency ?? "EUR",
      transactedAt: r.at,
      terminalId: r.terminalId ?? null,
      pspReference: r.psp ?? null,
      tenderReference: r.tenderReference ?? null,
      source: "api",
      claimsUnknownStore: r.claimsUnknownStore ?? true,
    },
  });
}

export async function makePaymentLink(l: {
  storeId: string;
  reference: string;
  value: number;
  currency?: string;
  adyenId: string;
}) {
  return db().paymentLink.create({
    data: {
      adyenId: l.adyenId,
      idempotencyKey: randomUUID(),
      reference: l.reference,
      storeId: l.storeId,
      amountValue: BigInt(l.value),
      currency: l.currency ?? "EUR",
      status: "active",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}
