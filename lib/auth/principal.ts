// Who is calling: a signed-in user or an API token, with the role and the stores they may see.
import type { Role } from "@/lib/auth/roles";

export type Principal = {
  kind: "user" | "token";
  id: string;
  label: string;
  role: Role;
  /** "all" for roles that are not scoped to stores; otherwise the assigned Adyen store ids. */
  storeIds: string[] | "all";
};

export function storeScope(role: Role, assigned: string[]): string[] | "all" {
  return role === "store_manager" ? assigned : "all";
}
