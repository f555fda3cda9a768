// What a status page says, read by one of the adapters; the same shape whatever the format.
import type { ProviderIndicator, VerdictState } from "@/lib/status/types";

export type ProviderFormat = "adyen" | "statuspage" | "rss" | "atom";

export type ProviderIncident = { name: string; impact: string; status: string; startedAt: string | null };
export type ProviderMaintenance = { name: string; startsAt: string | null; endsAt: string | null; inProgress: boolean };

export type ProviderReading = {
  format: ProviderFormat | null;
  state: VerdictState;
  /** Statuspage's indicator as read; for Adyen's format the worst open incident's severity; null when unknown. */
  indicator: ProviderIndicator | null;
  description: string;
  /** Why the state is unknown, or what was odd about an otherwise readable page. */
  reason: string | null;
  components: { name: string; status: string }[];
  incidents: ProviderIncident[];
  maintenances: ProviderMaintenance[];
  /** The state judged only from what concerns in-store payments (used for disagreement). */
  paymentsState: VerdictState;
};

export function unreadable(reason: string): ProviderReading {
  return {
    format: null,
    state: "unknown",
    indicator: null,
    description: "Status page could not be read",
    reason,
    components: [],
    incidents: [],
    maintenances: [],
    paymentsState: "unknown",
  };
}

export const STATE_OF_INDICATOR: Record<ProviderIndicator, VerdictState> = {
  none: "operational",
  minor: "degraded",
  major: "outage",
  critical: "outage",
};

const RANK: Record<ProviderIndicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };

export function worstIndicator(list: ProviderIndicator[]): ProviderIndicator {
  return list.reduce<ProviderIndicator>((a, b) => (RANK[b] > RANK[a] ? b : a), "none");
}

/** Names that concern taking payments in a store through the cloud. */
export const PAYMENTS_RELEVANT = /terminal|\bpos\b|point of sale|payment|checkout|cloud|platform|acquir|in-person/i;

export function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function asString(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** An ISO date string when the value parses as a date, else null. */
export function asDate(v: unknown): string | null {
  const s = asString(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
