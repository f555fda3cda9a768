import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import {
  closeOutage,
  closeRecoveredOutages,
  confirmProposedOutage,
  declareOutage,
  listOutages,
  openOutage,
} from "@/lib/runbook/outages";
import { principal } from "@/lib/runbook/test-support";

withTestDatabase();
const reconciled: string[] = [];
const opts = { reconcile: (reason: string) => void reconciled.push(reason) };
const manager = principal("store_manager", ["S1"]);
const hour = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

beforeEach(async () => {
  await db().outageWindow.deleteMany();
  reconciled.length = 0;
  await makeStore("S1");
  await makeStore("S2");
});

describe("outage windows", () => {
  it("declares a window, asks reconciliation to look again, and closes it", async () => {
    const w = await declareOutage(
      manager,
      { storeId: "S1", startsAt: ago(hour), reason: "Terminals unreachable" },
      opts,
    );
    expect(w).toMatchObject({ storeId: "S1", endsAt: null, source: "declared", declaredBy: manager.label });
    expect((await openOutage("S1"))?.id).toBe(w.id);
    const closed = await closeOutage(manager, w.id, new Date(), opts);
    expect(closed.endsAt).not.toBeNull();
    expect(await openOutage("S1")).toBeNull();
    expect(reconciled).toEqual(["outage window declared", "outage window closed"]);
    expect((await listOutages(manager, { storeId: "S1" })).map((o) => o.id)).toEqual([w.id]);
  });

  it.each([
    ["a store manager on another store", { storeId: "S2" }, "FORBIDDEN"],
    ["an unknown store", { storeId: "NOPE" }, "FORBIDDEN"],
    ["an end before the start", { endsAt: ago(2 * hour) }, "endsAt"],
    ["a start without time zone", { startsAt: "2026-11-29T10:00:00" }, "startsAt"],
    ["no reason", { reason: "" }, "reason"],
  ])("refuses %s", async (_name, over, expected) => {
    const err = await declareOutage(manager, { storeId: "S1", startsAt: ago(hour), reason: "r", ...over }, opts).catch(
      (e: unknown) => e,
    );
    if (expected === "FORBIDDEN") expect(err).toMatchObject({ code: "FORBIDDEN" });
    else expect(JSON.stringify(err)).toContain(expected);
    expect(await db().outageWindow.count()).toBe(0);
  });

  it("refuses a window overlapping one that is open", async () => {
    await declareOutage(manager, { storeId: "S1", startsAt: ago(2 * hour), reason: "first" }, opts);
    await expect(
      declareOutage(manager, { storeId: "S1", startsAt: ago(hour), reason: "second" }, opts),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Another store is independent.
    await declareOutage(principal("admin"), { storeId: "S2", startsAt: ago(hour), reason: "other" }, opts);
  });

  it("confirms the status panel's outage from its start, and closes it when the store recovers", async () => {
    const since = ago(20 * 60_000);
    const verdict = {
      storeId: "S1",
      state: "outage" as const,
      since,
      reason: "4 of 4 terminals offline",
      terminals: null,
      disagreement: null,
    };
    const w = await confirmProposedOutage(manager, "S1", verdict, opts);
    expect(w).toMatchObject({
      startsAt: since,
      source: "status",
      closesOnRecovery: true,
      reason: "4 of 4 terminals offline",
    });
    await expect(
      confirmProposedOutage(manager, "S1", { ...verdict, state: "operational" }, opts),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const recovered = ago(60_000);
    expect(await closeRecoveredOutages([{ ...verdict, state: "degraded" }], opts)).toBe(0);
    expect(await closeRecoveredOutages([{ ...verdict, state: "operational", since: recovered }], opts)).toBe(1);
    expect((await db().outageWindow.findUniqueOrThrow({ where: { id: w.id } })).endsAt?.toISOString()).toBe(recovered);
  });
});
