// What a store manager is shown of the fleet: their own stores, and nothing of any other store — no names, no
// states, and not the fleet's worst state through the components that sum up all stores or through incidents.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "@/sim/catalog";
import { getBannerState } from "./banner";
import { overviewJson } from "./api";
import { listIncidents } from "./incidents";
import { getStatusOverview } from "./snapshot";
import { runProbeCycle } from "./run-probes";
import { clearStatus, seedStoresAndTerminals, simForSuite } from "./test-support";

withTestDatabase();
const sim = simForSuite();
const { BERLIN, HAMBURG } = DEMO_STORE_IDS;
const manager: Principal = {
  kind: "user",
  id: "manager-berlin",
  label: "berlin@example.test",
  role: "store_manager",
  storeIds: [BERLIN],
};
const OTHER_STORES = DEMO_CATALOG.stores.filter((s) => s.id !== BERLIN);
const lastMonth = () => ({ from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 60_000) });

describe("a store manager's view of the status", () => {
  beforeAll(async () => {
    await seedStoresAndTerminals();
    await clearStatus();
    await sim().control("POST", "/_sim/reset");
    for (let i = 0; i < 2; i++) await runProbeCycle();
    // Hamburg loses its cloud link (outage); Berlin, the manager's store, five of its nine terminals (degraded).
    await sim().control("POST", "/_sim/outages", { storeId: HAMBURG, active: true });
    const berlin = DEMO_CATALOG.terminals.filter((t) => t.storeId === BERLIN && t.id !== "V400m-346403294");
    for (const t of berlin.slice(0, 5))
      await sim().control("POST", "/_sim/outages", { terminalId: t.id, active: true });
    for (let i = 0; i < 2; i++) await runProbeCycle();
  });

  it("the whole fleet is in trouble, as an admin sees it", async () => {
    const overview = await getStatusOverview("system");
    expect(overview.stores.find((s) => s.storeId === HAMBURG)?.state).toBe("outage");
    expect(overview.stores.find((s) => s.storeId === BERLIN)?.state).toBe("degraded");
    expect(overview.components.find((c) => c.name === "cloud_link")).toMatchObject({ state: "degraded" });
    const [incident] = await listIncidents("system", lastMonth());
    expect(incident).toMatchObject({ worst: "outage" });
    expect(incident?.stores.map((s) => s.storeId).sort()).toEqual([BERLIN, HAMBURG].sort());
  });

  it("/status and /api/v1/status: their store, the account-wide APIs, and no trace of any other store", async () => {
    const json = overviewJson(await getStatusOverview(manager));
    expect(json.stores.map((s) => [s.storeId, s.state])).toEqual([[BERLIN, "degraded"]]);
    // Cloud link, Terminal API and webhooks sum up every store: the fleet's state, not theirs.
    expect(json.components.map((c) => c.name)).toEqual(["checkout", "management"]);
    const text = JSON.stringify(json);
    for (const s of OTHER_STORES) {
      expect(text).not.toContain(s.id);
      expect(text).not.toContain(s.name);
    }
    expect(text).not.toMatch(/\bof \d+ stores\b/);
    expect(text).not.toContain("outage");
  });

  it("incidents: told from their store's side, with their store's worst state", async () => {
    const incidents = await listIncidents(manager, lastMonth());
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident).toMatchObject({ worst: "degraded", stores: [{ storeId: BERLIN, name: "Berlin Mitte" }] });
    expect(incident?.cause).toMatch(/^Berlin Mitte: /);
    expect(incident?.components.every((c) => c === "checkout" || c === "management")).toBe(true);
    const text = JSON.stringify(incidents);
    for (const s of OTHER_STORES) expect(text).not.toContain(s.name);
    expect(text).not.toContain("outage");
  });

  it("the banner: their store only", async () => {
    expect((await getBannerState(manager)).stores.map((s) => [s.storeId, s.state])).toEqual([[BERLIN, "degraded"]]);
  });
});
