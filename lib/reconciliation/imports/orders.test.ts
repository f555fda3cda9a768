import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { importOrders, importOrdersCsv } from "@/lib/reconciliation/imports/orders";
import {
  countRows,
  csvStream,
  principal,
  resetImportTables,
  testOptions,
} from "@/lib/reconciliation/imports/test-support";

withTestDatabase();
beforeEach(async () => {
  await resetImportTables();
  await makeStore("S1");
  await makeStore("S2");
});

const finance = principal("finance");
const order = (ref: string, over: Record<string, unknown> = {}) => ({
  merchantReference: ref,
  storeId: "S1",
  amount: { value: 1250, currency: "EUR" },
  createdAt: "2024-03-14T10:21:03+01:00",
  ...over,
});

async function stored(ref: string, storeId = "S1") {
  return db().posOrder.findUniqueOrThrow({ where: { storeId_merchantReference: { storeId, merchantReference: ref } } });
}

describe("POS orders from the API", () => {
  it("upserts by merchant reference: a resend updates changed orders and adds no duplicates", async () => {
    const options = testOptions(finance);
    const first = await importOrders([order("A", { pspReference: "8815222222222222" }), order("B")], options);
    expect(first).toMatchObject({ ok: true, rows: 2, inserted: 2, updated: 0, duplicates: 0, rejected: 0 });

    // B changes amount; A is resent without the PSP reference the POS had learned: it keeps it.
    const second = await importOrders([order("A"), order("B", { amount: { value: 990, currency: "EUR" } })], options);
    expect(second).toMatchObject({ ok: true, rows: 2, inserted: 0, updated: 1, duplicates: 1 });
    expect(await countRows("pos_orders")).toBe(2);
    expect((await stored("B")).amountValue).toBe(990n);
    expect((await stored("A")).pspReference).toBe("8815222222222222");
    expect(options.reconciled).toEqual(["orders-import", "orders-import"]);
  });

  it("records an import batch and an audit entry with the actor", async () => {
    const result = await importOrders(
      [order("A"), order("B", { storeId: "S2", amount: { value: 1500, currency: "JPY" } })],
      testOptions(finance),
    );
    if (!result.ok) throw new Error("expected success");
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      kind: "orders",
      fileName: null,
      rows: 2,
      inserted: 2,
      duplicates: 0,
      rejected: 0,
      createdBy: "finance@example.test",
    });
    expect(batch.summary).toMatchObject({
      source: "api",
      byStore: { S1: 1, S2: 1 },
      amountByCurrency: { EUR: 1250, JPY: 1500 },
      updated: 0,
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: result.batchId } });
    expect(audit).toMatchObject({
      action: "import.orders",
      entityType: "import_batch",
      actorLabel: "finance@example.test",
    });
  });

  it("rejects the whole request when any order is invalid, reporting every problem by index", async () => {
    const orders = [
      order("OK-1"),
      order("BAD-1", { amount: { value: -5, currency: "EUR" } }),
      order("BAD-2", { amount: { value: 12.5, currency: "EUR" } }),
      order("BAD-3", { storeId: "NOPE" }),
      order("BAD-4", { amount: { value: 100, currency: "EURO" }, createdAt: "2024-03-14T10:21:03" }),
      order("OK-1"),
    ];
    const result = await importOrders(orders, testOptions(finance));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ rows: 6, rejected: 5 });
    expect(result.problems).toEqual([
      { index: 1, field: "amount.value", reason: "must not be negative" },
      { index: 2, field: "amount.value", reason: expect.stringMatching(/whole number/) },
      { index: 3, field: "storeId", reason: 'unknown store "NOPE"' },
      { index: 4, field: "amount.currency", reason: 'unknown currency "EURO"' },
      { index: 4, field: "createdAt", reason: expect.stringMatching(/time zone/) },
      { index: 5, field: "merchantReference", reason: "repeats row 0" },
    ]);
    expect(await countRows("pos_orders")).toBe(0);
    expect(await countRows("import_batches")).toBe(0);
    expect(await countRows("audit_log")).toBe(0);
  });

  it("imports the valid orders only when asked to skip invalid ones", async () => {
    const result = await importOrders(
      [order("A"), order("B", { storeId: "NOPE" })],
      testOptions(finance, { skipInvalid: true }),
    );
    expect(result).toMatchObject({
      ok: true,
      rows: 2,
      inserted: 1,
      rejected: 1,
      problems: [{ index: 1, field: "storeId" }],
    });
    expect(await countRows("pos_orders")).toBe(1);
    expect(await db().importBatch.findFirstOrThrow()).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
  });

  it("refuses a store manager's orders for another store as a whole, even when skipping invalid rows", async () => {
    const manager = principal("store_manager", ["S1"]);
    for (const skipInvalid of [false, true]) {
      // Also a store that does not exist: a manager learns nothing about other stores' ids.
      for (const other of ["S2", "NOPE"]) {
        const call = importOrders(
          [order("MINE"), order("OTHER", { storeId: other })],
          testOptions(manager, { skipInvalid }),
        );
        await expect(call).rejects.toMatchObject({
          code: "FORBIDDEN",
          message: `You may not import orders for store ${other} (index 1); nothing was imported.`,
        });
      }
    }
    expect(await countRows("pos_orders")).toBe(0);
    expect(await countRows("import_batches")).toBe(0);
  });

  it("lets a store manager use a reference another store has: it is the manager's own order, the other untouched", async () => {
    await importOrders([order("THEIRS", { storeId: "S2" })], testOptions(finance));
    const manager = principal("store_manager", ["S1"]);
    const result = await importOrders(
      [order("MINE"), order("THEIRS", { amount: { value: 1, currency: "EUR" } })],
      testOptions(manager),
    );
    expect(result).toMatchObject({ ok: true, inserted: 2, rejected: 0 });
    // Both stores have an order THEIRS now: S1's own, and S2's untouched.
    expect(await stored("THEIRS", "S2")).toMatchObject({ amountValue: 1250n });
    expect(await stored("THEIRS", "S1")).toMatchObject({ amountValue: 1n });
    // …and S2's POS can still send its next orders with any reference S1 used first.
    expect(await importOrders([order("MINE", { storeId: "S2" })], testOptions(finance))).toMatchObject({ ok: true });
  });

  it("refuses roles that may not import orders", async () => {
    await expect(importOrders([order("A")], testOptions(principal("engineering")))).rejects.toThrow(AppError);
    expect(await countRows("pos_orders")).toBe(0);
  });

  // Speed is measured by `npm run bench`, never asserted here; this checks the largest allowed call is whole.
  it("writes the largest allowed call, 10,000 orders, in one transaction", async () => {
    const orders = Array.from({ length: 10_000 }, (_, i) =>
      order(`BULK-${i}`, { storeId: i % 2 ? "S1" : "S2", amount: { value: i, currency: "EUR" } }),
    );
    const result = await importOrders(orders, testOptions(finance));
    expect(result).toMatchObject({ ok: true, inserted: 10_000 });
    expect(await countRows("pos_orders")).toBe(10_000);
  });
});

describe("POS orders from CSV", () => {
  const header = "merchantReference,storeId,amount,currency,createdAt,description";

  it("reports problems by line and writes nothing, including a reference repeated across batches", async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) => `R-${i},S1,1.00,EUR,2024-03-14T10:21:03Z,`);
    lines.push("R-0,S1,1.00,EUR,2024-03-14T10:21:03Z,repeat", "R-X,S1,1.234,EUR,2024-03-14T10:21:03Z,");
    const result = await importOrdersCsv(
      csvStream([header, ...lines].join("\n")),
      testOptions(finance, { fileName: "orders.csv" }),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 1202, field: "merchantReference", reason: "repeats line 2" },
      { line: 1203, field: "amount", reason: '"1.234" has more than 2 decimals for EUR' },
    ]);
    expect(await countRows("pos_orders")).toBe(0);
    expect(await countRows("import_batches")).toBe(0);
  });

  it("imports a valid file and names it in the batch", async () => {
    const text = `${header}\nC-1,S1,12.50,EUR,2024-03-14T10:21:03Z,"Coffee, large"\nC-2,S2,1500,JPY,2024-03-14T10:21:03+09:00,\n`;
    const result = await importOrdersCsv(csvStream(text), testOptions(finance, { fileName: "orders.csv" }));
    expect(result).toMatchObject({ ok: true, rows: 2, inserted: 2, fileName: "orders.csv" });
    expect(await stored("C-1")).toMatchObject({ amountValue: 1250n, description: "Coffee, large", source: "csv" });
    expect(await stored("C-2", "S2")).toMatchObject({ amountValue: 1500n, currency: "JPY" });
  });

  it("checks a store manager's rows batch by batch while earlier batches are being written", async () => {
    await importOrders([order("S2-OWNED", { storeId: "S2" })], testOptions(finance));
    // S2-OWNED on line 2,502 is the manager's own S1 order of that number, not S2's order.
    const lines = Array.from({ length: 2_500 }, (_, i) => `M-${i},S1,1.00,EUR,2024-03-14T10:21:03Z,`);
    lines.push("S2-OWNED,S1,1.00,EUR,2024-03-14T10:21:03Z,");
    const manager = principal("store_manager", ["S1"]);
    const result = await importOrdersCsv(
      csvStream([header, ...lines].join("\n")),
      testOptions(manager, { skipInvalid: true }),
    );
    expect(result).toMatchObject({ ok: true, rows: 2_501, inserted: 2_501, rejected: 0 });
    expect(await countRows("pos_orders")).toBe(2_502);
  });

  it("rolls back a store manager's file at the first row of another store, after earlier batches were written", async () => {
    const lines = Array.from({ length: 2_500 }, (_, i) => `M-${i},S1,1.00,EUR,2024-03-14T10:21:03Z,`);
    lines.push("M-X,S2,1.00,EUR,2024-03-14T10:21:03Z,");
    const call = importOrdersCsv(
      csvStream(["Merchant Reference,Store ID,Amount,Currency,Created At,Description", ...lines].join("\n")),
      testOptions(principal("store_manager", ["S1"]), { skipInvalid: true }),
    );
    await expect(call).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You may not import orders for store S2 (line 2502); nothing was imported.",
    });
    expect(await countRows("pos_orders")).toBe(0);
  });

  it("takes the store's reference or name where only one store has it, and names stores in the summary", async () => {
    await db().store.update({ where: { id: "S1" }, data: { reference: "BER-01", name: "Berlin Mitte" } });
    await db().store.update({ where: { id: "S2" }, data: { reference: "HAM-01", name: "Hamburg" } });
    await makeStore("S3");
    await db().store.update({ where: { id: "S3" }, data: { name: "Hamburg" } });
    const text = [
      header,
      "N-1,BER-01,1.00,EUR,2024-03-14T10:21:03Z,",
      "N-2,berlin mitte,2.00,EUR,2024-03-14T10:21:03Z,",
      "N-3,HAM-01,3.00,EUR,2024-03-14T10:21:03Z,",
      "N-4,S2,4.00,EUR,2024-03-14T10:21:03Z,",
    ].join("\n");
    const result = await importOrdersCsv(csvStream(text), testOptions(finance));
    expect(result).toMatchObject({
      ok: true,
      inserted: 4,
      summary: { byStore: { S1: 2, S2: 2 }, storeNames: { S1: "Berlin Mitte", S2: "Hamburg" } },
    });
    expect(await stored("N-2")).toMatchObject({ storeId: "S1" });
    expect(await stored("N-3", "S2")).toMatchObject({ amountValue: 300n });

    // Two stores are called "Hamburg": the name is no store, and saying why beats "unknown".
    const shared = await importOrdersCsv(
      csvStream(`${header}\nN-5,Hamburg,5.00,EUR,2024-03-14T10:21:03Z,\nN-6,Köln,5.00,EUR,2024-03-14T10:21:03Z,\n`),
      testOptions(finance),
    );
    expect(shared).toMatchObject({
      ok: false,
      problems: [
        {
          line: 2,
          field: "storeId",
          reason: expect.stringMatching(/^"Hamburg" names 2 stores: give the store's Adyen store id/),
        },
        {
          line: 3,
          field: "storeId",
          reason: expect.stringMatching(
            /^unknown store "Köln": give the store's Adyen store id, its reference or its name/,
          ),
        },
      ],
    });
  });

  it("refuses a store manager's row for another store named by its name, without giving its id away", async () => {
    await db().store.update({ where: { id: "S2" }, data: { name: "Hamburg" } });
    await expect(
      importOrdersCsv(
        csvStream(`${header}\nN-1,Hamburg,1.00,EUR,2024-03-14T10:21:03Z,\n`),
        testOptions(principal("store_manager", ["S1"])),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You may not import orders for store Hamburg (line 2); nothing was imported.",
    });
  });

  it("refuses a file without the needed columns as a whole", async () => {
    await expect(importOrdersCsv(csvStream("merchantReference,storeId\nA,S1\n"), testOptions(finance))).rejects.toThrow(
      /missing column/,
    );
  });
});
