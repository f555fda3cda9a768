// The one table of who may do what: every action the app offers, the roles allowed to do it, and whether it is
// limited to the caller's stores. Services assert their action as their first step; pages, server actions and
// route handlers check the same action (lib/auth/route-permissions.ts says which); the navigation is derived from
// it (lib/auth/navigation.ts). Nothing else decides permissions.
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

const ALL: readonly Role[] = ["admin", "store_manager", "finance", "engineering"];
const STORE_STAFF: readonly Role[] = ["admin", "store_manager"];
const STORE_AND_FINANCE: readonly Role[] = ["admin", "store_manager", "finance"];
const FINANCE: readonly Role[] = ["admin", "finance"];
const ENGINEERING: readonly Role[] = ["admin", "engineering"];
const ADMIN: readonly Role[] = ["admin"];

export type ActionRule = {
  roles: readonly Role[];
  /**
   * Store-scoped: the action is about one store's data, and a store manager may do it only for their assigned
   * stores (other roles see every store). Every action a store manager may do must be store-scoped, except the
   * few in STORE_FREE_ACTIONS that touch no store's data.
   */
  storeScoped: boolean;
};

const rule = (roles: readonly Role[], storeScoped = false): ActionRule => ({ roles, storeScoped });

export const PERMISSIONS = {
  // Everyone signed in
  "session.whoami": rule(ALL),
  "stores.read": rule(ALL, true),

  // Status panel
  "status.read": rule(ALL, true),
  "status.maintenance.write": rule(STORE_STAFF, true),
  "status.alerts.manage": rule(ADMIN),

  // Outage runbook
  "runbook.read": rule(STORE_STAFF, true),
  "outages.read": rule(STORE_AND_FINANCE, true),
  "outages.declare": rule(STORE_STAFF, true),
  "terminals.read": rule(STORE_STAFF, true),
  "terminals.sync": rule(STORE_STAFF, true),
  "terminals.standalone.write": rule(ADMIN, true),
  "links.read": rule(STORE_AND_FINANCE, true),
  "links.create": rule(STORE_STAFF, true),
  "links.expire": rule(STORE_STAFF, true),
  "stores.tap_to_pay.write": rule(ADMIN, true),

  // Evidence from stores and POS (store managers for their own stores)
  "orders.write": rule(STORE_AND_FINANCE, true),
  "receipts.read": rule(STORE_AND_FINANCE, true),
  "receipts.create": rule(STORE_AND_FINANCE, true),

  // Reconciliation (finance). Items and decisions belong to a store's order; runs and imports span all stores.
  "reconciliation.read": rule(FINANCE, true),
  "reconciliation.decide": rule(FINANCE, true),
  "reconciliation.export": rule(FINANCE, true),
  "reconciliation.run": rule(FINANCE),
  // An order or receipt may claim a payment whose store is unknown (no store, no known terminal) only when finance
  // or an admin wrote it: a store's manager or POS token claims its own store's payments alone.
  "payments.claim_unknown_store": rule(FINANCE),
  "reports.import": rule(FINANCE),
  "imports.read": rule(FINANCE),
  // Engineering reads these too (debugging deliveries), although it has no access to reconciliation.
  "payment_events.read": rule(["admin", "finance", "engineering"]),

  // Idempotency migration checker (engineering)
  "idempotency.read": rule(ENGINEERING),
  "idempotency.analyze": rule(ENGINEERING),
  "idempotency.self_test": rule(ENGINEERING),

  // Operations: what lies behind /api/health's state (reasons, job queue, mode)
  "health.details": rule(ENGINEERING),

  // Administration
  "admin.read": rule(ADMIN),
  "users.manage": rule(ADMIN),
  "tokens.manage": rule(ADMIN),
  "stores.manage": rule(ADMIN),
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Actions a store manager may perform that are not about any store's data. */
export const STORE_FREE_ACTIONS: readonly Action[] = ["session.whoami"];

/** Who acts: a signed-in user or API token, or `system` — the ops CLI, which has shell access to everything. */
export type Actor = Principal | "system";
export type StoreScope = { storeId?: string | null };

/** The role may perform the action at all (on some store, for store-scoped actions). */
export function roleCan(role: Role, action: Action): boolean {
  return PERMISSIONS[action].roles.includes(role);
}

/** Whether the actor may perform the action, on the given store when one is named. */
export function can(actor: Actor, action: Action, scope: StoreScope = {}): boolean {
  if (actor === "system") return true;
  const r: ActionRule = PERMISSIONS[action];
  if (!r.roles.includes(actor.role)) return false;
  if (!r.storeScoped || !scope.storeId) return true;
  return actor.storeIds === "all" || actor.storeIds.includes(scope.storeId);
}

/** Throws FORBIDDEN unless `can`; the message names the action (and the store the caller named), never data. */
export function assertCan(actor: Actor, action: Action, scope: StoreScope = {}): void {
  if (can(actor, action, scope)) return;
  if (actor !== "system" && roleCan(actor.role, action) && scope.storeId) {
    throw new AppError("FORBIDDEN", `You may not ${action} for store ${scope.storeId}.`);
  }
  throw new AppError("FORBIDDEN", `The role ${actor === "system" ? "system" : actor.role} may not ${action}.`);
}

/**
 * The stores whose data an actor may see or change through the action: "all", or the assigned store ids. Throws
 * FORBIDDEN when the actor may not perform the action at all, so a list query can start with it.
 */
export function storesFor(actor: Actor, action: Action): string[] | "all" {
  assertCan(actor, action);
  if (actor === "system" || !PERMISSIONS[action].storeScoped) return "all";
  return actor.storeIds;
}
