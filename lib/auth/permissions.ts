// The one table of who may do what: every action the app offers, the roles allowed to do it, and whether it is
// limited to the caller's stores. Services assert their action as their first step; pages, server actions and
// route handlers check the same action; the navigation is derived from it. Nothing else decides permissions.
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

const ALL: readonly Role[] = ["admin", "store_manager", "finance", "engineering"];
const STORE_STAFF: readonly Role[] = ["admin", "store_manager"];
const FINANCE: readonly Role[] = ["admin", "finance"];
const ENGINEERING: readonly Role[] = ["admin", "engineering"];
const ADMIN: readonly Role[] = ["admin"];

export type ActionRule = {
  roles: readonly Role[];
  /** Store-scoped: a store manager may act only on their assigned stores (others see every store). */
  storeScoped: boolean;
};

const rule = (roles: readonly Role[], storeScoped = false): ActionRule => ({ roles, storeScoped });

export const PERMISSIONS = {
  // Everyone signed in
  "session.whoami": rule(ALL),

  // Status panel
  "status.read": rule(ALL, true),
  "status.maintenance.write": rule(STORE_STAFF, true),
  "status.alerts.manage": rule(ADMIN),

  // Outage runbook
  "runbook.read": rule(STORE_STAFF, true),
  "outages.read": rule(["admin", "store_manager", "finance"], true),
  "outages.declare": rule(STORE_STAFF, true),
  "terminals.read": rule(STORE_STAFF, true),
  "terminals.sync": rule(STORE_STAFF, true),
  "terminals.standalone.write": rule(ADMIN),
  "links.read": rule(["admin", "store_manager", "finance"], true),
  "links.create": rule(STORE_STAFF, true),
  "links.expire": rule(STORE_STAFF, true),
  "stores.tap_to_pay.write": rule(ADMIN),

  // Evidence from stores and POS (store managers for their own stores)
  "orders.write": rule(["admin", "finance", "store_manager"], true),
  "receipts.read": rule(["admin", "finance", "store_manager"], true),
  "receipts.create": rule(["admin", "finance", "store_manager"], true),

  // Reconciliation (finance)
  "reconciliation.read": rule(FINANCE),
  "reconciliation.decide": rule(FINANCE),
  "reconciliation.export": rule(FINANCE),
  "reconciliation.run": rule(FINANCE),
  "reports.import": rule(FINANCE),
  "imports.read": rule(FINANCE),
  "payment_events.read": rule(["admin", "finance", "engineering"]),

  // Idempotency migration checker (engineering)
  "idempotency.read": rule(ENGINEERING),
  "idempotency.analyze": rule(ENGINEERING),
  "idempotency.self_test": rule(ENGINEERING),

  // Administration
  "admin.read": rule(ADMIN),
  "users.manage": rule(ADMIN),
  "tokens.manage": rule(ADMIN),
  "stores.manage": rule(ADMIN),
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export type Actor = Principal | "system";
export type StoreScope = { storeId?: string | null };

/** The role may perform the action at all (no store given, or the action is not store-scoped). */
export function roleCan(role: Role, action: Action): boolean {
  return PERMISSIONS[action].roles.includes(role);
}

/** Whether the actor may perform the action, on the given store when one is named. `system` is the ops CLI. */
export function can(actor: Actor, action: Action, scope: StoreScope = {}): boolean {
  if (actor === "system") return true;
  const r: ActionRule = PERMISSIONS[action];
  if (!r.roles.includes(actor.role)) return false;
  if (!r.storeScoped || !scope.storeId) return true;
  return actor.storeIds === "all" || actor.storeIds.includes(scope.storeId);
}

/** Throws FORBIDDEN unless `can`; the message names the action (and the store), never data. */
export function assertCan(actor: Actor, action: Action, scope: StoreScope = {}): void {
  if (can(actor, action, scope)) return;
  if (actor !== "system" && PERMISSIONS[action].roles.includes(actor.role) && scope.storeId) {
    throw new AppError("FORBIDDEN", `You may not ${action} for store ${scope.storeId}.`);
  }
  throw new AppError("FORBIDDEN", `The role ${actor === "system" ? "system" : actor.role} may not ${action}.`);
}

/** The stores an actor may act on for a store-scoped action: "all", or the assigned store ids. */
export function storesFor(actor: Actor, action: Action): string[] | "all" {
  assertCan(actor, action);
  if (actor === "system" || !PERMISSIONS[action].storeScoped) return "all";
  return actor.storeIds;
}
