// POS orders from the POS API (POST /api/v1/orders) and from CSV files: validated per row, upserted by
// store and merchant reference so that a POS may resend the same orders safely.
import { validateBatch } from "@/lib/validation/batch";
import { validateOrderCsvRows } from "@/lib/validation/csv-rows";
import { posOrderSchema, type PosOrder } from "@/lib/validation/pos-order";
import type { ReportInput } from "@/lib/reconciliation/reports";
import { invalidFirst, rejectWhere, toItems } from "@/lib/reconciliation/imports/batch-items";
import { readCsvChunks } from "@/lib/reconciliation/imports/csv-chunks";
import { BATCH_SIZE, runImport } from "@/lib/reconciliation/imports/run-import";
import { assertApiRowStores, resolveCsvRowStores, StoreDirectory } from "@/lib/reconciliation/imports/store-scope";
import { storeRowsTally, type StoreRowsSummary } from "@/lib/reconciliation/imports/tallies";
import type { ImportOptions, ImportResult } from "@/lib/reconciliation/imports/types";
import { upsertOrders } from "@/lib/reconciliation/imports/write-orders";

// Merchant references are unique per store: the same number in two stores is two orders.
const UNIQUE_REFERENCE = {
  field: "merchantReference",
  key: (order: PosOrder) => `${order.storeId}\u0000${order.merchantReference}`,
};

/** Orders as sent to the API (already checked to be an array of at most 10,000); problems are reported by index. */
export function importOrders(
  orders: readonly unknown[],
  options: ImportOptions,
): Promise<ImportResult<StoreRowsSummary>> {
  const stores = new StoreDirectory();
  return runImport(
    {
      kind: "orders",
      items: async function* (tx) {
        assertApiRowStores(options.actor, "orders", orders);
        const result = validateBatch(orders, posOrderSchema, {
          knownStoreIds: (await stores.load(tx)).ids,
          unique: UNIQUE_REFERENCE,
        });
        yield* invalidFirst(toItems(orders.length, result, (index) => ({ index })));
      },
      write: (tx, rows) => upsertOrders(tx, rows, "api", options.actor),
      summarize: storeRowsTally("api", stores),
    },
    options,
  );
}

/**
 * An orders CSV (see lib/validation/csv-rows.ts for its columns), streamed; problems are reported by line. The store
 * may be named by its Adyen store id, or by its reference or name where only one store has it.
 */
export function importOrdersCsv(input: ReportInput, options: ImportOptions): Promise<ImportResult<StoreRowsSummary>> {
  const stores = new StoreDirectory();
  return runImport(
    {
      kind: "orders",
      items: async function* (tx) {
        const { ids: knownStoreIds } = await stores.load(tx);
        const unknownStore = (value: string) => stores.unknownReason(value);
        // Chunks are validated one by one, so a reference repeated across chunks is caught here.
        const firstLine = new Map<string, number | undefined>();
        for await (const raw of readCsvChunks(input, "orders", BATCH_SIZE)) {
          const chunk = resolveCsvRowStores(options.actor, "orders", raw, stores);
          const result = validateOrderCsvRows(chunk, { knownStoreIds, unknownStore });
          const items = toItems(chunk.length, result, (i) => ({ line: chunk[i]?.line }));
          yield* rejectWhere(items, (order, where) => {
            const key = UNIQUE_REFERENCE.key(order);
            if (!firstLine.has(key)) {
              firstLine.set(key, where.line);
              return undefined;
            }
            return { field: "merchantReference", reason: `repeats line ${firstLine.get(key) ?? "?"}` };
          });
        }
      },
      write: (tx, rows) => upsertOrders(tx, rows, "csv", options.actor),
      summarize: storeRowsTally("csv", stores),
    },
    options,
  );
}
