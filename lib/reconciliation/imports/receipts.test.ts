import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createReadStream } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { standaloneReceiptSchema } from "@/lib/validation/standalone-receipt";
import { receiptDedupeKey } from "@/lib/reconciliation/imports/receipt-key";
import { importReceipts, importReceiptsCsv } from "@/lib/reconciliation/imports/receipts";
import { collectRejectedLines, rejectedFilePath, writeRejectedCsv } from "@/lib/reconciliation/imports/rejected-file";
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
const receipt = (over: Record<string, unknown> = {}) => ({
  storeId: "S1",
  terminalId: "V400m-1",
  amount: { value: 700, currency: "EUR" },
  transactedAt: "2024-03-14T10:21:03Z",
  ...over,
});
const key = (input: unknown) => receiptDedupeKey(standaloneReceiptSchema.parse(input));

describe("receipt dedupe key", () => {
  it("uses the PSP reference when there is one, whatever else differs", () => {
    const a = key(receipt({ pspReference: "8815222222222222" }));
    expect(
      key(receipt({ pspReference: " 8815222222222222 ", amount: { value: 701, currency: "EUR" }, terminalId: "" })),
    ).toBe(a);
    expect(key(receipt({ pspReference: "8815222222222222", storeId: "S2" }))).not.toBe(a);
  });

  it("falls back to terminal + tender reference, then to terminal + amount + time", () => {
    const tender = key(receipt({ tenderReference: "T-1" }));
    expect(key(receipt({ tenderReference: "T-1", amount: { value: 1, currency: "EUR" } }))).toBe(tender);
    expect(key(receipt({ tenderReference: "T-1", terminalId: "V400m-2" }))).not.toBe(tender);
    const fields = key(receipt());
    expect(key(receipt({ transactedAt: "2024-03-14T11:21:03+01:00" }))).toBe(fields);
    expect(key(receipt({ amount: { value: 700, currency: "JPY" } }))).not.toBe(fields);
    expect(key(receipt({ transactedAt: "2024-03-14T10:21:04Z" }))).not.toBe(fields);
  });
});

describe("standalone receipts", () => {
  it("adds nothing when the same receipts are sent again", async () => {
    const receipts = [receipt({ pspReference: "8815222222222222" }), receipt({ tenderReference: "T-9" }), receipt()];
    expect(await importReceipts(receipts, testOptions(finance))).toMatchObject({
      ok: true,
      inserted: 3,
      duplicates: 0,
    });
    expect(await importReceipts(receipts, testOptions(finance))).toMatchObject({
      ok: true,
      inserted: 0,
      duplicates: 3,
    });
    expect(await countRows("standalone_receipts")).toBe(3);
    // The same receipt twice in one call is stored once too.
    expect(
      await importReceipts(
        [receipt({ tenderReference: "T-10" }), receipt({ tenderReference: "T-10" })],
        testOptions(finance),
      ),
    ).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(await db().standaloneReceipt.findFirstOrThrow({ where: { tenderReference: "T-9" } })).toMatchObject({
      source: "api",
      createdBy: "finance@example.test",
    });
  });

  it("rejects invalid receipts by index and writes nothing", async () => {
    const result = await importReceipts(
      [receipt(), receipt({ amount: { value: -1, currency: "EUR" }, transactedAt: "2024-03-14 10:21" })],
      testOptions(finance),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [1, "amount.value"],
      [1, "transactedAt"],
    ]);
    expect(await countRows("standalone_receipts")).toBe(0);
  });

  it("refuses a receipt above the currency's maximum, naming the limit, through the API and CSV", async () => {
    const result = await importReceipts(
      [
        receipt({ amount: { value: 10_000_000, currency: "EUR" } }),
        receipt({ amount: { value: 10_000_001, currency: "EUR" } }),
      ],
      testOptions(finance),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ index: 1, field: "amount.value", reason: "must be at most €100,000.00" }],
    });
    const csv = await importReceiptsCsv(
      csvStream(
        "storeId,amount,currency,transactedAt\nS1,100000.01,EUR,2024-03-14T10:21:03Z\nS1,100001,JPY,2024-03-14T10:21:03Z\n",
      ),
      testOptions(finance),
    );
    expect(csv).toMatchObject({
      ok: false,
      problems: [
        { line: 2, field: "amount", reason: "must be at most €100,000.00" },
        { line: 3, field: "amount", reason: "must be at most ¥100,000" },
      ],
    });
    expect(await countRows("standalone_receipts")).toBe(0);
  });

  it("refuses a store manager's receipts for another store as a whole, and takes their own", async () => {
    const manager = principal("store_manager", ["S1"]);
    await expect(
      importReceipts([receipt(), receipt({ storeId: "S2" })], testOptions(manager, { skipInvalid: true })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You may not import receipts for store S2 (index 1); nothing was imported.",
    });
    expect(await countRows("standalone_receipts")).toBe(0);
    expect(await importReceipts([receipt()], testOptions(manager))).toMatchObject({ ok: true, inserted: 1 });
  });
});

describe("receipts CSV with --skip-invalid", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "receipts-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("imports the valid rows and writes the rejected ones with a reason next to the input", async () => {
    const file = path.join(dir, "receipts.csv");
    await writeFile(
      file,
      [
        "storeId,terminalId,amount,currency,transactedAt,pspReference",
        "S1,V400m-1,7.00,EUR,2024-03-14T10:21:03Z,8815222222222222",
        'S9,"V400m,2",7.00,EUR,2024-03-14T10:21:03Z,',
        "S1,V400m-1,7.001,EUR,2024-03-14T10:21:03Z,",
        "S2,,1500,JPY,2024-03-14T10:21:03+09:00,",
      ].join("\n"),
    );
    const rejected = collectRejectedLines();
    const result = await importReceiptsCsv(
      createReadStream(file),
      testOptions(finance, { skipInvalid: true, onRejectedRow: rejected.onRejectedRow }),
    );
    expect(result).toMatchObject({ ok: true, rows: 4, inserted: 2, rejected: 2 });
    const out = rejectedFilePath(file);
    expect(out).toBe(path.join(dir, "receipts.rejected.csv"));
    expect(await writeRejectedCsv(file, rejected.reasons, out)).toBe(2);
    expect((await readFile(out, "utf8")).split("\r\n")).toEqual([
      "storeId,terminalId,amount,currency,transactedAt,pspReference,reason",
      'S9,"V400m,2",7.00,EUR,2024-03-14T10:21:03Z,,"storeId: unknown store ""S9"": give the store\'s Adyen store id, its reference or its name"',
      'S1,V400m-1,7.001,EUR,2024-03-14T10:21:03Z,,"amount: ""7.001"" has more than 2 decimals for EUR"',
      "",
    ]);
  });
});
