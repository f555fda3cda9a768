// What each kind of import file must contain, for the imports page: its columns (required, then optional) and a small
// sample file to start from, valid as it is (orders and receipts name one of the reader's own stores).
import { csvQuote } from "@/lib/reconciliation/export";
import { ACCOUNTING_COLUMNS, SETTLEMENT_COLUMNS, type ColumnSpec } from "@/lib/reconciliation/reports";
import type { ImportKind } from "@/lib/reconciliation/imports/types";
import { CSV_COLUMNS } from "@/lib/validation/csv-rows";

export type ImportColumns = { required: readonly string[]; optional: readonly string[] };

function reportColumns(spec: ColumnSpec<string>): ImportColumns {
  const first = (field: string) => spec[field]?.names[0] ?? field;
  const fields = Object.keys(spec);
  return {
    required: fields.filter((f) => spec[f]?.required).map(first),
    optional: fields.filter((f) => !spec[f]?.required).map(first),
  };
}

export function importColumns(kind: ImportKind): ImportColumns {
  switch (kind) {
    case "orders":
    case "receipts":
      return CSV_COLUMNS[kind];
    case "settlement_details":
      return reportColumns(SETTLEMENT_COLUMNS);
    case "payment_accounting":
      return reportColumns(ACCOUNTING_COLUMNS);
  }
}

type Rows = Record<string, string>[];

function sampleRows(kind: ImportKind, store: string): Rows {
  switch (kind) {
    case "orders":
      return [
        {
          merchantReference: "ORD-1001",
          storeId: store,
          amount: "12.50",
          currency: "EUR",
          createdAt: "2026-03-14T10:21:03+01:00",
          description: "Coffee, large",
        },
        {
          merchantReference: "ORD-1002",
          storeId: store,
          amount: "1250.00",
          currency: "EUR",
          createdAt: "2026-03-14T10:25:40+01:00",
          description: "",
        },
      ];
    case "receipts":
      return [
        {
          storeId: store,
          amount: "12.50",
          currency: "EUR",
          transactedAt: "2026-03-14T10:21:03+01:00",
          terminalId: "",
          pspReference: "8815222222222222",
          cardBrand: "visa",
          cardLast4: "1234",
          authCode: "A1B2C3",
        },
        {
          storeId: store,
          amount: "7.00",
          currency: "EUR",
          transactedAt: "2026-03-14T10:30:12+01:00",
          terminalId: "",
          tenderReference: "T-4711",
          cardBrand: "mc",
          cardLast4: "9876",
        },
      ];
    case "settlement_details":
      return [
        {
          "Merchant Account": "ShopCoNL",
          "Psp Reference": "1813702551707653",
          "Merchant Reference": "ORD-1001",
          "Creation Date": "2026-03-14 10:21:03",
          TimeZone: "Europe/Amsterdam",
          Type: "Settled",
          "Modification Reference": "1713702551795048",
          "Gross Currency": "EUR",
          "Gross Credit (GC)": "12.50",
          "Net Currency": "EUR",
          "Net Credit (NC)": "12.38",
          "Batch Number": "42",
        },
        {
          "Merchant Account": "ShopCoNL",
          "Psp Reference": "",
          "Merchant Reference": "",
          "Creation Date": "2026-03-15 02:00:00",
          TimeZone: "Europe/Amsterdam",
          Type: "Fee",
          "Modification Reference": "Transaction Fees March 2026",
          "Gross Currency": "",
          "Net Currency": "EUR",
          "Net Debit (NC)": "0.12",
          "Batch Number": "42",
        },
      ];
    case "payment_accounting":
      return [
        {
          "Merchant Account": "ShopCoNL",
          "Psp Reference": "1813702551707653",
          "Merchant Reference": "ORD-1001",
          "Booking Date": "2026-03-14 10:21:01",
          TimeZone: "CET",
          "Record Type": "Authorised",
          "Payment Currency": "EUR",
          "Received (PC)": "-12.50",
          "Authorised (PC)": "12.50",
        },
        {
          "Merchant Account": "ShopCoNL",
          "Psp Reference": "1813702551707653",
          "Merchant Reference": "ORD-1001",
          "Booking Date": "2026-03-15 02:00:00",
          TimeZone: "CET",
          "Record Type": "Settled",
          "Payment Currency": "EUR",
          "Captured (PC)": "-12.50",
          "Settlement Currency": "EUR",
          "Payable (SC)": "12.38",
          "Commission (SC)": "0.12",
        },
      ];
  }
}

/**
 * A sample file of the kind: every required column and the most useful optional ones, two lines. `store` is how the
 * lines name their store (a reference, name or id of one of the reader's stores).
 */
export function importSample(kind: ImportKind, store: string): string {
  const rows = sampleRows(kind, store);
  const { required, optional } = importColumns(kind);
  const used = new Set(rows.flatMap((row) => Object.keys(row)));
  const header = [...required, ...optional.filter((name) => used.has(name))];
  return [header, ...rows.map((row) => header.map((name) => row[name] ?? ""))]
    .map((cells) => cells.map(csvQuote).join(",") + "\r\n")
    .join("");
}
