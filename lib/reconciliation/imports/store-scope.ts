// Orders and receipts name their store by id: the actor must be allowed to write for it (checked on the raw
// rows, before validation), and the store must exist (validation, with the ids loaded here).
import type { Actor } from "@/lib/auth/permissions";
import { assertRowStores } from "@/lib/reconciliation/imports/permissions";
import type { ImportKind, Tx } from "@/lib/reconciliation/imports/types";
import { normalizeHeaderName } from "@/lib/validation/csv-header";
import type { CsvValues } from "@/lib/validation/csv-rows";

/** Every store id, for the "unknown store" check; a merchant has at most thousands of stores. */
export async function loadStoreIds(tx: Tx): Promise<Set<string>> {
  const rows = await tx.store.findMany({ select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** API rows (`{ storeId, … }` as sent), reported by index. */
export function assertApiRowStores(actor: Actor, kind: ImportKind, rows: readonly unknown[]): void {
  assertRowStores(
    actor,
    kind,
    rows.map((row, index) => ({
      storeId: typeof row === "object" && row !== null ? (row as { storeId?: unknown }).storeId : undefined,
      where: `index ${index}`,
    })),
  );
}

const STORE_COLUMN = normalizeHeaderName("storeId");

/** CSV records (the storeId column, however its header is spelled), reported by line. */
export function assertCsvRowStores(actor: Actor, kind: ImportKind, chunk: readonly CsvValues[]): void {
  // Every record of a file has the header's names: find the column once.
  const column = Object.keys(chunk[0]?.values ?? {}).find((name) => normalizeHeaderName(name) === STORE_COLUMN);
  if (column === undefined) return; // the header check already refused such a file
  assertRowStores(
    actor,
    kind,
    chunk.map((r) => ({ storeId: r.values[column], where: `line ${r.line}` })),
  );
}
