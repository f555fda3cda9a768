import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { parseReconFilter, reconFilterSchemaFor, thousandthsText } from "@/lib/reconciliation/filters";
import { listReconItems } from "@/lib/reconciliation/queries";
import { withTestDatabase } from "@/lib/testing/database";
import { makeOrder, makeStore } from "@/prisma/seed/factories";

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

describe("amount filters in major units", () => {
  beforeAll(async () => {
    await db().$executeRawUnsafe("TRUNCATE recon_items, pos_orders, stores CASCADE");
    const store = await makeStore("STF");
    const orders: [string, number, string][] = [
      ["F-EUR-1249", 1249, "EUR"],
      ["F-EUR-1250", 1250, "EUR"],
      ["F-EUR-125000", 125000, "EUR"],
      ["F-JPY-13", 13, "JPY"],
      ["F-JPY-1250", 1250, "JPY"],
      ["F-KWD-12345", 12345, "KWD"],
      ["F-KWD-12500", 12500, "KWD"],
    ];
    for (const [ref, value, currency] of orders) {
      await makeOrder({ storeId: store.id, ref, value, currency, at: new Date("2026-11-20T10:00:00Z") });
    }
    await reconcile();
  });

  const refs = async (params: Record<string, string>, locale?: "en" | "de") =>
    (await listReconItems(finance, parseReconFilter({ ...params, sort: "reference", dir: "asc" }, locale))).items
      .map((i) => i.merchantReference)
      .join(" ");

  it("compares each item in its own currency's major units", async () => {
    expect(await refs({ amountMin: "12.50", amountMax: "1,250.00" })).toBe(
      "F-EUR-1250 F-EUR-125000 F-JPY-1250 F-JPY-13 F-KWD-12500",
    );
    expect(await refs({ amountMin: "12,50", amountMax: "1.250,00" }, "de")).toBe(
      "F-EUR-1250 F-EUR-125000 F-JPY-1250 F-JPY-13 F-KWD-12500",
    );
    expect(await refs({ amountMin: "12.345", amountMax: "12.345" })).toBe("F-KWD-12345");
    expect(await refs({ amountMin: "1 250" }, "de")).toBe("F-EUR-125000 F-JPY-1250");
  });

  it("keeps the minor-unit filters of the API as they were", async () => {
    expect(await refs({ minAmount: "1250", maxAmount: "1250" })).toBe("F-EUR-1250 F-JPY-1250");
  });

  it.each([
    ["1,250", "en", "amountMin", "amount.ambiguous"],
    ["1.250", "de", "amountMin", "amount.ambiguous"],
    ["12.3456", "en", "amountMin", "amount.decimalsAny"],
    ["abc", "de", "amountMin", "amount.invalid"],
  ] as const)("refuses %j in %s, naming the field and the problem", (text, locale, field, code) => {
    const err = (() => {
      try {
        return parseReconFilter({ [field]: text }, locale);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0]).toMatchObject({ path: [field], params: { code } });
  });

  it("says an inverted range is one, in major and in minor units", () => {
    for (const [params, field] of [
      [{ amountMin: "20", amountMax: "10" }, "amountMax"],
      [{ minAmount: "2000", maxAmount: "1000" }, "maxAmount"],
    ] as const) {
      const result = reconFilterSchemaFor("en").safeParse(params);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: [field], params: { code: "amount.inverted" } });
    }
  });
});

describe("thousandthsText", () => {
  it.each([
    [12500, "12.5"],
    [12345, "12.3450"],
    [1250000, "1250"],
    [10, "0.01"],
    [0, "0"],
  ])("%d → %s, read back the same in both locales", (value, text) => {
    expect(thousandthsText(value)).toBe(text);
    expect(parseReconFilter({ amountMin: text }, "en").amountMin).toBe(value);
    expect(parseReconFilter({ amountMin: text }, "de").amountMin).toBe(value);
  });
});
