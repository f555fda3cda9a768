// What a reader is shown, from the stored verdict and the facts around it: a maintenance window wins, and probes
// that did not run (or failed) make the verdict unknown instead of leaving the last green standing. Pure.
import type { ProviderStatus, VerdictState } from "@/lib/status/types";
import type { StoredVerdict } from "./rules";
import { formatDuration } from "./samples";

/** Results older than this many intervals no longer count. */
export const STALE_INTERVALS = 3;

export type LastRun = { at: Date; ok: boolean; error: string | null };
export type ActiveMaintenance = { startsAt: Date; endsAt: Date; reason: string };
export type Shown = { state: VerdictState; since: string | null; reason: string };

export function utcMinute(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function effectiveVerdict(
  stored: Pick<StoredVerdict, "state" | "since" | "reason"> | null,
  ctx: { now: Date; intervalS: number; lastRun: LastRun | null; maintenance: ActiveMaintenance | null },
): Shown {
  const { now, intervalS, lastRun, maintenance } = ctx;
  if (maintenance) {
    return {
      state: "maintenance",
      since: maintenance.startsAt.toISOString(),
      reason: `maintenance until ${utcMinute(maintenance.endsAt)}: ${maintenance.reason}`,
    };
  }
  if (!lastRun) return { state: "unknown", since: null, reason: "no probe has run yet" };
  if (!lastRun.ok) {
    return {
      state: "unknown",
      since: lastRun.at.toISOString(),
      reason: `the probe job failed at ${utcMinute(lastRun.at)}: ${lastRun.error ?? "no reason given"}`,
    };
  }
  const ageMs = now.getTime() - lastRun.at.getTime();
  const staleAfterMs = STALE_INTERVALS * intervalS * 1000;
  if (ageMs > staleAfterMs) {
    return {
      state: "unknown",
      since: new Date(lastRun.at.getTime() + staleAfterMs).toISOString(),
      reason: `no probe result for ${formatDuration(ageMs)} (expected every ${intervalS} s): the probe job is not running`,
    };
  }
  if (!stored) return { state: "unknown", since: null, reason: "not probed yet" };
  return { state: stored.state, since: stored.since, reason: stored.reason };
}

/**
 * Our probes against the provider's page: red here while the page is green, or an outage on the page while this
 * store answers. Nothing is claimed when either side does not know.
 */
export function disagreementOf(
  ours: VerdictState,
  provider: Pick<ProviderStatus, "state" | "incidents">,
  providerName = "Adyen",
): string | null {
  if (provider.state === "unknown" || ours === "unknown" || ours === "maintenance") return null;
  if ((ours === "outage" || ours === "degraded") && provider.state === "operational")
    return `Our probes see ${ours === "outage" ? "an outage" : "a degradation"} here; ${providerName}'s status page reports no incident`;
  if (ours === "operational" && provider.state === "outage") {
    const first = provider.incidents[0]?.name;
    return `${providerName}'s status page reports an outage${first ? ` ("${first}")` : ""}; this store's terminals answer our probes`;
  }
  return null;
}
