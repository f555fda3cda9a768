// Streams the filtered reconciliation table as CSV, page by page (keyset), so memory stays flat for any size.
import type { Principal } from "@/lib/auth/principal";
import { minorToMajorString } from "@/lib/money";
import type { ReconFilter } from "@/lib/reconciliation/filters";
import { listReconItems, visibleStores, type ReconRow } from "@/lib/reconciliation/queries";

const HEADER = [
  "merchant_reference",
  "store_id",
  "occurred_at",
  "currency",
  "amount",
  "paid",
  "status",
  "method",
  "confidence",
  "reason",
  "psp_references",
];

/** A value as one CSV field, quoted when needed (for files read back by an import, such as the samples). */
export function csvQuote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  // A leading =,+,-,@ is prefixed so spreadsheets never run it as a formula.
  return csvQuote(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

function line(r: ReconRow): string {
  const currency = r.amount?.currency ?? "";
  const psps = [...new Set(r.evidence.map((e) => e.pspReference).filter(Boolean))].join(" ");
  return (
    [
      r.merchantReference,
      r.storeId,
      r.occurredAt,
      currency,
      r.amount ? minorToMajorString(r.amount.value, currency) : "",
      r.paidValue !== null && currency ? minorToMajorString(r.paidValue, currency) : "",
      r.status,
      r.method,
      r.confidence,
      r.reason,
      psps,
    ]
      .map(csvCell)
      .join(",") + "\r\n"
  );
}

/** Checks the permission before the stream exists, so a refusal is a 403 and never a broken download. */
export function reconCsvStream(p: Principal, filter: ReconFilter): ReadableStream<Uint8Array> {
  visibleStores(p, filter, "reconciliation.export");
  const enc = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(HEADER.join(",") + "\r\n"));
      }
      const page = await listReconItems(p, { ...filter, cursor, limit: 500 });
      if (page.items.length) controller.enqueue(enc.encode(page.items.map(line).join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
