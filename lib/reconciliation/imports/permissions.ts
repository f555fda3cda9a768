// Which action of the permission table each import kind needs. Orders and receipts come from stores, so store
// managers may send them for their own stores (every row's store is checked); Adyen reports cover the whole
// merchant account and need `reports.import`.
import { assertCan, can, storesFor, type Action, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ImportKind } from "@/lib/reconciliation/imports/types";

export const IMPORT_ACTIONS: Readonly<Record<ImportKind, Action>> = {
  orders: "orders.write",
  receipts: "receipts.create",
  settlement_details: "reports.import",
  payment_accounting: "reports.import",
};

export function assertMayImport(actor: Actor, kind: ImportKind): void {
  assertCan(actor, IMPORT_ACTIONS[kind]);
}

/**
 * Refuses the whole import (FORBIDDEN, nothing written) when a row names a store the actor may not write: a
 * caller without the right to a store is not a data-quality problem that "skip invalid rows" could pass over.
 * Checked on the raw rows before validation, so a store manager learns nothing about other stores' ids.
 */
export function assertRowStores(
  actor: Actor,
  kind: ImportKind,
  rows: Iterable<{ storeId: unknown; where: string; shown?: string }>,
): void {
  const action = IMPORT_ACTIONS[kind];
  if (storesFor(actor, action) === "all") return;
  for (const { storeId, where, shown } of rows) {
    if (typeof storeId !== "string" || !storeId.trim()) continue; // validation reports it
    if (!can(actor, action, { storeId: storeId.trim() })) {
      // Named as the row wrote it: a store found by its name does not give its id away.
      throw new AppError(
        "FORBIDDEN",
        `You may not import ${kind} for store ${(shown ?? storeId).trim()} (${where}); nothing was imported.`,
      );
    }
  }
}

/** The label stored in import_batches.created_by. */
export function actorLabel(actor: Actor): string {
  return actor === "system" ? "system (ops CLI)" : actor.label;
}
