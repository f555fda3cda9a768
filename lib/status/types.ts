// Shapes shared by the status panel's probes, rules, read models and API (the JSON contract of /api/v1/status).
import type { Reason } from "./verdicts/reason";

export const VERDICT_STATES = ["operational", "degraded", "outage", "maintenance", "unknown"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

/** What one probe said about one subject, before the rules weigh it. "error": the check itself failed. */
export type Level = "up" | "degraded" | "down" | "error";

/** Stored per probe result (smallint): 0 up, 1 degraded, 2 down, 3 unknown (the check failed). */
export const OUTCOME_CODE: Record<Level, number> = { up: 0, degraded: 1, down: 2, error: 3 };

export const PROBE_KINDS = ["cloud_link", "terminal_api", "webhooks", "checkout", "management"] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
export const STORE_KINDS = ["cloud_link", "terminal_api", "webhooks"] as const satisfies readonly ProbeKind[];
export const MERCHANT_KINDS = ["checkout", "management"] as const satisfies readonly ProbeKind[];

/** Components shown in /api/v1/status, in this order. */
export const COMPONENTS = ["cloud_link", "terminal_api", "checkout", "management", "webhooks"] as const;
export type ComponentName = (typeof COMPONENTS)[number];

/** A store in /api/v1/status: `reason` and `disagreement` in English. */
export type StoreStatusJson = {
  storeId: string;
  name: string;
  state: VerdictState;
  since: string | null;
  reason: string;
  /** Terminals connected of total in the probe result the verdict was made from. */
  terminals: { total: number; connected: number };
  disagreement: string | null;
};

/** What pages get besides: the reason and disagreement in codes, rendered in the reader's language. */
export type StoreStatus = StoreStatusJson & {
  why: Reason;
  disagreementWhy: Reason | null;
  /**
   * A flapping store whose link is back: payments work, and the verdict stays degraded until then (for alerts).
   * Null otherwise.
   */
  watchedUntil: string | null;
};

export type ComponentStatusJson = { name: ComponentName; state: VerdictState; since: string | null; reason: string };
export type ComponentStatus = ComponentStatusJson & { why: Reason };

export type ProviderIndicator = "none" | "minor" | "major" | "critical";

export type ProviderStatus = {
  state: VerdictState;
  indicator: ProviderIndicator | null;
  description: string;
  fetchedAt: string | null;
  reason: string | null;
  components: { name: string; status: string }[];
  incidents: { name: string; impact: string; status: string; startedAt: string | null }[];
};

export type StatusOverview = {
  generatedAt: string;
  provider: ProviderStatus;
  stores: StoreStatus[];
  components: ComponentStatus[];
};

/** The JSON contract of GET /api/v1/status. */
export type StatusOverviewJson = Omit<StatusOverview, "stores" | "components"> & {
  stores: StoreStatusJson[];
  components: ComponentStatusJson[];
};
