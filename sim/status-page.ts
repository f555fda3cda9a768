// The simulated status page's state (components, incidents, maintenances) and its Atlassian Statuspage v2 JSON.
// How the site is served (Adyen's real format by default) is in status-site/.
import { randomBytes } from "node:crypto";
import type { SimRuntime } from "./runtime";

export const INDICATORS = ["none", "minor", "major", "critical"] as const;
export type Indicator = (typeof INDICATORS)[number];
export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export type IncidentStatus = "investigating" | "identified" | "monitoring" | "resolved";

const PAGE_ID = "adyensim0001";
const DESCRIPTIONS: Record<Indicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major System Outage",
};
const IMPACT_TO_COMPONENT: Record<Indicator, ComponentStatus> = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

export interface StatusComponent {
  readonly id: string;
  readonly name: string;
  status: ComponentStatus;
  updatedAt: Date;
}

export interface IncidentUpdate {
  readonly id: string;
  readonly status: IncidentStatus;
  readonly body: string;
  readonly at: Date;
}

export interface Incident {
  readonly id: string;
  readonly name: string;
  status: IncidentStatus;
  readonly impact: Indicator;
  readonly componentIds: readonly string[];
  readonly startedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  readonly updates: IncidentUpdate[];
}

export interface ScheduledMaintenance {
  readonly id: string;
  readonly name: string;
  readonly componentIds: readonly string[];
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export type StatusSiteFormat = "adyen" | "statuspage";

export interface StatusPageState {
  /** "adyen": status.adyen.com's real site; "statuspage": an Atlassian Statuspage page with RSS/Atom feeds. */
  format: StatusSiteFormat;
  available: boolean;
  override: { indicator: Indicator; description: string } | null;
  readonly createdAt: Date;
  readonly components: StatusComponent[];
  readonly incidents: Incident[];
  readonly maintenances: ScheduledMaintenance[];
}

// Fixed ids so tests and the demo can refer to components by id.
const COMPONENTS: readonly [string, string][] = [
  ["checkoutapi01", "Checkout API"],
  ["paybylink0001", "Pay by Link"],
  ["managementapi", "Management API"],
  ["terminalcloud", "Terminal API (cloud)"],
  ["clouddeviceap", "Cloud device API"],
  ["webhooks00001", "Webhooks"],
  ["customerarea1", "Customer Area"],
];

export function createStatusPageState(now: Date): StatusPageState {
  return {
    format: "adyen",
    available: true,
    override: null,
    createdAt: now,
    components: COMPONENTS.map(([id, name]) => ({ id, name, status: "operational", updatedAt: now })),
    incidents: [],
    maintenances: [],
  };
}

export function scheduleMaintenance(
  state: StatusPageState,
  input: { name: string; componentIds: readonly string[]; startsAt?: Date; endsAt?: Date },
  now: Date,
): ScheduledMaintenance {
  const startsAt = input.startsAt ?? now;
  const maintenance = {
    id: statusPageId(),
    name: input.name,
    componentIds: input.componentIds,
    startsAt,
    endsAt: input.endsAt ?? new Date(startsAt.getTime() + 3_600_000),
  };
  state.maintenances.push(maintenance);
  return maintenance;
}

function statusPageId(): string {
  return randomBytes(6).toString("hex");
}

export function openIncident(
  state: StatusPageState,
  input: { name: string; impact: Indicator; componentIds: readonly string[]; status?: IncidentStatus; body?: string },
  now: Date,
): Incident {
  const status = input.status ?? "investigating";
  const incident: Incident = {
    id: statusPageId(),
    name: input.name,
    status,
    impact: input.impact,
    componentIds: input.componentIds,
    startedAt: now,
    updatedAt: now,
    resolvedAt: null,
    updates: [{ id: statusPageId(), status, body: input.body ?? input.name, at: now }],
  };
  state.incidents.unshift(incident);
  refreshComponents(state, now);
  return incident;
}

export function resolveIncident(state: StatusPageState, id: string, body: string, now: Date): Incident | undefined {
  const incident = state.incidents.find((i) => i.id === id);
  if (!incident || incident.status === "resolved") return incident;
  incident.status = "resolved";
  incident.updatedAt = now;
  incident.resolvedAt = now;
  incident.updates.unshift({ id: statusPageId(), status: "resolved", body, at: now });
  refreshComponents(state, now);
  return incident;
}

const SEVERITY: Record<Indicator, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/** A component shows the worst impact among the open incidents that name it. */
function refreshComponents(state: StatusPageState, now: Date): void {
  const open = state.incidents.filter((i) => i.status !== "resolved");
  for (const c of state.components) {
    const worst = open
      .filter((i) => i.componentIds.includes(c.id))
      .reduce<Indicator>((acc, i) => (SEVERITY[i.impact] > SEVERITY[acc] ? i.impact : acc), "none");
    const status = IMPACT_TO_COMPONENT[worst];
    if (status !== c.status) {
      c.status = status;
      c.updatedAt = now;
    }
  }
}

function pageIndicator(state: StatusPageState): { indicator: Indicator; description: string } {
  if (state.override) return state.override;
  const indicator = state.incidents
    .filter((i) => i.status !== "resolved")
    .reduce<Indicator>((acc, i) => (SEVERITY[i.impact] > SEVERITY[acc] ? i.impact : acc), "none");
  return { indicator, description: DESCRIPTIONS[indicator] };
}

export function defaultDescription(indicator: Indicator): string {
  return DESCRIPTIONS[indicator];
}

/** Statuspage v2 summary.json of the current state. */
export function statuspageSummary(rt: SimRuntime): Record<string, unknown> {
  const state = rt.state.statusPage;
  const now = rt.clock.now();
  const url = `${rt.urls.base}/status`;
  const iso = (d: Date) => d.toISOString();
  const componentJson = (c: StatusComponent, position: number) => ({
    id: c.id,
    name: c.name,
    status: state.maintenances.some((m) => m.componentIds.includes(c.id) && m.startsAt <= now && m.endsAt > now)
      ? "under_maintenance"
      : c.status,
    created_at: iso(state.createdAt),
    updated_at: iso(c.updatedAt),
    position: position + 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: PAGE_ID,
    group: false,
    only_show_if_degraded: false,
  });
  const components = state.components.map(componentJson);
  const incidents = state.incidents
    .filter((i) => i.status !== "resolved")
    .map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      created_at: iso(i.startedAt),
      updated_at: iso(i.updatedAt),
      monitoring_at: null,
      resolved_at: null,
      impact: i.impact,
      shortlink: `${url}/incidents/${i.id}`,
      started_at: iso(i.startedAt),
      page_id: PAGE_ID,
      incident_updates: i.updates.map((u) => ({
        id: u.id,
        status: u.status,
        body: u.body,
        incident_id: i.id,
        created_at: iso(u.at),
        updated_at: iso(u.at),
        display_at: iso(u.at),
      })),
      components: components.filter((c) => i.componentIds.includes(c.id)),
    }));
  const scheduled = state.maintenances
    .filter((m) => m.endsAt > now)
    .map((m) => ({
      id: m.id,
      name: m.name,
      status: m.startsAt <= now ? "in_progress" : "scheduled",
      impact: "maintenance",
      scheduled_for: iso(m.startsAt),
      scheduled_until: iso(m.endsAt),
      shortlink: `${url}/incidents/${m.id}`,
      page_id: PAGE_ID,
      components: components.filter((c) => m.componentIds.includes(c.id)),
    }));
  const updatedAt = [
    state.createdAt,
    ...state.components.map((c) => c.updatedAt),
    ...state.incidents.map((i) => i.updatedAt),
  ].reduce((a, b) => (b > a ? b : a));
  return {
    page: { id: PAGE_ID, name: "Adyen", url, time_zone: "Etc/UTC", updated_at: iso(updatedAt) },
    components,
    incidents,
    scheduled_maintenances: scheduled,
    status: pageIndicator(state),
  };
}
