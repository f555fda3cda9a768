// One entry for file imports of any kind, for the upload route and `ops import`.
import type { ReportInput } from "@/lib/reconciliation/reports";
import { importOrdersCsv } from "@/lib/reconciliation/imports/orders";
import { importReceiptsCsv } from "@/lib/reconciliation/imports/receipts";
import {
  importPaymentAccountingReport,
  importSettlementReport,
  type ReportImportOptions,
} from "@/lib/reconciliation/imports/reports";
import type { ReportSummary, StoreRowsSummary } from "@/lib/reconciliation/imports/tallies";
import type { ImportKind, ImportResult } from "@/lib/reconciliation/imports/types";

export type FileImportResult = ImportResult<StoreRowsSummary> | ImportResult<ReportSummary>;

export function importFile(
  kind: ImportKind,
  input: ReportInput,
  options: ReportImportOptions,
): Promise<FileImportResult> {
  switch (kind) {
    case "orders":
      return importOrdersCsv(input, options);
    case "receipts":
      return importReceiptsCsv(input, options);
    case "settlement_details":
      return importSettlementReport(input, options);
    case "payment_accounting":
      return importPaymentAccountingReport(input, options);
  }
}
