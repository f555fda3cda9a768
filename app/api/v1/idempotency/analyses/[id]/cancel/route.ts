// POST /api/v1/idempotency/analyses/{id}/cancel — stops a queued or running analysis (its uploader or an admin)
// → 202 {status: "cancelling" | "cancelled"}; the analysis then ends as cancelled.
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { cancelAnalysis } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

export const POST = handle(
  "idempotency.analyses.cancel",
  async (_req, ctx: { params: Promise<{ id: string }> }, requestId) => {
    const p = await requireApi("idempotency.analyze");
    const id = z.uuid({ message: "must be an analysis id" }).parse((await ctx.params).id);
    return Response.json(await cancelAnalysis(p, id, requestId), { status: 202 });
  },
);
