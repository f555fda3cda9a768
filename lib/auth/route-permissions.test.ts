// The registry of guards against the source tree: every page, route method and server action has exactly one
// entry, and the navigation agrees with the pages' guards. The e2e matrix (e2e/permission-matrix.spec.ts) then
// calls each of them with every role.
import { describe, expect, it } from "vitest";
import { NAV_ENTRIES } from "@/lib/auth/navigation";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { isPublic, PAGE_GUARDS, ROUTE_GUARDS, SERVER_ACTION_GUARDS, type Guard } from "@/lib/auth/route-permissions";
import {
  discoverPages,
  discoverRoutes,
  discoverServerActions,
  exportedMethods,
  exportedValueNames,
  findInlineServerActions,
} from "@/lib/testing/route-discovery";

const HINT = "add it to lib/auth/route-permissions.ts with the action its guard checks (or public with the reason)";

describe("the registry covers every entry point", () => {
  it("has a guard for every page, and no entry for a page that does not exist", () => {
    const found = discoverPages().map((p) => p.pattern);
    expect(found).toContain("/status");
    expect(found.filter((p) => !(p in PAGE_GUARDS)).map((p) => `page ${p}: ${HINT}`)).toEqual([]);
    expect(Object.keys(PAGE_GUARDS).filter((p) => !found.includes(p))).toEqual([]);
  });

  it("has a guard for every method of every route handler, and none for a method not exported", () => {
    const routes = discoverRoutes();
    expect(routes.map((r) => r.pattern)).toContain("/api/webhooks/adyen");
    const missing: string[] = [];
    const extra: string[] = [];
    for (const r of routes) {
      const declared = Object.keys(ROUTE_GUARDS[r.pattern] ?? {});
      if (r.methods === "declared") {
        if (declared.length === 0) missing.push(`${r.pattern} (${r.file}): declare its methods; ${HINT}`);
        continue;
      }
      for (const m of r.methods) if (!declared.includes(m)) missing.push(`${m} ${r.pattern}: ${HINT}`);
      for (const m of declared) if (!r.methods.includes(m as never)) extra.push(`${m} ${r.pattern}`);
    }
    const patterns = routes.map((r) => r.pattern);
    for (const p of Object.keys(ROUTE_GUARDS)) if (!patterns.includes(p)) extra.push(p);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it("has a guard for every exported server action, and no entry for an export that does not exist", () => {
    const found = discoverServerActions().map((a) => a.key);
    expect(found).toContain("app/(dashboard)/admin/actions.ts#createUserAction");
    expect(found.filter((k) => !(k in SERVER_ACTION_GUARDS)).map((k) => `server action ${k}: ${HINT}`)).toEqual([]);
    expect(Object.keys(SERVER_ACTION_GUARDS).filter((k) => !found.includes(k))).toEqual([]);
  });

  it("finds no server action defined inline, where it could not be listed", () => {
    expect(findInlineServerActions()).toEqual([]);
  });
});

describe("the registry's entries make sense", () => {
  const all: [string, Guard][] = [
    ...Object.entries(PAGE_GUARDS).map(([k, g]): [string, Guard] => [`page ${k}`, g]),
    ...Object.entries(ROUTE_GUARDS).flatMap(([k, methods]) =>
      Object.entries(methods).map(([m, g]): [string, Guard] => [`${m} ${k}`, g]),
    ),
    ...Object.entries(SERVER_ACTION_GUARDS).map(([k, g]): [string, Guard] => [`action ${k}`, g]),
  ];

  it("gives every public entry a reason", () => {
    const bad = all.filter(([, g]) => isPublic(g) && g.public.trim().length < 10).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("names a store only for store-scoped actions, and a path store as a [storeId] segment", () => {
    const bad = all.flatMap(([k, g]) => {
      if (isPublic(g) || !g.store) return [];
      if (!PERMISSIONS[g.action].storeScoped) return [`${k}: ${g.action} is not store-scoped`];
      if (g.store === "path" && !k.includes("[storeId]")) return [`${k}: a path store is the [storeId] segment`];
      return [];
    });
    expect(bad).toEqual([]);
  });

  it("keeps the public API (/api/v1) behind a role", () => {
    const open = Object.entries(ROUTE_GUARDS)
      .filter(([k]) => k.startsWith("/api/v1/"))
      .flatMap(([k, methods]) =>
        Object.entries(methods)
          .filter(([, g]) => isPublic(g))
          .map(([m]) => `${m} ${k}`),
      );
    expect(open).toEqual([]);
  });
});

describe("the navigation is derived from the same guards", () => {
  it("gates every entry with the action of the page it opens", () => {
    for (const entry of NAV_ENTRIES) {
      const page = PAGE_GUARDS[entry.href];
      expect(page, `${entry.href} is not a registered page`).toBeDefined();
      expect(page && !isPublic(page) ? page.action : "public", entry.href).toBe(entry.action);
    }
  });
});

describe("discovery reads exports the way Next does", () => {
  it("finds methods as functions, constants and re-exports", () => {
    const text = `export async function GET() {}\nexport const POST = handle();\nexport { handler as PUT, other as helper };\nexport function GETTER() {}`;
    expect(exportedMethods(text)).toEqual(["GET", "POST", "PUT"]);
  });

  it("lists value exports and skips type exports", () => {
    const text = `export async function a() {}\nexport const b = 1;\nexport { c, type D, e as f };\nexport type G = string;`;
    expect(exportedValueNames(text).sort()).toEqual(["a", "b", "c", "f"]);
  });
});
