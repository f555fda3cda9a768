import { describe, expect, it } from "vitest";
import { COMMON_HEADERS } from "@/lib/http/common-headers.mjs";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/http/security-headers";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );

describe("page security headers", () => {
  it("allow scripts only from this site with this response's nonce", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", https: false, dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("add HSTS and upgrade requests only over https", () => {
    const plain = pageSecurityHeaders({ nonce: "n", https: false, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = pageSecurityHeaders({ nonce: "n", https: true, dev: false });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(directives(secure["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allow eval only in development (React's dev tooling)", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
  });

  it("deny every powerful browser feature the dashboard does not use, on every response", () => {
    const policy = new Map(COMMON_HEADERS).get("Permissions-Policy") ?? "";
    const features = new Map(policy.split(",").map((d) => d.trim().split("=") as [string, string]));
    for (const f of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture"])
      expect(features.get(f), f).toBe("()");
  });
});
