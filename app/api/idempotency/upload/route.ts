// POST /api/idempotency/upload?source=&name=a.har&size=123&name=b.ndjson.gz&size=456 — the page's upload: its
// files back to back in one body (XMLHttpRequest streams them from disk, with progress), analysed as one.
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/route";
import { analyzeTraffic, limitedBody, requestChunks, splitUpload, uploadLimitBytes } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

const MAX_FILES = 20;
const partsSchema = z
  .object({ names: z.array(z.string().trim().min(1).max(200)), sizes: z.array(z.coerce.number().int().min(0)) })
  .refine((p) => p.names.length === p.sizes.length && p.names.length >= 1 && p.names.length <= MAX_FILES, {
    message: `give 1 to ${MAX_FILES} files, each with a name and a size`,
  });

export const POST = handle("idempotency.upload", async (req, _ctx, requestId) => {
  const p = await requireApi("idempotency.analyze");
  const params = new URL(req.url).searchParams;
  const parts = partsSchema.parse({ names: params.getAll("name"), sizes: params.getAll("size") });
  const total = parts.sizes.reduce((a, b) => a + b, 0);
  const limit = uploadLimitBytes();
  const length = Number(req.headers.get("content-length") ?? total);
  if (length !== total) throw new AppError("VALIDATION", `The body has ${length} bytes; the files add up to ${total}.`);
  const body = limitedBody(requestChunks(req), total, limit);
  const files = splitUpload(
    body,
    parts.names.map((name, i) => ({ name, size: parts.sizes[i] ?? 0 })),
  );
  const source =
    z
      .string()
      .trim()
      .max(200)
      .optional()
      .parse(params.get("source") ?? undefined) || undefined;
  const summary = await analyzeTraffic(
    p,
    { kind: "stream", names: parts.names, files },
    { kind: "upload", source, requestId },
  );
  return Response.json(summary, { status: 201 });
});
