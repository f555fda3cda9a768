// Stable identity of a report line, so importing the same report twice (or a re-download) adds nothing.
import { createHash } from "node:crypto";
import type { PaymentAccountingRow } from "@/lib/reconciliation/reports/payment-accounting";
import type { SettlementRow } from "@/lib/reconciliation/reports/settlement-details";

/**
 * SHA-256 (hex) over the values that identify a line, taken from the parsed row, never from raw text.
 * Why these values:
 * - Parsed values (instants, minor units, upper-case currencies) make the key independent of column order,
 *   extra columns, "CET" vs "Europe/Amsterdam", or "5.0" vs "5.00".
 * - Only columns present in every header generation are used. Batch Number is left out on purpose: the oldest
 *   generation lacks it, and a batch re-downloaded in a newer format must map to the same keys. Lines of
 *   different batches still differ by their creation time and modification reference.
 * - The line number is left out: it moves when Adyen regenerates a report in another order.
 * Accepted limit: two lines identical in every one of these values within a report collapse into one.
 * For transaction lines the modification reference is a unique PSP reference, so this needs two fee-type
 * lines with the same description, amount and creation second.
 */
export function rowKey(row: SettlementRow | PaymentAccountingRow): string {
  const parts =
    row.report === "settlement-details"
      ? [
          row.report,
          row.merchantAccount,
          row.pspReference,
          row.type,
          row.modificationReference,
          row.creationDate.toISOString(),
          row.grossCurrency,
          row.grossDebit,
          row.grossCredit,
          row.netCurrency,
          row.netDebit,
          row.netCredit,
        ]
      : [
          row.report,
          row.merchantAccount,
          row.pspReference,
          row.recordType,
          row.bookingDate.toISOString(),
          row.modificationPspReference,
          row.modificationMerchantReference,
          row.paymentCurrency,
          row.received,
          row.authorised,
          row.captured,
          row.settlementCurrency,
          row.payable,
        ];
  // JSON keeps null distinct from "" and separators unambiguous (no "a|b" + "c" vs "a" + "b|c" clash).
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
