// The summary cards and charts read recon_summary, kept current by every run: it must always equal counting the
// items themselves, after full runs, partial runs and decisions alike.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { databaseUrl, db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { reconcileChanges } from "@/lib/reconciliation/incremental";
import { summaryRows } from "@/lib/reconciliation/summary";
import { makeEvent, makeOrder, makeReceipt, makeStore } from "@/prisma/seed/factories";

withTestDatabase();
const finance: Principal = { kind: "user", id: "f", label: "fin@example.com", role: "finance", storeIds: "all" };
const T = new Date("2026-11-20T23:30:00Z");
const at = (s: number) => new Date(T.getTime() + s * 1000);

async function bothWays(p: Principal, params: Record<string, string> = {}) {
  const f = parseReconFilter(params);
  const norm = (rows: Awaited<ReturnType<typeof summaryRows>>) =>
    rows
      .map((r) => `${r.day}|${r.store_id}|${r.status}|${r.currency}|${r.n}|${r.amount}`)
      .sort()
      .join("\n");
  return { table: norm(await summaryRows(p, f)), live: norm(await summaryRows(p, f, { live: true })) };
}

describe("recon_summary", () => {
  it("equals the items counted directly after full runs, partial runs and per store", async () => {
    const a = await makeStore("STA", "Europe/Berlin");
    const b = await makeStore("STB", "America/New_York");
    await makeOrder({ storeId: a.id, ref: "S1", value: 100, at: T });
    await makeOrder({ storeId: b.id, ref: "S2", value: 250, at: at(60) });
    await makeEvent({ ref: "S1", value: 100, at: T, storeId: a.id });
    await makeEvent({ ref: "NOBODY", value: 70, at: T });
    await reconcile();
    let r = await bothWays(finance);
    expect(r.table).not.toBe("");
    expect(r.table).toBe(r.live);
    // Changes that partial runs apply: a payment for S2, a receipt without order, a mismatch.
    await makeEvent({ ref: "S2", value: 240, at: at(90), storeId: b.id });
    await makeReceipt({ storeId: a.id, value: 999, at: at(30) });
    await makeOrder({ storeId: a.id, ref: "S3", value: 70, at: T });
    await reconcileChanges();
    r = await bothWays(finance);
    expect(r.table).toBe(r.live);
    r = await bothWays(finance, { store: "STB", method: "merchant_reference" });
    expect(r.table).toBe(r.live);
    expect(await db().reconSummary.count()).toBeGreaterThan(0);
  });

  it("carries over what partial runs wrote and deleted while a full run was computing", async () => {
    const a = await makeStore("STC", "Europe/Berlin");
    await makeOrder({ storeId: a.id, ref: "L1", value: 100, at: T });
    const early = await makeEvent({ ref: "L3", value: 40, at: T, storeId: a.id });
    await reconcileChanges();
    expect(await db().reconItem.findUnique({ where: { id: early.id * 3n + 1n } })).toMatchObject({
      status: "unexpected",
    });
    // Another session holds the name the full run builds its new table under: the run waits there, after it
    // gathered its data and before its swap.
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    await blocker.query("CREATE TABLE recon_items_build (id bigint)");
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE recon_items_build IN ACCESS EXCLUSIVE MODE");
    const full = reconcile();
    try {
      await expect
        .poll(async () => {
          const waiting = await blocker.query(
            "SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'recon_items_build'::regclass AND NOT granted",
          );
          return (waiting.rows[0] as { n: number }).n;
        })
        .toBeGreaterThan(0);
      // Meanwhile L1 is paid, a new order arrives, and the order of the payment L3 (so that payment's own row goes):
      // a partial run writes all of it before the full run swaps.
      await makeEvent({ ref: "L1", value: 100, at: T, storeId: a.id });
      await makeOrder({ storeId: a.id, ref: "L2", value: 300, at: at(5) });
      await makeOrder({ storeId: a.id, ref: "L3", value: 40, at: T });
      await reconcileChanges();
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    await full;
    const r = await bothWays(finance);
    expect(r.table).toBe(r.live);
    expect(await db().reconItem.findFirst({ where: { merchantReference: "L1" } })).toMatchObject({ status: "matched" });
    expect(await db().reconItem.findFirst({ where: { merchantReference: "L2" } })).toMatchObject({ status: "missing" });
    expect(await db().reconItem.findMany({ where: { merchantReference: "L3" } })).toMatchObject([
      { status: "matched" },
    ]);
  });
});
