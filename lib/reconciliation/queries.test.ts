import { beforeAll, describe, expect, it } from "vitest";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { parseReconFilter } from "@/lib/reconciliation/filters";
import { listReconItems } from "@/lib/reconciliation/queries";
import { withTestDatabase } from "@/lib/testing/database";

withTestDatabase();
beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent" }));

const finance: Principal = { kind: "user", id: "u1", label: "f@example.com", role: "finance", storeIds: "all" };
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("reconciliation cursor", () => {
  it.each([
    ["not base64 JSON", "%%%", "occurred_at"],
    ["a date that is not one", cursorOf(["yesterday-ish", "1"]), "occurred_at"],
    ["an amount that is not a number", cursorOf(["12.5e", "1"]), "amount"],
    ["a confidence that is not a number", cursorOf(["high", "1"]), "confidence"],
    ["an id that is not a number", cursorOf(["2026-01-01T00:00:00Z", "x"]), "occurred_at"],
    ["not a pair", cursorOf({ a: 1 }), "status"],
    ["a pair of the wrong length", cursorOf(["a"]), "reference"],
  ])("a malformed cursor (%s) is a clear 400, not a database error", async (_what, cursor, sort) => {
    const err = await listReconItems(finance, parseReconFilter({ cursor, sort })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).message).toMatch(/cursor/i);
  });

  it("a cursor from a previous page is accepted", async () => {
    const page = await listReconItems(
      finance,
      parseReconFilter({ cursor: cursorOf(["2026-01-01T00:00:00.000Z", "5"]) }),
    );
    expect(page.items).toEqual([]);
  });
});
