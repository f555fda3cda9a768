// Outage and maintenance windows are bounded, and PostgreSQL enforces every bound: a window that is too long, starts
// too far back or ahead, or overlaps another of its store is refused by the database itself (also when two people
// declare at the same moment), and the caller gets a 4xx naming the problem, in English and German.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { declareOutage } from "@/lib/runbook/outages";
import { principal } from "@/lib/runbook/test-support";
import { createMaintenanceWindow } from "@/lib/status/maintenance";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { WINDOW_BOUNDS, windowConstraintError, windowProblem, type WindowProblemCode } from "./windows";

withTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs);
const iso = (offsetMs: number) => at(offsetMs).toISOString();
const manager = principal("store_manager", ["W1"]);
const noReconcile = { reconcile: () => undefined };

beforeEach(async () => {
  await db().outageWindow.deleteMany();
  await db().maintenanceWindow.deleteMany();
  await makeStore("W1");
});

/** What a caller of the service gets: the error code, the field and the message. */
async function refusal(attempt: Promise<unknown>) {
  const err = (await attempt.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; status?: number; message?: string; details?: { problems?: { path: string }[] } } | null;
  return { code: err?.code, status: err?.status, field: err?.details?.problems?.[0]?.path, message: err?.message };
}

/** Straight into the table, past every check of the app: only the database can refuse it. */
const rawOutage = (startsAt: Date, endsAt: Date | null) =>
  db().outageWindow.create({ data: { storeId: "W1", startsAt, endsAt, declaredBy: "raw" } });
const rawMaintenance = (startsAt: Date, endsAt: Date) =>
  db().maintenanceWindow.create({ data: { storeId: "W1", startsAt, endsAt, reason: "raw", createdBy: "raw" } });

describe("the database refuses", () => {
  it.each([
    ["an outage of more than 7 days", () => rawOutage(at(-6 * DAY), at(2 * DAY)), "too_long"],
    [
      "an outage starting more than 7 days back",
      () => rawOutage(at(-7 * DAY - HOUR), at(-7 * DAY)),
      "start_out_of_range",
    ],
    ["an outage starting more than 24 hours ahead", () => rawOutage(at(25 * HOUR), null), "start_out_of_range"],
    ["an outage that ends before it starts", () => rawOutage(at(-HOUR), at(-2 * HOUR)), "ends_before_start"],
    ["maintenance of more than 14 days", () => rawMaintenance(at(HOUR), at(15 * DAY)), "too_long"],
    [
      "maintenance starting more than 24 hours back",
      () => rawMaintenance(at(-25 * HOUR), at(HOUR)),
      "start_out_of_range",
    ],
    [
      "maintenance starting more than 90 days ahead",
      () => rawMaintenance(at(91 * DAY), at(92 * DAY)),
      "start_out_of_range",
    ],
  ] as const)("%s", async (_name, insert, problem: WindowProblemCode) => {
    const err = await insert().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, "the database accepted it").not.toBeNull();
    const kind = _name.startsWith("an outage") ? "outage" : "maintenance";
    expect(windowConstraintError(kind, err)).toMatchObject({
      details: { message: { key: `windows.problems.${problem}` } },
    });
    expect(await db().outageWindow.count()).toBe(0);
    expect(await db().maintenanceWindow.count()).toBe(0);
  });

  it("two windows of one store at once, an open outage included; a cancelled maintenance is no obstacle", async () => {
    await rawOutage(at(-2 * HOUR), null);
    await expect(rawOutage(at(-HOUR), at(-HOUR / 2))).rejects.toThrow(/outage_windows_no_overlap/);
    const first = await rawMaintenance(at(HOUR), at(3 * HOUR));
    await expect(rawMaintenance(at(2 * HOUR), at(4 * HOUR))).rejects.toThrow(/maintenance_windows_no_overlap/);
    await db().maintenanceWindow.update({ where: { id: first.id }, data: { cancelledAt: new Date() } });
    await expect(rawMaintenance(at(2 * HOUR), at(4 * HOUR))).resolves.toBeTruthy();
    // Back to back is not an overlap.
    await expect(rawMaintenance(at(4 * HOUR), at(5 * HOUR))).resolves.toBeTruthy();
  });
});

describe("declaring a window", () => {
  it("ten managers declaring the same outage at the same moment: one window, nine clear 409s", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        declareOutage(manager, { storeId: "W1", startsAt: iso(-HOUR), reason: "terminals offline" }, noReconcile),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(await db().outageWindow.count()).toBe(1);
  });

  it("maintenance overlapping a planned one is refused with 409; nothing is written", async () => {
    const w = { storeId: "W1", startsAt: iso(HOUR), endsAt: iso(3 * HOUR), reason: "new router" };
    await createMaintenanceWindow(manager, w);
    expect(
      await refusal(createMaintenanceWindow(manager, { ...w, startsAt: iso(2 * HOUR), endsAt: iso(5 * HOUR) })),
    ).toMatchObject({
      code: "CONFLICT",
      status: 409,
      field: "startsAt",
      message: expect.stringMatching(/already covers/),
    });
    expect(await db().maintenanceWindow.count()).toBe(1);
  });

  it.each([
    [
      "an outage a week and more back",
      () => declareOutage(manager, { storeId: "W1", startsAt: iso(-8 * DAY), reason: "x" }, noReconcile),
      "startsAt",
      /between 168 hours ago and 24 hours from now/,
    ],
    [
      "an outage of 8 days",
      () =>
        declareOutage(manager, { storeId: "W1", startsAt: iso(-DAY), endsAt: iso(7 * DAY), reason: "x" }, noReconcile),
      "endsAt",
      /at most 7 days/,
    ],
    [
      "maintenance of 15 days",
      () =>
        createMaintenanceWindow(manager, {
          storeId: "W1",
          startsAt: iso(HOUR),
          endsAt: iso(15 * DAY + HOUR),
          reason: "x",
        }),
      "endsAt",
      /at most 14 days/,
    ],
    [
      "maintenance that began two days ago",
      () =>
        createMaintenanceWindow(manager, { storeId: "W1", startsAt: iso(-2 * DAY), endsAt: iso(HOUR), reason: "x" }),
      "startsAt",
      /between 24 hours ago/,
    ],
    [
      "maintenance already over",
      () =>
        createMaintenanceWindow(manager, { storeId: "W1", startsAt: iso(-3 * HOUR), endsAt: iso(-HOUR), reason: "x" }),
      "endsAt",
      /in the future/,
    ],
  ] as const)("%s is a 400 naming the field", async (_name, attempt, field, message) => {
    expect(await refusal(attempt())).toMatchObject({
      code: "VALIDATION",
      status: 400,
      field,
      message: expect.stringMatching(message),
    });
    expect(await db().outageWindow.count()).toBe(0);
    expect(await db().maintenanceWindow.count()).toBe(0);
  });
});

describe("the bounds", () => {
  it("are the database's: a window just inside every bound is stored", async () => {
    const o = WINDOW_BOUNDS.outage;
    await expect(rawOutage(at(-o.maxBackMs + HOUR), at(-o.maxBackMs + HOUR + o.maxLengthMs))).resolves.toBeTruthy();
    const m = WINDOW_BOUNDS.maintenance;
    await expect(
      rawMaintenance(at(m.maxAheadMs - HOUR), at(m.maxAheadMs - HOUR + m.maxLengthMs)),
    ).resolves.toBeTruthy();
    expect(windowProblem("outage", { startsAt: at(-o.maxBackMs + HOUR) })).toBeNull();
  });

  it("have a message in English and German for every problem", () => {
    const codes: WindowProblemCode[] = [
      "ends_before_start",
      "too_long",
      "start_out_of_range",
      "ends_in_past",
      "overlap",
    ];
    for (const locale of ["en", "de"]) {
      const messages = JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as {
        windows: { problems: Record<string, string> };
      };
      for (const code of codes) expect(messages.windows.problems[code], `${locale}: ${code}`).toBeTruthy();
    }
  });
});
