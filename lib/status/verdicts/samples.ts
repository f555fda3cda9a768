// What one probe cycle says about a store or component, in levels and words. Pure: the rules in rules.ts weigh
// these samples over time; nothing here decides a verdict on its own.
import type { Level, VerdictState } from "@/lib/status/types";
import { plainReason, reasonOf, type Reason, type ReasonCode, type ReasonValue } from "./reason";
import { reasonText } from "./reason-text";

/**
 * `why` in codes for readers, `text` the same in English (logs, the API); `terminals` the cloud's count behind a
 * store's sample, so a page shows the count its verdict was made from.
 */
export type Sample = { level: Level; text: string; why?: Reason; terminals?: { total: number; connected: number } };

/** A sample whose text is its reason in English. */
function sample(level: Level, why: Reason, now: Date | string = new Date(0)): Sample {
  return { level, text: reasonText(why, now), why };
}
const said = (level: Level, code: ReasonCode, values?: Record<string, ReasonValue>) =>
  sample(level, reasonOf(code, values));

/** A sample's reason: its codes, or its text when it was made without them. */
export const whyOf = (s: Pick<Sample, "text" | "why">): Reason => s.why ?? plainReason(s.text);

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
  if (o.error !== undefined) return said("error", "cloudCheckFailed", { error: o.error });
  if (o.total <= 0) return said("error", "noTerminalsKnown");
  const counted = (s: Sample): Sample => ({ ...s, terminals: { total: o.total, connected: o.connected } });
  const offline = Math.max(0, o.total - o.connected);
  if (o.connected <= 0)
    return counted(
      o.total === 1 ? said("down", "onlyTerminalDown") : said("down", "allTerminalsDown", { total: o.total }),
    );
  const share = offline / o.total;
  const troubled = current === "degraded" || current === "outage";
  const isDegraded = troubled ? share > DEGRADED_LEAVE_SHARE : share >= DEGRADED_ENTER_SHARE;
  if (isDegraded) return counted(said("degraded", "someTerminalsDown", { offline, total: o.total }));
  return counted(
    offline === 0
      ? said("up", "allTerminalsUp", { total: o.total })
      : said("up", "mostTerminalsUp", { connected: o.connected, total: o.total }),
  );
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
    parts.push(said(terminal.level, "terminalApi", { detail: terminal.text }));
  const counts = cloud.terminals ? { terminals: cloud.terminals } : {};
  const joined = (level: Level, of: Sample[]): Sample => ({ ...sample(level, of.flatMap(whyOf)), ...counts });
  const known = parts.filter((p) => p.level !== "error");
  if (known.length === 0) return joined("error", parts);
  const worst = known.reduce((a, b) => (SEVERITY[b.level] > SEVERITY[a.level] ? b : a));
  if (worst.level === "up") return cloud.level === "up" ? cloud : { ...worst, ...counts };
  return joined(
    worst.level,
    known.filter((p) => p.level !== "up"),
  );
}

const SEVERITY: Record<Level, number> = { error: -1, up: 0, degraded: 1, down: 2 };

/** A merchant-wide component from its per-store levels (cloud link, Terminal API, webhooks). */
export function aggregateSample(levels: { name: string; level: Level }[], whenNone: ReasonCode): Sample {
  const known = levels.filter((l) => l.level !== "error");
  if (levels.length === 0) return said("error", whenNone);
  if (known.length === 0) return said("error", "noStoreCheckable");
  const down = known.filter((l) => l.level === "down");
  const troubled = known.filter((l) => l.level !== "up");
  if (down.length === known.length) return said("down", "allStoresDown", { count: known.length });
  if (troubled.length > 0) {
    const names = troubled
      .slice(0, 3)
      .map((l) => l.name)
      .join(", ");
    const counts = { affected: troubled.length, count: known.length, names };
    return troubled.length > 3
      ? said("degraded", "storesAffectedMore", { ...counts, more: troubled.length - 3 })
      : said("degraded", "storesAffected", counts);
  }
  return said("up", "allStoresFine", { count: known.length });
}

/** Checkout and Management: an answer proves reachability; a slow one is degraded. */
export const SLOW_API_MS = 3_000;

export function apiSample(
  r: { ok: true; latencyMs: number } | { ok: false; kind: "down" | "error"; text: string },
  name: "checkoutApi" | "managementApi",
): Sample {
  const api = { reason: reasonOf(name) };
  if (!r.ok) return said(r.kind, "apiFailed", { api, detail: r.text });
  if (r.latencyMs >= SLOW_API_MS) return said("degraded", "apiSlow", { api, duration: { ms: r.latencyMs } });
  return said("up", "apiAnswers", { api, latency: r.latencyMs });
}

/** Webhooks expected in a silence before it counts as unusual (a Poisson process gives none ~0.25% of the time). */
export const EXPECTED_WEBHOOKS_FOR_ALARM = 6;

/**
 * Webhook freshness: silence matters only against the store's usual traffic at this hour, so a store that is
 * simply quiet at night raises nothing.
 */
export function webhookSample(o: { lastAt: Date | null; expectedPerHour: number; now: Date }): Sample {
  const rate = Math.round(o.expectedPerHour * 10) / 10;
  if (o.expectedPerHour < 1) return said("up", "webhooksQuiet", { rate });
  const gapMs = o.lastAt ? o.now.getTime() - o.lastAt.getTime() : Number.POSITIVE_INFINITY;
  const expected = (o.expectedPerHour * gapMs) / 3_600_000;
  const gap = o.lastAt ? { since: o.lastAt.toISOString() } : null;
  if (expected >= EXPECTED_WEBHOOKS_FOR_ALARM)
    return sample(
      "degraded",
      gap ? reasonOf("webhooksSilent", { gap, rate }) : reasonOf("webhooksNoneYetUsual", { rate }),
      o.now,
    );
  return sample("up", gap ? reasonOf("webhooksLast", { gap }) : reasonOf("webhooksNoneYet"), o.now);
}
