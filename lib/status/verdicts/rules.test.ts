import { describe, expect, it } from "vitest";
import type { Level } from "@/lib/status/types";
import { nextVerdict, ruleConfig, type StoredVerdict, type Transition } from "./rules";
import { cloudLinkSample, storeSample, webhookSample, type Sample } from "./samples";
import { disagreementOf, effectiveVerdict } from "./effective";
import type { Reason } from "./reason";
import { reasonText } from "./reason-text";

const cfg = ruleConfig(15);
const T0 = Date.parse("2026-11-29T10:00:00Z");
const at = (i: number) => new Date(T0 + i * 15_000).toISOString();
const S: Record<string, Sample> = {
  U: { level: "up", text: "all 8 terminals connected" },
  G: { level: "degraded", text: "7 of 8 terminals not connected" },
  D: { level: "down", text: "all 8 terminals not connected" },
  E: { level: "error", text: "cloud device API check failed: HTTP 503" },
};

/** Runs a sequence like "UUDDUU" and returns the state after each sample and every transition. */
function run(seq: string, start: StoredVerdict | null = null) {
  let v = start;
  const states: string[] = [];
  const transitions: Transition[] = [];
  [...seq].forEach((c, i) => {
    const step = nextVerdict(v, S[c] as Sample, at(i), cfg);
    v = step.verdict;
    states.push(v.state);
    if (step.transition) transitions.push(step.transition);
  });
  return { states, transitions, last: v as unknown as StoredVerdict };
}

const short = (s: string) => ({ operational: "O", degraded: "G", outage: "X", unknown: "?" })[s] ?? s;

describe("verdict rules", () => {
  it.each([
    ["starts unknown and needs two good samples to be green", "UU", "?O"],
    ["one failed probe changes nothing", "UUUDUUU", "?OOOOOO"],
    ["two failed probes in a row are an outage", "UUDD", "?OOX"],
    ["recovery needs two good samples", "UUDDUUU", "?OOXXOO"],
    ["one good sample inside an outage changes nothing", "UUDDUDD", "?OOXXXX"],
    ["a mixed problem streak confirms its mildest level", "UUGD", "?OOG"],
    ["a single failed check is ignored", "UUEUU", "?OOOO"],
    ["three failed checks in a row are unknown", "UUEEE", "?OOO?"],
    ["failed checks neither confirm nor break an outage streak", "UUDED", "?OOOX"],
    ["a second outage soon after the first is still an outage", "UUDDUUDD", "?OOXXOOX"],
    ["flapping turns degraded and stays there", "UUDDUUDDUUDDUU", "?OOXXOOXXGGGGG"],
  ])("%s", (_name, seq, expected) => {
    expect(run(seq).states.map(short).join("")).toBe(expected);
  });

  it("says since when and why, counting from the first failing sample", () => {
    const { last, transitions } = run("UUDD");
    expect(last.state).toBe("outage");
    expect(last.since).toBe(at(2));
    expect(last.reason).toBe("all 8 terminals not connected for 15 s");
    expect(transitions).toEqual([
      { from: "unknown", to: "operational", at: at(1), reason: "all 8 terminals connected" },
      { from: "operational", to: "outage", at: at(3), reason: "all 8 terminals not connected for 15 s" },
    ]);
  });

  it("a flapping store raises few transitions however long it flaps", () => {
    const { transitions } = run("UU" + "DDUU".repeat(10));
    expect(transitions.map((t) => t.to)).toEqual(["operational", "outage", "operational", "outage", "degraded"]);
  });

  it("a flapping store is green again after five steady minutes", () => {
    const flapping = run("UUDDUUDDUUDDUU").last;
    expect(flapping.memory.flapping).toBe(true);
    const steady = run("U".repeat(20), flapping);
    expect(steady.states.slice(0, 17).every((s) => s === "degraded")).toBe(true);
    expect(steady.states.at(-1)).toBe("operational");
    expect(steady.last.memory.flapping).toBe(false);
  });
});

describe("samples", () => {
  const level = (total: number, connected: number, current = "operational" as const) =>
    cloudLinkSample({ total, connected }, current).level;

  it.each<[string, number, number, Level]>([
    ["a store with one terminal that is offline is down", 1, 0, "down"],
    ["a store with one terminal online is up", 1, 1, "up"],
    ["7 of 8 offline is degraded", 8, 1, "degraded"],
    ["half offline is degraded", 8, 4, "degraded"],
    ["one of 8 offline (switched off) is fine", 8, 7, "up"],
  ])("%s", (_n, total, connected, expected) => expect(level(total, connected)).toBe(expected));

  it("asks for more terminals back before a degraded store counts as up (hysteresis)", () => {
    expect(cloudLinkSample({ total: 8, connected: 5 }, "operational").level).toBe("up");
    expect(cloudLinkSample({ total: 8, connected: 5 }, "degraded").level).toBe("degraded");
    expect(cloudLinkSample({ total: 8, connected: 6 }, "degraded").level).toBe("up");
  });

  it("a store without known terminals cannot be judged", () => {
    expect(cloudLinkSample({ total: 0, connected: 0 }, "operational")).toMatchObject({
      level: "error",
      text: "no terminals known for this store",
    });
  });

  it("a Terminal API failure counts only when the cloud says the probe terminal is connected", () => {
    const cloud = cloudLinkSample({ total: 8, connected: 7 }, "operational");
    const unreachable = { level: "down" as const, text: "UnreachableHost", probeConnected: true };
    expect(storeSample(cloud, unreachable)).toMatchObject({ level: "down", text: "Terminal API: UnreachableHost" });
    expect(storeSample(cloud, { ...unreachable, probeConnected: false }).level).toBe("up");
    expect(storeSample(cloud, { level: "degraded", text: "Busy", probeConnected: true }).level).toBe("degraded");
    expect(storeSample({ level: "error", text: "x" }, { level: "up", text: "OK", probeConnected: null }).level).toBe(
      "up",
    );
  });

  it("webhook silence alarms only against the usual traffic at that hour", () => {
    const now = new Date(T0);
    const ago = (min: number) => new Date(T0 - min * 60_000);
    expect(webhookSample({ lastAt: ago(300), expectedPerHour: 0.2, now }).level).toBe("up");
    expect(webhookSample({ lastAt: ago(10), expectedPerHour: 12, now }).level).toBe("up");
    expect(webhookSample({ lastAt: ago(40), expectedPerHour: 12, now })).toMatchObject({
      level: "degraded",
      text: "no webhook for 40 min; usually 12/h at this hour",
    });
  });
});

describe("what readers see", () => {
  const now = new Date(T0);
  const stored = { state: "operational" as const, since: at(-10), reason: "all 8 terminals connected" };
  const fresh = { at: new Date(T0 - 10_000), ok: true, error: null };

  it("shows the stored verdict while results are fresh", () => {
    expect(effectiveVerdict(stored, { now, intervalS: 15, lastRun: fresh, maintenance: null }).state).toBe(
      "operational",
    );
  });

  it("results older than three intervals are unknown, not green", () => {
    const old = { ...fresh, at: new Date(T0 - 46_000) };
    const shown = effectiveVerdict(stored, { now, intervalS: 15, lastRun: old, maintenance: null });
    expect(shown.state).toBe("unknown");
    expect(shown.reason).toBe("no probe result for 46 s (expected every 15 s): the probe job is not running");
  });

  it("a failed probe job is unknown with its error", () => {
    const failed = { ...fresh, ok: false, error: "database unreachable" };
    const shown = effectiveVerdict(stored, { now, intervalS: 15, lastRun: failed, maintenance: null });
    expect(shown).toMatchObject({ state: "unknown", reason: expect.stringContaining("database unreachable") });
  });

  it("a maintenance window wins over any probe result", () => {
    const maintenance = { startsAt: new Date(T0 - 60_000), endsAt: new Date(T0 + 3_600_000), reason: "new router" };
    const outage = { ...stored, state: "outage" as const };
    expect(effectiveVerdict(outage, { now, intervalS: 15, lastRun: null, maintenance })).toMatchObject({
      state: "maintenance",
      since: maintenance.startsAt.toISOString(),
      reason: "maintenance until 2026-11-29 11:00 UTC: new router",
    });
  });

  it("flags disagreement both ways, and never when a side does not know", () => {
    const green = { state: "operational" as const, incidents: [] };
    const red = {
      state: "outage" as const,
      incidents: [{ name: "Terminal API down", impact: "major", status: "identified", startedAt: null }],
    };
    const text = (r: Reason | null) => (r ? reasonText(r, now) : r);
    expect(text(disagreementOf("outage", green))).toMatch(/Our probes see an outage here/);
    expect(text(disagreementOf("operational", red))).toMatch(/reports an outage \("Terminal API down"\)/);
    expect(disagreementOf("outage", red)).toBeNull();
    expect(disagreementOf("outage", { state: "unknown", incidents: [] })).toBeNull();
    expect(disagreementOf("maintenance", green)).toBeNull();
  });
});
