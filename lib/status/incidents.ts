// The incident timeline: start, end, duration, affected stores and components, cause. Store managers see the
// incidents that touched their stores, told from their stores' side.
import { z } from "zod";
import { db } from "@/lib/db";
import { storesFor, type Actor } from "@/lib/auth/permissions";
import { MERCHANT_KINDS } from "@/lib/status/types";

export const incidentsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  })
  .strict()
  .transform((q, ctx) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
    return { from, to };
  });

export type IncidentView = {
  id: string;
  startedAt: string;
  endedAt: string | null;
  durationS: number;
  worst: string;
  cause: string;
  stores: { storeId: string; name: string }[];
  components: string[];
};

const SEVERITY: Record<string, number> = { degraded: 1, outage: 2 };

/** The changes of the given stores into trouble in these incidents, oldest first, by incident. */
async function storeSides(incidentIds: bigint[], storeIds: string[]) {
  const rows = await db().statusTransition.findMany({
    where: {
      incidentId: { in: incidentIds },
      subject: { in: storeIds.map((id) => `store:${id}`) },
      toState: { in: Object.keys(SEVERITY) },
    },
    orderBy: { at: "asc" },
  });
  const out = new Map<bigint, typeof rows>();
  for (const r of rows) if (r.incidentId !== null) out.set(r.incidentId, [...(out.get(r.incidentId) ?? []), r]);
  return out;
}

/**
 * Incidents in the range. Someone limited to their own stores sees only those that touched one of them, told from
 * their side: their stores, the worst state and the first cause among their stores, and of the components only the
 * account-wide ones (Checkout, Management) — never another store's name, state or the fleet's worst state.
 */
export async function listIncidents(actor: Actor, q: { from: Date; to: Date }): Promise<IncidentView[]> {
  const scope = storesFor(actor, "status.read");
  const now = new Date();
  const rows = await db().statusIncident.findMany({
    where: { startedAt: { lt: q.to }, OR: [{ endedAt: null }, { endedAt: { gt: q.from } }] },
    orderBy: { startedAt: "desc" },
    take: 500,
  });
  const storesOf = (r: (typeof rows)[number]) =>
    r.subjects.filter((s) => s.startsWith("store:")).map((s) => s.slice(6));
  const visible = (id: string) => scope === "all" || scope.includes(id);
  const shown = scope === "all" ? rows : rows.filter((r) => storesOf(r).some(visible));
  const storeIds = [...new Set(shown.flatMap((r) => storesOf(r).filter(visible)))];
  const names = new Map(
    (await db().store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } })).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const sides =
    scope === "all"
      ? null
      : await storeSides(
          shown.map((r) => r.id),
          scope,
        );
  return shown.map((r) => {
    const mine = storesOf(r).filter(visible);
    let components = r.subjects.filter((s) => s.startsWith("component:")).map((s) => s.slice(10));
    let { worst, cause } = r;
    if (sides) {
      const side = sides.get(r.id) ?? [];
      const first = side[0];
      cause = first ? `${names.get(first.storeId ?? "") ?? first.storeId}: ${first.reason}` : "";
      worst = side.reduce((w, t) => ((SEVERITY[t.toState] ?? 0) > (SEVERITY[w] ?? 0) ? t.toState : w), "degraded");
      components = components.filter((c) => (MERCHANT_KINDS as readonly string[]).includes(c));
    }
    const end = r.endedAt ?? now;
    return {
      id: r.id.toString(),
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      durationS: Math.round((end.getTime() - r.startedAt.getTime()) / 1000),
      worst,
      cause,
      stores: mine.map((id) => ({ storeId: id, name: names.get(id) ?? id })),
      components,
    };
  });
}
