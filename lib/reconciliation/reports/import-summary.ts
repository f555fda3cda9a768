// Running totals of a report import, updated line by line so huge files never need to be held in memory.
import { sumMinor } from "@/lib/money";
import type { PaymentAccountingRow } from "@/lib/reconciliation/reports/payment-accounting";
import type { SettlementRow } from "@/lib/reconciliation/reports/settlement-details";
import type { ReportItem } from "@/lib/reconciliation/reports/types";

export type ImportSummary = {
  rows: number;
  invalidRows: number;
  /** Lines per Type (settlement) or Record Type (payment accounting): { Settled: 120, Fee: 1, … }. */
  byType: Record<string, number>;
  /**
   * Net money per currency in minor units. Settlement: Net Credit / Net Debit (NC).
   * Payment accounting: Payable (SC), a positive value counting as credit and a negative one as debit.
   */
  netByCurrency: Record<string, { credit: number; debit: number }>;
};

export function createImportSummary(): ImportSummary {
  // Null-prototype maps: keys come from the file, and "__proto__" must stay an ordinary key.
  return {
    rows: 0,
    invalidRows: 0,
    byType: Object.create(null) as Record<string, number>,
    netByCurrency: Object.create(null) as ImportSummary["netByCurrency"],
  };
}

/** Adds one parser item to the summary (mutating it, so the running total costs nothing per line). */
export function addToImportSummary(
  summary: ImportSummary,
  item: ReportItem<SettlementRow | PaymentAccountingRow>,
): ImportSummary {
  if (item.kind === "invalid") {
    summary.invalidRows += 1;
    return summary;
  }
  const { row } = item;
  summary.rows += 1;
  const type = row.report === "settlement-details" ? row.type : row.recordType;
  summary.byType[type] = (summary.byType[type] ?? 0) + 1;
  if (row.report === "settlement-details") {
    addNet(summary, row.netCurrency, row.netCredit ?? 0, row.netDebit ?? 0);
  } else if (row.payable !== null) {
    addNet(summary, row.settlementCurrency, Math.max(row.payable, 0), Math.max(-row.payable, 0));
  }
  return summary;
}

function addNet(summary: ImportSummary, currency: string | null, credit: number, debit: number): void {
  if (currency === null || (credit === 0 && debit === 0)) return;
  const totals = (summary.netByCurrency[currency] ??= { credit: 0, debit: 0 });
  totals.credit = sumMinor(totals.credit, credit);
  totals.debit = sumMinor(totals.debit, debit);
}
