// status.adyen.com's data as its single-page app loads it: GET /api/incident-messages/active and
// GET /api/maintenance-messages/active. Field names follow what the real site sends (contentful-style `sys.id`,
// `…Collection.items`); the values come from the simulated page's state.
import type { Incident, Indicator, StatusPageState } from "../status-page";

const SEVERITY: Record<Indicator, "GREY" | "YELLOW" | "RED"> = {
  none: "GREY",
  minor: "YELLOW",
  major: "RED",
  critical: "RED",
};

/** Adyen names systems, not components: the simulated components map onto them. */
const SYSTEM_OF_COMPONENT: Record<string, string> = {
  checkoutapi01: "PLATFORM_AVAILABILITY",
  paybylink0001: "PLATFORM_AVAILABILITY",
  terminalcloud: "PLATFORM_AVAILABILITY",
  clouddeviceap: "PLATFORM_AVAILABILITY",
  webhooks00001: "PLATFORM_AVAILABILITY",
  managementapi: "CUSTOMER_AREA_REPORTING",
  customerarea1: "CUSTOMER_AREA_REPORTING",
};

function systemOf(componentIds: readonly string[]): string {
  return SYSTEM_OF_COMPONENT[componentIds[0] ?? ""] ?? "PLATFORM_AVAILABILITY";
}

/** Resolved incidents stay listed (resolved: true) for an hour, as the real page keeps them briefly. */
const RESOLVED_VISIBLE_MS = 3_600_000;

function incidentItem(i: Incident) {
  const updates = [...i.updates].reverse();
  return {
    sys: { id: i.id },
    title: i.name,
    date: i.startedAt.toISOString(),
    resolved: i.status === "resolved",
    systemAffected: systemOf(i.componentIds),
    severity: SEVERITY[i.impact],
    incidentStatusCollection: {
      items: updates.map((u, n) => ({
        status: u.status === "resolved" ? "RESOLVED" : n === 0 ? "IDENTIFIED" : "UPDATED",
        date: u.at.toISOString(),
        message: u.body,
      })),
    },
  };
}

export function adyenIncidentMessages(state: StatusPageState, now: Date) {
  const items = state.incidents
    .filter((i) => i.resolvedAt === null || now.getTime() - i.resolvedAt.getTime() < RESOLVED_VISIBLE_MS)
    .map(incidentItem);
  return { incidentMessageCollection: { items } };
}

export function adyenMaintenanceMessages(state: StatusPageState, now: Date) {
  const items = state.maintenances
    .filter((m) => m.endsAt > now)
    .map((m) => ({
      sys: { id: m.id },
      title: m.name,
      startDate: m.startsAt.toISOString(),
      endDate: m.endsAt.toISOString(),
      systemAffected: systemOf(m.componentIds),
    }));
  return { maintenanceMessageCollection: { items } };
}
