// The incident timeline: start, end, duration, affected stores and components, cause. Store managers see the
// incidents that touched their stores, told from their stores' side.
import { z } from "zod";
import { db } from "@/lib/db";
import { storesFor, type Actor } from "@/lib/auth/permissions";

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

export async function listIncidents(actor: Actor, q: { from: Date; to: Date }): Promise<IncidentView[]> {
  const scope = storesFor(actor, "status.read");
  const now = new Date();
  const rows = await db().statusIncident.findMany({
    where: { startedAt: { lt: q.to }, OR: [{ endedAt: null }, { endedAt: { gt: q.from } }] },
    orderBy: { startedAt: "desc" },
    take: 500,
  });
  const storeIds = [
    ...new Set(rows.flatMap((r) => r.subjects.filter((s) => s.startsWith("store:")).map((s) => s.slice(6)))),
  ];
  const names = new Map(
    (await db().store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } })).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const visible = (id: string) => scope === "all" || scope.includes(id);
  const out: IncidentView[] = [];
  for (const r of rows) {
    const stores = r.subjects.filter((s) => s.startsWith("store:")).map((s) => s.slice(6));
    const components = r.subjects.filter((s) => s.startsWith("component:")).map((s) => s.slice(10));
    const mine = stores.filter(visible);
    if (scope !== "all" && mine.length === 0) continue;
    let cause = r.cause;
    if (scope !== "all" && mine.length < stores.length) {
      // Told from the manager's store: the first change of one of their stores in this incident.
      const first = await db().statusTransition.findFirst({
        where: { incidentId: r.id, storeId: { in: mine }, toState: { in: ["degraded", "outage"] } },
        orderBy: { at: "asc" },
      });
      cause = first ? `${names.get(first.storeId ?? "") ?? first.storeId}: ${first.reason}` : "";
    }
    const end = r.endedAt ?? now;
    out.push({
      id: r.id.toString(),
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      durationS: Math.round((end.getTime() - r.startedAt.getTime()) / 1000),
      worst: r.worst,
      cause,
      stores: mine.map((id) => ({ storeId: id, name: names.get(id) ?? id })),
      components,
    });
  }
  return out;
}
