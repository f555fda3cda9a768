import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { homeFor, NAV_ENTRIES, navFor } from "@/lib/auth/navigation";
import type { Role } from "@/lib/auth/roles";
import { testPrincipal as who } from "@/lib/testing/principals";

const hrefs = (role: Role) => navFor(who(role)).map((e) => e.href);

describe("navigation", () => {
  it("shows each role the pages its actions open, in menu order", () => {
    expect(hrefs("admin")).toEqual(NAV_ENTRIES.map((e) => e.href));
    expect(hrefs("store_manager")).toEqual(["/status", "/runbook", "/terminals", "/payment-links"]);
    expect(hrefs("finance")).toEqual(["/status", "/payment-links", "/reconciliation"]);
    expect(hrefs("engineering")).toEqual(["/status", "/idempotency"]);
  });

  it("sends everyone home to their role's main page", () => {
    expect(homeFor(who("finance"))).toBe("/reconciliation");
    expect(homeFor(who("engineering"))).toBe("/idempotency");
    expect(homeFor(who("store_manager"))).toBe("/runbook");
    expect(homeFor(who("admin"))).toBe("/status");
  });

  it("has a label in every language", () => {
    for (const locale of ["en", "de"]) {
      const messages = JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as { nav: Record<string, string> };
      for (const e of NAV_ENTRIES) expect(messages.nav[e.label], `${locale}: nav.${e.label}`).toBeTruthy();
    }
  });
});
