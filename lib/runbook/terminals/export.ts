// The terminal list as CSV with the page's filters, read page by page (keyset) so memory stays flat.
import type { Principal } from "@/lib/auth/principal";
import { csvCell } from "@/lib/reconciliation/export";
import type { TerminalFilter } from "@/lib/runbook/terminals/filters";
import { listTerminals, type TerminalRow } from "@/lib/runbook/terminals/queries";

const HEADER = [
  "terminal_id",
  "store_id",
  "store_name",
  "model",
  "serial_number",
  "printer",
  "standalone_enabled",
  "standalone_currency",
  "standalone_level",
  "ready_for_standalone",
  "connected",
  "last_activity_at",
  "assignment_status",
];
const PAGE = 1_000;

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

function line(r: TerminalRow): string {
  return [
    r.terminalId,
    r.storeId,
    r.storeName,
    r.model,
    r.serialNumber,
    yesNo(r.printer),
    yesNo(r.standalone.enabled),
    r.standalone.currency,
    r.standalone.level,
    yesNo(r.readyForStandalone),
    r.connected === null ? "unknown" : r.connected ? "online" : "offline",
    r.lastActivityAt,
    r.assignmentStatus,
  ]
    .map(csvCell)
    .join(",");
}

export function terminalsCsvStream(actor: Principal, filter: TerminalFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined = undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(HEADER.join(",") + "\n"));
      }
      const page = await listTerminals(actor, { ...filter, limit: PAGE, cursor });
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map(line).join("\n") + "\n"));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
