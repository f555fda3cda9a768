// Kind-specific totals kept while rows stream past, stored as import_batches.summary.
import { sumMinor, type MinorAmount } from "@/lib/money";
import {
  addToImportSummary,
  createImportSummary,
  type ImportSummary,
  type PaymentAccountingRow,
  type SettlementRow,
} from "@/lib/reconciliation/reports";

/** Orders and receipts: rows per store (by id, with the stores' names) and the amount per currency, in minor units. */
export type StoreRowsSummary = {
  source: "api" | "csv";
  byStore: Record<string, number>;
  storeNames: Record<string, string>;
  amountByCurrency: Record<string, number>;
};

/** Adyen reports: lines per type and net credit/debit per currency, in minor units. */
export type ReportSummary = Pick<ImportSummary, "byType" | "netByCurrency">;

/** `stores` names the stores in the summary, once the import has loaded them. */
export function storeRowsTally(source: "api" | "csv", stores: { nameOf(id: string): string | undefined }) {
  // Null-prototype maps: keys come from the input, and "__proto__" must stay an ordinary key.
  const byStore = Object.create(null) as Record<string, number>;
  const amountByCurrency = Object.create(null) as Record<string, number>;
  return {
    add(row: { storeId: string; amount: MinorAmount }): void {
      byStore[row.storeId] = (byStore[row.storeId] ?? 0) + 1;
      amountByCurrency[row.amount.currency] = sumMinor(amountByCurrency[row.amount.currency] ?? 0, row.amount.value);
    },
    result: (): StoreRowsSummary => {
      const storeNames = Object.create(null) as Record<string, string>;
      for (const id of Object.keys(byStore)) storeNames[id] = stores.nameOf(id) ?? id;
      return { source, byStore, storeNames, amountByCurrency };
    },
  };
}

export function reportTally() {
  const summary = createImportSummary();
  return {
    add: (row: SettlementRow | PaymentAccountingRow): void => void addToImportSummary(summary, { kind: "row", row }),
    result: (): ReportSummary => ({ byType: summary.byType, netByCurrency: summary.netByCurrency }),
  };
}
