// POST /api/v1/payment-links/{id}/expire — expires the link at Adyen; 409 when it was paid (or never created).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { expirePaymentLink } from "@/lib/runbook";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const POST = handle<Ctx>("v1.payment-links.expire", async (_req, ctx) => {
  const p = await requireApi("links.expire");
  return Response.json(await expirePaymentLink(p, (await ctx.params).id));
});
