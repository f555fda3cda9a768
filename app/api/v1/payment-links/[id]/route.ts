// GET /api/v1/payment-links/{id} — one link with its live status (also what the app's pages poll).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getPaymentLinkView } from "@/lib/runbook";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle<Ctx>("v1.payment-links.get", async (_req, ctx) => {
  const p = await requireApi("links.read");
  return Response.json(await getPaymentLinkView(p, (await ctx.params).id), {
    headers: { "cache-control": "no-store" },
  });
});
