import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readCsvRecords } from "@/lib/reconciliation/reports/csv-records";
import {
  assertCsvHeader,
  mapCsvRecord,
  validateOrderCsvRows,
  validateReceiptCsvRows,
  type CsvValues,
} from "@/lib/validation/csv-rows";

async function recordsOf(text: string): Promise<{ header: string[]; records: CsvValues[] }> {
  let header: string[] | undefined;
  const records: CsvValues[] = [];
  for await (const { line, cells } of readCsvRecords([text])) {
    if (!header) header = cells;
    else records.push({ line, values: Object.fromEntries(cells.map((cell, i) => [header?.[i] ?? `#${i}`, cell])) });
  }
  return { header: header ?? [], records };
}

describe("order CSV import", () => {
  it("reads major-unit amounts with the currency's exponent and reports bad lines by line number", async () => {
    const { header, records } = await recordsOf(
      [
        "Merchant Reference,store_id,Amount,Currency,Created At,Description,Unused",
        "ORDER-1,s1,12.50,eur,2024-03-14T10:21:03+01:00,,x",
        'ORDER-2,s1,1500,JPY,2024-03-14T10:21:03Z,"Ramen, large",',
        "ORDER-3,s1,1.234,KWD,2024-03-14T10:21:03Z,,",
        "ORDER-4,s1,1.234,EUR,2024-03-14T10:21:03Z,,",
        "ORDER-5,s2,-3.20,EUR,2024-03-14T10:21:03,,",
        "ORDER-6,s1,5,EURO,2024-03-14T10:21:03Z,,",
        "ORDER-1,s1,.91,EUR,2024-03-14T10:21:03Z,,",
        "ORDER-8,s1,,EUR,2024-03-14T10:21:03Z,,",
      ].join("\r\n"),
    );
    assertCsvHeader(header, "orders");
    const { valid, problems } = validateOrderCsvRows(records, { knownStoreIds: new Set(["s1"]) });
    expect(valid.map((o) => [o.merchantReference, o.amount.value, o.amount.currency])).toEqual([
      ["ORDER-1", 1250, "EUR"],
      ["ORDER-2", 1500, "JPY"],
      ["ORDER-3", 1234, "KWD"],
    ]);
    expect(valid[1]?.description).toBe("Ramen, large");
    expect(problems).toEqual([
      { index: 3, line: 5, field: "amount", reason: '"1.234" has more than 2 decimals for EUR' },
      { index: 4, line: 6, field: "amount", reason: "must not be negative" },
      { index: 4, line: 6, field: "createdAt", reason: expect.stringMatching(/time zone offset/) },
      { index: 4, line: 6, field: "storeId", reason: 'unknown store "s2"' },
      { index: 5, line: 7, field: "currency", reason: 'unknown currency "EURO"' },
      { index: 6, line: 8, field: "merchantReference", reason: "repeats line 2" },
      {
        index: 7,
        line: 9,
        field: "amount",
        reason: "is required (amount in major units such as 12.50, or amountMinor)",
      },
    ]);
  });

  it("accepts amountMinor, alone or agreeing with amount", () => {
    const values = { merchantReference: "A", storeId: "s1", currency: "EUR", createdAt: "2024-03-14T10:21:03Z" };
    const rows = [
      { line: 2, values: { ...values, amountMinor: "1250" } },
      { line: 3, values: { ...values, merchantReference: "B", amount: "12.50", amountMinor: "1250" } },
      { line: 4, values: { ...values, merchantReference: "C", amount: "12.50", amountMinor: "125" } },
      { line: 5, values: { ...values, merchantReference: "D", amountMinor: "12.50" } },
    ];
    const { valid, problems } = validateOrderCsvRows(rows);
    expect(valid.map((o) => o.amount.value)).toEqual([1250, 1250]);
    expect(problems).toEqual([
      { index: 2, line: 4, field: "amount", reason: "amount 12.50 EUR and amountMinor 125 disagree" },
      { index: 3, line: 5, field: "amountMinor", reason: '"12.50" is not a whole number of minor units' },
    ]);
  });

  it("maps records without inventing values for empty cells", () => {
    expect(mapCsvRecord({ storeId: " s1 ", amount: "", currency: "" }, ["storeId", "terminalId"])).toEqual({
      value: { storeId: "s1", terminalId: undefined, amount: { value: undefined, currency: undefined } },
      problems: [{ path: "amount", message: expect.stringMatching(/is required/) }],
      covered: ["amount.value"],
    });
  });

  it("refuses a file without the columns every row needs", () => {
    expect(() => assertCsvHeader(["merchantReference", "storeId"], "orders")).toThrow(AppError);
    expect(() => assertCsvHeader(["merchantReference", "storeId"], "orders")).toThrow(
      "missing column(s): currency, createdAt, amount (or amountMinor)",
    );
    expect(() => assertCsvHeader(["storeId", "AMOUNT_MINOR", "currency", "transacted at"], "receipts")).not.toThrow();
  });
});

describe("receipt CSV import", () => {
  it("validates receipts with the shared schema", async () => {
    const { header, records } = await recordsOf(
      "storeId,terminalId,amount,currency,transactedAt,pspReference,cardLast4,authCode\n" +
        "s1,V400m-1,7.00,EUR,2024-03-14T10:21:03Z,8815222222222222,0004,A1B2C3\n" +
        "s1,,7.00,EUR,2024-03-14T10:21:03Z,88152222,4,\n",
    );
    assertCsvHeader(header, "receipts");
    const { valid, problems } = validateReceiptCsvRows(records);
    expect(valid).toEqual([
      {
        storeId: "s1",
        terminalId: "V400m-1",
        amount: { value: 700, currency: "EUR" },
        transactedAt: new Date("2024-03-14T10:21:03Z"),
        pspReference: "8815222222222222",
        cardLast4: "0004",
        authCode: "A1B2C3",
      },
    ]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, "pspReference"],
      [3, "cardLast4"],
    ]);
  });
});
