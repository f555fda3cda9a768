// Who may import what. Orders and receipts come from stores, so store managers may send them for their own
// stores; Adyen reports cover the whole merchant account and are finance's.
import { canSeeStore, type Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { ImportKind } from "@/lib/reconciliation/imports/types";

/**
 * No area in lib/auth/roles.ts fits orders and receipts: "reconciliation" leaves out store managers and
 * "runbook" leaves out finance (and areas also drive the navigation). The routes pass these lists to
 * requireApi, and every import checks them again itself.
 */
export const IMPORT_ROLES: Readonly<Record<ImportKind, readonly Role[]>> = {
  orders: ["admin", "finance", "store_manager"],
  receipts: ["admin", "finance", "store_manager"],
  settlement_details: ["admin", "finance"],
  payment_accounting: ["admin", "finance"],
};

export function canImport(actor: Principal | "system", kind: ImportKind): boolean {
  return actor === "system" || IMPORT_ROLES[kind].includes(actor.role);
}

export function assertMayImport(actor: Principal | "system", kind: ImportKind): void {
  if (canImport(actor, kind)) return;
  throw new AppError(
    "FORBIDDEN",
    `The role ${actor === "system" ? "system" : actor.role} may not import ${kind.replace("_", " ")}.`,
  );
}

/** True when the actor may write rows for this store (store managers: only their assigned stores). */
export function mayWriteStore(actor: Principal | "system", storeId: string): boolean {
  return actor === "system" || canSeeStore(actor, storeId);
}

/** The label stored in import_batches.created_by. */
export function actorLabel(actor: Principal | "system"): string {
  return actor === "system" ? "system (ops CLI)" : actor.label;
}
