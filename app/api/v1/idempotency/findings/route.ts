// GET /api/v1/idempotency/findings?analysisId=&code=&endpoint=&account=&region=&client=&cursor=&limit= — one page
// of an analysis's findings (the latest analysis when none is named), with the cursor of the next page.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { findingsFilterSchema, listFindings } from "@/lib/idempotency";

export const dynamic = "force-dynamic";

export const GET = handle("idempotency.findings.list", async (req) => {
  const p = await requireApi("idempotency.read");
  const filter = findingsFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listFindings(p, filter));
});
