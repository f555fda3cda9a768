// Public entry point of imports: POS orders, standalone receipts and Adyen reports into the database.
export { importOrders, importOrdersCsv } from "@/lib/reconciliation/imports/orders";
export {
  importReceipts,
  importReceiptsCsv,
  receiptsRequestSchema,
  MAX_RECEIPTS_PER_REQUEST,
} from "@/lib/reconciliation/imports/receipts";
export {
  importPaymentAccountingReport,
  importSettlementReport,
  type ReportImportOptions,
} from "@/lib/reconciliation/imports/reports";
export { importFile, type FileImportResult } from "@/lib/reconciliation/imports/import-file";
export { receiptDedupeKey } from "@/lib/reconciliation/imports/receipt-key";
export { assertMayImport, IMPORT_ACTIONS } from "@/lib/reconciliation/imports/permissions";
export {
  assertRowLimit,
  importResponse,
  MAX_JSON_BODY_BYTES,
  MAX_RECORD_BYTES,
  readJsonBody,
  requestBodyChunks,
  skipInvalidParam,
} from "@/lib/reconciliation/imports/http";
export { listImportBatches, type ImportBatchRow } from "@/lib/reconciliation/imports/queries";
export { importColumns, importSample, type ImportColumns } from "@/lib/reconciliation/imports/samples";
export { MAX_PROBLEMS_KEPT } from "@/lib/reconciliation/imports/problem-log";
export type { ReportSummary, StoreRowsSummary } from "@/lib/reconciliation/imports/tallies";
export { IMPORT_KINDS, isImportKind } from "@/lib/reconciliation/imports/types";
export type {
  ImportKind,
  ImportOptions,
  ImportProblem,
  ImportRejection,
  ImportResult,
  ImportSuccess,
  RejectedRow,
} from "@/lib/reconciliation/imports/types";
