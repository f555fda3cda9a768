import { describe, expect, it } from "vitest";
import { instantToWallTime, startOfDay, wallTimeToInstant } from "@/lib/runbook/zoned-time";

describe("store wall-clock time", () => {
  it.each([
    ["2026-11-29T10:21", "Europe/Berlin", "2026-11-29T09:21:00.000Z"],
    ["2026-07-01T10:21", "Europe/Berlin", "2026-07-01T08:21:00.000Z"],
    ["2026-07-01T10:21:30", "America/New_York", "2026-07-01T14:21:30.000Z"],
    ["2026-03-29T03:30", "Europe/Berlin", "2026-03-29T01:30:00.000Z"],
    ["2026-11-29T10:21", "UTC", "2026-11-29T10:21:00.000Z"],
  ])("%s in %s", (wall, zone, iso) => {
    expect(wallTimeToInstant(wall, zone)?.toISOString()).toBe(iso);
  });

  it("refuses what is not a wall time", () => {
    expect(wallTimeToInstant("yesterday", "Europe/Berlin")).toBeNull();
  });

  it("goes back to the wall clock and finds the start of the store's day", () => {
    const at = new Date("2026-11-29T23:30:00Z");
    expect(instantToWallTime(at, "Europe/Berlin")).toBe("2026-11-30T00:30");
    expect(startOfDay(at, "Europe/Berlin").toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });
});
