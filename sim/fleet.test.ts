import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFleet, parseFleetSize } from "./fleet";
import { startTestSim, type TestSim } from "./test-support/sim-harness";

describe("generated fleet", () => {
  it("has the asked size, unique ids, and is the same every time", () => {
    const fleet = generateFleet({ stores: 50, terminalsPerStore: 4 });
    expect(fleet.stores).toHaveLength(50);
    expect(fleet.terminals).toHaveLength(200);
    expect(new Set(fleet.stores.map((s) => s.id)).size).toBe(50);
    expect(new Set(fleet.terminals.map((t) => t.id)).size).toBe(200);
    expect(fleet.stores.every((s) => /^ST[A-Z0-9]{23}$/.test(s.id))).toBe(true);
    // Every store has a boarded probe terminal of its own.
    const byId = new Map(fleet.terminals.map((t) => [t.id, t]));
    expect(fleet.stores.every((s) => byId.get(s.probeTerminalId ?? "")?.storeId === s.id)).toBe(true);
    expect(fleet.terminals.every((t) => t.status === "boarded")).toBe(true);
    expect(generateFleet({ stores: 50, terminalsPerStore: 4 })).toEqual(fleet);
  });

  it("parses STORESxTERMINALS", () => {
    expect(parseFleetSize("2000x10")).toEqual({ stores: 2000, terminalsPerStore: 10 });
    expect(() => parseFleetSize("2000")).toThrow(/--fleet/);
  });

  describe("served by the simulator", () => {
    let t: TestSim;
    beforeAll(async () => {
      t = await startTestSim({ catalog: generateFleet({ stores: 30, terminalsPerStore: 5 }) });
    });
    afterAll(() => t.close());

    it("lists every terminal and takes the currency from the merchant level", async () => {
      const list = await t.api<{ itemsTotal: number }>("GET", "/v3/terminals?pageSize=100");
      expect(list.body.itemsTotal).toBe(150);
      const merchant = await t.api<{ standalone: { currencyCode?: string; enableStandalone?: boolean } }>(
        "GET",
        `/v3/merchants/${t.sim.merchantAccount}/terminalSettings`,
      );
      expect(merchant.body.standalone).toMatchObject({ currencyCode: "EUR", enableStandalone: false });
    });
  });
});
