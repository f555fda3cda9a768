// One rule for matching CSV header names, shared by every CSV import (Adyen reports, orders, receipts).

/**
 * Reduces a header to lower-case letters and digits, so "Gross Debit (GC)", "gross debit(gc)",
 * "GROSS_DEBIT_GC" and "TimeZone"/"Time Zone" all match: report generations and hand-made files
 * differ in case, spacing and punctuation, never in the words themselves.
 */
export function normalizeHeaderName(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
