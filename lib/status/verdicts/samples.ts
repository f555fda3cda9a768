// What one probe cycle says about a store or component, in levels and words. Pure: the rules in rules.ts weigh
// these samples over time; nothing here decides a verdict on its own.
import type { Level, VerdictState } from "@/lib/status/types";

export type Sample = { level: Level; text: string };

/** Share of offline terminals that makes an operational store degraded, and the share it must fall to again. */
export const DEGRADED_ENTER_SHARE = 0.5;
export const DEGRADED_LEAVE_SHARE = 0.25;

export type CloudLinkObservation = { total: number; connected: number; error?: string };

/**
 * Cloud link of one store: no terminal connected is down; a large share offline is degraded. The bar to count as
 * "up" again is higher once the store is degraded or out (hysteresis), so a store hovering at the threshold does
 * not flip every cycle.
 */
export function cloudLinkSample(o: CloudLinkObservation, current: VerdictState): Sample {
  if (o.error !== undefined) return { level: "error", text: `cloud device API check failed: ${o.error}` };
  if (o.total <= 0) return { level: "error", text: "no terminals known for this store" };
  const offline = Math.max(0, o.total - o.connected);
  if (o.connected <= 0)
    return {
      level: "down",
      text: o.total === 1 ? "the store's only terminal not connected" : `all ${o.total} terminals not connected`,
    };
  const share = offline / o.total;
  const troubled = current === "degraded" || current === "outage";
  const isDegraded = troubled ? share > DEGRADED_LEAVE_SHARE : share >= DEGRADED_ENTER_SHARE;
  if (isDegraded) return { level: "degraded", text: `${offline} of ${o.total} terminals not connected` };
  return {
    level: "up",
    text: offline === 0 ? `all ${o.total} terminals connected` : `${o.connected} of ${o.total} terminals connected`,
  };
}

export type TerminalApiObservation = {
  level: Level;
  text: string;
  /** Whether the cloud lists the probe terminal as connected; null when unknown. */
  probeConnected: boolean | null;
};

/**
 * A store's sample from its cloud link and, when it has a probe terminal, the Terminal API call. A failed
 * Terminal API call to a terminal the cloud already reports offline adds nothing (the cloud link counts it); to a
 * terminal the cloud reports connected it means the cloud cannot route payments to the store: down.
 */
export function storeSample(cloud: Sample, terminal: TerminalApiObservation | null): Sample {
  const parts: Sample[] = [cloud];
  if (terminal && !(terminal.level === "down" && terminal.probeConnected === false))
    parts.push({ level: terminal.level, text: `Terminal API: ${terminal.text}` });
  const known = parts.filter((p) => p.level !== "error");
  if (known.length === 0) return { level: "error", text: parts.map((p) => p.text).join("; ") };
  const worst = known.reduce((a, b) => (SEVERITY[b.level] > SEVERITY[a.level] ? b : a));
  if (worst.level === "up") return cloud.level === "up" ? cloud : worst;
  const problems = known.filter((p) => p.level !== "up").map((p) => p.text);
  return { level: worst.level, text: problems.join("; ") };
}

const SEVERITY: Record<Level, number> = { error: -1, up: 0, degraded: 1, down: 2 };

/** A merchant-wide component from its per-store levels (cloud link, Terminal API, webhooks). */
export function aggregateSample(levels: { name: string; level: Level }[], whenNone: string): Sample {
  const known = levels.filter((l) => l.level !== "error");
  if (levels.length === 0) return { level: "error", text: whenNone };
  if (known.length === 0) return { level: "error", text: "could not be checked for any store" };
  const down = known.filter((l) => l.level === "down");
  const troubled = known.filter((l) => l.level !== "up");
  if (down.length === known.length) return { level: "down", text: `all ${known.length} stores down` };
  if (troubled.length > 0) {
    const names = troubled.slice(0, 3).map((l) => l.name);
    const more = troubled.length > 3 ? ` and ${troubled.length - 3} more` : "";
    return {
      level: "degraded",
      text: `${troubled.length} of ${known.length} stores affected (${names.join(", ")}${more})`,
    };
  }
  return { level: "up", text: `all ${known.length} stores fine` };
}

/** Checkout and Management: an answer proves reachability; a slow one is degraded. */
export const SLOW_API_MS = 3_000;

export function apiSample(
  r: { ok: true; latencyMs: number } | { ok: false; kind: "down" | "error"; text: string },
  name: string,
): Sample {
  if (!r.ok) return { level: r.kind, text: `${name}: ${r.text}` };
  if (r.latencyMs >= SLOW_API_MS) return { level: "degraded", text: `${name} slow: ${formatDuration(r.latencyMs)}` };
  return { level: "up", text: `${name} answers in ${r.latencyMs} ms` };
}

/** Webhooks expected in a silence before it counts as unusual (a Poisson process gives none ~0.25% of the time). */
export const EXPECTED_WEBHOOKS_FOR_ALARM = 6;

/**
 * Webhook freshness: silence matters only against the store's usual traffic at this hour, so a store that is
 * simply quiet at night raises nothing.
 */
export function webhookSample(o: { lastAt: Date | null; expectedPerHour: number; now: Date }): Sample {
  const rate = Math.round(o.expectedPerHour * 10) / 10;
  if (o.expectedPerHour < 1) return { level: "up", text: `quiet at this hour (usually ${rate} webhooks/h)` };
  const gapMs = o.lastAt ? o.now.getTime() - o.lastAt.getTime() : Number.POSITIVE_INFINITY;
  const expected = (o.expectedPerHour * gapMs) / 3_600_000;
  if (expected >= EXPECTED_WEBHOOKS_FOR_ALARM) {
    const gap = o.lastAt ? `no webhook for ${formatDuration(gapMs)}` : "no webhook yet";
    return { level: "degraded", text: `${gap}; usually ${rate}/h at this hour` };
  }
  return { level: "up", text: o.lastAt ? `last webhook ${formatDuration(gapMs)} ago` : "no webhook yet" };
}

/** "40 s", "3 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
