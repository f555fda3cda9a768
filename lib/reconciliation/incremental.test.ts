import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db";
import { reconcileChanges } from "@/lib/reconciliation/incremental";
import { makeEvent, makeOrder, makeStore } from "@/prisma/seed/factories";

withTestDatabase();

describe("incremental matching", () => {
  it("matches what changed, and still sees a row whose transaction started before the last run", async () => {
    expect(await reconcileChanges()).toBeNull();
    const s = await makeStore();
    const t = new Date("2026-11-20T12:00:00Z");
    await makeOrder({ storeId: s.id, ref: "INC-1", value: 100, at: t });
    const first = await reconcileChanges();
    expect(first?.scope).toBe("partial");
    expect(await db().reconItem.findFirst({ where: { merchantReference: "INC-1" } })).toMatchObject({
      status: "missing",
    });

    // A webhook whose insert transaction began a minute before that run, and committed after it.
    const late = await makeEvent({ ref: "INC-1", value: 100, at: t });
    await db().paymentEvent.update({ where: { id: late.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    await reconcileChanges();
    expect(await db().reconItem.findFirst({ where: { merchantReference: "INC-1" } })).toMatchObject({
      status: "matched",
    });
  });
});
