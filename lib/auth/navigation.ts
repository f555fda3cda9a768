// The navigation, derived from the permission table: each entry names the action its page checks, so a role sees
// exactly the pages it may open (lib/auth/route-permissions.test.ts holds every entry to its page's guard).
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export type NavEntry = {
  href: string;
  /** Key under `nav` in messages/*.json. */
  label: string;
  action: Action;
};

/** In menu order. A new top-level page adds its entry here, with the same action as its requirePage call. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { href: "/status", label: "status", action: "status.read" },
  { href: "/runbook", label: "runbook", action: "runbook.read" },
  { href: "/terminals", label: "terminals", action: "terminals.read" },
  { href: "/payment-links", label: "payment-links", action: "links.read" },
  { href: "/reconciliation", label: "reconciliation", action: "reconciliation.read" },
  { href: "/idempotency", label: "idempotency", action: "idempotency.read" },
  { href: "/admin", label: "admin", action: "admin.read" },
];

export function navFor(actor: Actor): NavEntry[] {
  return NAV_ENTRIES.filter((e) => can(actor, e.action));
}

/** Each role's main page (DESIGN's "who uses it, and for what"): the store's runbook, the money, the migration. */
const ROLE_HOME: Record<Role, string> = {
  admin: "/status",
  store_manager: "/runbook",
  finance: "/reconciliation",
  engineering: "/idempotency",
};

/** Where "/" and a fresh sign-in lead: the role's main page, or the first page the actor may open. */
export function homeFor(actor: Actor): string {
  const nav = navFor(actor);
  const main = actor === "system" ? undefined : nav.find((e) => e.href === ROLE_HOME[actor.role]);
  return (main ?? nav[0])?.href ?? "/status";
}
