// POST /api/v1/maintenance-windows {storeId, startsAt, endsAt, reason} — the store shows `maintenance` and sends
// no alert meanwhile (admins, and store managers for their stores). GET lists current and upcoming windows.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { readJsonBody } from "@/lib/reconciliation/imports";
import { createMaintenanceWindow, listMaintenanceWindows, queryObject } from "@/lib/status";

export const dynamic = "force-dynamic";

export const POST = handle("v1.maintenance-windows", async (req, _ctx, requestId) => {
  // The JSON reader of the API (415 without a JSON type, 413 past the limit, 400 when malformed).
  const body = await readJsonBody(req, 16 * 1024);
  const storeId =
    typeof (body as { storeId?: unknown })?.storeId === "string" ? (body as { storeId: string }).storeId : undefined;
  const p = await requireApi("status.maintenance.write", { storeId });
  return Response.json(await createMaintenanceWindow(p, body, requestId), { status: 201 });
});

export const GET = handle("v1.maintenance-windows.list", async (req) => {
  queryObject(req.url, []);
  const p = await requireApi("status.read");
  return Response.json({ windows: await listMaintenanceWindows(p) });
});
