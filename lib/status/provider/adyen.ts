// Adyen's status site (status.adyen.com): undocumented JSON behind a single-page app, read tolerantly.
// GET /api/incident-messages/active → {"incidentMessageCollection":{"items":[…]}} and
// GET /api/maintenance-messages/active → {"maintenanceMessageCollection":{"items":[…]}}.
import type { ProviderIndicator, VerdictState } from "@/lib/status/types";
import {
  asDate,
  asObject,
  asString,
  PAYMENTS_RELEVANT,
  STATE_OF_INDICATOR,
  worstIndicator,
  type ProviderIncident,
  type ProviderMaintenance,
  type ProviderReading,
} from "./types";

const SEVERITY: Record<string, ProviderIndicator> = { GREY: "none", YELLOW: "minor", RED: "major" };

/** The systems Adyen names in `systemAffected`, with the names its page shows. */
export const ADYEN_SYSTEMS: Record<string, string> = {
  PLATFORM_AVAILABILITY: "Payments",
  ACQUIRER_PAYMENTS_PERFORMANCE: "Acquirer payments performance",
  CUSTOMER_AREA_REPORTING: "Customer Area and reporting",
  SETTLEMENT_PAYOUT: "Settlement and payouts",
};
const PAYMENT_SYSTEMS = new Set(["PLATFORM_AVAILABILITY", "ACQUIRER_PAYMENTS_PERFORMANCE"]);

type Item = Record<string, unknown>;

function items(json: Record<string, unknown>, key: string): Item[] {
  const list = asObject(json[key])?.["items"];
  return Array.isArray(list) ? list.map((i) => asObject(i) ?? {}) : [];
}

function statusesOf(item: Item): string[] {
  const list = asObject(item["incidentStatusCollection"])?.["items"];
  if (!Array.isArray(list)) return [];
  return list.map((s) => asString(asObject(s)?.["status"])?.toUpperCase()).filter((s): s is string => s !== null);
}

function latestStatus(item: Item): string {
  const list = asObject(item["incidentStatusCollection"])?.["items"];
  if (!Array.isArray(list) || list.length === 0) return "IDENTIFIED";
  // Entries carry dates when Adyen sends them; without, the last entry is taken as the latest.
  const dated = list
    .map((s, i) => ({ s: asObject(s) ?? {}, i }))
    .sort((a, b) => (Date.parse(String(a.s["date"] ?? "")) || a.i) - (Date.parse(String(b.s["date"] ?? "")) || b.i));
  return asString(dated.at(-1)?.s["status"])?.toUpperCase() ?? "IDENTIFIED";
}

function isOpen(item: Item): boolean {
  if (item["resolved"] === true) return false;
  return !statusesOf(item).includes("RESOLVED");
}

type Problem = { problem: string };

export function readAdyenIncidents(
  json: Record<string, unknown>,
): { open: (ProviderIncident & { system: string; severity: ProviderIndicator })[] } | Problem {
  const open = [];
  for (const item of items(json, "incidentMessageCollection")) {
    const title = asString(item["title"]);
    if (!title) return { problem: "an incident message without a title" };
    if (!isOpen(item)) continue;
    const sev = asString(item["severity"])?.toUpperCase() ?? "";
    const severity = SEVERITY[sev];
    if (!severity) return { problem: `an incident with severity "${sev || "(none)"}"` };
    const system = asString(item["systemAffected"])?.toUpperCase() ?? "UNKNOWN";
    open.push({
      name: title,
      impact: severity,
      status: latestStatus(item),
      startedAt: asDate(item["date"]),
      system,
      severity,
    });
  }
  return { open };
}

export function readAdyenMaintenance(json: Record<string, unknown>, now: Date): ProviderMaintenance[] {
  return items(json, "maintenanceMessageCollection").map((item) => {
    const startsAt = asDate(item["startDate"] ?? item["start"] ?? item["date"]);
    const endsAt = asDate(item["endDate"] ?? item["end"]);
    const started = startsAt === null || Date.parse(startsAt) <= now.getTime();
    const notEnded = endsAt === null || Date.parse(endsAt) > now.getTime();
    return {
      name: asString(item["title"]) ?? "Scheduled maintenance",
      startsAt,
      endsAt,
      inProgress: started && notEnded,
    };
  });
}

function stateOf(indicator: ProviderIndicator, maintenance: boolean): VerdictState {
  const state = STATE_OF_INDICATOR[indicator];
  return state === "operational" && maintenance ? "maintenance" : state;
}

export function adyenReading(
  incidentsJson: Record<string, unknown>,
  maintenanceJson: Record<string, unknown> | null,
  now: Date,
  maintenanceProblem: string | null,
): ProviderReading {
  const read = readAdyenIncidents(incidentsJson);
  if ("problem" in read) {
    return { ...emptyReading(), reason: `Adyen's incident messages stopped making sense: ${read.problem}` };
  }
  const maintenances = maintenanceJson ? readAdyenMaintenance(maintenanceJson, now) : [];
  const inMaintenance = maintenances.some((m) => m.inProgress);
  const indicator = worstIndicator(read.open.map((i) => i.severity));
  const payments = worstIndicator(
    read.open.filter((i) => PAYMENT_SYSTEMS.has(i.system) || PAYMENTS_RELEVANT.test(i.system)).map((i) => i.severity),
  );
  const systems = new Set([...Object.keys(ADYEN_SYSTEMS), ...read.open.map((i) => i.system)]);
  const components = [...systems].map((system) => {
    const worst = worstIndicator(read.open.filter((i) => i.system === system).map((i) => i.severity));
    return {
      name: ADYEN_SYSTEMS[system] ?? system,
      status: worst === "none" ? "operational" : worst === "minor" ? "degraded" : "outage",
    };
  });
  const description =
    read.open.length === 0
      ? inMaintenance
        ? "Scheduled maintenance in progress"
        : "No open incidents"
      : `${read.open.length} open incident${read.open.length > 1 ? "s" : ""}`;
  return {
    format: "adyen",
    state: stateOf(indicator, inMaintenance),
    indicator,
    description,
    reason: maintenanceProblem,
    components,
    incidents: read.open.map(({ name, impact, status, startedAt }) => ({ name, impact, status, startedAt })),
    maintenances,
    paymentsState: stateOf(payments, false),
  };
}

function emptyReading(): ProviderReading {
  return {
    format: "adyen",
    state: "unknown",
    indicator: null,
    description: "Status page could not be read",
    reason: null,
    components: [],
    incidents: [],
    maintenances: [],
    paymentsState: "unknown",
  };
}
