// Who the permission matrix calls as, and what the table says each of them may do. Store ids are symbolic here
// ("A", "B"): the sample requests name store A, and the expectation only needs to know whose store that is.
import { can } from "../lib/auth/permissions";
import type { Principal } from "../lib/auth/principal";
import type { Role } from "../lib/auth/roles";
import { isPublic, type Guard } from "../lib/auth/route-permissions";

export type SubjectKey = "admin" | "finance" | "engineering" | "managerA" | "managerB";

/** What e2e/matrix-seed.ts creates and prints. */
export type MatrixSeed = {
  storeA: { id: string; name: string };
  storeB: { id: string; name: string };
  users: Record<SubjectKey, { email: string; password: string }>;
  tokens: Record<SubjectKey, string>;
};

export const SUBJECT_ROLES: Record<SubjectKey, { role: Role; store?: "A" | "B"; name: string }> = {
  admin: { role: "admin", name: "admin" },
  finance: { role: "finance", name: "finance" },
  engineering: { role: "engineering", name: "engineering" },
  managerA: { role: "store_manager", store: "A", name: "store manager of store A" },
  managerB: { role: "store_manager", store: "B", name: "store manager of another store B" },
};

export type Subject = { name: string; key: SubjectKey | null; via: "session" | "token" | "anonymous" };

const KEYS = Object.keys(SUBJECT_ROLES) as SubjectKey[];

/** Everyone signed in, anonymous, and for the public API (/api/v1) also an API token of each role. */
export function subjectsFor(kind: "page" | "route" | "action", pattern: string): Subject[] {
  const sessions = KEYS.map((key): Subject => ({ name: SUBJECT_ROLES[key].name, key, via: "session" }));
  const tokens =
    kind === "route" && pattern.startsWith("/api/v1/")
      ? KEYS.map((key): Subject => ({ name: `API token of ${SUBJECT_ROLES[key].name}`, key, via: "token" }))
      : [];
  return [{ name: "anonymous", key: null, via: "anonymous" }, ...sessions, ...tokens];
}

function principalOf(key: SubjectKey, via: "session" | "token"): Principal {
  const s = SUBJECT_ROLES[key];
  return {
    kind: via === "token" ? "token" : "user",
    id: key,
    label: key,
    role: s.role,
    storeIds: s.store ? [s.store] : "all",
  };
}

/** Exactly what the table allows: public entries to everyone, the rest to the roles (and stores) of the action. */
export function isAllowed(guard: Guard, subject: Subject): boolean {
  if (isPublic(guard)) return true;
  if (subject.key === null || subject.via === "anonymous") return false;
  return can(principalOf(subject.key, subject.via), guard.action, guard.store ? { storeId: "A" } : {});
}
