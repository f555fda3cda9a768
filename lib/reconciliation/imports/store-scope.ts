// Orders and receipts name their store by id: the store must exist, and store managers may only write
// rows for their own stores.
import type { Principal } from "@/lib/auth/principal";
import { rejectWhere } from "@/lib/reconciliation/imports/batch-items";
import { mayWriteStore } from "@/lib/reconciliation/imports/permissions";
import type { ImportItem, Tx } from "@/lib/reconciliation/imports/types";

/** Every store id, for the "unknown store" check; a merchant has at most thousands of stores. */
export async function loadStoreIds(tx: Tx): Promise<Set<string>> {
  const rows = await tx.store.findMany({ select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Rejects valid rows for a store the actor may not write; unknown stores were already rejected by validation. */
export function rejectOtherStores<T extends { storeId: string }>(
  items: readonly ImportItem<T>[],
  actor: Principal | "system",
): ImportItem<T>[] {
  return rejectWhere(items, (row) =>
    mayWriteStore(actor, row.storeId) ? undefined : { field: "storeId", reason: "store not allowed" },
  );
}
