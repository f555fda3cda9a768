import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "@/lib/auth/callback-url";

describe("where sign-in sends you afterwards", () => {
  it.each([
    ["/reconciliation?status=missing#top", "/reconciliation?status=missing#top"],
    ["/admin", "/admin"],
    ["//evil.example", "/status"],
    ["/\\evil.example", "/status"],
    ["\\/evil.example", "/status"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/\t/evil.example", "/status"],
    ["/\n/evil.example", "/status"],
    ["/.//evil.example", "/status"],
    ["/..//evil.example", "/status"],
    ["https://evil.example/status", "/status"],
    ["http:evil.example", "/status"],
    ["javascript:alert(1)", "/status"],
    ["status", "/status"],
    ["", "/status"],
    [null, "/status"],
  ])("%j → %j", (given, expected) => {
    expect(safeCallbackPath(given)).toBe(expected);
  });

  it("stays on our origin when next-auth redirects", () => {
    const baseUrl = "https://ops.example.com";
    expect(safeRedirect("/status", baseUrl)).toBe("https://ops.example.com/status");
    expect(safeRedirect("https://ops.example.com/admin?x=1", baseUrl)).toBe("https://ops.example.com/admin?x=1");
    expect(safeRedirect("/\\evil.example", baseUrl)).toBe("https://ops.example.com/status");
    expect(safeRedirect("https://ops.example.com.evil.example/", baseUrl)).toBe("https://ops.example.com/status");
    expect(safeRedirect("https://evil.example/", baseUrl)).toBe("https://ops.example.com/status");
  });
});
