// Validation of the status endpoints' inputs: the same schemas the route handlers and forms use.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { queryObject } from "./api";
import { historyQuerySchema } from "./history";
import { incidentsQuerySchema } from "./incidents";
import { maintenanceInputSchema } from "./maintenance";

const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    if (err instanceof AppError) return [err.message];
    throw err;
  }
  return [];
};

describe("status API inputs", () => {
  it("refuses unknown and repeated query parameters", () => {
    expect(problems(() => queryObject("http://x/api/v1/status?x=1", []))).toEqual([
      "Invalid query: unknown parameter x (allowed: none)",
    ]);
    expect(problems(() => queryObject("http://x/h?from=a&from=b", ["from"]))).toEqual([
      "Invalid query: from given twice",
    ]);
    expect(queryObject("http://x/h?storeId=S1&bucket=", ["storeId", "bucket"])).toEqual({ storeId: "S1" });
  });

  it("history: defaults to the last 24 h in 15-minute buckets, and checks range and bucket", () => {
    const q = historyQuerySchema.parse({ storeId: "S1" });
    expect(q.bucket).toBe("15m");
    expect(q.to.getTime() - q.from.getTime()).toBe(86_400_000);
    expect(historyQuerySchema.parse({ from: "2026-11-01T00:00:00Z", to: "2026-11-29T00:00:00Z" }).bucket).toBe("6h");
    expect(problems(() => historyQuerySchema.parse({ bucket: "2m" }))[0]).toMatch(/^bucket: /);
    expect(problems(() => historyQuerySchema.parse({ from: "yesterday" }))).toEqual([
      "from: must be an ISO 8601 date-time",
    ]);
    expect(
      problems(() => historyQuerySchema.parse({ from: "2026-11-29T00:00:00Z", to: "2026-11-28T00:00:00Z" })),
    ).toEqual(["from: must be before to"]);
    expect(
      problems(() => historyQuerySchema.parse({ from: "2026-01-01T00:00:00Z", to: "2026-11-28T00:00:00Z" })),
    ).toEqual(["from: the range may span at most 31 days"]);
    expect(
      problems(() =>
        historyQuerySchema.parse({ from: "2026-11-01T00:00:00Z", to: "2026-11-29T00:00:00Z", bucket: "5m" }),
      ),
    ).toEqual(["bucket: too fine for the range (more than 2000 points)"]);
  });

  it("incidents: dates must be ISO and in order", () => {
    expect(problems(() => incidentsQuerySchema.parse({ to: "soon" }))).toEqual(["to: must be an ISO 8601 date-time"]);
    expect(incidentsQuerySchema.parse({}).from).toBeInstanceOf(Date);
  });

  it("maintenance windows: a store, a reason, and ISO date-times with offset (the bounds: lib/validation/windows)", () => {
    const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    expect(
      maintenanceInputSchema.parse({ storeId: "S1", startsAt: soon(0), endsAt: soon(2), reason: "router" }),
    ).toBeTruthy();
    expect(
      problems(() => maintenanceInputSchema.parse({ storeId: "", startsAt: soon(-3), endsAt: soon(-2), reason: "" })),
    ).toEqual(["storeId: is required", "reason: is required"]);
    expect(
      problems(() =>
        maintenanceInputSchema.parse({ storeId: "S1", startsAt: "2026-11-29 10:00", endsAt: soon(2), reason: "x" }),
      ),
    ).toEqual(["startsAt: must be an ISO 8601 date-time with offset"]);
  });
});
