// Standalone receipts from the API (POST /api/v1/receipts) and from CSV files; a receipt already stored is
// counted as a duplicate and skipped (see receipt-key.ts), so resending adds nothing.
import { z } from "zod";
import { validateBatch } from "@/lib/validation/batch";
import { validateReceiptCsvRows } from "@/lib/validation/csv-rows";
import { aboveMaximum } from "@/lib/validation/amount-limits";
import { standaloneReceiptSchema, type StandaloneReceipt } from "@/lib/validation/standalone-receipt";
import type { ReportInput } from "@/lib/reconciliation/reports";
import { invalidFirst, rejectWhere, toItems } from "@/lib/reconciliation/imports/batch-items";
import { readCsvChunks } from "@/lib/reconciliation/imports/csv-chunks";
import { BATCH_SIZE, runImport } from "@/lib/reconciliation/imports/run-import";
import { assertApiRowStores, resolveCsvRowStores, StoreDirectory } from "@/lib/reconciliation/imports/store-scope";
import { storeRowsTally, type StoreRowsSummary } from "@/lib/reconciliation/imports/tallies";
import type { ImportItem, ImportOptions, ImportResult } from "@/lib/reconciliation/imports/types";
import { insertReceipts } from "@/lib/reconciliation/imports/write-receipts";

/** Same limit as orders: one call stays one quick transaction; bigger batches go through CSV import. */
export const MAX_RECEIPTS_PER_REQUEST = 10_000;

/** Body of POST /api/v1/receipts; receipts stay `unknown` so that every invalid one is reported by index. */
export const receiptsRequestSchema = z.object({
  receipts: z
    .array(z.unknown(), { error: "must be an array of receipts" })
    .min(1, "must contain at least one receipt")
    .max(MAX_RECEIPTS_PER_REQUEST, `must contain at most ${MAX_RECEIPTS_PER_REQUEST} receipts per request`),
});

/** A receipt above the currency's maximum is a typing error on the receipt, not a sale (AMOUNT_MAX). */
function withinMaximum(items: ImportItem<StandaloneReceipt>[], field: string): ImportItem<StandaloneReceipt>[] {
  return rejectWhere(items, (row) => {
    const problem = aboveMaximum(row.amount, field);
    return problem ? { field, reason: problem.message } : undefined;
  });
}

export function importReceipts(
  receipts: readonly unknown[],
  options: ImportOptions,
): Promise<ImportResult<StoreRowsSummary>> {
  const stores = new StoreDirectory();
  return runImport(
    {
      kind: "receipts",
      items: async function* (tx) {
        assertApiRowStores(options.actor, "receipts", receipts);
        const result = validateBatch(receipts, standaloneReceiptSchema, { knownStoreIds: (await stores.load(tx)).ids });
        yield* invalidFirst(
          withinMaximum(
            toItems(receipts.length, result, (index) => ({ index })),
            "amount.value",
          ),
        );
      },
      write: (tx, rows) => insertReceipts(tx, rows, options.source ?? "api", options.actor),
      summarize: storeRowsTally("api", stores),
    },
    options,
  );
}

/** A receipts CSV (columns: lib/validation/csv-rows.ts; stores as in orders CSVs), streamed; problems by line. */
export function importReceiptsCsv(input: ReportInput, options: ImportOptions): Promise<ImportResult<StoreRowsSummary>> {
  const stores = new StoreDirectory();
  return runImport(
    {
      kind: "receipts",
      items: async function* (tx) {
        const { ids: knownStoreIds } = await stores.load(tx);
        const unknownStore = (value: string) => stores.unknownReason(value);
        for await (const raw of readCsvChunks(input, "receipts", BATCH_SIZE)) {
          const chunk = resolveCsvRowStores(options.actor, "receipts", raw, stores);
          const result = validateReceiptCsvRows(chunk, { knownStoreIds, unknownStore });
          yield* withinMaximum(
            toItems(chunk.length, result, (i) => ({ line: chunk[i]?.line })),
            "amount",
          );
        }
      },
      write: (tx, rows) => insertReceipts(tx, rows, "csv", options.actor),
      summarize: storeRowsTally("csv", stores),
    },
    options,
  );
}
