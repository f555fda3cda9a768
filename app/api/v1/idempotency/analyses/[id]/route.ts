// GET /api/v1/idempotency/analyses/{id} — the summary of one analysis, with its files and where reading stopped.
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getAnalysis } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

export const GET = handle("idempotency.analyses.get", async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const p = await requireApi("idempotency.read");
  const id = z.uuid({ message: "must be an analysis id" }).parse((await ctx.params).id);
  const a = await getAnalysis(p, id);
  return Response.json({
    ...a.summary,
    id: a.id,
    kind: a.kind,
    source: a.source,
    status: a.status,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    inputs: a.inputs,
  });
});
