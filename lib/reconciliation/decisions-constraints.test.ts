// Decisions under concurrency: one payment is confirmed for one order whoever clicks first, bulk confirmation is
// one transaction, and item ids survive full runs.
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { bulkConfirm, confirmMatch } from "@/lib/reconciliation/decisions";
import { makeOrder, makeReceipt, makeStore } from "@/prisma/seed/factories";

withTestDatabase();
beforeEach(async () => {
  await db().$executeRawUnsafe(
    "TRUNCATE recon_items, match_decisions, payment_events, standalone_receipts, pos_orders, audit_log, stores CASCADE",
  );
});

const finance = (n: number): Principal => ({
  kind: "user",
  id: `00000000-0000-4000-8000-00000000000${n}`,
  label: `fin${n}@example.com`,
  role: "finance",
  storeIds: "all",
});
const T = new Date("2026-11-20T12:00:00Z");
const at = (s: number) => new Date(T.getTime() + s * 1000);
const itemOfOrder = (orderId: bigint) => db().reconItem.findUniqueOrThrow({ where: { id: orderId * 3n } });

describe("one payment, one order", () => {
  it("refuses a second active confirmation of the same payment in the database itself", async () => {
    const s = await makeStore();
    const o1 = await makeOrder({ storeId: s.id, value: 100, at: T });
    const o2 = await makeOrder({ storeId: s.id, value: 100, at: T });
    const r = await makeReceipt({ storeId: s.id, value: 100, at: at(10) });
    const decision = (orderId: bigint) => ({
      orderId,
      evidenceKind: "receipt",
      evidenceId: r.id,
      decision: "confirmed",
      decidedBy: "test",
    });
    await db().matchDecision.create({ data: decision(o1.id) });
    await expect(db().matchDecision.create({ data: decision(o2.id) })).rejects.toThrow();
    await db().matchDecision.create({ data: { ...decision(o2.id), decision: "rejected" } });
  });

  it("lets exactly one of two finance users confirming the same payment at once win", async () => {
    const s = await makeStore();
    const o1 = await makeOrder({ storeId: s.id, value: 100, at: at(0) });
    const o2 = await makeOrder({ storeId: s.id, value: 100, at: at(20) });
    const r = await makeReceipt({ storeId: s.id, value: 100, at: at(10) });
    await reconcile();
    const [i1, i2] = [await itemOfOrder(o1.id), await itemOfOrder(o2.id)];
    const evidence = { kind: "receipt" as const, id: r.id.toString() };
    const outcomes = await Promise.allSettled([
      confirmMatch(finance(1), i1.id.toString(), evidence),
      confirmMatch(finance(2), i2.id.toString(), evidence),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected");
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/already matched to another order/);
    expect(await db().matchDecision.count({ where: { active: true, evidenceId: r.id } })).toBe(1);
    const statuses = [(await itemOfOrder(o1.id)).status, (await itemOfOrder(o2.id)).status];
    expect(statuses.filter((st) => st === "matched")).toHaveLength(1);
  });

  it("bulk-confirms in one transaction: every decision of the batch carries the one transaction time", async () => {
    const s = await makeStore();
    const orders = [];
    for (let i = 0; i < 4; i++) {
      orders.push(await makeOrder({ storeId: s.id, value: 1000 + i, at: at(i * 3600) }));
      await makeReceipt({ storeId: s.id, value: 1000 + i, at: at(i * 3600 + 400) });
    }
    await reconcile();
    const items = await Promise.all(orders.map((o) => itemOfOrder(o.id)));
    expect(items.map((i) => i.status)).toEqual(["suggested", "suggested", "suggested", "suggested"]);
    expect(
      await bulkConfirm(
        finance(1),
        items.map((i) => i.id.toString()),
      ),
    ).toEqual({ confirmed: 4, skipped: 0 });
    const decided = await db().matchDecision.findMany({ where: { active: true } });
    expect(decided).toHaveLength(4);
    expect(new Set(decided.map((d) => d.decidedAt.getTime())).size).toBe(1);
    expect(await db().auditLog.count({ where: { action: "reconciliation.confirm" } })).toBe(4);
    for (const o of orders) expect((await itemOfOrder(o.id)).status).toBe("matched");
  });

  it("keeps every item's id through a full run, so a page or selection open meanwhile stays valid", async () => {
    const s = await makeStore();
    const o = await makeOrder({ storeId: s.id, value: 100, at: T });
    await makeReceipt({ storeId: s.id, value: 100, at: at(10) });
    await reconcile();
    const before = await itemOfOrder(o.id);
    await reconcile();
    expect((await itemOfOrder(o.id)).id).toBe(before.id);
  });
});
