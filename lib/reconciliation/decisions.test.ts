import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { bulkConfirm, confirmMatch, matchManually, rejectMatch, undoDecision } from "@/lib/reconciliation/decisions";
import { listReconItems } from "@/lib/reconciliation/queries";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { makeEvent, makeOrder, makeReceipt, makeStore } from "@/prisma/seed/factories";

withTestDatabase();
beforeEach(async () => {
  await db().$executeRawUnsafe(
    "TRUNCATE recon_items, match_decisions, payment_events, standalone_receipts, pos_orders, audit_log, stores CASCADE",
  );
});

const finance: Principal = {
  kind: "user",
  id: "00000000-0000-4000-8000-000000000001",
  label: "fin@example.com",
  role: "finance",
  storeIds: "all",
};
const T = new Date("2026-11-20T12:00:00Z");
const at = (s: number) => new Date(T.getTime() + s * 1000);
const itemOf = (ref: string) =>
  db().reconItem.findFirstOrThrow({ where: { merchantReference: ref, orderId: { not: null } } });

describe("decisions", () => {
  it("confirming one of two tied candidates matches it, audits it, and the other becomes the other order's", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "E1", value: 1000, at: at(5) });
    await makeOrder({ storeId: s.id, ref: "E2", value: 1000, at: at(35) });
    const r1 = await makeReceipt({ storeId: s.id, value: 1000, at: at(20) });
    await makeReceipt({ storeId: s.id, value: 1000, at: at(50) });
    await reconcile();
    const e1 = await itemOf("E1");
    expect(e1.status).toBe("suggested");
    await confirmMatch(finance, e1.id.toString(), { kind: "receipt", id: r1.id.toString() });
    expect(await itemOf("E1")).toMatchObject({ status: "matched", reason: "confirmed", confidence: 100 });
    expect(await itemOf("E2")).toMatchObject({ status: "matched", reason: "standalone_unique" });
    const audit = await db().auditLog.findFirst({ where: { action: "reconciliation.confirm" } });
    expect(audit).toMatchObject({ actorLabel: "fin@example.com", entityId: e1.id.toString() });
    expect(JSON.stringify(audit?.before)).toContain("suggested");
  });

  it("remembers a rejection through later full runs, and undo brings the pair back", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "J1", value: 100, at: T });
    const r = await makeReceipt({ storeId: s.id, value: 100, at: at(30) });
    await reconcile();
    const j = await itemOf("J1");
    await rejectMatch(finance, j.id.toString(), { kind: "receipt", id: r.id.toString() });
    await reconcile();
    expect((await itemOf("J1")).status).toBe("missing");
    const d = await db().matchDecision.findFirstOrThrow({ where: { decision: "rejected" } });
    await undoDecision(finance, d.id.toString());
    expect((await itemOf("J1")).status).toBe("matched");
  });

  it("matches by hand across the window and refuses to give one payment to two orders", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "M1", value: 100, at: T });
    await makeOrder({ storeId: s.id, ref: "M2", value: 100, at: T });
    const e = await makeEvent({ ref: null, value: 100, at: at(5 * 3600), storeId: s.id });
    await reconcile();
    const m1 = await itemOf("M1");
    await matchManually(finance, m1.id.toString(), { kind: "event", id: e.id.toString() });
    expect(await itemOf("M1")).toMatchObject({ status: "matched", method: "manual" });
    const m2 = await itemOf("M2");
    await expect(matchManually(finance, m2.id.toString(), { kind: "event", id: e.id.toString() })).rejects.toThrow(
      /already matched to another order/,
    );
    await expect(matchManually(finance, m2.id.toString(), { kind: "event", id: "999999" })).rejects.toThrow(
      /No event with id/,
    );
    await expect(matchManually(finance, m2.id.toString(), { kind: "order" as "event", id: "1" })).rejects.toThrow(
      /evidence kind/,
    );
  });

  it("bulk-confirms single suggestions and leaves ties for a person", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "W1", value: 555, at: T, terminalId: "T9" });
    await makeReceipt({ storeId: s.id, value: 555, at: at(400), terminalId: undefined });
    await makeOrder({ storeId: s.id, ref: "E1", value: 1000, at: at(5) });
    await makeOrder({ storeId: s.id, ref: "E2", value: 1000, at: at(35) });
    await makeReceipt({ storeId: s.id, value: 1000, at: at(20) });
    await makeReceipt({ storeId: s.id, value: 1000, at: at(50) });
    await reconcile();
    expect(await itemOf("W1")).toMatchObject({ status: "suggested", reason: "standalone_weak" });
    const ids = [await itemOf("W1"), await itemOf("E1"), await itemOf("E2")].map((i) => i.id.toString());
    expect(await bulkConfirm(finance, ids)).toEqual({ confirmed: 1, skipped: 2 });
    expect((await itemOf("W1")).status).toBe("matched");
  });
});

describe("queries", () => {
  it("pages with a cursor over a filter without repeating or skipping rows", async () => {
    const s = await makeStore();
    for (let i = 0; i < 25; i++)
      await makeOrder({ storeId: s.id, ref: `P${String(i).padStart(2, "0")}`, value: 100 + (i % 3), at: at(i * 60) });
    await reconcile();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReconItems(
        finance,
        parseReconFilter({ status: "missing", sort: "amount", dir: "asc", limit: "7", ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((i) => i.merchantReference ?? ""));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(() => parseReconFilter({ sort: "password" })).toThrow();
    expect(() => parseReconFilter({ status: "paid" })).toThrow(/status must be one of/);
  });

  it("returns only the stores the actor may see, and refuses a filter on another store", async () => {
    const a = await makeStore("STA");
    const b = await makeStore("STB");
    await makeOrder({ storeId: a.id, ref: "A", value: 1, at: T });
    await makeOrder({ storeId: b.id, ref: "B", value: 1, at: T });
    await reconcile();
    // A principal limited to one store (the table scopes reconciliation reads by store).
    const scoped: Principal = { ...finance, storeIds: ["STA"] };
    const page = await listReconItems(scoped, parseReconFilter({}));
    expect(page.items.map((i) => i.merchantReference)).toEqual(["A"]);
    await expect(listReconItems(scoped, parseReconFilter({ store: "STB" }))).rejects.toThrow(
      "You may not reconciliation.read for store STB.",
    );
    const all = await listReconItems(finance, parseReconFilter({}));
    expect(all.items.map((i) => i.merchantReference).sort()).toEqual(["A", "B"]);
  });

  it("refuses store managers, whose role has no reconciliation", async () => {
    const manager: Principal = { ...finance, role: "store_manager", storeIds: ["STA"] };
    await expect(listReconItems(manager, parseReconFilter({}))).rejects.toThrow(
      "The role store_manager may not reconciliation.read.",
    );
  });
});

describe("stable ids", () => {
  it("keeps an order's item id through decisions, so selections made before stay valid", async () => {
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "K1", value: 321, at: T });
    await makeOrder({ storeId: s.id, ref: "K2", value: 654, at: T });
    await makeReceipt({ storeId: s.id, value: 321, at: at(400) });
    await makeReceipt({ storeId: s.id, value: 654, at: at(400) });
    await reconcile();
    const before = [await itemOf("K1"), await itemOf("K2")];
    expect(before.map((i) => i.status)).toEqual(["suggested", "suggested"]);
    expect(
      await bulkConfirm(
        finance,
        before.map((i) => i.id.toString()),
      ),
    ).toEqual({ confirmed: 2, skipped: 0 });
    const after = [await itemOf("K1"), await itemOf("K2")];
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after.map((i) => i.status)).toEqual(["matched", "matched"]);
  });
});
