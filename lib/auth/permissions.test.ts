import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { ROLES } from "@/lib/auth/roles";
import { testPrincipal as who } from "@/lib/testing/principals";
import {
  ACTIONS,
  assertCan,
  can,
  PERMISSIONS,
  roleCan,
  STORE_FREE_ACTIONS,
  storesFor,
  type Action,
} from "@/lib/auth/permissions";

const admin = who("admin");
const finance = who("finance");
const engineering = who("engineering");
const managerA = who("store_manager", ["A"]);
const managerAB = who("store_manager", ["A", "B"]);

function forbidden(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return err.message;
    throw err;
  }
  throw new Error("expected FORBIDDEN");
}

describe("can", () => {
  it.each<[string, Principal | "system", Action, string | undefined, boolean]>([
    ["admin, any store", admin, "links.create", "Z", true],
    ["finance, not a store action of theirs", finance, "links.create", "A", false],
    ["finance reads links of any store", finance, "links.read", "Z", true],
    ["a manager on their store", managerA, "links.create", "A", true],
    ["a manager on another store", managerA, "links.create", "B", false],
    ["a manager with two stores, the second", managerAB, "links.create", "B", true],
    ["a manager without naming a store (a list, narrowed by storesFor)", managerA, "links.read", undefined, true],
    ["a manager outside their role", managerA, "reconciliation.read", "A", false],
    ["engineering on finance's data", engineering, "reconciliation.read", undefined, false],
    ["engineering on payment events", engineering, "payment_events.read", undefined, true],
    ["only admins switch standalone mode", managerA, "terminals.standalone.write", "A", false],
    ["the ops CLI", "system", "users.manage", undefined, true],
  ])("%s", (_name, actor, action, storeId, expected) => {
    expect(can(actor, action, { storeId })).toBe(expected);
  });

  it("ignores a store for actions that are not store-scoped", () => {
    expect(can(managerA, "session.whoami", { storeId: "B" })).toBe(true);
    expect(can(finance, "reports.import", { storeId: "B" })).toBe(true);
  });
});

describe("assertCan", () => {
  it("passes silently when allowed", () => {
    expect(() => assertCan(managerA, "outages.declare", { storeId: "A" })).not.toThrow();
  });

  it("names the role when the role may not, and the store when the store is not theirs", () => {
    expect(forbidden(() => assertCan(finance, "users.manage"))).toBe("The role finance may not users.manage.");
    expect(forbidden(() => assertCan(managerA, "outages.declare", { storeId: "B" }))).toBe(
      "You may not outages.declare for store B.",
    );
  });

  it("maps to HTTP 403", () => {
    try {
      assertCan(engineering, "admin.read");
    } catch (err) {
      expect((err as AppError).status).toBe(403);
    }
    expect.assertions(1);
  });
});

describe("storesFor", () => {
  it("gives store managers their stores for store-scoped actions and everyone else all", () => {
    expect(storesFor(managerAB, "status.read")).toEqual(["A", "B"]);
    expect(storesFor(finance, "reconciliation.read")).toBe("all");
    expect(storesFor(admin, "links.read")).toBe("all");
    expect(storesFor("system", "links.read")).toBe("all");
  });

  it("gives a store manager with no store nothing rather than everything", () => {
    expect(storesFor(who("store_manager", []), "status.read")).toEqual([]);
  });

  it("refuses, rather than answering with nothing, an actor who may not perform the action", () => {
    expect(forbidden(() => storesFor(managerA, "reconciliation.read"))).toMatch(/store_manager may not/);
    expect(forbidden(() => storesFor(engineering, "links.read"))).toMatch(/engineering may not/);
  });
});

describe("the table", () => {
  it("lets admins do everything", () => {
    expect(ACTIONS.filter((a) => !roleCan("admin", a))).toEqual([]);
  });

  // A store manager's principal carries their stores; an action that is not store-scoped would ignore them and
  // show every store's data.
  it("scopes every action a store manager may do to their stores, but for the few about no store", () => {
    const unscoped = ACTIONS.filter(
      (a) => roleCan("store_manager", a) && !PERMISSIONS[a].storeScoped && !STORE_FREE_ACTIONS.includes(a),
    );
    expect(unscoped).toEqual([]);
  });

  it("names actions as area.verb in lower case, with known roles only", () => {
    for (const a of ACTIONS) {
      expect(a).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      for (const r of PERMISSIONS[a].roles) expect(ROLES).toContain(r);
    }
  });

  it("keeps the rules the product promises", () => {
    const rolesOf = (a: Action) => [...PERMISSIONS[a].roles].sort();
    expect(rolesOf("links.create")).toEqual(["admin", "store_manager"]);
    expect(rolesOf("terminals.standalone.write")).toEqual(["admin"]);
    expect(rolesOf("reconciliation.decide")).toEqual(["admin", "finance"]);
    expect(rolesOf("idempotency.read")).toEqual(["admin", "engineering"]);
    expect(rolesOf("users.manage")).toEqual(["admin"]);
  });
});
