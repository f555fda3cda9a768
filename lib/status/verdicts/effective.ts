// What a reader is shown, from the stored verdict and the facts around it: a maintenance window wins, and probes
// that did not run (or failed) make the verdict unknown instead of leaving the last green standing. Pure.
import type { ProviderStatus, VerdictState } from "@/lib/status/types";
import { plainReason, reasonOf, type Reason } from "./reason";
import { reasonText } from "./reason-text";
import type { StoredVerdict } from "./rules";

/** Results older than this many intervals no longer count. */
export const STALE_INTERVALS = 3;

export type LastRun = { at: Date; ok: boolean; error: string | null };
export type ActiveMaintenance = { startsAt: Date; endsAt: Date; reason: string };
/** `reason` in English (the API), `why` the same in codes (pages). */
export type Shown = { state: VerdictState; since: string | null; reason: string; why: Reason };

const shown = (state: VerdictState, since: string | null, why: Reason, now: Date): Shown => ({
  state,
  since,
  reason: reasonText(why, now),
  why,
});

export function effectiveVerdict(
  stored: (Pick<StoredVerdict, "state" | "since" | "reason"> & { why?: Reason }) | null,
  ctx: { now: Date; intervalS: number; lastRun: LastRun | null; maintenance: ActiveMaintenance | null },
): Shown {
  const { now, intervalS, lastRun, maintenance } = ctx;
  if (maintenance) {
    const why = reasonOf("maintenanceUntil", {
      until: { at: maintenance.endsAt.toISOString() },
      note: maintenance.reason,
    });
    return shown("maintenance", maintenance.startsAt.toISOString(), why, now);
  }
  if (!lastRun) return shown("unknown", null, reasonOf("noProbeYet"), now);
  if (!lastRun.ok) {
    const at = lastRun.at.toISOString();
    return shown(
      "unknown",
      at,
      reasonOf("probeJobFailed", { at: { at }, error: lastRun.error ?? "no reason given" }),
      now,
    );
  }
  const staleAfterMs = STALE_INTERVALS * intervalS * 1000;
  if (now.getTime() - lastRun.at.getTime() > staleAfterMs) {
    const why = reasonOf("probeStale", { age: { since: lastRun.at.toISOString() }, interval: intervalS });
    return shown("unknown", new Date(lastRun.at.getTime() + staleAfterMs).toISOString(), why, now);
  }
  if (!stored) return shown("unknown", null, reasonOf("notProbedYet"), now);
  return {
    state: stored.state,
    since: stored.since,
    reason: stored.reason,
    why: stored.why ?? plainReason(stored.reason),
  };
}

/**
 * Our probes against the provider's page: red here while the page is green, or an outage on the page while this
 * store answers. Nothing is claimed when either side does not know.
 */
export function disagreementOf(
  ours: VerdictState,
  provider: Pick<ProviderStatus, "state" | "incidents">,
  providerName = "Adyen",
): Reason | null {
  if (provider.state === "unknown" || ours === "unknown" || ours === "maintenance") return null;
  if ((ours === "outage" || ours === "degraded") && provider.state === "operational")
    return reasonOf(ours === "outage" ? "disagreeOutage" : "disagreeDegraded", { provider: providerName });
  if (ours === "operational" && provider.state === "outage") {
    const first = provider.incidents[0]?.name;
    return first
      ? reasonOf("disagreeProviderNamed", { provider: providerName, incident: first })
      : reasonOf("disagreeProvider", { provider: providerName });
  }
  return null;
}
