import { describe, expect, it } from "vitest";
import { collect, fixtureStream } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import {
  parsePaymentAccountingReport,
  type PaymentAccountingRow,
} from "@/lib/reconciliation/reports/payment-accounting";
import { rowKey } from "@/lib/reconciliation/reports/row-key";
import { parseSettlementReport, type SettlementRow } from "@/lib/reconciliation/reports/settlement-details";

async function firstRow<T>(items: AsyncIterable<{ kind: string; row?: T }>): Promise<T> {
  const [item] = await collect(items);
  if (!item?.row) throw new Error("expected a row");
  return item.row;
}

describe("rowKey", () => {
  it("is a stable hex digest that ignores line number, raw text and batch number", async () => {
    const row = await firstRow<SettlementRow>(parseSettlementReport(fixtureStream("settlement-gen2.csv")));
    const key = rowKey(row);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(rowKey({ ...row, line: 500, raw: {}, batchNumber: null, store: "X" })).toBe(key);
  });

  it("changes with anything that identifies the money", async () => {
    const row = await firstRow<SettlementRow>(parseSettlementReport(fixtureStream("settlement-gen2.csv")));
    const key = rowKey(row);
    for (const change of [
      { netCredit: 489 },
      { netCredit: null },
      { type: "Chargeback" },
      { modificationReference: "X" },
      { pspReference: null },
      { merchantAccount: "Other" },
      { creationDate: new Date(row.creationDate.getTime() + 1000) },
      { grossCurrency: "USD" },
    ] satisfies Partial<SettlementRow>[]) {
      expect(rowKey({ ...row, ...change })).not.toBe(key);
    }
  });

  it("keeps the two reports apart and distinguishes record types", async () => {
    const row = await firstRow<PaymentAccountingRow>(
      parsePaymentAccountingReport(fixtureStream("payment-accounting.csv")),
    );
    expect(rowKey(row)).not.toBe(rowKey({ ...row, recordType: "Authorised" }));
    expect(rowKey(row)).not.toBe(rowKey({ ...row, modificationPspReference: "8815000000000001" }));
  });
});
