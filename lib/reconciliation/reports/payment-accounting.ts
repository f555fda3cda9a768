// Adyen "Payment accounting report": every status change of every payment (Received, Authorised,
// SentForSettle, Settled, Refunded…) with the amounts it moved and the fees booked for it.
import { parseReport } from "@/lib/reconciliation/reports/parse-report";
import { column, type ColumnSpec } from "@/lib/reconciliation/reports/header";
import type { ParseReportOptions, ReportInput, ReportItem } from "@/lib/reconciliation/reports/types";

// Required = what reconciliation needs to follow a payment; the rest varies with account settings.
export const ACCOUNTING_COLUMNS = {
  companyAccount: column(false, "Company Account"),
  merchantAccount: column(true, "Merchant Account"),
  pspReference: column(true, "Psp Reference"),
  merchantReference: column(true, "Merchant Reference"),
  paymentMethod: column(false, "Payment Method"),
  bookingDate: column(true, "Booking Date"),
  timeZone: column(true, "TimeZone"),
  mainCurrency: column(false, "Main Currency"),
  mainAmount: column(false, "Main Amount"),
  recordType: column(true, "Record Type"),
  paymentCurrency: column(true, "Payment Currency"),
  received: column(true, "Received (PC)"),
  authorised: column(true, "Authorised (PC)"),
  captured: column(true, "Captured (PC)"),
  settlementCurrency: column(true, "Settlement Currency"),
  payable: column(true, "Payable (SC)"),
  commission: column(false, "Commission (SC)"),
  markup: column(false, "Markup (SC)"),
  schemeFees: column(false, "Scheme Fees (SC)"),
  interchange: column(false, "Interchange (SC)"),
  processingFeeCurrency: column(false, "Processing Fee Currency"),
  processingFee: column(false, "Processing Fee (FC)"),
  userName: column(false, "User Name"),
  paymentMethodVariant: column(false, "Payment Method Variant"),
  modificationPspReference: column(false, "Modification Psp Reference", "Modification Reference"),
  modificationMerchantReference: column(false, "Modification Merchant Reference"),
  store: column(false, "Store", "Store Code"),
  terminal: column(false, "Terminal", "POS Terminal", "Terminal ID"),
} satisfies ColumnSpec<string>;

type AccountingColumn = keyof typeof ACCOUNTING_COLUMNS;

/** One line of the report. Amounts are signed integer minor units (a status change moves money out of one column into another). */
export type PaymentAccountingRow = {
  report: "payment-accounting";
  line: number;
  companyAccount: string | null;
  merchantAccount: string;
  pspReference: string | null;
  merchantReference: string | null;
  paymentMethod: string | null;
  paymentMethodVariant: string | null;
  bookingDate: Date;
  recordType: string;
  mainCurrency: string | null;
  mainAmount: number | null;
  paymentCurrency: string | null;
  received: number | null;
  authorised: number | null;
  captured: number | null;
  settlementCurrency: string | null;
  payable: number | null;
  commission: number | null;
  markup: number | null;
  schemeFees: number | null;
  interchange: number | null;
  processingFeeCurrency: string | null;
  processingFee: number | null;
  userName: string | null;
  modificationPspReference: string | null;
  modificationMerchantReference: string | null;
  store: string | null;
  terminal: string | null;
  /** Every column as written in the header → cell text, including columns this parser does not know. */
  raw: Record<string, string>;
};

export function parsePaymentAccountingReport(
  input: ReportInput,
  options: ParseReportOptions = {},
): AsyncGenerator<ReportItem<PaymentAccountingRow>> {
  return parseReport<AccountingColumn, PaymentAccountingRow>(
    input,
    ACCOUNTING_COLUMNS,
    "Payment accounting report",
    (r) => {
      const merchantAccount = r.requiredText("merchantAccount");
      const recordType = r.requiredText("recordType");
      const bookingDate = r.timestamp("bookingDate", ["timeZone"], true);
      const row = {
        report: "payment-accounting" as const,
        line: r.line,
        companyAccount: r.text("companyAccount"),
        pspReference: r.text("pspReference"),
        merchantReference: r.text("merchantReference"),
        paymentMethod: r.text("paymentMethod"),
        paymentMethodVariant: r.text("paymentMethodVariant"),
        mainCurrency: r.currency("mainCurrency"),
        mainAmount: r.amount("mainAmount", "mainCurrency"),
        paymentCurrency: r.currency("paymentCurrency"),
        received: r.amount("received", "paymentCurrency"),
        authorised: r.amount("authorised", "paymentCurrency"),
        captured: r.amount("captured", "paymentCurrency"),
        settlementCurrency: r.currency("settlementCurrency"),
        payable: r.amount("payable", "settlementCurrency"),
        commission: r.amount("commission", "settlementCurrency"),
        markup: r.amount("markup", "settlementCurrency"),
        schemeFees: r.amount("schemeFees", "settlementCurrency"),
        interchange: r.amount("interchange", "settlementCurrency"),
        processingFeeCurrency: r.currency("processingFeeCurrency"),
        processingFee: r.amount("processingFee", "processingFeeCurrency"),
        userName: r.text("userName"),
        modificationPspReference: r.text("modificationPspReference"),
        modificationMerchantReference: r.text("modificationMerchantReference"),
        store: r.text("store"),
        terminal: r.text("terminal"),
        raw: r.raw(),
      };
      if (merchantAccount === null || recordType === null || bookingDate === null) return null;
      return { ...row, merchantAccount, recordType, bookingDate };
    },
    options,
  );
}
