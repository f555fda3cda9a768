import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "@/lib/auth/callback-url";

describe("where sign-in sends you afterwards (anywhere else: the dashboard root, which leads to the role's page)", () => {
  it.each([
    ["/reconciliation?status=missing#top", "/reconciliation?status=missing#top"],
    ["/admin", "/admin"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\/evil.example", "/"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/..//evil.example", "/"],
    ["https://evil.example/status", "/"],
    ["http:evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["status", "/"],
    ["", "/"],
    [null, "/"],
  ])("%j → %j", (given, expected) => {
    expect(safeCallbackPath(given)).toBe(expected);
  });

  it("stays on our origin when next-auth redirects", () => {
    const baseUrl = "https://ops.example.com";
    expect(safeRedirect("/status", baseUrl)).toBe("https://ops.example.com/status");
    expect(safeRedirect("https://ops.example.com/admin?x=1", baseUrl)).toBe("https://ops.example.com/admin?x=1");
    expect(safeRedirect("/\\evil.example", baseUrl)).toBe("https://ops.example.com/");
    expect(safeRedirect("https://ops.example.com.evil.example/", baseUrl)).toBe("https://ops.example.com/");
    expect(safeRedirect("https://evil.example/", baseUrl)).toBe("https://ops.example.com/");
  });
});
