// The runbook's public surface: what app/, cli/ and other capabilities import. Sub-folders are private.
export {
  recommend,
  type Recommendation,
  type StoreFacts,
  type Fallback,
  type Message,
} from "@/lib/runbook/recommendation";
export { loadStoreRunbook, listRunbookStores, storesForAction, type StoreRunbook } from "@/lib/runbook/store-runbook";
export { storeVerdict, type StoreVerdict } from "@/lib/runbook/status-source";

// Outages
export {
  declareOutage,
  confirmProposedOutage,
  closeOutage,
  listOutages,
  openOutage,
  outageInputSchema,
  type OutageView,
} from "@/lib/runbook/outages";

// Pay by Link
export { createPaymentLink } from "@/lib/runbook/payment-links/create";
export type { CreationOutcome } from "@/lib/runbook/payment-links/attempt";
export { expirePaymentLink } from "@/lib/runbook/payment-links/expire";
export { listPaymentLinks, getPaymentLinkView, linkListSchema } from "@/lib/runbook/payment-links/queries";
export { requestLinkRefresh } from "@/lib/runbook/payment-links/jobs";
export { toLinkView, isOpenStatus, type PaymentLinkView } from "@/lib/runbook/payment-links/view";
export {
  paymentLinkInputSchema,
  LINK_STATUSES,
  LINK_STATUS_FILTERS,
  OPEN_STATUSES,
  DEFAULT_EXPIRY_MS,
  MAX_EXPIRY_MS,
  MAX_REFERENCE_LENGTH,
  type LinkStatus,
} from "@/lib/runbook/payment-links/schemas";

// Terminals
export {
  parseTerminalFilter,
  terminalFilterSchema,
  TERMINAL_SORTS,
  type TerminalFilter,
} from "@/lib/runbook/terminals/filters";
export {
  listTerminals,
  storeTerminalCounts,
  terminalSyncState,
  type TerminalRow,
  type SyncState,
} from "@/lib/runbook/terminals/queries";
export { setStandalone, type StandaloneChange } from "@/lib/runbook/terminals/set-standalone";
export { requestTerminalSync } from "@/lib/runbook/terminals/jobs";
export { runTerminalSync, defaultSyncDeps, type SyncReport, type SyncRequest } from "@/lib/runbook/terminals/sync";
export { hasPrinter, PRINTER_MODELS } from "@/lib/runbook/terminals/printers";

// Tap to Pay and receipts
export { recordTapToPay, type TapToPay } from "@/lib/runbook/tap-to-pay";
export {
  captureReceipt,
  receiptsEnteredToday,
  RECEIPT_FORM_FIELDS,
  type CaptureResult,
  type ReceiptEntry,
} from "@/lib/runbook/receipts";
export { instantToWallTime, wallTimeToInstant } from "@/lib/runbook/zoned-time";
export { terminalsCsvStream } from "@/lib/runbook/terminals/export";
export { createLinkFromForm, linkInputFromForm, LINK_FORM_FIELDS } from "@/lib/runbook/payment-links/form";
export type { AmountToConfirm } from "@/lib/validation/amount-limits";
