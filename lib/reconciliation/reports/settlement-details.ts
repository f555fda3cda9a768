// Adyen "Settlement details report" (one per payout batch): every settled, refunded, charged-back
// line and every fee, with gross and net amounts. Columns are found by name; see fixtures/ for generations.
import { parseReport } from "@/lib/reconciliation/reports/parse-report";
import { column, type ColumnSpec } from "@/lib/reconciliation/reports/header";
import type { ParseReportOptions, ReportInput, ReportItem } from "@/lib/reconciliation/reports/types";

// Required = present in every known generation and needed to account for the money.
export const SETTLEMENT_COLUMNS = {
  companyAccount: column(false, "Company Account"),
  merchantAccount: column(true, "Merchant Account"),
  pspReference: column(true, "Psp Reference"),
  merchantReference: column(true, "Merchant Reference"),
  paymentMethod: column(false, "Payment Method"),
  creationDate: column(true, "Creation Date"),
  timeZone: column(true, "TimeZone"),
  bookingDate: column(false, "Booking Date"),
  bookingTimeZone: column(false, "Booking Date TimeZone"),
  type: column(true, "Type"),
  modificationReference: column(true, "Modification Reference"),
  grossCurrency: column(true, "Gross Currency"),
  grossDebit: column(true, "Gross Debit (GC)"),
  grossCredit: column(true, "Gross Credit (GC)"),
  exchangeRate: column(false, "Exchange Rate"),
  netCurrency: column(true, "Net Currency"),
  netDebit: column(true, "Net Debit (NC)"),
  netCredit: column(true, "Net Credit (NC)"),
  commission: column(false, "Commission (NC)"),
  markup: column(false, "Markup (NC)"),
  schemeFees: column(false, "Scheme Fees (NC)"),
  interchange: column(false, "Interchange (NC)"),
  paymentMethodVariant: column(false, "Payment Method Variant"),
  modificationMerchantReference: column(false, "Modification Merchant Reference"),
  batchNumber: column(false, "Batch Number"),
  acquirer: column(false, "Acquirer"),
  store: column(false, "Store", "Store Code"),
  terminal: column(false, "Terminal", "POS Terminal", "Terminal ID"),
} satisfies ColumnSpec<string>;

type SettlementColumn = keyof typeof SETTLEMENT_COLUMNS;

/** One line of the report. Amounts are integer minor units in the line's own currency; null = empty cell. */
export type SettlementRow = {
  report: "settlement-details";
  line: number;
  companyAccount: string | null;
  merchantAccount: string;
  /** Empty on batch-level lines such as Fee, MerchantPayout and DepositCorrection. */
  pspReference: string | null;
  merchantReference: string | null;
  /** The modification's PSP reference, or a description ("Transaction Fees") on batch-level lines. */
  modificationReference: string | null;
  modificationMerchantReference: string | null;
  paymentMethod: string | null;
  paymentMethodVariant: string | null;
  type: string;
  creationDate: Date;
  bookingDate: Date | null;
  grossCurrency: string | null;
  grossDebit: number | null;
  grossCredit: number | null;
  /** Kept as decimal text: a rate is not money and must not pass through floats. */
  exchangeRate: string | null;
  netCurrency: string | null;
  netDebit: number | null;
  netCredit: number | null;
  commission: number | null;
  markup: number | null;
  schemeFees: number | null;
  interchange: number | null;
  batchNumber: string | null;
  acquirer: string | null;
  store: string | null;
  terminal: string | null;
  /** Every column as written in the header → cell text, including columns this parser does not know. */
  raw: Record<string, string>;
};

export function parseSettlementReport(
  input: ReportInput,
  options: ParseReportOptions = {},
): AsyncGenerator<ReportItem<SettlementRow>> {
  return parseReport<SettlementColumn, SettlementRow>(
    input,
    SETTLEMENT_COLUMNS,
    "Settlement details report",
    (r) => {
      const merchantAccount = r.requiredText("merchantAccount");
      const type = r.requiredText("type");
      const creationDate = r.timestamp("creationDate", ["timeZone"], true);
      const row = {
        report: "settlement-details" as const,
        line: r.line,
        companyAccount: r.text("companyAccount"),
        pspReference: r.text("pspReference"),
        merchantReference: r.text("merchantReference"),
        modificationReference: r.text("modificationReference"),
        modificationMerchantReference: r.text("modificationMerchantReference"),
        paymentMethod: r.text("paymentMethod"),
        paymentMethodVariant: r.text("paymentMethodVariant"),
        // Newer generations give booking time its own zone column; fall back to the creation zone otherwise.
        bookingDate: r.timestamp("bookingDate", ["bookingTimeZone", "timeZone"], false),
        grossCurrency: r.currency("grossCurrency"),
        grossDebit: r.amount("grossDebit", "grossCurrency"),
        grossCredit: r.amount("grossCredit", "grossCurrency"),
        exchangeRate: r.decimal("exchangeRate"),
        netCurrency: r.currency("netCurrency"),
        netDebit: r.amount("netDebit", "netCurrency"),
        netCredit: r.amount("netCredit", "netCurrency"),
        commission: r.amount("commission", "netCurrency"),
        markup: r.amount("markup", "netCurrency"),
        schemeFees: r.amount("schemeFees", "netCurrency"),
        interchange: r.amount("interchange", "netCurrency"),
        batchNumber: r.text("batchNumber"),
        acquirer: r.text("acquirer"),
        store: r.text("store"),
        terminal: r.text("terminal"),
        raw: r.raw(),
      };
      if (merchantAccount === null || type === null || creationDate === null) return null;
      return { ...row, merchantAccount, type, creationDate };
    },
    options,
  );
}
