import { describe, expect, it } from "vitest";
import { expiryFromDuration } from "@/lib/auth/token-expiry";

describe("token expiry durations", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it.each([
    ["12h", "2026-01-01T12:00:00.000Z"],
    ["30d", "2026-01-31T00:00:00.000Z"],
    ["2w", "2026-01-15T00:00:00.000Z"],
    [" 1D ", "2026-01-02T00:00:00.000Z"],
  ])("%j from now", (text, expected) => {
    expect(expiryFromDuration(text, now)?.toISOString()).toBe(expected);
  });

  it("means no expiry when not given", () => {
    expect(expiryFromDuration(undefined, now)).toBeUndefined();
    expect(expiryFromDuration("", now)).toBeUndefined();
  });

  it.each(["0d", "30", "-1d", "1y", "9999d", "soon"])("refuses %j with the expected format", (text) => {
    expect(() => expiryFromDuration(text, now)).toThrow(/12h, 30d or 2w/);
  });
});
