// Reading never waits for matching, and matching never lags silently: reads and decisions go through while a
// full run is busy, an incremental run stays incremental however much changed, and work left behind by a crash
// right after `[accepted]` is picked up by the periodic catch-up.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { databaseUrl, db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { scheduleOf } from "@/lib/jobs/define";
import { registeredJobs } from "@/lib/jobs/queue";
import "@/lib/jobs/handlers";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { confirmMatch } from "@/lib/reconciliation/decisions";
import { pendingChanges, reconcileChanges } from "@/lib/reconciliation/incremental";
import { listReconItems } from "@/lib/reconciliation/queries";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { closeWebhookPool } from "@/lib/webhooks/pg-runner";
import { receiveNotifications } from "@/lib/webhooks/receive";
import { body, paymentItem, SETTINGS, sign } from "@/lib/webhooks/test-support";
import { makeOrder, makeReceipt, makeStore } from "@/prisma/seed/factories";

withTestDatabase({ beforeDrop: closeWebhookPool });
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.end().catch(() => undefined);
});

const finance: Principal = { kind: "user", id: "f", label: "fin@example.com", role: "finance", storeIds: "all" };
const T = new Date("2026-11-20T12:00:00Z");
const at = (s: number) => new Date(T.getTime() + s * 1000);

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: databaseUrl() });
  await c.connect();
  clients.push(c);
  return c;
}

/** Resolves "done" when the promise settles first, "blocked" when it still waits after `ms` (a lock, not speed). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<"done" | "blocked"> {
  let timer: NodeJS.Timeout | undefined;
  const blocked = new Promise<"blocked">((resolve) => (timer = setTimeout(() => resolve("blocked"), ms)));
  const result = await Promise.race([p.then(() => "done" as const), blocked]);
  clearTimeout(timer);
  return result;
}

describe("reads and decisions while a full run is busy", () => {
  it("answers the page and records a decision while a full run waits in the middle", async () => {
    await db().$executeRawUnsafe(
      "TRUNCATE recon_items, match_decisions, pos_orders, standalone_receipts, stores CASCADE",
    );
    const s = await makeStore();
    const o = await makeOrder({ storeId: s.id, value: 100, at: T });
    const r = await makeReceipt({ storeId: s.id, value: 100, at: at(400) });
    await reconcile();
    const item = await db().reconItem.findUniqueOrThrow({ where: { id: o.id * 3n } });
    expect(item.status).toBe("suggested");

    // Another session holds a table the full run reads, so the run stops half-way until it lets go.
    const blocker = await connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE settlement_lines IN ACCESS EXCLUSIVE MODE");
    const full = reconcile();
    try {
      await expect
        .poll(async () => {
          const waiting = await blocker.query(
            "SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'settlement_lines'::regclass AND NOT granted",
          );
          return (waiting.rows[0] as { n: number }).n;
        })
        .toBeGreaterThan(0);

      const reader = await connect();
      await reader.query("SET lock_timeout = '1s'");
      const page = await reader.query("SELECT id, status FROM recon_items ORDER BY occurred_at DESC LIMIT 50");
      expect(page.rows.length).toBeGreaterThan(0);
      expect(await settlesWithin(listReconItems(finance, parseReconFilter({})), 5_000)).toBe("done");

      const decision = confirmMatch(finance, item.id.toString(), { kind: "receipt", id: r.id.toString() });
      expect(await settlesWithin(decision, 10_000)).toBe("done");
      expect(await db().matchDecision.count({ where: { active: true, decision: "confirmed" } })).toBe(1);
    } finally {
      await blocker.query("ROLLBACK");
      await full;
    }
    await reconcileChanges();
    expect(await db().reconItem.findUniqueOrThrow({ where: { id: o.id * 3n } })).toMatchObject({
      status: "matched",
      reason: "confirmed",
    });
  });
});

describe("incremental matching under load", () => {
  it("stays incremental when more than 50,000 references changed at once", async () => {
    await db().$executeRawUnsafe(
      "TRUNCATE recon_items, match_decisions, pos_orders, standalone_receipts, stores CASCADE",
    );
    const s = await makeStore();
    await reconcileChanges();
    await db().$executeRawUnsafe(
      `INSERT INTO pos_orders (merchant_reference, store_id, amount_value, currency, ordered_at, source, updated_at)
       SELECT 'BULK-' || g, $1, 100 + g % 5000, 'EUR', now() - interval '3 hours' + g * interval '10 ms', 'api', now()
       FROM generate_series(1, 50001) g`,
      s.id,
    );
    const result = await reconcileChanges();
    expect(result?.scope).toBe("partial");
    expect(await db().reconItem.count({ where: { status: "missing" } })).toBe(50_001);
  });
});

describe("the queue of changes", () => {
  it("is emptied by a full run of what it covered, and keeps what arrived after the run started", async () => {
    await db().$executeRawUnsafe("TRUNCATE recon_items, recon_queue, pos_orders, stores CASCADE");
    const s = await makeStore();
    await makeOrder({ storeId: s.id, value: 100, at: T });
    expect((await pendingChanges()).pending).toBeGreaterThan(0);
    await reconcile();
    expect((await pendingChanges()).pending).toBe(0);
    await makeOrder({ storeId: s.id, value: 200, at: T });
    expect((await pendingChanges()).pending).toBe(1);
    await reconcileChanges();
    expect((await pendingChanges()).pending).toBe(0);
    expect(await db().reconItem.count()).toBe(2);
  });
});

describe("durable follow-up of stored webhooks", () => {
  it("a periodic catch-up job matches a webhook whose follow-up was never queued (process gone after [accepted])", async () => {
    await db().$executeRawUnsafe("TRUNCATE recon_items, match_decisions, pos_orders, payment_events, stores CASCADE");
    const s = await makeStore();
    const order = await makeOrder({ storeId: s.id, ref: "DURABLE-1", value: 1250, at: T });
    // Stored and acknowledged, but the in-process follow-up (afterWebhooksStored) never ran.
    await receiveNotifications(body([sign(paymentItem({ merchantReference: "DURABLE-1" }))]), null, {
      settings: SETTINGS,
    });
    const catchUp = registeredJobs().find((j) => j.name.startsWith("reconcile") && scheduleOf(j) !== undefined);
    expect(catchUp, "a scheduled reconciliation catch-up job").toBeDefined();
    if (!catchUp) return;
    expect(catchUp.retryBackoff).toBe(true);
    await catchUp.run(catchUp.scheduledData?.() ?? {}, { jobId: "test" });
    expect(await db().reconItem.findUniqueOrThrow({ where: { id: order.id * 3n } })).toMatchObject({
      status: "matched",
    });
  });
});
