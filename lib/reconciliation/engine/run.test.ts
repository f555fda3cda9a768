import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { DEFAULT_MATCH_SETTINGS } from "@/lib/reconciliation/engine/settings";
import { timeSpanScope } from "@/lib/reconciliation/engine/scope";
import { reconcileChanges } from "@/lib/reconciliation/incremental";
import { makeEvent, makeOrder, makePaymentLink, makeReceipt, makeStore, pspRef } from "@/prisma/seed/factories";

withTestDatabase();
beforeEach(async () => {
  await db().$executeRawUnsafe(
    "TRUNCATE recon_items, match_decisions, payment_events, standalone_receipts, payment_links, pos_orders, outage_windows, stores CASCADE",
  );
});

const T = new Date("2026-11-20T12:00:00Z");
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);

async function item(ref: string) {
  const row = await db().reconItem.findFirst({ where: { merchantReference: ref, orderId: { not: null } } });
  if (!row) throw new Error(`no item for ${ref}`);
  return row;
}

describe("exact keys", () => {
  it("matches by merchant reference and flags a different amount as mismatched", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "A1", value: 1250, at: T });
    await makeOrder({ storeId: s.id, ref: "A2", value: 1000, at: T });
    await makeEvent({ ref: "A1", value: 1250, at: at(5) });
    await makeEvent({ ref: "A2", value: 999, at: at(5) });
    await reconcile();
    expect(await item("A1")).toMatchObject({ status: "matched", method: "merchant_reference", confidence: 100 });
    expect(await item("A2")).toMatchObject({ status: "mismatched", reason: "amount_differs" });
  });

  it("treats JPY and KWD amounts as minor units with their own exponent", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "JP", value: 1500, currency: "JPY", at: T });
    await makeOrder({ storeId: s.id, ref: "KW", value: 1234, currency: "KWD", at: T });
    await makeEvent({ ref: "JP", value: 1500, currency: "JPY", at: T });
    await makeEvent({ ref: "KW", value: 1234, currency: "EUR", at: T });
    await reconcile();
    expect((await item("JP")).status).toBe("matched");
    expect(await item("KW")).toMatchObject({ status: "mismatched", reason: "currency_differs" });
  });

  it("reports an order paid twice as duplicate, and a cancelled second payment as matched", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "D1", value: 500, at: T });
    await makeOrder({ storeId: s.id, ref: "D2", value: 500, at: T });
    await makeEvent({ ref: "D1", value: 500, at: T });
    await makeEvent({ ref: "D1", value: 500, at: at(30) });
    await makeEvent({ ref: "D2", value: 500, at: T });
    const second = await makeEvent({ ref: "D2", value: 500, at: at(30) });
    await makeEvent({
      eventCode: "CANCELLATION",
      originalReference: second.pspReference,
      ref: "D2",
      value: 500,
      at: at(60),
    });
    await reconcile();
    expect(await item("D1")).toMatchObject({ status: "duplicate", reason: "paid_twice" });
    const d2 = await item("D2");
    expect(d2.status).toBe("matched");
    expect(JSON.stringify(d2.evidence)).toContain("voided_payment");
  });

  it("matches a payment link by its id and catches a link paid twice", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "L1", value: 4200, at: T });
    await makePaymentLink({ storeId: s.id, reference: "L1", value: 4200, adyenId: "PL111" });
    await makeEvent({ ref: null, paymentLinkId: "PL111", value: 4200, at: at(60) });
    await reconcile();
    expect(await item("L1")).toMatchObject({ status: "matched", method: "payment_link" });
    await makeEvent({ ref: "L1", paymentLinkId: "PL111", value: 4200, at: at(120) });
    await reconcile();
    expect(await item("L1")).toMatchObject({ status: "duplicate", method: "payment_link" });
  });

  it("shows a refund against its order without changing the match, even when it arrived first", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "R1", value: 800, at: T });
    const psp = pspRef();
    await makeEvent({ eventCode: "REFUND", originalReference: psp, ref: "R1", value: 800, at: at(3600) });
    await makeEvent({ psp, ref: "R1", value: 800, at: T });
    await reconcile();
    const r = await item("R1");
    expect(r.status).toBe("matched");
    expect(r.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: "refund" }),
        expect.objectContaining({ role: "payment", pspReference: psp }),
      ]),
    );
  });

  it("matches by the PSP reference the POS recorded when the webhook has no reference", async () => {
    const s = await makeStore();
    const psp = pspRef();
    await makeOrder({ storeId: s.id, ref: "P1", value: 300, at: T, pspReference: psp });
    await makeEvent({ psp, ref: null, value: 300, at: T, storeId: s.id });
    await reconcile();
    expect(await item("P1")).toMatchObject({ status: "matched", method: "psp_reference" });
  });
});

describe("standalone payments", () => {
  it("matches the single close candidate on the same terminal", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "S1", value: 1999, at: T, terminalId: "V400m-1" });
    await makeReceipt({ storeId: s.id, value: 1999, at: at(40), terminalId: "V400m-1" });
    await reconcile();
    expect(await item("S1")).toMatchObject({
      status: "matched",
      method: "standalone_heuristic",
      reason: "standalone_unique",
    });
  });

  it("does not guess between two equal sales in the same minute at one store", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "E1", value: 1000, at: at(5) });
    await makeOrder({ storeId: s.id, ref: "E2", value: 1000, at: at(35) });
    await makeReceipt({ storeId: s.id, value: 1000, at: at(20) });
    await makeReceipt({ storeId: s.id, value: 1000, at: at(50) });
    await reconcile();
    for (const ref of ["E1", "E2"]) {
      const r = await item(ref);
      expect(r).toMatchObject({ status: "suggested", reason: "standalone_tied" });
      expect((r.evidence as unknown[]).length).toBe(2);
    }
    expect(await db().reconItem.count({ where: { status: "unexpected" } })).toBe(0);
  });

  it("gives the same result whatever order the data arrived in", async () => {
    async function scenario(reverse: boolean) {
      await db().$executeRawUnsafe(
        "TRUNCATE recon_items, payment_events, standalone_receipts, pos_orders, stores CASCADE",
      );
      const s = await makeStore("STORDER");
      const rows = [
        () => makeOrder({ storeId: s.id, ref: "O1", value: 700, at: at(0), terminalId: "T1" }),
        () => makeOrder({ storeId: s.id, ref: "O2", value: 700, at: at(90), terminalId: "T2" }),
        () => makeOrder({ storeId: s.id, ref: "O3", value: 700, at: at(200) }),
        () => makeEvent({ ref: null, value: 700, at: at(10), storeId: s.id, terminalId: "T1" }),
        () => makeEvent({ ref: null, value: 700, at: at(95), storeId: s.id, terminalId: "T2" }),
        () => makeReceipt({ storeId: s.id, value: 700, at: at(210) }),
        () => makeReceipt({ storeId: s.id, value: 700, at: at(230) }),
      ];
      for (const make of reverse ? [...rows].reverse() : rows) await make();
      await reconcile();
      const items = await db().reconItem.findMany({
        orderBy: { merchantReference: "asc" },
        select: { merchantReference: true, status: true, reason: true },
      });
      return items.filter((i) => i.merchantReference).map((i) => `${i.merchantReference}:${i.status}:${i.reason}`);
    }
    const forward = await scenario(false);
    const backward = await scenario(true);
    expect(forward).toEqual(backward);
    expect(forward).toEqual([
      "O1:matched:standalone_unique",
      "O2:matched:standalone_unique",
      "O3:suggested:standalone_tied",
    ]);
  });

  it("links a receipt to its webhook by PSP reference and uses both as one payment", async () => {
    const s = await makeStore();
    const psp = pspRef();
    await makeOrder({ storeId: s.id, ref: "W1", value: 2500, at: T, terminalId: "S1F2-9" });
    await makeEvent({ psp, ref: null, value: 2500, at: at(30), terminalId: "S1F2-9" });
    await makeReceipt({ storeId: s.id, value: 2500, at: at(31), terminalId: "S1F2-9", psp });
    await reconcile();
    const w = await item("W1");
    expect(w.status).toBe("matched");
    expect(w.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "event" }),
        expect.objectContaining({ kind: "receipt" }),
      ]),
    );
    expect(await db().reconItem.count({ where: { status: "unexpected" } })).toBe(0);
  });

  it("widens the window inside a declared outage", async () => {
    // Yesterday: a window may be declared at most a week back.
    const t0 = Date.now() - 86_400_000;
    const when = (seconds: number) => new Date(t0 + seconds * 1000);
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "X1", value: 900, at: when(0) });
    await makeReceipt({ storeId: s.id, value: 900, at: when(45 * 60) });
    await reconcile(undefined, DEFAULT_MATCH_SETTINGS);
    expect((await item("X1")).status).toBe("missing");
    await db().outageWindow.create({
      data: { storeId: s.id, startsAt: when(-3600), endsAt: when(3600), declaredBy: "test" },
    });
    await reconcile(undefined, DEFAULT_MATCH_SETTINGS);
    expect(await item("X1")).toMatchObject({ method: "standalone_heuristic" });
  });

  it("never proposes a rejected pair again", async () => {
    const s = await makeStore();
    const o = await makeOrder({ storeId: s.id, ref: "J1", value: 100, at: T });
    const r = await makeReceipt({ storeId: s.id, value: 100, at: at(30) });
    await reconcile();
    expect((await item("J1")).status).toBe("matched");
    await db().matchDecision.create({
      data: { orderId: o.id, evidenceKind: "receipt", evidenceId: r.id, decision: "rejected", decidedBy: "test" },
    });
    await reconcile();
    expect((await item("J1")).status).toBe("missing");
    expect(await db().reconItem.findFirst({ where: { itemKey: `receipt:${r.id}` } })).toMatchObject({
      status: "unexpected",
    });
  });
});

describe("what is still open", () => {
  it("separates expected from missing by the grace period and lists payments without an order", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "N1", value: 100, at: new Date(Date.now() - 5 * 60_000) });
    await makeOrder({ storeId: s.id, ref: "N2", value: 100, at: new Date(Date.now() - 5 * 3600_000) });
    await makeEvent({ ref: "NOBODY", value: 100, at: T });
    await makeReceipt({ storeId: s.id, value: 4242, at: T });
    await reconcile();
    expect((await item("N1")).status).toBe("expected");
    expect((await item("N2")).status).toBe("missing");
    const unexpected = await db().reconItem.findMany({ where: { status: "unexpected" } });
    expect(unexpected.map((u) => u.reason).sort()).toEqual(["no_order_standalone", "no_order_with_reference"]);
  });

  it("shows a paid link whose POS order has not arrived as waiting for it, and matches it once it does", async () => {
    const s = await makeStore();
    await makePaymentLink({ storeId: s.id, reference: "ORD-1002", value: 4599, adyenId: "PL1002" });
    const paid = await makeEvent({ ref: "ORD-1002", paymentLinkId: "PL1002", value: 4599, at: T, storeId: s.id });
    // A payment through a link made elsewhere, with no order either: that one is unexpected.
    await makeEvent({ ref: "WEB-9", paymentLinkId: "PL_OTHER", value: 100, at: T, storeId: s.id });
    await reconcile();
    const waiting = await db().reconItem.findUniqueOrThrow({ where: { id: paid.id * 3n + 1n } });
    expect(waiting).toMatchObject({
      status: "expected",
      reason: "link_paid_order_pending",
      merchantReference: "ORD-1002",
      storeId: s.id,
    });
    expect(await db().reconItem.findFirst({ where: { merchantReference: "WEB-9" } })).toMatchObject({
      status: "unexpected",
      reason: "no_order_with_reference",
    });

    await makeOrder({ storeId: s.id, ref: "ORD-1002", value: 4599, at: at(-60) });
    await reconcileChanges();
    expect(await item("ORD-1002")).toMatchObject({ status: "matched", method: "payment_link" });
    expect(await db().reconItem.findUnique({ where: { id: paid.id * 3n + 1n } })).toBeNull();
    const partial = await db().reconItem.findMany({
      orderBy: { itemKey: "asc" },
      select: { itemKey: true, status: true, reason: true },
    });
    await reconcile();
    expect(
      await db().reconItem.findMany({
        orderBy: { itemKey: "asc" },
        select: { itemKey: true, status: true, reason: true },
      }),
    ).toEqual(partial);
  });

  it("a partial run over the changed window agrees with a full run", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "Q1", value: 100, at: T });
    await makeOrder({ storeId: s.id, ref: "Q2", value: 100, at: at(20) });
    await makeEvent({ ref: "Q1", value: 100, at: T });
    await reconcile();
    await makeReceipt({ storeId: s.id, value: 100, at: at(25) });
    await reconcile(timeSpanScope(at(-86400), at(86400)));
    const partial = await db().reconItem.findMany({
      orderBy: { itemKey: "asc" },
      select: { itemKey: true, status: true, method: true },
    });
    await reconcile();
    const full = await db().reconItem.findMany({
      orderBy: { itemKey: "asc" },
      select: { itemKey: true, status: true, method: true },
    });
    expect(partial).toEqual(full);
    const q2 = await db().posOrder.findFirstOrThrow({ where: { merchantReference: "Q2" } });
    expect(full.find((i) => i.itemKey === `order:${q2.id}`)?.status).toBe("matched");
  });
});
