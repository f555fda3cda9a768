import { parse as parseSync } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { collect, fixtureStream, fixtureText, toCsv } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import {
  parsePaymentAccountingReport,
  type PaymentAccountingRow,
} from "@/lib/reconciliation/reports/payment-accounting";
import { rowKey } from "@/lib/reconciliation/reports/row-key";

async function rows(input: Parameters<typeof parsePaymentAccountingReport>[0]): Promise<PaymentAccountingRow[]> {
  const items = await collect(parsePaymentAccountingReport(input));
  expect(items.filter((item) => item.kind === "invalid")).toEqual([]);
  return items.flatMap((item) => (item.kind === "row" ? [item.row] : []));
}

describe("parsePaymentAccountingReport", () => {
  it("reads the lifecycle of a payment with signed amounts", async () => {
    const parsed = await rows(fixtureStream("payment-accounting.csv"));
    expect(parsed.map((row) => row.recordType)).toEqual([
      "Received",
      "Authorised",
      "SentForSettle",
      "Settled",
      "Refunded",
      "Settled",
      "Settled",
    ]);
    expect(parsed[1]).toMatchObject({
      line: 3,
      received: -500,
      authorised: 500,
      captured: null,
      paymentCurrency: "EUR",
    });
    expect(parsed[3]).toMatchObject({
      captured: -500,
      settlementCurrency: "EUR",
      payable: 488,
      markup: 4,
      schemeFees: 1,
      interchange: 7,
      processingFeeCurrency: "EUR",
      processingFee: 10,
      userName: "ws@Company.ShopCo",
      mainCurrency: "EUR",
      mainAmount: 500,
    });
    expect(parsed[3]?.bookingDate.toISOString()).toBe("2024-03-15T01:00:00.000Z");
    expect(parsed[4]).toMatchObject({
      merchantReference: "ORDER-1002, table 4",
      payable: -1250,
      modificationMerchantReference: "REFUND-77",
    });
    expect(parsed[5]).toMatchObject({ paymentCurrency: "JPY", captured: -1500, payable: 1455, markup: 45 });
    expect(parsed[6]).toMatchObject({ paymentCurrency: "KWD", captured: -1234, payable: 1200, markup: 34 });
  });

  it("reads shuffled, re-cased columns with an extra column, CRLF and a BOM", async () => {
    const table = parseSync(fixtureText("payment-accounting.csv")) as string[][];
    const order = [...(table[0] ?? []).keys()].sort((a, b) => ((a * 7) % 11) - ((b * 7) % 11) || a - b);
    const moved = table.map((row, i) => [
      ...order.map((j) => (i === 0 ? (row[j] ?? "").toUpperCase() : (row[j] ?? ""))),
      i === 0 ? "Shopper Interaction" : "POS",
    ]);
    const reordered = await rows(["\uFEFF" + toCsv(moved, "\r\n")]);
    const original = await rows([fixtureText("payment-accounting.csv")]);
    expect(reordered.map(rowKey)).toEqual(original.map(rowKey));
    expect(reordered[0]?.raw["Shopper Interaction"]).toBe("POS");
  });

  it("reports a bad amount with its line and field", async () => {
    const table = parseSync(fixtureText("payment-accounting.csv")) as string[][];
    const bad = [...(table[6] ?? [])];
    bad[15] = "1455.5";
    const items = await collect(parsePaymentAccountingReport([toCsv([table[0] ?? [], table[1] ?? [], bad])]));
    expect(items[1]).toEqual({
      kind: "invalid",
      line: 3,
      problems: [{ line: 3, field: "Payable (SC)", reason: '"1455.5" has more than 0 decimals for JPY' }],
    });
  });

  it("names missing required columns", async () => {
    const text = "Merchant Account,Psp Reference,Booking Date\nA,B,2024-01-01 00:00:00\n";
    await expect(collect(parsePaymentAccountingReport([text]))).rejects.toThrow(
      "missing required column(s): Merchant Reference, TimeZone, Record Type, Payment Currency, Received (PC), Authorised (PC), Captured (PC), Settlement Currency, Payable (SC)",
    );
  });
});
