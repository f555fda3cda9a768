// POST /api/v1/outages {storeId, startsAt, endsAt?, reason} — declares an outage window for a store (reconciliation
// widens its matching window inside it); 409 when it overlaps a window of the same store.
// GET /api/v1/outages?storeId= — the windows the caller may see, newest first.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { readJsonBody } from "@/lib/reconciliation/imports";
import { declareOutage, listOutages } from "@/lib/runbook";

export const dynamic = "force-dynamic";

export const POST = handle("v1.outages.declare", async (req) => {
  const p = await requireApi("outages.declare");
  return Response.json(await declareOutage(p, await readJsonBody(req)), { status: 201 });
});

export const GET = handle("v1.outages.list", async (req) => {
  const p = await requireApi("outages.read");
  return Response.json({ items: await listOutages(p, Object.fromEntries(new URL(req.url).searchParams)) });
});
