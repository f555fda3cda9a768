// Demo reconciliation history for simulator mode: two days of POS orders in the demo stores with the evidence
// a real day leaves behind — webhooks for most sales, a few amount differences, a double payment, standalone
// receipts from an outage (one of them ambiguous), and a payment nobody rang up. Deterministic, so demos repeat.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_CATALOG } from "@/sim/catalog";

const DAY = 86_400_000;

type Order = { ref: string; storeId: string; value: number; at: Date; terminalId: string | null };

function demoOrders(now: number): Order[] {
  const stores = DEMO_CATALOG.stores;
  const out: Order[] = [];
  for (let i = 0; i < 160; i++) {
    const store = stores[i % stores.length]!;
    const terminals = DEMO_CATALOG.terminals.filter((t) => t.storeId === store.id && t.status === "boarded");
    const at = new Date(now - 2 * DAY + i * ((2 * DAY) / 160));
    out.push({
      ref: `DEMO-${String(10_000 + i)}`,
      storeId: store.id,
      value: 250 + ((i * 7919) % 12_000),
      at,
      terminalId: terminals[i % Math.max(1, terminals.length)]?.id ?? null,
    });
  }
  return out;
}

const psp = (n: number) => `DEMO${String(n).padStart(12, "0")}`;

export async function seedDemoReconciliation(client: PrismaClient, now = Date.now()): Promise<number> {
  const orders = demoOrders(now);
  const event = (
    n: number,
    o: Order,
    value: number,
    ref: string | null,
    extra: { at?: Date; terminalId?: string | null } = {},
  ) => ({
    dedupeKey: `${DEMO_CATALOG.merchantAccount}|${psp(n)}|AUTHORISATION|true|`,
    live: false,
    eventCode: "AUTHORISATION",
    success: true,
    pspReference: psp(n),
    merchantAccountCode: DEMO_CATALOG.merchantAccount,
    merchantReference: ref,
    amountValue: BigInt(value),
    currency: "EUR",
    eventDate: extra.at ?? new Date(o.at.getTime() + 4_000),
    storeId: o.storeId,
    terminalId: extra.terminalId === undefined ? o.terminalId : extra.terminalId,
    additionalData: { demo: "true" },
    raw: { demo: true },
  });
  await client.$transaction(async (tx) => {
    await tx.posOrder.createMany({
      data: orders.map((o) => ({
        merchantReference: o.ref,
        storeId: o.storeId,
        amountValue: BigInt(o.value),
        currency: "EUR",
        orderedAt: o.at,
        terminalId: o.terminalId,
        source: "api",
      })),
      skipDuplicates: true,
    });
    const events = [];
    // Integrated payments for most orders; the last 12 were taken in standalone mode during an outage.
    for (const [i, o] of orders.slice(0, 148).entries()) {
      if (i % 41 === 5) continue; // webhook not arrived: expected or missing
      events.push(event(i, o, i % 37 === 3 ? o.value - 100 : o.value, o.ref));
      if (i === 20) events.push(event(900, o, o.value, o.ref, { at: new Date(o.at.getTime() + 60_000) })); // paid twice
    }
    const outage = orders.slice(148);
    for (const [k, o] of outage.entries()) {
      // Terminal webhooks carry no POS reference; staff typed in some receipts.
      if (k < 8) events.push(event(1000 + k, o, o.value, null, { at: new Date(o.at.getTime() + 50_000) }));
    }
    const nobody = orders[7]!;
    events.push(event(2000, nobody, 1999, "WEB-DEMO-1")); // a payment with a reference no order has
    await tx.paymentEvent.createMany({ data: events, skipDuplicates: true });
    const receipts = outage.slice(8).map((o, k) => ({
      dedupeKey: `demo-receipt-${k}`,
      storeId: o.storeId,
      terminalId: null,
      amountValue: BigInt(o.value),
      currency: "EUR",
      transactedAt: new Date(o.at.getTime() + 5 * 60_000),
      source: "form",
      createdBy: "demo",
    }));
    await tx.standaloneReceipt.createMany({ data: receipts, skipDuplicates: true });
    const first = outage[0]!;
    await tx.outageWindow.create({
      data: {
        storeId: first.storeId,
        startsAt: new Date(first.at.getTime() - 600_000),
        endsAt: new Date(now - 3_600_000),
        reason: "Demo: cloud link down",
        declaredBy: "demo",
      },
    });
  });
  return orders.length;
}
