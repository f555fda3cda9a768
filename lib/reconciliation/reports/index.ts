// Public entry point of the Adyen report import: parsers, row keys and running summaries.
export {
  parseSettlementReport,
  SETTLEMENT_COLUMNS,
  type SettlementRow,
} from "@/lib/reconciliation/reports/settlement-details";
export {
  ACCOUNTING_COLUMNS,
  parsePaymentAccountingReport,
  type PaymentAccountingRow,
} from "@/lib/reconciliation/reports/payment-accounting";
export type { ColumnSpec } from "@/lib/reconciliation/reports/header";
export { rowKey } from "@/lib/reconciliation/reports/row-key";
export {
  addToImportSummary,
  createImportSummary,
  type ImportSummary,
} from "@/lib/reconciliation/reports/import-summary";
export { parseReportTimestamp } from "@/lib/reconciliation/reports/report-time";
export type { ParseReportOptions, ReportInput, ReportItem, ReportProblem } from "@/lib/reconciliation/reports/types";
