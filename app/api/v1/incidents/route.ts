// GET /api/v1/incidents?from=&to= — the incident timeline (default: the last 30 days).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { incidentsQuerySchema, listIncidents, queryObject } from "@/lib/status";

export const dynamic = "force-dynamic";

export const GET = handle("v1.incidents", async (req) => {
  const q = incidentsQuerySchema.parse(queryObject(req.url, ["from", "to"]));
  const p = await requireApi("status.read");
  return Response.json({ from: q.from.toISOString(), to: q.to.toISOString(), incidents: await listIncidents(p, q) });
});
