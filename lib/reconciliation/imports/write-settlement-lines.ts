// Writes Adyen report lines to settlement_lines: one multi-row insert per batch; a line already imported
// (same row key, see reports/row-key.ts) is skipped, so importing a report twice adds nothing.
import { rowKey, type PaymentAccountingRow, type SettlementRow } from "@/lib/reconciliation/reports";
import type { Tx, WriteCounts } from "@/lib/reconciliation/imports/types";

type Line = {
  rowKey: string;
  report: "settlement_details" | "payment_accounting";
  merchantAccount: string;
  pspReference: string | null;
  merchantReference: string | null;
  modificationReference: string | null;
  type: string;
  bookedAt: Date | null;
  grossCurrency: string | null;
  grossDebit: number | null;
  grossCredit: number | null;
  netCurrency: string | null;
  netDebit: number | null;
  netCredit: number | null;
  batchNumber: string | null;
  raw: Record<string, string>;
};

const INSERT_SQL = `
INSERT INTO settlement_lines (row_key, report, import_id, merchant_account, psp_reference, merchant_reference, modification_reference,
                              type, booked_at, gross_currency, gross_debit, gross_credit, net_currency, net_debit, net_credit, batch_number, raw)
SELECT t.row_key, t.report, $17::uuid, t.merchant_account, t.psp_reference, t.merchant_reference, t.modification_reference,
       t.type, t.booked_at, t.gross_currency, t.gross_debit, t.gross_credit, t.net_currency, t.net_debit, t.net_credit, t.batch_number, t.raw
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[],
            $10::bigint[], $11::bigint[], $12::text[], $13::bigint[], $14::bigint[], $15::text[], $16::jsonb[])
  AS t(row_key, report, merchant_account, psp_reference, merchant_reference, modification_reference, type, booked_at,
       gross_currency, gross_debit, gross_credit, net_currency, net_debit, net_credit, batch_number, raw)
ON CONFLICT (row_key) DO NOTHING`;

export async function insertReportLines(
  tx: Tx,
  rows: readonly (SettlementRow | PaymentAccountingRow)[],
  importId: string,
): Promise<WriteCounts> {
  const lines = rows.map(toLine);
  const minor = (v: number | null) => (v === null ? null : String(v));
  const inserted = await tx.$executeRawUnsafe(
    INSERT_SQL,
    lines.map((l) => l.rowKey),
    lines.map((l) => l.report),
    lines.map((l) => l.merchantAccount),
    lines.map((l) => l.pspReference),
    lines.map((l) => l.merchantReference),
    lines.map((l) => l.modificationReference),
    lines.map((l) => l.type),
    lines.map((l) => l.bookedAt?.toISOString() ?? null),
    lines.map((l) => l.grossCurrency),
    lines.map((l) => minor(l.grossDebit)),
    lines.map((l) => minor(l.grossCredit)),
    lines.map((l) => l.netCurrency),
    lines.map((l) => minor(l.netDebit)),
    lines.map((l) => minor(l.netCredit)),
    lines.map((l) => l.batchNumber),
    lines.map((l) => JSON.stringify(l.raw)),
    importId,
  );
  return { inserted, updated: 0, duplicates: rows.length - inserted };
}

function toLine(row: SettlementRow | PaymentAccountingRow): Line {
  const common = {
    rowKey: rowKey(row),
    merchantAccount: row.merchantAccount,
    pspReference: row.pspReference,
    merchantReference: row.merchantReference,
    raw: row.raw,
  };
  if (row.report === "settlement-details") {
    return {
      ...common,
      report: "settlement_details",
      modificationReference: row.modificationReference,
      type: row.type,
      // When the money was booked is what reconciliation reads; older generations only say when the line was created.
      bookedAt: row.bookingDate ?? row.creationDate,
      grossCurrency: row.grossCurrency,
      grossDebit: row.grossDebit,
      grossCredit: row.grossCredit,
      netCurrency: row.netCurrency,
      netDebit: row.netDebit,
      netCredit: row.netCredit,
      batchNumber: row.batchNumber,
    };
  }
  // The accounting report has no gross/net columns: the payment's main amount stands for gross and
  // Payable (SC) for net, signed as the import summary counts it (positive = credit, negative = debit).
  return {
    ...common,
    report: "payment_accounting",
    modificationReference: row.modificationPspReference,
    type: row.recordType,
    bookedAt: row.bookingDate,
    grossCurrency: row.mainCurrency,
    grossDebit: row.mainAmount !== null && row.mainAmount < 0 ? -row.mainAmount : null,
    grossCredit: row.mainAmount !== null && row.mainAmount >= 0 ? row.mainAmount : null,
    netCurrency: row.settlementCurrency,
    netDebit: row.payable !== null && row.payable < 0 ? -row.payable : null,
    netCredit: row.payable !== null && row.payable >= 0 ? row.payable : null,
    batchNumber: null,
  };
}
