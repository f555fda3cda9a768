// What the app's status probes need from the simulator: a probe terminal per store, a store whose terminals go
// offline one by one, a cut store link that also cuts /sync, and Management's GET /v3/me.
import { describe, expect, it } from "vitest";
import { DEMO_CATALOG, DEMO_STORE_IDS } from "../catalog";
import { simPerSuite } from "../test-support/sim-per-suite";

describe("simulator support for status probes", () => {
  const t = simPerSuite();
  const connected = (store: string) =>
    t.api<{ uniqueDeviceIds: string[] }>(
      "GET",
      `/v1/merchants/${t.sim.merchantAccount}/connectedDevices?store=${store}`,
    );

  it("names a boarded probe terminal in every store", () => {
    for (const store of DEMO_CATALOG.stores) {
      const terminal = DEMO_CATALOG.terminals.find((x) => x.id === store.probeTerminalId);
      expect(terminal, store.name).toMatchObject({ storeId: store.id, status: "boarded" });
    }
  });

  it("takes a store's terminals offline one by one", async () => {
    const total = (await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds.length;
    await t.control("POST", "/_sim/outages/rolling", {
      storeId: DEMO_STORE_IDS.HAMBURG,
      active: true,
      everyMs: 60_000,
    });
    expect((await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds).toHaveLength(total - 1);
    await t.control("POST", "/_sim/clock/advance", { ms: 120_000 });
    expect((await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds).toHaveLength(total - 3);
    await t.control("POST", "/_sim/clock/advance", { ms: 3_600_000 });
    expect((await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds).toEqual([]);
    await t.control("POST", "/_sim/outages/rolling", { storeId: DEMO_STORE_IDS.HAMBURG, active: false });
    expect((await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds).toHaveLength(total);
  });

  it("answers GET /v3/me with the calling credential", async () => {
    const me = await t.api<{ id: string; active: boolean; roles: string[] }>("GET", "/v3/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ active: true, id: expect.any(String) });
    expect((await t.api("GET", "/v3/me", undefined, { "x-api-key": "wrong" })).status).toBe(401);
  });
});
