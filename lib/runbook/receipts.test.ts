import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { captureReceipt, receiptsEnteredToday } from "@/lib/runbook/receipts";
import { recordTapToPay } from "@/lib/runbook/tap-to-pay";
import { instantToWallTime } from "@/lib/runbook/zoned-time";
import { principal } from "@/lib/runbook/test-support";

withTestDatabase();
const opts = { reconcile: () => undefined };
const manager = principal("store_manager", ["S1"]);
const form = (over: Record<string, string> = {}) => ({
  storeId: "S1",
  amount: "12,50",
  currency: "EUR",
  time: instantToWallTime(new Date(Date.now() - 60_000), "Europe/Berlin"),
  terminalId: "V400m-1",
  pspReference: "",
  tenderReference: "T-1",
  cardBrand: "visa",
  cardLast4: "1234",
  authCode: "A1B2",
  ...over,
});

beforeEach(async () => {
  await db().standaloneReceipt.deleteMany();
  await makeStore("S1", "Europe/Berlin");
  await makeStore("S2");
});

describe("receipt capture from the phone form", () => {
  it("saves the receipt in minor units at the store's time, once", async () => {
    expect(await captureReceipt(manager, form(), opts)).toEqual({ kind: "saved", saved: true, duplicate: false });
    expect(await captureReceipt(manager, form(), opts)).toEqual({ kind: "saved", saved: false, duplicate: true });
    const [row] = await db().standaloneReceipt.findMany();
    expect(row).toMatchObject({ amountValue: 1250n, currency: "EUR", source: "form", terminalId: "V400m-1" });
    const today = await receiptsEnteredToday(manager, "S1");
    expect(today.map((r) => r.tenderReference)).toEqual(["T-1"]);
  });

  it.each([
    ["amount", { amount: "12.345" }],
    ["amount", { amount: "0" }],
    ["time", { time: "now" }],
    ["cardLast4", { cardLast4: "12" }],
    ["pspReference", { pspReference: "SHORT" }],
  ])("names the field %s and saves nothing", async (field, over) => {
    const err = await captureReceipt(manager, form(over), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details?.problems?.map((p) => p.path)).toContain(field);
    expect(await db().standaloneReceipt.count()).toBe(0);
  });

  it.each([
    ["de", "1.250,00", 125000],
    ["de", "1 250,00", 125000],
    ["en", "1,250.00", 125000],
    ["en", "12.50", 1250],
  ] as const)("reads the amount as the form's locale (%s) writes it: %s", async (locale, amount, value) => {
    const confirmed = `${value} EUR`;
    expect(await captureReceipt(manager, form({ amount, confirmed }), { ...opts, locale })).toMatchObject({
      saved: true,
    });
    expect(await db().standaloneReceipt.findFirstOrThrow()).toMatchObject({ amountValue: BigInt(value) });
  });

  it.each([
    ["en", "1,250", { grouped: "1,250.00", decimal: "1.25" }],
    ["de", "1.250", { grouped: "1.250,00", decimal: "1,25" }],
  ] as const)("refuses the ambiguous amount in %s with both readings: %s", async (locale, amount, values) => {
    const err = await captureReceipt(manager, form({ amount }), { ...opts, locale }).catch((e: unknown) => e);
    expect((err as AppError).details?.problems).toEqual([
      expect.objectContaining({ path: "amount", code: "amount.ambiguous", values }),
    ]);
    expect(await db().standaloneReceipt.count()).toBe(0);
  });

  it("asks to confirm an amount above the threshold before saving it, and refuses one above the maximum", async () => {
    const big = form({ amount: "1.250,00" });
    expect(await captureReceipt(manager, big, { ...opts, locale: "de" })).toEqual({
      kind: "confirm",
      amount: { value: 125000, currency: "EUR" },
      token: "125000 EUR",
    });
    expect(await db().standaloneReceipt.count()).toBe(0);
    // A confirmation of another amount confirms nothing.
    expect(await captureReceipt(manager, { ...big, confirmed: "1250 EUR" }, { ...opts, locale: "de" })).toMatchObject({
      kind: "confirm",
    });
    expect(await captureReceipt(manager, { ...big, confirmed: "125000 EUR" }, { ...opts, locale: "de" })).toMatchObject(
      {
        kind: "saved",
        saved: true,
      },
    );
    const err = await captureReceipt(manager, form({ amount: "100.000,01" }), { ...opts, locale: "de" }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).details?.problems).toEqual([
      expect.objectContaining({ path: "amount", code: "amount.aboveMaximum", values: { limit: "100.000,00\u00a0€" } }),
    ]);
  });

  it("words time problems by code", async () => {
    const err = await captureReceipt(manager, form({ time: "2999-01-01T10:00" }), opts).catch((e: unknown) => e);
    expect((err as AppError).details?.problems).toEqual([
      expect.objectContaining({ path: "time", code: "time.future" }),
    ]);
  });

  it("keeps store managers to their own stores", async () => {
    await expect(captureReceipt(manager, form({ storeId: "S2" }), opts)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("Tap to Pay", () => {
  it("is recorded by admins only, with devices and procedure", async () => {
    await expect(recordTapToPay(manager, { storeId: "S1", available: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const t = await recordTapToPay(principal("admin"), {
      storeId: "S1",
      available: true,
      devices: "2",
      procedure: "https://intranet.example/tap-to-pay",
    });
    expect(t).toEqual({ storeId: "S1", available: true, devices: 2, procedure: "https://intranet.example/tap-to-pay" });
    await expect(
      recordTapToPay(principal("admin"), { storeId: "S1", available: true, procedure: "javascript:alert(1)" }),
    ).rejects.toThrow(/http\(s\)/);
    expect(await recordTapToPay(principal("admin"), { storeId: "S1", available: false, devices: 3 })).toMatchObject({
      available: false,
      devices: null,
    });
  });
});
