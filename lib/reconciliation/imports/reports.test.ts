import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { fixtureStream, fixtureText } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { importPaymentAccountingReport, importSettlementReport } from "@/lib/reconciliation/imports/reports";
import {
  countRows,
  csvStream,
  principal,
  resetImportTables,
  testOptions,
} from "@/lib/reconciliation/imports/test-support";

withTestDatabase();
beforeEach(resetImportTables);

const finance = principal("finance");
// The six lines of the settlement fixtures, in minor units of each currency's own exponent.
const SETTLEMENT_NET = {
  EUR: { credit: 488 + 85, debit: 1250 + 228 },
  JPY: { credit: 1455, debit: 0 },
  KWD: { credit: 1200, debit: 0 },
};
const SETTLEMENT_TYPES = { Settled: 4, Refunded: 1, Fee: 1 };

describe("settlement details report", () => {
  it("imports the lines once: a second import of the same report adds nothing and reports duplicates", async () => {
    const options = testOptions(finance, { fileName: "settlement-gen2.csv" });
    const first = await importSettlementReport(fixtureStream("settlement-gen2.csv"), options);
    expect(first).toMatchObject({
      ok: true,
      rows: 6,
      inserted: 6,
      duplicates: 0,
      rejected: 0,
      summary: { byType: SETTLEMENT_TYPES, netByCurrency: SETTLEMENT_NET },
    });
    const second = await importSettlementReport(fixtureStream("settlement-gen2.csv"), options);
    expect(second).toMatchObject({
      ok: true,
      rows: 6,
      inserted: 0,
      duplicates: 6,
      summary: { byType: SETTLEMENT_TYPES },
    });
    // The same batch downloaded in the newest layout is the same six lines.
    expect(await importSettlementReport(fixtureStream("settlement-gen3.csv"), options)).toMatchObject({
      inserted: 0,
      duplicates: 6,
    });
    expect(await countRows("settlement_lines")).toBe(6);
    expect(options.reconciled).toEqual([
      "settlement-details-import",
      "settlement-details-import",
      "settlement-details-import",
    ]);
  });

  it("stores the lines with the batch id, minor units and the raw row; the batch summary has a fixed shape", async () => {
    const result = await importSettlementReport(
      fixtureStream("settlement-gen2.csv"),
      testOptions(finance, { fileName: "settlement-gen2.csv" }),
    );
    if (!result.ok) throw new Error("expected success");
    const kwd = await db().settlementLine.findFirstOrThrow({ where: { pspReference: "8815333333333333" } });
    expect(kwd).toMatchObject({
      report: "settlement_details",
      importId: result.batchId,
      type: "Settled",
      grossCredit: 1234n,
      netCredit: 1200n,
      netCurrency: "KWD",
      batchNumber: "42",
    });
    expect(kwd.raw).toMatchObject({ "Merchant Reference": "ORDER-1005", "Net Credit (NC)": "1.200" });
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      kind: "settlement_details",
      fileName: "settlement-gen2.csv",
      rows: 6,
      inserted: 6,
      duplicates: 0,
      rejected: 0,
      createdBy: "finance@example.test",
    });
    expect(batch.summary).toEqual({
      byType: SETTLEMENT_TYPES,
      netByCurrency: SETTLEMENT_NET,
      updated: 0,
      skipped: [],
      skippedProblemCount: 0,
    });
    expect(
      await db().auditLog.count({ where: { action: "import.settlement_details", entityId: result.batchId } }),
    ).toBe(1);
  });

  it("rolls back everything, also rows already written in earlier batches, when a line is invalid", async () => {
    const [header = ""] = fixtureText("settlement-gen2.csv").split("\n");
    const line = (i: number, currency = "EUR") =>
      `ShopCo,ShopCoNL,${String(9_000_000_000_000_000 + i)},ORDER-${i},visa,2024-03-14 10:21:03,CET,Settled,M${i},${currency},,5.00,1,${currency},,4.88,,,,,visa,,7,,,,,,,`;
    const lines = Array.from({ length: 2_500 }, (_, i) => line(i));
    lines.push(line(2_500, "EURO"));
    const result = await importSettlementReport(csvStream([header, ...lines].join("\n")), testOptions(finance));
    expect(result).toMatchObject({ ok: false, rows: 2_501, rejected: 1, problemCount: 2 });
    expect(result.problems).toEqual([
      { line: 2_502, field: "Gross Currency", reason: 'unknown currency "EURO"' },
      { line: 2_502, field: "Net Currency", reason: 'unknown currency "EURO"' },
    ]);
    expect(await countRows("settlement_lines")).toBe(0);
    expect(await countRows("import_batches")).toBe(0);
    expect(await countRows("audit_log")).toBe(0);
  });

  it("imports the valid lines only when asked to skip invalid ones", async () => {
    const text = fixtureText("settlement-gen2.csv").replace(
      "ShopCoJP,8815222222222222,ORDER-1004,jcb,2024-03-14 13:30:00,CET",
      "ShopCoJP,8815222222222222,ORDER-1004,jcb,2024-03-14 13:30:00,XYZ",
    );
    const options = testOptions(finance, { skipInvalid: true });
    const result = await importSettlementReport(csvStream(text), options);
    expect(result).toMatchObject({
      ok: true,
      rows: 6,
      inserted: 5,
      rejected: 1,
      problems: [{ line: 5, field: "TimeZone" }],
    });
    expect(result.ok && result.summary.netByCurrency.JPY).toBeUndefined();
    expect(await countRows("settlement_lines")).toBe(5);
  });

  it("refuses a report without a required column before reading any line", async () => {
    const text = fixtureText("settlement-gen2.csv").replace("Net Currency,", "Net Kurrency,");
    await expect(importSettlementReport(csvStream(text), testOptions(finance))).rejects.toThrow(
      /missing required column\(s\): Net Currency/,
    );
  });

  it("is for finance and admins only", async () => {
    await expect(
      importSettlementReport(fixtureStream("settlement-gen2.csv"), testOptions(principal("store_manager", ["S1"]))),
    ).rejects.toThrow("The role store_manager may not reports.import.");
  });
});

describe("payment accounting report", () => {
  it("imports every status line with Payable (SC) as net, and nets per currency in minor units", async () => {
    const result = await importPaymentAccountingReport(fixtureStream("payment-accounting.csv"), testOptions(finance));
    expect(result).toMatchObject({
      ok: true,
      rows: 7,
      inserted: 7,
      summary: {
        byType: { Received: 1, Authorised: 1, SentForSettle: 1, Settled: 3, Refunded: 1 },
        netByCurrency: {
          EUR: { credit: 488, debit: 1250 },
          JPY: { credit: 1455, debit: 0 },
          KWD: { credit: 1200, debit: 0 },
        },
      },
    });
    const refund = await db().settlementLine.findFirstOrThrow({
      where: { report: "payment_accounting", type: "Refunded" },
    });
    expect(refund).toMatchObject({ netCurrency: "EUR", netDebit: 1250n, netCredit: null, grossCredit: 1250n });
    expect(
      await importPaymentAccountingReport(fixtureStream("payment-accounting.csv"), testOptions(finance)),
    ).toMatchObject({ inserted: 0, duplicates: 7 });
  });
});
