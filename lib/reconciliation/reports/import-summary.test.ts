import { describe, expect, it } from "vitest";
import { collect, fixtureStream } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { addToImportSummary, createImportSummary } from "@/lib/reconciliation/reports/import-summary";
import { parsePaymentAccountingReport } from "@/lib/reconciliation/reports/payment-accounting";
import { parseSettlementReport } from "@/lib/reconciliation/reports/settlement-details";

describe("import summary", () => {
  it("counts lines per type and nets per currency for a settlement report, line by line", async () => {
    const summary = createImportSummary();
    for await (const item of parseSettlementReport(fixtureStream("settlement-gen2.csv")))
      addToImportSummary(summary, item);
    addToImportSummary(summary, { kind: "invalid", line: 99, problems: [] });
    expect(summary).toEqual({
      rows: 6,
      invalidRows: 1,
      byType: { Settled: 4, Refunded: 1, Fee: 1 },
      netByCurrency: {
        EUR: { credit: 488 + 85, debit: 1250 + 228 },
        JPY: { credit: 1455, debit: 0 },
        KWD: { credit: 1200, debit: 0 },
      },
    });
  });

  it("treats positive Payable (SC) as credit and negative as debit in a payment accounting report", async () => {
    const items = await collect(parsePaymentAccountingReport(fixtureStream("payment-accounting.csv")));
    const summary = items.reduce(addToImportSummary, createImportSummary());
    expect(summary.byType).toEqual({ Received: 1, Authorised: 1, SentForSettle: 1, Settled: 3, Refunded: 1 });
    expect(summary.netByCurrency).toEqual({
      EUR: { credit: 488, debit: 1250 },
      JPY: { credit: 1455, debit: 0 },
      KWD: { credit: 1200, debit: 0 },
    });
  });

  it("keeps type names from the file as plain keys", async () => {
    const summary = createImportSummary();
    const [item] = await collect(parseSettlementReport(fixtureStream("settlement-gen2.csv")));
    if (item?.kind !== "row") throw new Error("expected a row");
    addToImportSummary(summary, { kind: "row", row: { ...item.row, type: "__proto__" } });
    expect(summary.byType["__proto__"]).toBe(1);
  });

  it("refuses totals beyond the safe integer range", async () => {
    const [item] = await collect(parseSettlementReport(fixtureStream("settlement-gen2.csv")));
    if (item?.kind !== "row") throw new Error("expected a row");
    const summary = createImportSummary();
    addToImportSummary(summary, { kind: "row", row: { ...item.row, netCredit: Number.MAX_SAFE_INTEGER } });
    expect(() => addToImportSummary(summary, item)).toThrow(/safe integer range/);
  });
});
