// Query parsing and JSON shapes of the status endpoints: the public contract of /api/v1/status and friends.
import { AppError } from "@/lib/errors";
import type { StatusOverview, StatusOverviewJson } from "@/lib/status/types";
import type { ProviderView } from "./provider-read";

/** Search params as an object; a parameter given twice is a 400, not a silent pick. */
export function queryObject(url: string, allowed: readonly string[]): Record<string, string> {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!allowed.includes(k))
      throw new AppError(
        "VALIDATION",
        `Invalid query: unknown parameter ${k} (allowed: ${allowed.join(", ") || "none"})`,
        {
          problems: [{ path: k, message: "unknown parameter" }],
        },
      );
    if (k in out)
      throw new AppError("VALIDATION", `Invalid query: ${k} given twice`, {
        problems: [{ path: k, message: "given twice" }],
      });
    if (v !== "") out[k] = v;
  }
  return out;
}

/** Exactly the documented shape (no internal fields). */
export function overviewJson(o: StatusOverview & { provider: ProviderView }): StatusOverviewJson {
  const p = o.provider;
  return {
    generatedAt: o.generatedAt,
    provider: {
      state: p.state,
      indicator: p.indicator,
      description: p.description,
      fetchedAt: p.fetchedAt,
      reason: p.reason,
      components: p.components.map((c) => ({ name: c.name, status: c.status })),
      incidents: p.incidents.map((i) => ({ name: i.name, impact: i.impact, status: i.status, startedAt: i.startedAt })),
    },
    stores: o.stores.map((s) => ({
      storeId: s.storeId,
      name: s.name,
      state: s.state,
      since: s.since,
      reason: s.reason,
      terminals: { total: s.terminals.total, connected: s.terminals.connected },
      disagreement: s.disagreement,
    })),
    components: o.components.map((c) => ({ name: c.name, state: c.state, since: c.since, reason: c.reason })),
  };
}
