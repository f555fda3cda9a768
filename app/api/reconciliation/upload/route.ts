// POST /api/reconciliation/upload?kind=…&fileName=…[&skipInvalid=true] — the imports page sends the file as
// the raw request body (XMLHttpRequest, for upload progress); it streams into the parser, never buffered whole.
// 413 past IMPORT_MAX_UPLOAD_MB, 422 for a CSV record over 64 KiB or a file with invalid rows.
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { handle } from "@/lib/http/route";
import {
  IMPORT_KINDS,
  importFile,
  importResponse,
  requestBodyChunks,
  skipInvalidParam,
} from "@/lib/reconciliation/imports";

export const dynamic = "force-dynamic";

/** The page shows this many problems; the count says how many there were. */
const PROBLEMS_SHOWN = 200;

const querySchema = z.object({
  kind: z.enum(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(", ")}` }),
  fileName: z.string().trim().max(255).optional(),
});

export const POST = handle("reconciliation.upload", async (req, _ctx, requestId, callerRequestId) => {
  // Finance and admin, who may import every kind; the import checks the kind's roles again itself.
  const p = await requireApi("reports.import");
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const result = await importFile(query.kind, requestBodyChunks(req, env().IMPORT_MAX_UPLOAD_MB * 1024 * 1024), {
    actor: p,
    fileName: query.fileName || undefined,
    skipInvalid: skipInvalidParam(req.url),
    requestId,
    callerRequestId,
  });
  return importResponse(result, { maxProblems: PROBLEMS_SHOWN, requestId });
});
