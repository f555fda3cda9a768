// CSV export of the reconciliation table with the page's filters (finance and admin).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { reconCsvStream } from "@/lib/reconciliation/export";

export const dynamic = "force-dynamic";

export const GET = handle("reconciliation.export", async (req) => {
  const p = await requireApi("reconciliation.export");
  const f = parseReconFilter(new URL(req.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(reconCsvStream(p, f), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="reconciliation-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
