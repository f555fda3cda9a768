// CSV export of the terminal list with the page's filters (what the caller may see).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { parseTerminalFilter, terminalsCsvStream } from "@/lib/runbook";

export const dynamic = "force-dynamic";

export const GET = handle("terminals.export", async (req) => {
  const f = parseTerminalFilter(new URL(req.url).searchParams);
  // Checked before the first byte: a refusal inside the stream would arrive after a 200.
  const p = await requireApi("terminals.read", { storeId: f.storeId });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(terminalsCsvStream(p, { ...f, cursor: undefined }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="terminals-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
