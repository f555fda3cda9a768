// GET /api/v1/idempotency/analyses/{id} — the summary of one analysis, with its files and where reading stopped;
// its status (queued with its place, running with its progress, failed or cancelled with the reason).
// DELETE — deletes an analysis that ended, with its findings and its days in the trend (its uploader or an admin).
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { deleteAnalysis, getAnalysis } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const idOf = async (ctx: Ctx) => z.uuid({ message: "must be an analysis id" }).parse((await ctx.params).id);

export const GET = handle("idempotency.analyses.get", async (_req, ctx: Ctx) => {
  const p = await requireApi("idempotency.read");
  const a = await getAnalysis(p, await idOf(ctx));
  return Response.json({
    ...a.summary,
    id: a.id,
    kind: a.kind,
    source: a.source,
    status: a.status,
    reason: a.reason,
    position: a.position,
    bytesRead: a.bytesRead,
    evidence: { stored: a.findingsStored, sampled: a.findingsStored < a.findingsTotal },
    createdAt: a.createdAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    createdBy: a.createdBy,
    inputs: a.inputs,
  });
});

export const DELETE = handle("idempotency.analyses.delete", async (_req, ctx: Ctx, requestId) => {
  const p = await requireApi("idempotency.analyze");
  await deleteAnalysis(p, await idOf(ctx), requestId);
  return new Response(null, { status: 204 });
});
