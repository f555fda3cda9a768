// Standalone terminal payments whose webhook carries a merchant reference that is no POS order: a reference the
// terminal made up, the tender reference, or nothing. Adyen does not document which, so matching must not care.
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { makeEvent, makeOrder, makeReceipt, makeStore, pspRef } from "@/prisma/seed/factories";

withTestDatabase();
beforeEach(async () => {
  await db().$executeRawUnsafe(
    "TRUNCATE recon_items, match_decisions, payment_events, standalone_receipts, pos_orders, terminals, stores CASCADE",
  );
});

const T = new Date("2026-11-20T12:00:00Z");
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);
const itemOfOrder = (orderId: bigint) => db().reconItem.findUniqueOrThrow({ where: { id: orderId * 3n } });
const unexpectedCount = () => db().reconItem.count({ where: { status: "unexpected" } });

describe("standalone payments with a terminal's own reference", () => {
  it("matches the payment once staff entered its receipt (same PSP reference, store, amount and time)", async () => {
    const s = await makeStore();
    const order = await makeOrder({ storeId: s.id, ref: "TILL-1", value: 2350, at: T });
    const psp = pspRef();
    // The webhook names no store and carries the terminal's own reference.
    await makeEvent({ psp, ref: "V400m-346403294-1763640000", value: 2350, at: at(40), terminalId: "V400m-346403294" });
    await makeReceipt({ storeId: s.id, value: 2350, at: at(40), terminalId: "V400m-346403294", psp });
    await reconcile();
    const item = await itemOfOrder(order.id);
    expect(item).toMatchObject({ status: "matched", method: "standalone_heuristic", storeId: s.id });
    expect(item.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "event", pspReference: psp }),
        expect.objectContaining({ kind: "receipt", pspReference: psp }),
      ]),
    );
    expect(await unexpectedCount()).toBe(0);
  });

  it("takes the store from the terminal when neither the webhook nor a receipt names it", async () => {
    const s = await makeStore();
    await db().terminal.create({ data: { id: "S1F2-000158213100127", storeId: s.id } });
    const order = await makeOrder({ storeId: s.id, ref: "TILL-2", value: 990, at: T });
    await makeEvent({ ref: "4dc0001763640000123", value: 990, at: at(30), terminalId: "S1F2-000158213100127" });
    await reconcile();
    expect(await itemOfOrder(order.id)).toMatchObject({ status: "matched", method: "standalone_heuristic" });
    expect(await unexpectedCount()).toBe(0);
  });

  it("does not guess between two orders for a terminal payment with a reference of its own", async () => {
    const s = await makeStore();
    await db().terminal.create({ data: { id: "V400m-1", storeId: s.id } });
    const a = await makeOrder({ storeId: s.id, ref: "TILL-A", value: 500, at: at(0) });
    const b = await makeOrder({ storeId: s.id, ref: "TILL-B", value: 500, at: at(20) });
    await makeEvent({ ref: "TERMINAL-REF-9", value: 500, at: at(10), terminalId: "V400m-1" });
    await reconcile();
    expect(await itemOfOrder(a.id)).toMatchObject({ status: "suggested", reason: "standalone_tied" });
    expect(await itemOfOrder(b.id)).toMatchObject({ status: "suggested", reason: "standalone_tied" });
  });

  it("still reports an e-commerce payment whose reference matches no order as unexpected", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "TILL-3", value: 700, at: T });
    await makeEvent({ ref: "WEB-4711", value: 700, at: at(10) });
    await reconcile();
    const unexpected = await db().reconItem.findMany({ where: { status: "unexpected" } });
    expect(unexpected.map((u) => u.reason)).toEqual(["no_order_with_reference"]);
  });
});
