import { describe, expect, it } from "vitest";
import { parseReportTimestamp } from "@/lib/reconciliation/reports/report-time";

function iso(date: string, zone: string, aliases?: Record<string, string>): string {
  const parsed = parseReportTimestamp(date, zone, aliases);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.toISOString();
}

describe("parseReportTimestamp", () => {
  it("applies the fixed offset an abbreviation names", () => {
    expect(iso("2024-03-14 10:21:03", "CET")).toBe("2024-03-14T09:21:03.000Z");
    expect(iso("2024-07-14 10:21:03", "CEST")).toBe("2024-07-14T08:21:03.000Z");
    expect(iso("2024-07-14 10:21:03", "BST")).toBe("2024-07-14T09:21:03.000Z");
    expect(iso("2024-01-02 00:00:00", "pst")).toBe("2024-01-02T08:00:00.000Z");
    expect(iso("2024-01-02 00:00:00", "UTC")).toBe("2024-01-02T00:00:00.000Z");
  });

  it("accepts explicit offsets", () => {
    expect(iso("2024-03-14 10:00:00", "+05:30")).toBe("2024-03-14T04:30:00.000Z");
    expect(iso("2024-03-14 10:00:00", "UTC+1")).toBe("2024-03-14T09:00:00.000Z");
    expect(iso("2024-03-14 10:00:00", "GMT-0300")).toBe("2024-03-14T13:00:00.000Z");
  });

  it("follows summer time for IANA zone names", () => {
    expect(iso("2024-03-14 10:21:03", "Europe/Amsterdam")).toBe("2024-03-14T09:21:03.000Z");
    expect(iso("2024-07-14 10:21:03", "Europe/Amsterdam")).toBe("2024-07-14T08:21:03.000Z");
    expect(iso("2024-07-14 10:21:03", "America/New_York")).toBe("2024-07-14T14:21:03.000Z");
    expect(iso("2024-07-14 10:21:03", "Asia/Tokyo")).toBe("2024-07-14T01:21:03.000Z");
    expect(iso("2024-07-14T10:21:03.5", "Europe/London")).toBe("2024-07-14T09:21:03.500Z");
  });

  it("takes the first of a repeated autumn hour and refuses a skipped spring hour", () => {
    expect(iso("2024-10-27 02:30:00", "Europe/Amsterdam")).toBe("2024-10-27T00:30:00.000Z");
    expect(parseReportTimestamp("2024-03-31 02:30:00", "Europe/Amsterdam")).toMatchObject({
      ok: false,
      part: "date",
      reason: expect.stringMatching(/does not exist/),
    });
  });

  it("uses account-specific aliases for ambiguous abbreviations", () => {
    expect(parseReportTimestamp("2024-01-02 00:00:00", "IST")).toMatchObject({
      ok: false,
      part: "zone",
      reason: expect.stringMatching(/ambiguous/),
    });
    expect(iso("2024-01-02 00:00:00", "IST", { IST: "Asia/Kolkata" })).toBe("2024-01-01T18:30:00.000Z");
    expect(iso("2024-01-02 00:00:00", "CST", { CST: "+08:00" })).toBe("2024-01-01T16:00:00.000Z");
  });

  it.each([
    ["2024-02-30 10:00:00", "CET", "date"],
    ["2023-02-29 10:00:00", "CET", "date"],
    ["2024-03-14 24:00:00", "CET", "date"],
    ["14/03/2024 10:00", "CET", "date"],
    ["2024-03-14 10:00:00", "", "zone"],
    ["2024-03-14 10:00:00", "Mars/Olympus", "zone"],
    ["2024-03-14 10:00:00", "+15:00", "zone"],
  ])("rejects %j in %j", (date, zone, part) => {
    expect(parseReportTimestamp(date, zone)).toMatchObject({ ok: false, part });
  });

  it("accepts a leap day", () => {
    expect(iso("2024-02-29 23:59:59", "UTC")).toBe("2024-02-29T23:59:59.000Z");
  });
});
