import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "@/sim/catalog";
import { generateFleet } from "@/sim/fleet";
import type { TestSim } from "@/sim/test-support/sim-harness";
import { simPerSuite } from "@/sim/test-support/sim-per-suite";
import { runTerminalSync, type SyncDeps } from "@/lib/runbook/terminals/sync";
import { adyenFor } from "@/lib/runbook/test-support";

withTestDatabase();

const noWait = { sleep: async () => undefined, random: () => 0 };
const deps = (t: TestSim, over: Partial<SyncDeps> = {}): SyncDeps => ({
  adyen: adyenFor(t),
  concurrency: 4,
  now: () => new Date(),
  retry: noWait,
  ...over,
});
const full = { mode: "full" as const, requestedBy: "test" };
const terminal = (id: string) => db().terminal.findUniqueOrThrow({ where: { id } });

describe("terminal sync of the demo catalog", () => {
  const t = simPerSuite();
  beforeEach(async () => {
    await db().terminal.deleteMany();
    await db().terminalSync.deleteMany();
  });

  it("stores every terminal with its effective standalone setting and the level it comes from", async () => {
    const report = await runTerminalSync(full, deps(t));
    expect(report).toMatchObject({ status: "succeeded", terminals: DEMO_CATALOG.terminals.length, stores: 4 });
    expect(report.settingsRead).toBe(DEMO_CATALOG.terminals.length);
    expect(report.peakInFlight).toBeLessThanOrEqual(4);
    expect(await terminal("V400m-346403294")).toMatchObject({
      storeId: DEMO_STORE_IDS.BERLIN,
      model: "V400m",
      standaloneEnabled: true,
      standaloneCurrency: "EUR",
      standaloneLevel: "store",
      assignmentStatus: "boarded",
    });
    expect(await terminal("P400Plus-691669784")).toMatchObject({
      standaloneEnabled: false,
      standaloneLevel: "terminal",
    });
    expect(await terminal("V400m-893252880")).toMatchObject({ standaloneEnabled: true, standaloneLevel: "terminal" });
    expect(await terminal("V400m-670106513")).toMatchObject({ standaloneEnabled: false, standaloneLevel: "company" });
    // Inventory terminals have no merchant or store: the company's value.
    expect(await terminal("V400m-606474687")).toMatchObject({
      storeId: null,
      standaloneEnabled: false,
      standaloneLevel: "company",
    });
    const berlin = await db().store.findUniqueOrThrow({ where: { id: DEMO_STORE_IDS.BERLIN } });
    expect(berlin).toMatchObject({ reference: "berlin-mitte", timezone: "Europe/Berlin", country: "DE" });

    // Standalone on at merchant level: Amsterdam (no store setting) now inherits it from there. Berlin's own "on"
    // now repeats the merchant's value, which the API cannot tell from inheritance: reported at merchant level.
    await t.api("PATCH", `/v3/merchants/${t.sim.merchantAccount}/terminalSettings`, {
      standalone: { enableStandalone: true, currencyCode: "EUR" },
    });
    await runTerminalSync(full, deps(t));
    expect(await terminal("V400m-670106513")).toMatchObject({ standaloneEnabled: true, standaloneLevel: "merchant" });
    expect(await terminal("V400m-346403294")).toMatchObject({ standaloneEnabled: true, standaloneLevel: "merchant" });
    expect(await terminal("P400Plus-691669784")).toMatchObject({
      standaloneEnabled: false,
      standaloneLevel: "terminal",
    });
  });

  it("leaves the status probes' columns alone and hides terminals Adyen no longer lists", async () => {
    await runTerminalSync(full, deps(t));
    await db().terminal.update({
      where: { id: "V400m-346403294" },
      data: { connected: false, connectedCheckedAt: new Date() },
    });
    await db().terminal.create({ data: { id: "V400m-000000001", model: "V400m" } });
    await runTerminalSync(full, deps(t));
    expect(await terminal("V400m-346403294")).toMatchObject({ connected: false });
    expect((await terminal("V400m-000000001")).removedAt).not.toBeNull();
    expect((await terminal("V400m-346403294")).removedAt).toBeNull();
  });

  it("an incremental sync reads only the terminals under a level that changed", async () => {
    await runTerminalSync(full, deps(t));
    const quiet = await runTerminalSync({ mode: "incremental", requestedBy: "test" }, deps(t));
    expect(quiet).toMatchObject({ status: "succeeded", settingsRead: 0, terminals: DEMO_CATALOG.terminals.length });
    await t.api("PATCH", `/v3/stores/${DEMO_STORE_IDS.HAMBURG}/terminalSettings`, {
      standalone: { enableStandalone: true, currencyCode: "EUR" },
    });
    const changed = await runTerminalSync({ mode: "incremental", requestedBy: "test" }, deps(t));
    const hamburg = DEMO_CATALOG.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.HAMBURG).length;
    expect(changed.settingsRead).toBe(hamburg);
    expect(await terminal("P400Plus-391171822")).toMatchObject({ standaloneEnabled: true, standaloneLevel: "store" });
    // Untouched stores keep their values and levels.
    expect(await terminal("P400Plus-691669784")).toMatchObject({
      standaloneEnabled: false,
      standaloneLevel: "terminal",
    });
  });

  it("a failed sync keeps the last good data and records why", async () => {
    await runTerminalSync(full, deps(t));
    const before = await db().terminal.findMany({ orderBy: { id: "asc" } });
    await t.api("PATCH", `/v3/stores/${DEMO_STORE_IDS.BERLIN}/terminalSettings`, {
      standalone: { enableStandalone: false },
    });
    await t.control("POST", "/_sim/faults/error-rate", { family: "management", rate: 1, status: 503 });
    const failed = await runTerminalSync(full, deps(t));
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/HTTP 503/);
    expect(await db().terminal.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const runs = await db().terminalSync.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "failed"]);
    expect(runs[1]?.error).toMatch(/503/);
  });

  it("a sync of some stores (a manager's sync now) skips a store Adyen does not know", async () => {
    const report = await runTerminalSync(
      { mode: "full", storeIds: ["STNOTATADYEN0000000000000", DEMO_STORE_IDS.MUENCHEN], requestedBy: "test" },
      deps(t),
    );
    expect(report).toMatchObject({ status: "succeeded", stores: 1 });
    expect(report.terminals).toBe(DEMO_CATALOG.terminals.filter((x) => x.storeId === DEMO_STORE_IDS.MUENCHEN).length);
  });

  it("runs one sync at a time", async () => {
    await t.control("POST", "/_sim/faults/latency", { family: "management", ms: 50 });
    const [a, b] = await Promise.all([runTerminalSync(full, deps(t)), runTerminalSync(full, deps(t))]);
    expect([a.status, b.status].sort()).toEqual(["skipped", "succeeded"]);
  });
});

describe("terminal sync of a larger fleet, paginated and rate limited", () => {
  const t = simPerSuite({ catalog: generateFleet({ stores: 40, terminalsPerStore: 6 }), resetEachTest: false });

  it("reads every page and waits out 429s, never more than the limit in flight", async () => {
    await db().terminal.deleteMany();
    await t.control("POST", "/_sim/faults/rate-limit", { family: "management", limit: 60, windowMs: 1_000 });
    const waits: number[] = [];
    const report = await runTerminalSync(
      full,
      deps(t, { concurrency: 10, retry: { onThrottled: (ms) => void waits.push(ms) } }),
    );
    expect(report.status).toBe("succeeded");
    expect(report.terminals).toBe(240);
    expect(await db().terminal.count({ where: { removedAt: null } })).toBe(240);
    expect(report.throttled).toBeGreaterThan(0);
    // Waits follow Retry-After (whole seconds), not a blind loop.
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1_000);
    expect(report.peakInFlight).toBeLessThanOrEqual(10);
    // 3 terminal pages + 1 store page, company + merchant + 40 stores + 240 terminals.
    expect(report.calls - report.throttled).toBe(3 + 1 + 2 + 40 + 240);
  }, 60_000);
});
