// Stores are kept apart: a store's order cannot take another store's payment, a receipt cannot move a payment into
// another store, and one payment never pays two orders.
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { reconcile } from "@/lib/reconciliation/engine/run";
import type { Principal } from "@/lib/auth/principal";
import { importOrders, importReceipts } from "@/lib/reconciliation/imports";
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

describe("store scope of matching", () => {
  it("does not let an order take another store's payment by naming its PSP reference", async () => {
    const a = await makeStore("STA");
    const b = await makeStore("STB");
    const psp = pspRef();
    const own = await makeOrder({ storeId: a.id, ref: "A-1", value: 1000, at: T });
    await makeEvent({ psp, ref: "A-1", value: 1000, at: T, storeId: a.id });
    const claim = await makeOrder({ storeId: b.id, ref: "B-1", value: 1000, at: T, pspReference: psp });
    await reconcile();
    expect(await itemOfOrder(own.id)).toMatchObject({ status: "matched", method: "merchant_reference" });
    expect((await itemOfOrder(claim.id)).status).not.toBe("matched");
  });

  it("shows a payment claimed by two orders as a conflict for finance, never as two matches", async () => {
    const s = await makeStore();
    const psp = pspRef();
    const first = await makeOrder({ storeId: s.id, ref: "C-1", value: 1000, at: T });
    const second = await makeOrder({ storeId: s.id, ref: "C-2", value: 1000, at: T, pspReference: psp });
    await makeEvent({ psp, ref: "C-1", value: 1000, at: T, storeId: s.id });
    await reconcile();
    const items = [await itemOfOrder(first.id), await itemOfOrder(second.id)];
    expect(items.filter((i) => i.status === "matched")).toHaveLength(0);
    for (const i of items) expect(i).toMatchObject({ status: "suggested", reason: "payment_claimed_twice" });
  });

  it("keeps a standalone payment in its own store when another store enters a receipt for it", async () => {
    const a = await makeStore("STA");
    const b = await makeStore("STB");
    const psp = pspRef();
    const own = await makeOrder({ storeId: a.id, ref: "A-2", value: 4200, at: T, terminalId: "V400m-A" });
    const thief = await makeOrder({ storeId: b.id, ref: "B-2", value: 4200, at: T, terminalId: "V400m-A" });
    await makeEvent({ psp, ref: null, value: 4200, at: at(20), storeId: a.id, terminalId: "V400m-A" });
    await makeReceipt({ storeId: b.id, value: 4200, at: at(20), terminalId: "V400m-A", psp });
    await reconcile();
    expect(await itemOfOrder(own.id)).toMatchObject({ status: "matched", storeId: a.id });
    expect((await itemOfOrder(thief.id)).status).not.toBe("matched");
  });

  it("lets two stores use the same merchant reference and matches each store's payment to its own order", async () => {
    const a = await makeStore("STA");
    const b = await makeStore("STB");
    const oa = await makeOrder({ storeId: a.id, ref: "0001", value: 300, at: T });
    const ob = await makeOrder({ storeId: b.id, ref: "0001", value: 800, at: T });
    await makeEvent({ ref: "0001", value: 300, at: T, storeId: a.id });
    await makeEvent({ ref: "0001", value: 800, at: T, storeId: b.id });
    await reconcile();
    expect(await itemOfOrder(oa.id)).toMatchObject({ status: "matched", paidValue: 300n });
    expect(await itemOfOrder(ob.id)).toMatchObject({ status: "matched", paidValue: 800n });
  });

  describe("a payment whose store is unknown (no store named, no terminal we know)", () => {
    const as = (role: Principal["role"], kind: Principal["kind"], storeIds: string[] | "all"): Principal => ({
      kind,
      id: `${kind}-${role}`,
      label: `${role} ${kind}`,
      role,
      storeIds,
    });
    const order = (storeId: string, ref: string, pspReference?: string) => ({
      merchantReference: ref,
      storeId,
      amount: { value: 2500, currency: "EUR" },
      createdAt: T.toISOString(),
      ...(pspReference ? { pspReference } : {}),
    });
    const send = (actor: Principal, orders: unknown[]) => importOrders(orders, { actor, reconcile: () => undefined });
    const orderItem = async (storeId: string, ref: string) =>
      itemOfOrder(
        (
          await db().posOrder.findUniqueOrThrow({
            where: { storeId_merchantReference: { storeId, merchantReference: ref } },
          })
        ).id,
      );

    it("cannot be claimed by a store's manager or POS token, by PSP or merchant reference", async () => {
      const a = await makeStore("STA");
      const psp = pspRef();
      const event = await makeEvent({ psp, ref: "WEB-1", value: 2500, at: T, terminalId: "V400m-UNKNOWN" });
      await send(as("store_manager", "user", [a.id]), [order(a.id, "A-10", psp)]);
      await send(as("store_manager", "token", [a.id]), [order(a.id, "WEB-1")]);
      await reconcile();
      expect((await orderItem(a.id, "A-10")).status).not.toBe("matched");
      expect((await orderItem(a.id, "WEB-1")).status).not.toBe("matched");
      const payment = await db().reconItem.findUniqueOrThrow({ where: { id: event.id * 3n + 1n } });
      expect(payment).toMatchObject({ status: "unexpected", storeId: null });
    });

    it("is claimed by an order finance or an admin sent, and a manager's change to that order drops the claim", async () => {
      const a = await makeStore("STA");
      const psp = pspRef();
      const other = pspRef();
      await makeEvent({ psp, ref: null, value: 2500, at: T });
      await makeEvent({ psp: other, ref: "WEB-2", value: 2500, at: T });
      await send(as("finance", "token", "all"), [order(a.id, "A-11", psp)]);
      await send(as("admin", "user", "all"), [order(a.id, "WEB-2")]);
      await reconcile();
      expect(await orderItem(a.id, "A-11")).toMatchObject({ status: "matched", method: "psp_reference" });
      expect(await orderItem(a.id, "WEB-2")).toMatchObject({ status: "matched", method: "merchant_reference" });
      // The store's POS resends the order with a description: now it is the store's claim, which does not reach.
      await send(as("store_manager", "token", [a.id]), [{ ...order(a.id, "A-11", psp), description: "till 3" }]);
      await reconcile();
      expect((await orderItem(a.id, "A-11")).status).not.toBe("matched");
    });

    it("is not moved into a store by a receipt its manager entered, but is by one finance entered", async () => {
      const a = await makeStore("STA");
      const psp = pspRef();
      await makeOrder({ storeId: a.id, ref: "A-12", value: 4200, at: T, terminalId: "V400m-A" });
      await makeEvent({ psp, ref: null, value: 4200, at: at(20) });
      const receipt = {
        storeId: a.id,
        amount: { value: 4200, currency: "EUR" },
        transactedAt: at(20).toISOString(),
        terminalId: "V400m-A",
        pspReference: psp,
      };
      await importReceipts([receipt], { actor: as("store_manager", "user", [a.id]), reconcile: () => undefined });
      await reconcile();
      expect((await orderItem(a.id, "A-12")).status).not.toBe("matched");
      await db().standaloneReceipt.deleteMany();
      await importReceipts([receipt], { actor: as("finance", "user", "all"), reconcile: () => undefined });
      await reconcile();
      expect(await orderItem(a.id, "A-12")).toMatchObject({ status: "matched", storeId: a.id });
    });
  });
});
