// Atlassian Statuspage v2 JSON (summary.json, or status.json without components), as other providers publish it.
import type { ProviderIndicator, VerdictState } from "@/lib/status/types";
import {
  asDate,
  asObject,
  asString,
  PAYMENTS_RELEVANT,
  STATE_OF_INDICATOR,
  worstIndicator,
  type ProviderReading,
} from "./types";

const INDICATORS = new Set(["none", "minor", "major", "critical"]);
const COMPONENT_LEVEL: Record<string, ProviderIndicator> = {
  operational: "none",
  under_maintenance: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => asObject(x) ?? {}) : [];
}

export function statuspageReading(json: Record<string, unknown>, now: Date): ProviderReading {
  const status = asObject(json["status"]) ?? {};
  const raw = asString(status["indicator"]) ?? "";
  const indicator = INDICATORS.has(raw) ? (raw as ProviderIndicator) : null;
  const components = list(json["components"])
    .filter((c) => c["group"] !== true)
    .map((c) => ({ name: asString(c["name"]) ?? "?", status: asString(c["status"]) ?? "unknown" }));
  const incidents = list(json["incidents"])
    .filter((i) => !["resolved", "postmortem"].includes(String(i["status"])))
    .map((i) => ({
      name: asString(i["name"]) ?? "Incident",
      impact: asString(i["impact"]) ?? "none",
      status: asString(i["status"]) ?? "investigating",
      startedAt: asDate(i["started_at"] ?? i["created_at"]),
    }));
  const maintenances = list(json["scheduled_maintenances"])
    .filter((m) => !["completed"].includes(String(m["status"])))
    .map((m) => {
      const startsAt = asDate(m["scheduled_for"]);
      const endsAt = asDate(m["scheduled_until"]);
      const inProgress =
        m["status"] === "in_progress" ||
        (startsAt !== null &&
          Date.parse(startsAt) <= now.getTime() &&
          (endsAt === null || Date.parse(endsAt) > now.getTime()));
      return { name: asString(m["name"]) ?? "Scheduled maintenance", startsAt, endsAt, inProgress };
    });
  const inMaintenance =
    raw === "maintenance" ||
    maintenances.some((m) => m.inProgress) ||
    components.some((c) => c.status === "under_maintenance");
  let state: VerdictState = indicator ? STATE_OF_INDICATOR[indicator] : inMaintenance ? "maintenance" : "unknown";
  if (state === "operational" && inMaintenance) state = "maintenance";
  const relevant = components.filter((c) => PAYMENTS_RELEVANT.test(c.name));
  const paymentsState =
    relevant.length > 0
      ? STATE_OF_INDICATOR[worstIndicator(relevant.map((c) => COMPONENT_LEVEL[c.status] ?? "none"))]
      : state === "maintenance"
        ? "operational"
        : state;
  return {
    format: "statuspage",
    state,
    indicator,
    description: asString(status["description"]) ?? (indicator ? `indicator ${indicator}` : "no description"),
    reason: indicator || inMaintenance ? null : `unexpected status indicator "${raw}"`,
    components,
    incidents,
    maintenances,
    paymentsState,
  };
}
