import { parse as parseSync } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { collect, fixtureStream, fixtureText, toCsv } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { rowKey } from "@/lib/reconciliation/reports/row-key";
import { parseSettlementReport, type SettlementRow } from "@/lib/reconciliation/reports/settlement-details";
import type { ReportItem } from "@/lib/reconciliation/reports/types";

const GENERATIONS = ["settlement-gen1.csv", "settlement-gen2.csv", "settlement-gen3.csv"] as const;

function rowsOf(items: ReportItem<SettlementRow>[]): SettlementRow[] {
  const invalid = items.filter((item) => item.kind === "invalid");
  expect(invalid).toEqual([]);
  return items.flatMap((item) => (item.kind === "row" ? [item.row] : []));
}

async function parseText(text: string): Promise<ReportItem<SettlementRow>[]> {
  return collect(parseSettlementReport([text]));
}

function fixtureTable(name: string): string[][] {
  return parseSync(fixtureText(name)) as string[][];
}

describe("parseSettlementReport: header generations", () => {
  it.each(GENERATIONS)("reads %s by header name", async (name) => {
    const rows = rowsOf(await collect(parseSettlementReport(fixtureStream(name))));
    expect(rows).toHaveLength(6);
    const [settled, refunded, small, yen, dinar, fee] = rows as [
      SettlementRow,
      SettlementRow,
      SettlementRow,
      SettlementRow,
      SettlementRow,
      SettlementRow,
    ];

    expect(settled).toMatchObject({
      report: "settlement-details",
      line: 2,
      companyAccount: "ShopCo",
      merchantAccount: "ShopCoNL",
      pspReference: "1813702551707653",
      merchantReference: "ORDER-1001",
      modificationReference: "1713702551795048",
      paymentMethod: "visa",
      paymentMethodVariant: "visaclassic",
      type: "Settled",
      grossCurrency: "EUR",
      grossDebit: null,
      grossCredit: 500,
      exchangeRate: "1",
      netCurrency: "EUR",
      netDebit: null,
      netCredit: 488,
      commission: null,
      markup: 4,
      schemeFees: 1,
      interchange: 7,
    });
    // 10:21:03 CET (and Europe/Amsterdam in March) is 09:21:03 UTC.
    expect(settled.creationDate.toISOString()).toBe("2024-03-14T09:21:03.000Z");
    expect(refunded).toMatchObject({
      merchantReference: "ORDER-1002, table 4",
      grossDebit: 1250,
      netDebit: 1250,
      netCredit: null,
    });
    expect(small).toMatchObject({ grossCredit: 91, netCredit: 85 });
    expect(yen).toMatchObject({ grossCurrency: "JPY", grossCredit: 1500, netCredit: 1455, markup: 45 });
    expect(dinar).toMatchObject({ grossCurrency: "KWD", grossCredit: 1234, netCredit: 1200, markup: 34 });
    expect(fee).toMatchObject({
      type: "Fee",
      pspReference: null,
      merchantReference: null,
      modificationReference: "Transaction Fees",
      grossCurrency: null,
      netCurrency: "EUR",
      netDebit: 228,
      line: 7,
    });
  });

  it("exposes what each generation adds, and null where a generation lacks a column", async () => {
    const [gen1, gen2, gen3] = await Promise.all(
      GENERATIONS.map(async (name) => rowsOf(await parseText(fixtureText(name)))),
    );
    expect(gen1?.[1]).toMatchObject({
      batchNumber: null,
      modificationMerchantReference: null,
      bookingDate: null,
      store: null,
    });
    expect(gen2?.[1]).toMatchObject({ batchNumber: "42", modificationMerchantReference: "REFUND-77", store: null });
    expect(gen3?.[1]).toMatchObject({
      batchNumber: "42",
      acquirer: "AdyenMC",
      store: "AMS-01",
      terminal: "V400m-324688179",
    });
    expect(gen3?.[1]?.bookingDate?.toISOString()).toBe("2024-03-15T02:00:00.000Z");
    // Fee line has no Booking Date TimeZone cell: the creation TimeZone applies.
    expect(gen3?.[5]?.bookingDate?.toISOString()).toBe("2024-03-15T03:55:40.000Z");
    expect(gen1?.[0]?.raw["Reserved10"]).toBe("");
    expect(gen3?.[0]?.raw["Terminal"]).toBe("V400m-324688179");
  });

  it("gives the same row keys to the same lines in every generation, and distinct keys to different lines", async () => {
    const keys = await Promise.all(
      GENERATIONS.map(async (name) => rowsOf(await parseText(fixtureText(name))).map(rowKey)),
    );
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(new Set(keys[0]).size).toBe(6);
    const again = rowsOf(await collect(parseSettlementReport(fixtureStream("settlement-gen2.csv")))).map(rowKey);
    expect(again).toEqual(keys[1]);
  });
});

describe("parseSettlementReport: layout variations", () => {
  it("ignores unknown extra columns but keeps them in raw", async () => {
    const table = fixtureTable("settlement-gen2.csv").map((row, i) => [
      ...row.slice(0, 5),
      i === 0 ? "Shopper Country" : "NL",
      ...row.slice(5),
      i === 0 ? "Metadata" : '{"a":1}',
    ]);
    const rows = rowsOf(await parseText(toCsv(table)));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ paymentMethod: "visa", netCredit: 488 });
    expect(rows[0]?.raw).toMatchObject({ "Shopper Country": "NL", Metadata: '{"a":1}' });
  });

  it("reads shuffled columns", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const order = [...(table[0] ?? []).keys()].reverse();
    const shuffled = table.map((row) => order.map((i) => row[i] ?? ""));
    const original = rowsOf(await parseText(fixtureText("settlement-gen2.csv")));
    const rows = rowsOf(await parseText(toCsv(shuffled)));
    expect(rows.map(({ raw: _raw, ...rest }) => rest)).toEqual(original.map(({ raw: _raw, ...rest }) => rest));
  });

  it("matches headers regardless of case and spacing", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const header = (table[0] ?? []).map((name, i) =>
      i % 2 === 0 ? `  ${name.toUpperCase()} ` : name.toLowerCase().replace(" (", "("),
    );
    header[6] = "Time Zone";
    const rows = rowsOf(await parseText(toCsv([header, ...table.slice(1)])));
    expect(rows[0]).toMatchObject({ grossCredit: 500, netCredit: 488, markup: 4 });
  });

  it("handles CRLF, a UTF-8 BOM, quoted commas and quotes, and chunks split inside a character", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const row = [...(table[1] ?? [])];
    row[3] = 'Café "Le Coin", 1er';
    const bytes = Buffer.from("\uFEFF" + toCsv([table[0] ?? [], row], "\r\n"), "utf8");
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const rows = rowsOf(await collect(parseSettlementReport(chunks)));
    expect(rows[0]).toMatchObject({
      companyAccount: "ShopCo",
      merchantReference: 'Café "Le Coin", 1er',
      netCredit: 488,
      line: 2,
    });
  });

  it("numbers lines from the file, counting blank lines and line breaks inside quoted fields", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const multiLine = [...(table[1] ?? [])];
    multiLine[3] = "first\r\nsecond";
    const text = toCsv([table[0] ?? [], multiLine], "\r\n") + "\r\n" + toCsv([table[2] ?? [], ["bad"]], "\r\n");
    const items = await parseText(text);
    expect(items.map((item) => (item.kind === "row" ? item.row.line : item.line))).toEqual([2, 5, 6]);
  });
});

describe("parseSettlementReport: problems", () => {
  it("reports every problem of a bad line with its line number, and keeps going", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const bad = [...(table[1] ?? [])];
    bad[1] = "";
    bad[5] = "2024-02-30 10:00:00";
    bad[9] = "XXX";
    bad[11] = "5.00";
    bad[15] = "4.881";
    const items = await parseText(toCsv([table[0] ?? [], table[1] ?? [], bad, table[3] ?? []]));
    expect(items.map((item) => item.kind)).toEqual(["row", "invalid", "row"]);
    const invalid = items[1];
    expect(invalid).toMatchObject({ kind: "invalid", line: 3 });
    expect(invalid?.kind === "invalid" ? invalid.problems : []).toEqual([
      { line: 3, field: "Merchant Account", reason: "is empty" },
      {
        line: 3,
        field: "Creation Date",
        reason: '"2024-02-30 10:00:00" is not a date and time (expected YYYY-MM-DD HH:MM:SS)',
      },
      { line: 3, field: "Gross Currency", reason: 'unknown currency "XXX"' },
      { line: 3, field: "Net Credit (NC)", reason: '"4.881" has more than 2 decimals for EUR' },
    ]);
  });

  it("reports an amount without a currency and a misaligned line", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const noCurrency = [...(table[1] ?? [])];
    noCurrency[13] = "";
    const items = await parseText(toCsv([table[0] ?? [], noCurrency, ["ShopCo", "ShopCoNL", "1"]]));
    expect(items).toEqual([
      {
        kind: "invalid",
        line: 2,
        problems: expect.arrayContaining([
          { line: 2, field: "Net Credit (NC)", reason: "has an amount but Net Currency is empty" },
        ]),
      },
      {
        kind: "invalid",
        line: 3,
        problems: [{ line: 3, field: "(line)", reason: "has 3 columns, the header has 30" }],
      },
    ]);
  });

  it("refuses an ambiguous time zone unless the account says what it means", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const central = [...(table[1] ?? [])];
    central[6] = "CST";
    const text = toCsv([table[0] ?? [], central]);
    const [refused] = await parseText(text);
    expect(refused).toMatchObject({
      kind: "invalid",
      problems: [{ field: "TimeZone", reason: expect.stringMatching(/ambiguous/) }],
    });
    const [accepted] = await collect(parseSettlementReport([text], { zoneAliases: { CST: "America/Chicago" } }));
    expect(accepted?.kind === "row" && accepted.row.creationDate.toISOString()).toBe("2024-03-14T15:21:03.000Z");
  });

  it("fails the whole file, naming every missing required column", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const drop = new Set(["Net Credit (NC)", "TimeZone"]);
    const keep = [...(table[0] ?? []).keys()].filter((i) => !drop.has(table[0]?.[i] ?? ""));
    const text = toCsv(table.map((row) => keep.map((i) => row[i] ?? "")));
    const error = await parseText(text).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).message).toBe(
      "This Settlement details report cannot be imported: missing required column(s): TimeZone, Net Credit (NC).",
    );
    expect((error as AppError).details?.problems).toEqual([
      { path: "TimeZone", message: "required column is missing" },
      { path: "Net Credit (NC)", message: "required column is missing" },
    ]);
  });

  it("fails on a column that appears twice, an empty file and broken CSV", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    await expect(
      parseText(
        toCsv([
          [...(table[0] ?? []), "net credit (nc)"],
          [...(table[1] ?? []), "1"],
        ]),
      ),
    ).rejects.toThrow(/more than once: Net Credit \(NC\)/);
    await expect(parseText("")).rejects.toThrow(/no header line/);
    await expect(parseText(fixtureText("settlement-gen2.csv") + 'x,"unterminated\n')).rejects.toThrow(/not valid CSV/);
  });

  it("passes a failing source's own error through", async () => {
    async function* broken(): AsyncGenerator<string> {
      yield fixtureText("settlement-gen2.csv");
      throw new Error("connection reset");
    }
    await expect(collect(parseSettlementReport(broken()))).rejects.toThrow("connection reset");
  });

  it("yields nothing for a header-only file", async () => {
    expect(await parseText((fixtureText("settlement-gen1.csv").split("\n")[0] ?? "") + "\n")).toEqual([]);
  });
});

describe("parseSettlementReport: streaming", () => {
  it("yields rows while the source is still being read, so memory does not grow with the file", async () => {
    const table = fixtureTable("settlement-gen2.csv");
    const line = toCsv([table[1] ?? []]);
    let produced = 0;
    async function* huge(): AsyncGenerator<string> {
      yield toCsv([table[0] ?? []]);
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield line;
      }
    }
    let seen = 0;
    for await (const item of parseSettlementReport(huge())) {
      expect(item.kind).toBe("row");
      if (++seen === 1000) break;
    }
    expect(produced).toBeLessThan(20_000);
  });
});
