import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { REASON_CODES, isLive, parseReason, renderReason, type Reason } from "./reason";
import { reasonText } from "./reason-text";
import { nextVerdict, ruleConfig, watchedUntil, type StoredVerdict } from "./rules";
import { cloudLinkSample } from "./samples";

const cfg = ruleConfig(15);
const T0 = Date.parse("2026-11-29T10:00:00Z");
const at = (i: number) => new Date(T0 + i * 15_000).toISOString();

function inGerman(reason: Reason, now: number): string {
  const t = createTranslator({ locale: "de", messages: de, namespace: "statusReason" });
  const message = (key: string, values: Record<string, string | number>) =>
    (t as unknown as (k: string, v: Record<string, string | number>) => string)(key, values);
  return renderReason(reason, { message, time: (iso) => new Date(iso).toISOString(), now });
}

/** Runs cloud samples of an 8-terminal store: U all connected, D none connected. */
function run(seq: string, start: StoredVerdict | null = null): StoredVerdict {
  let v = start;
  [...seq].forEach((c, i) => {
    const o = { total: 8, connected: c === "U" ? 8 : 0 };
    v = nextVerdict(v, cloudLinkSample(o, v?.state ?? "unknown"), at(i), cfg).verdict;
  });
  return v as StoredVerdict;
}

describe("verdict reasons in codes", () => {
  it("has every code in English and German", () => {
    for (const messages of [en, de]) {
      const known = Object.keys(messages.statusReason);
      expect(REASON_CODES.filter((c) => !known.includes(c))).toEqual([]);
    }
  });

  it("reads in the reader's language, from the same codes as the English text", () => {
    const outage = run("UUDD");
    expect(outage.reason).toBe("all 8 terminals not connected for 15 s");
    expect(inGerman(outage.why, Date.parse(at(3)))).toBe("alle 8 Terminals nicht verbunden (seit 15 s)");
  });

  it("counts a duration up from the time it began, whenever it is read", () => {
    const outage = run("UUDD");
    expect(isLive(outage.why)).toBe(true);
    expect(reasonText(outage.why, new Date(T0 + 3 * 15_000 + 50_000))).toBe("all 8 terminals not connected for 65 s");
    expect(reasonText(outage.why, new Date(Date.parse(at(2)) + 30 * 60_000))).toBe(
      "all 8 terminals not connected for 30 min",
    );
  });

  it("keeps the terminal count of the sample its reason describes", () => {
    // One failing sample does not change an operational verdict: its reason and its count stay those of the last
    // good sample, so a page never shows "operational · all 8 connected" beside "0 of 8 connected".
    const pending = run("UUD");
    expect(pending.state).toBe("operational");
    expect(pending.reason).toBe("all 8 terminals connected");
    expect(pending.terminals).toEqual({ total: 8, connected: 8 });
    const outage = run("UUDD");
    expect(outage.terminals).toEqual({ total: 8, connected: 0 });
  });

  it("reads back a reason stored before codes as its text", () => {
    expect(parseReason(null, "all 9 terminals connected")).toEqual([
      { code: "text", values: { text: "all 9 terminals connected" } },
    ]);
    expect(parseReason([{ code: "fromANewerVersion" }], "x")).toEqual([{ code: "text", values: { text: "x" } }]);
  });
});

describe("a flapping store whose link is back", () => {
  const flapped = run("UUDDUUDDUUDD" + "UU");

  it("stays degraded for alerts, and says that it is connected again and watched", () => {
    expect(flapped.state).toBe("degraded");
    expect(flapped.memory.flapping).toBe(true);
    expect(flapped.reason).toBe(
      "connected again, watching for 5 min because the link was unstable (4 changes within 10 min)",
    );
    expect(inGerman(flapped.why, T0)).toMatch(/^wieder verbunden; wir beobachten die Verbindung 5 Min\. lang/);
    expect(flapped.terminals).toEqual({ total: 8, connected: 8 });
  });

  it("is watched until five minutes after its link came back", () => {
    const back = Date.parse(at(12));
    expect(watchedUntil(flapped, cfg)).toBe(new Date(back + 300_000).toISOString());
  });

  it("is not watched while its link is down again, nor once it is steady", () => {
    const downAgain = run("D", flapped);
    expect(downAgain.state).toBe("degraded");
    expect(watchedUntil(downAgain, cfg)).toBeNull();
    expect(downAgain.reason).toMatch(/^flapping: 4 changes within 10 min; now all 8 terminals not connected/);
    const steady = run("U".repeat(20), flapped);
    expect(steady.state).toBe("operational");
    expect(watchedUntil(steady, cfg)).toBeNull();
  });
});
