// GET /api/status/banner — the few facts the global banner polls for: the signed-in user's stores that are
// degraded or out. Small on purpose (every open page asks every few seconds).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getBannerState } from "@/lib/status";

export const dynamic = "force-dynamic";

export const GET = handle("status.banner", async () => {
  const p = await requireApi("status.read");
  return Response.json(await getBannerState(p), { headers: { "cache-control": "no-store" } });
});
