import { describe, expect, it } from "vitest";
import { DEMO_CATALOG, PRINTER_MODELS, TERMINAL_MODELS, hasBuiltInPrinter } from "./catalog";

describe("demo catalog", () => {
  const { stores, terminals } = DEMO_CATALOG;

  it("has the four demo stores with Adyen-shaped ids", () => {
    expect(stores.map((s) => s.city)).toEqual(["Berlin", "Hamburg", "München", "Amsterdam"]);
    for (const s of stores) {
      expect(s.id).toMatch(/^ST[A-Z0-9]{23}$/);
      expect(s.currency).toBe("EUR");
    }
    expect(new Set(stores.map((s) => s.id)).size).toBe(4);
    expect(stores.find((s) => s.city === "Amsterdam")?.timezone).toBe("Europe/Amsterdam");
  });

  it("has about thirty terminals named {model}-{serial}, each in a known store or in inventory", () => {
    expect(terminals.length).toBeGreaterThanOrEqual(28);
    expect(terminals.length).toBeLessThanOrEqual(34);
    const storeIds = new Set(stores.map((s) => s.id));
    for (const t of terminals) {
      expect(t.id).toBe(`${t.model}-${t.serialNumber}`);
      expect(t.model in TERMINAL_MODELS).toBe(true);
      if (t.storeId === null) expect(t.status).toBe("inventory");
      else expect(storeIds.has(t.storeId)).toBe(true);
    }
    expect(new Set(terminals.map((t) => t.id)).size).toBe(terminals.length);
    expect(terminals.filter((t) => t.status === "inventory").length).toBeGreaterThanOrEqual(2);
    expect(new Set(terminals.map((t) => t.model)).size).toBe(Object.keys(TERMINAL_MODELS).length);
  });

  it("mixes standalone settings at store and terminal level", () => {
    expect(stores.some((s) => s.standalone?.enableStandalone === true)).toBe(true);
    expect(stores.some((s) => s.standalone === undefined)).toBe(true);
    expect(terminals.some((t) => t.standaloneOverride === true)).toBe(true);
    expect(terminals.some((t) => t.standaloneOverride === false)).toBe(true);
  });

  it("designates a boarded probe terminal", () => {
    const probe = terminals.find((t) => t.id === DEMO_CATALOG.probeTerminalId);
    expect(probe?.status).toBe("boarded");
  });

  it("lists exactly the models Adyen documents with a built-in printer", () => {
    expect([...PRINTER_MODELS].sort()).toEqual(["S1F2", "S1F2L", "V240mPlus", "V400cPlus", "V400m"]);
    expect(hasBuiltInPrinter("P400Plus")).toBe(false);
    expect(hasBuiltInPrinter("V400m")).toBe(true);
  });

  it("is immutable", () => {
    expect(Object.isFrozen(DEMO_CATALOG.terminals)).toBe(true);
    expect(Object.isFrozen(DEMO_CATALOG.stores[0])).toBe(true);
  });
});
