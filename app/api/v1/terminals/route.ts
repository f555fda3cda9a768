// GET /api/v1/terminals?storeId=&readyForStandalone= — the synced terminals the caller may see, with the time of
// the sync they come from. Also takes the page's filters (standalone, level, printer, connected, q, sort, dir) and,
// for large fleets, limit + cursor (then nextCursor is set).
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { listTerminals, parseTerminalFilter, terminalSyncState } from "@/lib/runbook";

export const dynamic = "force-dynamic";

export const GET = handle("v1.terminals", async (req) => {
  const f = parseTerminalFilter(new URL(req.url).searchParams);
  const p = await requireApi("terminals.read", { storeId: f.storeId });
  const [page, sync] = await Promise.all([listTerminals(p, f), terminalSyncState(p)]);
  return Response.json({
    items: page.items.map((t) => ({
      terminalId: t.terminalId,
      storeId: t.storeId,
      model: t.model,
      serialNumber: t.serialNumber,
      printer: t.printer,
      standalone: t.standalone,
      readyForStandalone: t.readyForStandalone,
      connected: t.connected,
      lastActivityAt: t.lastActivityAt,
    })),
    syncedAt: sync.lastSuccess?.at ?? null,
    ...(f.limit !== undefined ? { nextCursor: page.nextCursor } : {}),
  });
});
