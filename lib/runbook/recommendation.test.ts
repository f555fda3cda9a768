import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recommend, type StoreFacts, type VerdictState } from "@/lib/runbook/recommendation";

const facts = (over: Partial<StoreFacts> = {}): StoreFacts => ({
  verdict: { state: "outage", since: "2026-11-29T10:00:00Z", reason: "3 of 4 terminals offline" },
  outageDeclared: false,
  terminals: { total: 4, ready: 3, printerStandaloneOff: 0 },
  payByLink: "works",
  tapToPay: { available: false, devices: null },
  ...over,
});

describe("recommendation", () => {
  const cases: [string, Partial<StoreFacts>, string | null, string | null, string][] = [
    ["3 of 4 ready, links work", {}, "standalone", "payByLink", "reason.standaloneSome.payByLink"],
    [
      "all ready",
      { terminals: { total: 4, ready: 4, printerStandaloneOff: 0 } },
      "standalone",
      "payByLink",
      "reason.standaloneAll.payByLink",
    ],
    [
      "some ready, links fail, Tap to Pay recorded",
      { payByLink: "failing", tapToPay: { available: true, devices: 2 } },
      "standalone",
      "tapToPay",
      "reason.standaloneSome.tapToPay",
    ],
    ["some ready, nothing else", { payByLink: "unconfigured" }, "standalone", null, "reason.standaloneSome.none"],
    [
      "all ready, nothing else",
      { payByLink: "failing", terminals: { total: 2, ready: 2, printerStandaloneOff: 0 } },
      "standalone",
      null,
      "reason.standaloneAll.none",
    ],
    [
      "none ready (switched off), links never tried",
      { payByLink: "untested", terminals: { total: 4, ready: 0, printerStandaloneOff: 2 } },
      "payByLink",
      null,
      "reason.payByLink.standaloneOff",
    ],
    [
      "none with a printer, Tap to Pay as backup",
      { terminals: { total: 3, ready: 0, printerStandaloneOff: 0 }, tapToPay: { available: true, devices: null } },
      "payByLink",
      "tapToPay",
      "reason.payByLink.noPrinter",
    ],
    [
      "no terminals, only Tap to Pay",
      {
        terminals: { total: 0, ready: 0, printerStandaloneOff: 0 },
        payByLink: "failing",
        tapToPay: { available: true, devices: 1 },
      },
      "tapToPay",
      null,
      "reason.tapToPay.noTerminals",
    ],
    [
      "nothing usable",
      { terminals: { total: 2, ready: 0, printerStandaloneOff: 1 }, payByLink: "unconfigured" },
      null,
      null,
      "reason.nothing",
    ],
  ];
  it.each(cases)("%s", (_name, over, primary, backup, reason) => {
    const r = recommend(facts(over));
    expect(r.primary).toBe(primary);
    expect(r.backup).toBe(backup);
    expect(r.reason.key).toBe(reason);
  });

  it("carries the counts the reason names", () => {
    expect(recommend(facts()).reason.values).toEqual({ ready: 3, total: 4, rest: 1 });
  });

  const situations: [string, Partial<StoreFacts>, string, string][] = [
    ["outage", {}, "act", "headline.act.standalone"],
    ["degraded", { verdict: { state: "degraded", since: null, reason: "" } }, "act", "headline.act.standalone"],
    ["operational", { verdict: { state: "operational", since: null, reason: "" } }, "prepare", "headline.prepare"],
    [
      "operational but declared by the manager",
      { verdict: { state: "operational", since: null, reason: "" }, outageDeclared: true },
      "act",
      "headline.act.standalone",
    ],
    ["unknown", { verdict: { state: "unknown", since: null, reason: "" } }, "check", "headline.check.unknown"],
    [
      "maintenance",
      { verdict: { state: "maintenance", since: null, reason: "" } },
      "check",
      "headline.check.maintenance",
    ],
    ["no verdict at all", { verdict: null }, "check", "headline.check.noVerdict"],
    [
      "flapping, link back: payments through the POS work again",
      { verdict: { state: "degraded", since: null, reason: "", watching: true } },
      "watch",
      "headline.watch",
    ],
    [
      "flapping, link back, but the manager declared an outage",
      { verdict: { state: "degraded", since: null, reason: "", watching: true }, outageDeclared: true },
      "act",
      "headline.act.standalone",
    ],
    [
      "outage and nothing usable",
      { payByLink: "failing", terminals: { total: 1, ready: 0, printerStandaloneOff: 0 } },
      "act",
      "headline.act.nothing",
    ],
  ];
  it.each(situations)("situation: %s", (_name, over, situation, headline) => {
    const r = recommend(facts(over));
    expect(r.situation).toBe(situation);
    expect(r.headline.key).toBe(headline);
  });

  it("says that payments work again, without advice to switch, while an unstable link is watched", () => {
    const r = recommend(facts({ verdict: { state: "degraded", since: null, reason: "", watching: true } }));
    expect(r.reason.key).toBe("reason.watch");
    expect(r.headline.key).not.toMatch(/^headline\.act/);
  });

  it("marks each option usable or not with a note", () => {
    const r = recommend(facts({ payByLink: "failing", terminals: { total: 4, ready: 0, printerStandaloneOff: 3 } }));
    expect(r.options.standalone).toEqual({ usable: false, note: { key: "standalone.noneOn", values: { off: 3 } } });
    expect(r.options.payByLink.usable).toBe(false);
    expect(r.options.tapToPay).toEqual({ usable: false, note: { key: "tapToPay.notRecorded", values: {} } });
  });

  it("has an English and a German text for every message it can produce", () => {
    const states: (VerdictState | "watching" | null)[] = [
      "operational",
      "degraded",
      "watching",
      "outage",
      "maintenance",
      "unknown",
      null,
    ];
    const keys = new Set<string>();
    for (const state of states)
      for (const total of [0, 3])
        for (const ready of [0, 1, 3])
          for (const off of [0, 2])
            for (const payByLink of ["works", "untested", "failing", "unconfigured"] as const)
              for (const available of [false, true])
                for (const devices of [null, 2]) {
                  if (ready > total) continue;
                  const r = recommend({
                    verdict:
                      state === "watching"
                        ? { state: "degraded", since: null, reason: "", watching: true }
                        : state
                          ? { state, since: null, reason: "" }
                          : null,
                    outageDeclared: false,
                    terminals: { total, ready, printerStandaloneOff: off },
                    payByLink,
                    tapToPay: { available, devices },
                  });
                  [r.headline, r.reason, ...Object.values(r.options).map((o) => o.note)].forEach((m) =>
                    keys.add(m.key),
                  );
                }
    for (const locale of ["en", "de"]) {
      const messages = JSON.parse(readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as {
        runbook: { reco: Record<string, unknown> };
      };
      const missing = [...keys].filter(
        (key) =>
          typeof key
            .split(".")
            .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages.runbook.reco) !==
          "string",
      );
      expect(missing, locale).toEqual([]);
    }
  });
});
