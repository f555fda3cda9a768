import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { pendingChanges, reconcileChanges } from "@/lib/reconciliation/incremental";
import { makeEvent, makeOrder, makeStore } from "@/prisma/seed/factories";

withTestDatabase();

const T = new Date("2026-11-20T12:00:00Z");
const entries = async () =>
  Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM recon_queue`)[0]?.n);

describe("incremental matching", () => {
  it("matches what changed, and still sees a row whose transaction started before the last run", async () => {
    expect(await reconcileChanges()).toBeNull();
    const s = await makeStore();
    await makeOrder({ storeId: s.id, ref: "INC-1", value: 100, at: T });
    const first = await reconcileChanges();
    expect(first?.scope).toBe("partial");
    expect(await db().reconItem.findFirst({ where: { merchantReference: "INC-1" } })).toMatchObject({
      status: "missing",
    });

    // A webhook whose insert transaction began a minute before that run, and committed after it.
    const late = await makeEvent({ ref: "INC-1", value: 100, at: T });
    await db().paymentEvent.update({ where: { id: late.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    await reconcileChanges();
    expect(await db().reconItem.findFirst({ where: { merchantReference: "INC-1" } })).toMatchObject({
      status: "matched",
    });
  });
});

describe("the queue of changes", () => {
  it("queues a bulk write as ranges of rows, not one entry per row, and matches every row of it", async () => {
    const s = await makeStore();
    await reconcileChanges();
    await db().$executeRawUnsafe(
      `INSERT INTO pos_orders (merchant_reference, store_id, amount_value, currency, ordered_at, source, updated_at)
       SELECT 'RANGE-' || g, $1, 100 + g, 'EUR', now() - interval '3 hours' + g * interval '1 s', 'api', now()
       FROM generate_series(1, 1000) g`,
      s.id,
    );
    expect(await entries()).toBeLessThanOrEqual(17);
    expect((await pendingChanges()).pending).toBeGreaterThanOrEqual(1000);
    // Batches of about 100 rows: the claim counts rows, not entries.
    const result = await reconcileChanges({ batchSize: 100 });
    expect(result?.changes).toBe(1000);
    expect(result?.batches).toBeGreaterThanOrEqual(6);
    expect(await db().reconItem.count({ where: { merchantReference: { startsWith: "RANGE-" } } })).toBe(1000);
    expect(await entries()).toBe(0);
  });

  it("queues nothing for an order sent again unchanged, and what an order was before when it changed", async () => {
    const s = await makeStore();
    const order = await makeOrder({ storeId: s.id, ref: "WAS-1", value: 700, at: T });
    await makeEvent({ ref: "WAS-1", value: 700, at: T, storeId: s.id });
    await reconcileChanges();
    expect(await db().reconItem.findUniqueOrThrow({ where: { id: order.id * 3n } })).toMatchObject({
      status: "matched",
    });

    await db().posOrder.update({ where: { id: order.id }, data: { updatedAt: new Date() } });
    expect(await entries()).toBe(0);

    // The POS corrects the order's reference: the payment it held must be looked at again, not left matched.
    await db().posOrder.update({ where: { id: order.id }, data: { merchantReference: "IS-1" } });
    expect(await entries()).toBe(2);
    await reconcileChanges();
    expect(await db().reconItem.findUniqueOrThrow({ where: { id: order.id * 3n } })).toMatchObject({
      merchantReference: "IS-1",
      status: "missing",
    });
    expect(await db().reconItem.findFirst({ where: { merchantReference: "WAS-1" } })).toMatchObject({
      status: "unexpected",
    });
  });
});
