// POST /api/v1/idempotency/analyses?fileName=&source= — the body is one HAR or NDJSON file (plain or gzip),
// analysed while it streams in (or, while another analysis runs, once its turn comes) → 201 with the summary and its
// id, when it has ended. GET lists the latest analyses, waiting and running ones included.
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { analyzeTraffic, limitedBody, listAnalyses, oneFile, requestChunks, uploadLimitBytes } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  fileName: z.string().trim().min(1).max(200).default("upload"),
  source: z.string().trim().max(200).optional(),
});

export const POST = handle("idempotency.analyses.create", async (req, _ctx, requestId) => {
  const p = await requireApi("idempotency.analyze");
  const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const length = req.headers.get("content-length");
  const bytes = limitedBody(requestChunks(req), length ? Number(length) : null, uploadLimitBytes());
  const summary = await analyzeTraffic(
    p,
    { kind: "stream", names: [q.fileName], files: oneFile(q.fileName, bytes) },
    { kind: "api", source: q.source, requestId },
  );
  return Response.json(summary, { status: 201, headers: { location: `/api/v1/idempotency/analyses/${summary.id}` } });
});

export const GET = handle("idempotency.analyses.list", async () => {
  const p = await requireApi("idempotency.read");
  return Response.json({ items: await listAnalyses(p, 50) });
});
