// The sample file of every kind, as the imports page offers it, imports as it is: the format it shows is the one the
// import reads.
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { importFile } from "@/lib/reconciliation/imports/import-file";
import { importColumns, importSample } from "@/lib/reconciliation/imports/samples";
import { IMPORT_KINDS } from "@/lib/reconciliation/imports/types";
import { principal, resetImportTables, testOptions } from "@/lib/reconciliation/imports/test-support";

withTestDatabase();
beforeEach(async () => {
  await resetImportTables();
  await makeStore("ST1");
  await db().store.update({ where: { id: "ST1" }, data: { reference: "BER-01" } });
});

describe("import samples", () => {
  it.each(IMPORT_KINDS)("the %s sample imports as it is, without a problem", async (kind) => {
    const text = importSample(kind, "BER-01");
    const result = await importFile(kind, Readable.from([text]), testOptions(principal("finance")));
    expect(result).toMatchObject({ ok: true, rows: 2, rejected: 0, problemCount: 0 });
  });

  it.each(IMPORT_KINDS)("the %s sample has every required column, first", (kind) => {
    const header = importSample(kind, "ST1").split("\r\n")[0]?.split(",") ?? [];
    const { required } = importColumns(kind);
    expect(header.slice(0, required.length)).toEqual(required);
  });

  it("lists the columns each kind needs", () => {
    expect(importColumns("orders").required).toEqual([
      "merchantReference",
      "storeId",
      "amount",
      "currency",
      "createdAt",
    ]);
    expect(importColumns("settlement_details").required).toContain("Net Credit (NC)");
    expect(importColumns("settlement_details").optional).toContain("Batch Number");
    expect(importColumns("payment_accounting").required).toContain("Record Type");
  });
});
