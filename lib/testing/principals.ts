// Principals for tests: a user of a role, limited to the given stores (store managers default to store "A").
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";

export function testPrincipal(
  role: Role,
  storeIds: string[] | "all" = role === "store_manager" ? ["A"] : "all",
): Principal {
  return { kind: "user", id: "00000000-0000-4000-8000-0000000000aa", label: `${role}@example.test`, role, storeIds };
}

/** A named user (id `name`, e-mail `name@example.com`) of a role who sees every store: for who-may-do-what tests. */
export function namedUser(name: string, role: Role = "engineering"): Principal {
  return { kind: "user", id: name, label: `${name}@example.com`, role, storeIds: "all" };
}
