// GET /api/v1/status/history?storeId=&from=&to=&bucket= — availability and latency per bucket, aggregated on the
// server (a store's cloud link, Terminal API and webhooks; without storeId, Checkout and Management).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getStatusHistory, historyQuerySchema, queryObject } from "@/lib/status";

export const dynamic = "force-dynamic";

export const GET = handle("v1.status.history", async (req) => {
  const q = historyQuerySchema.parse(queryObject(req.url, ["storeId", "from", "to", "bucket"]));
  const p = await requireApi("status.read", { storeId: q.storeId });
  return Response.json(await getStatusHistory(p, q));
});
