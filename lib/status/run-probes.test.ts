// The probe cycle against the real simulator over HTTP and a real database: cut links, dropped calls, a broken
// Terminal API path, maintenance, and what readers are shown when results stop coming.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_STORE_IDS } from "@/sim/catalog";
import { getComponentStatuses, getStoreStatuses } from "./results";
import { runProbeCycle } from "./run-probes";
import { clearStatus, seedStoresAndTerminals, simForSuite } from "./test-support";

withTestDatabase();
const sim = simForSuite();
const { BERLIN, HAMBURG } = DEMO_STORE_IDS;

async function state(storeId: string) {
  const [s] = await getStoreStatuses("system", { storeIds: [storeId] });
  return s;
}

async function cycles(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await runProbeCycle());
  return out;
}

describe("probe cycle", () => {
  beforeAll(seedStoresAndTerminals);
  beforeEach(clearStatus);

  it("turns green after two good cycles, and writes what the cloud said into terminals", async () => {
    const [first] = await cycles(1);
    expect(first?.calls).toBeGreaterThanOrEqual(4 + 4 + 2);
    expect((await state(BERLIN))?.state).toBe("unknown");
    await cycles(1);
    expect(await state(BERLIN)).toMatchObject({
      state: "operational",
      reason: "all 9 terminals connected",
      terminals: { total: 9, connected: 9 },
      disagreement: null,
    });
    // München's S1E is deployed, not boarded: it never connects and does not count.
    expect((await state(DEMO_STORE_IDS.MUENCHEN))?.terminals).toEqual({ total: 6, connected: 6 });
    const components = await getComponentStatuses("system");
    expect(components.map((c) => [c.name, c.state])).toEqual([
      ["cloud_link", "operational"],
      ["terminal_api", "operational"],
      ["checkout", "operational"],
      ["management", "operational"],
      ["webhooks", "operational"],
    ]);
  });

  it("a cut store link is an outage on the second failing cycle, an incident, and green again after two", async () => {
    await cycles(2);
    await sim().control("POST", "/_sim/outages", { storeId: BERLIN, active: true });
    await cycles(1);
    expect((await state(BERLIN))?.state).toBe("operational");
    const [, second] = await cycles(2);
    const berlin = await state(BERLIN);
    expect(berlin).toMatchObject({ state: "outage", terminals: { total: 9, connected: 0 } });
    expect(berlin?.reason).toMatch(/^all 9 terminals not connected for \d+ s$/);
    expect((await state(HAMBURG))?.state).toBe("operational");
    expect(second?.transitions).toEqual([]);
    const incident = await db().statusIncident.findFirst();
    expect(incident).toMatchObject({ endedAt: null, worst: "outage", open: [`store:${BERLIN}`] });
    expect(incident?.cause).toMatch(/^Berlin Mitte: all 9 terminals not connected/);

    await sim().control("POST", "/_sim/outages", { storeId: BERLIN, active: false });
    await cycles(1);
    expect((await state(BERLIN))?.state).toBe("outage");
    await cycles(1);
    expect(await state(BERLIN)).toMatchObject({ state: "operational", terminals: { total: 9, connected: 9 } });
    expect((await db().statusIncident.findFirst())?.endedAt).not.toBeNull();
    const changes = await db().statusTransition.findMany({ where: { storeId: BERLIN }, orderBy: { id: "asc" } });
    expect(changes.map((c) => `${c.fromState}>${c.toState}`)).toEqual([
      "unknown>operational",
      "operational>outage",
      "outage>operational",
    ]);
  });

  it("a store manager sees their own stores and the account-wide components, not the fleet's", async () => {
    await cycles(2);
    await sim().control("POST", "/_sim/outages", { storeId: BERLIN, active: true });
    await cycles(2);
    const manager = {
      kind: "user" as const,
      id: "m",
      label: "m@x",
      role: "store_manager" as const,
      storeIds: [HAMBURG],
    };
    expect((await getComponentStatuses("system")).find((c) => c.name === "cloud_link")?.state).toBe("degraded");
    // The cloud link sums up every store: its state would tell Hamburg's manager that another store is in trouble.
    expect((await getComponentStatuses(manager)).map((c) => c.name)).toEqual(["checkout", "management"]);
    expect((await getStoreStatuses(manager)).map((s) => s.storeId)).toEqual([HAMBURG]);
    await expect(getStoreStatuses(manager, { storeIds: [BERLIN] })).rejects.toThrow(/may not status.read for store/);
  });

  it("a single dropped call changes nothing", async () => {
    await cycles(2);
    await sim().control("POST", "/_sim/faults/drop-connection", { count: 1, family: "device" });
    const [cycle] = await cycles(1);
    expect(cycle?.transitions).toEqual([]);
    await cycles(1);
    const all = await getStoreStatuses("system");
    expect(all.every((s) => s.state === "operational")).toBe(true);
  });

  it("Terminal API failing while the terminals stay connected is an outage: the cloud cannot route payments", async () => {
    await cycles(2);
    await sim().control("POST", "/_sim/faults/error-rate", { family: "terminal", rate: 1, status: 503 });
    await cycles(2);
    const berlin = await state(BERLIN);
    expect(berlin).toMatchObject({ state: "outage", terminals: { connected: 9 } });
    expect(berlin?.reason).toMatch(/^Terminal API: V400m-346403294: HTTP 503/);
  });

  it("terminals going offline one by one: degraded, then out", async () => {
    await cycles(2);
    // Hamburg has 7 terminals: with 4 offline (57%) it is degraded, with all offline it is out.
    await sim().control("POST", "/_sim/outages/rolling", { storeId: HAMBURG, active: true, everyMs: 60_000 });
    await sim().control("POST", "/_sim/clock/advance", { ms: 180_000 });
    await cycles(2);
    expect(await state(HAMBURG)).toMatchObject({ state: "degraded", terminals: { total: 7, connected: 3 } });
    await sim().control("POST", "/_sim/clock/advance", { ms: 600_000 });
    await cycles(2);
    expect((await state(HAMBURG))?.state).toBe("outage");
  });

  it("a maintenance window shows maintenance and sends no alert", async () => {
    await cycles(2);
    await db().alertEndpoint.create({ data: { name: "ops", url: "http://127.0.0.1:9/hook", createdBy: "test" } });
    await db().maintenanceWindow.create({
      data: {
        storeId: BERLIN,
        startsAt: new Date(Date.now() - 1000),
        endsAt: new Date(Date.now() + 3_600_000),
        reason: "router swap",
        createdBy: "test",
      },
    });
    await sim().control("POST", "/_sim/outages", { storeId: BERLIN, active: true });
    const runs = await cycles(3);
    expect(await state(BERLIN)).toMatchObject({ state: "maintenance", reason: expect.stringMatching(/router swap$/) });
    expect(runs.flatMap((r) => r.deliveryIds)).toEqual([]);
    // The window ends while the link is still cut: that is worth an alert.
    await db().maintenanceWindow.updateMany({ data: { endsAt: new Date() } });
    const [after] = await cycles(1);
    expect(after?.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(["maintenance>outage"]);
    expect(after?.deliveryIds).toHaveLength(1);
  });

  it("results that stopped coming, or a failed cycle, show unknown with the reason", async () => {
    await cycles(2);
    await db().statusProbeRun.updateMany({ data: { startedAt: new Date(Date.now() - 60_000) } });
    expect(await state(BERLIN)).toMatchObject({
      state: "unknown",
      reason: expect.stringMatching(/^no probe result for 60 s \(expected every 15 s\): the probe job is not running$/),
    });
    await db().statusProbeRun.create({
      data: { kind: "cloud_link", startedAt: new Date(), durationMs: 3, ok: false, error: "database unreachable" },
    });
    expect((await state(BERLIN))?.reason).toMatch(/^the probe job failed at .*: database unreachable$/);
  });

  it("Cloud device API errors are neither green nor red: unknown after three cycles", async () => {
    await cycles(2);
    await sim().control("POST", "/_sim/faults/error-rate", { family: "device", rate: 1, status: 500 });
    await cycles(2);
    expect((await state(HAMBURG))?.state).toBe("operational");
    await cycles(1);
    // Hamburg's probe terminal still answers over /sync, so the store is judged by it and stays green…
    expect((await state(HAMBURG))?.state).toBe("operational");
    const components = await getComponentStatuses("system");
    expect(components.find((c) => c.name === "cloud_link")?.state).toBe("unknown");
  });
});
