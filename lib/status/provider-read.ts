// The latest reading of the status page, as the API shows it; stale readings turn unknown like probe results.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ProviderIndicator, ProviderStatus, VerdictState } from "@/lib/status/types";
import { STALE_INTERVALS } from "./verdicts/effective";
import { formatDuration } from "./verdicts/reason-text";

export type ProviderView = ProviderStatus & { paymentsState: VerdictState; url: string | null };

export async function readProvider(now = new Date()): Promise<ProviderView> {
  const s = await db().statusProviderSnapshot.findFirst({ orderBy: { fetchedAt: "desc" } });
  if (!s) {
    return {
      state: "unknown",
      paymentsState: "unknown",
      indicator: null,
      description: "Not read yet",
      fetchedAt: null,
      reason: "the status page has not been read yet",
      components: [],
      incidents: [],
      url: null,
    };
  }
  const ageMs = now.getTime() - s.fetchedAt.getTime();
  const stale = ageMs > STALE_INTERVALS * env().STATUS_PAGE_POLL_S * 1000;
  return {
    state: stale ? "unknown" : (s.state as VerdictState),
    paymentsState: stale ? "unknown" : (s.paymentsState as VerdictState),
    indicator: stale ? null : (s.indicator as ProviderIndicator | null),
    description: s.description,
    fetchedAt: s.fetchedAt.toISOString(),
    reason: stale ? `last read ${formatDuration(ageMs)} ago: the status page poll is not running` : s.reason,
    components: s.components as ProviderStatus["components"],
    incidents: s.incidents as ProviderStatus["incidents"],
    url: s.url,
  };
}
