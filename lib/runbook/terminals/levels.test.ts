import { describe, expect, it } from "vitest";
import { effectiveStandalone, type LevelChain } from "@/lib/runbook/terminals/levels";
import { hasPrinter, isReadyForStandalone } from "@/lib/runbook/terminals/printers";

const v = (enabled: boolean | null, currency: string | null = "EUR") => ({ enabled, currency });

describe("the level an effective standalone setting comes from", () => {
  const cases: [string, LevelChain, string | null][] = [
    [
      "nothing overridden: company (with Adyen's defaults)",
      { company: v(false), merchant: v(false), store: v(false), terminal: v(false) },
      "company",
    ],
    [
      "switched on for the merchant",
      { company: v(false), merchant: v(true), store: v(true), terminal: v(true) },
      "merchant",
    ],
    [
      "switched on for the store",
      { company: v(false), merchant: v(false), store: v(true), terminal: v(true) },
      "store",
    ],
    [
      "switched off for one terminal",
      { company: v(false), merchant: v(false), store: v(true), terminal: v(false) },
      "terminal",
    ],
    [
      "store off under a merchant that is on",
      { company: v(false), merchant: v(true), store: v(false), terminal: v(false) },
      "store",
    ],
    [
      "on again for the terminal below that",
      { company: v(false), merchant: v(true), store: v(false), terminal: v(true) },
      "terminal",
    ],
    ["inventory terminal: no store level", { company: v(false), merchant: v(true), terminal: v(true) }, "merchant"],
    ["only the terminal was read", { terminal: v(true) }, "terminal"],
    ["nothing read", {}, null],
  ];
  it.each(cases)("%s", (_name, chain, level) => {
    expect(effectiveStandalone(chain).enabled?.level ?? null).toBe(level);
  });

  it("tracks the currency's level separately from the switch", () => {
    const chain: LevelChain = {
      company: v(false, null),
      merchant: v(false, "EUR"),
      store: v(true, "EUR"),
      terminal: v(true, "EUR"),
    };
    expect(effectiveStandalone(chain)).toEqual({
      enabled: { value: true, level: "store" },
      currency: { value: "EUR", level: "merchant" },
    });
  });
});

describe("printers and readiness", () => {
  it("knows Adyen's printer models however they are spelled", () => {
    for (const m of ["V400m", "V400cPlus", "V400c Plus", "Verifone.V240mPlus", "S1F2", "s1f2l"])
      expect(hasPrinter(m)).toBe(true);
    for (const m of ["P400Plus", "e280", "S1E", "AMS1", "", null]) expect(hasPrinter(m)).toBe(false);
  });

  it("needs standalone on, a printer and a boarded terminal", () => {
    const ready = { model: "V400m", standaloneEnabled: true, assignmentStatus: "boarded" };
    expect(isReadyForStandalone(ready)).toBe(true);
    expect(isReadyForStandalone({ ...ready, model: "P400Plus" })).toBe(false);
    expect(isReadyForStandalone({ ...ready, standaloneEnabled: null })).toBe(false);
    expect(isReadyForStandalone({ ...ready, assignmentStatus: "deployed" })).toBe(false);
  });
});
