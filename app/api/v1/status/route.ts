// GET /api/v1/status — the verdict of every store the caller may see, the components, and Adyen's status page.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getStatusOverview, overviewJson, queryObject } from "@/lib/status";

export const dynamic = "force-dynamic";

export const GET = handle("v1.status", async (req) => {
  queryObject(req.url, []);
  const p = await requireApi("status.read");
  return Response.json(overviewJson(await getStatusOverview(p)), { headers: { "cache-control": "no-store" } });
});
