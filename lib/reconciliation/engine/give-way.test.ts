import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runFull } from "@/lib/reconciliation/engine/full-run";
import {
  givingWay,
  LAST_PARTIAL_RUN,
  liveMatchingGoingOn,
  liveMatchingLagMs,
} from "@/lib/reconciliation/engine/give-way";
import { PARTIAL_LOCK } from "@/lib/reconciliation/engine/locks";
import { reconcileQueued } from "@/lib/reconciliation/engine/run";
import { DEFAULT_MATCH_SETTINGS } from "@/lib/reconciliation/engine/settings";
import { withTestDatabase } from "@/lib/testing/database";
import { makeEvent, makeOrder, makeStore } from "@/prisma/seed/factories";

describe("the pacer", () => {
  const options = { behindMs: 2_000, maxPauseMs: 1_000, stepMs: 100 };

  it("does not pause while incremental matching keeps up", async () => {
    const pace = givingWay(options, async () => 1_500);
    await pace();
    expect(pace.pausedMs).toBe(0);
  });

  it("pauses while the oldest pending change is older than the threshold, then goes on", async () => {
    const ages = [9_000, 6_000, 3_000, 500];
    const pace = givingWay(options, async () => ages.shift() ?? 0);
    await pace();
    expect(pace.pausedMs).toBe(300);
    expect(ages).toEqual([]);
  });

  it("never pauses more than its cap over the whole run", async () => {
    const pace = givingWay(options, async () => 60_000);
    await pace();
    await pace();
    expect(pace.pausedMs).toBe(1_000);
  });
});

describe("a full run giving way", () => {
  withTestDatabase();
  beforeEach(async () => {
    await db().$executeRawUnsafe(
      "TRUNCATE recon_items, recon_queue, payment_events, pos_orders, stores, app_settings CASCADE",
    );
  });

  async function seed() {
    const s = await makeStore();
    const at = new Date("2026-11-20T12:00:00Z");
    await makeOrder({ storeId: s.id, ref: "GW-1", value: 1250, at });
    await makeEvent({ ref: "GW-1", value: 1250, at });
  }

  // A partial run finished a moment ago (its heartbeat): incremental matching is going on.
  const drainedJustNow = () =>
    db().appSetting.upsert({
      where: { key: LAST_PARTIAL_RUN },
      create: { key: LAST_PARTIAL_RUN, value: new Date().toISOString() },
      update: { value: new Date().toISOString() },
    });

  it("reads how far behind incremental matching is, only while something drains the queue", async () => {
    await seed();
    await db().$executeRawUnsafe("UPDATE recon_queue SET queued_at = now() - interval '30 seconds'");
    // Nobody drains it (no app running its jobs): pausing would help nothing.
    expect(await liveMatchingLagMs()).toBe(0);
    await drainedJustNow();
    expect(await liveMatchingLagMs()).toBeGreaterThanOrEqual(30_000);
    await db().$executeRawUnsafe("UPDATE recon_queue SET done_at = now()");
    expect(await liveMatchingLagMs()).toBe(0);
  });

  it("counts a partial run holding its lock as draining", async () => {
    await seed();
    await db().$executeRawUnsafe("UPDATE recon_queue SET queued_at = now() - interval '30 seconds'");
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", PARTIAL_LOCK);
      expect(await liveMatchingLagMs()).toBeGreaterThanOrEqual(30_000);
    });
    expect(await liveMatchingLagMs()).toBe(0);
  });

  it("pauses while changes wait and matching goes on, up to its cap, and computes the same results", async () => {
    await seed();
    // Changes that have waited a minute while partial runs go on: matching is as far behind as it gets.
    await db().$executeRawUnsafe("UPDATE recon_queue SET queued_at = now() - interval '1 minute'");
    await drainedJustNow();
    const result = await runFull(DEFAULT_MATCH_SETTINGS, { behindMs: 2_000, maxPauseMs: 600, stepMs: 100 });
    expect(result.pausedMs).toBe(600);
    expect(result.byStatus).toEqual({ matched: 1 });
    const row = await db().reconItem.findFirst({ where: { merchantReference: "GW-1" } });
    expect(row?.status).toBe("matched");
  });

  it("does not pause when matching keeps up, or when nothing drains the queue", async () => {
    await seed();
    await db().$executeRawUnsafe("UPDATE recon_queue SET queued_at = now() - interval '1 minute'");
    const idle = await runFull(DEFAULT_MATCH_SETTINGS, { behindMs: 2_000, maxPauseMs: 600, stepMs: 100 });
    expect(idle.pausedMs).toBe(0);
    await drainedJustNow();
    await db().$executeRawUnsafe("UPDATE recon_queue SET done_at = now()");
    const keepingUp = await runFull(DEFAULT_MATCH_SETTINGS, { behindMs: 2_000, maxPauseMs: 600, stepMs: 100 });
    expect(keepingUp.pausedMs).toBe(0);
    expect(keepingUp.byStatus).toEqual({ matched: 1 });
  });

  it("keeps to one core while live traffic is matched, and uses them all alone", async () => {
    await seed();
    // Changes that merely wait (a bulk load, the app stopped): no live matching.
    expect(await liveMatchingGoingOn()).toBe(false);
    const alone = await runFull(DEFAULT_MATCH_SETTINGS);
    expect(alone).toMatchObject({ parallel: true, pausedMs: 0 });
    // A new change, matched by a partial run a moment ago.
    await makeOrder({ storeId: (await db().store.findFirstOrThrow()).id, ref: "GW-2", value: 500, at: new Date() });
    expect(await reconcileQueued(100)).not.toBeNull();
    expect(await liveMatchingGoingOn()).toBe(true);
    const live = await runFull(DEFAULT_MATCH_SETTINGS, { behindMs: 2_000, maxPauseMs: 600, stepMs: 100 });
    expect(live.parallel).toBe(false);
    expect(live.byStatus.matched).toBe(1);
  });
});
