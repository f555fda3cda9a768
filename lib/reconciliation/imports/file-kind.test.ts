// A file that is not CSV at all (JSON, a spreadsheet, an image, a zip) uploaded as an import is the user's wrong file:
// a 4xx that says which kind of file was expected and what was found, and nothing is written.
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/database";
import { importFile } from "@/lib/reconciliation/imports/import-file";
import { IMPORT_KINDS } from "@/lib/reconciliation/imports/types";
import { sniffNonCsv } from "@/lib/reconciliation/reports/file-kind";
import { countRows, principal, resetImportTables, testOptions } from "@/lib/reconciliation/imports/test-support";

withTestDatabase();
beforeEach(resetImportTables);

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const ZIP = Buffer.concat([Buffer.from("504b0304140000000800", "hex"), Buffer.alloc(40, 7)]);
const FILES: [string, Buffer, RegExp][] = [
  ["a JSON object", Buffer.from('{"hello":"world"}\n'), /JSON/],
  ["a JSON array", Buffer.from('[{"merchantReference":"A-1","amount":{"value":100}}]'), /JSON/],
  ["an image", PNG, /PNG image/],
  ["a gzip file", gzipSync("merchantReference,storeId\n"), /gzip/],
  ["a zip or Excel file", ZIP, /ZIP archive|Excel/],
  ["binary data", Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80]), /binary/],
];

describe("a file of the wrong kind", () => {
  for (const kind of IMPORT_KINDS) {
    it.each(FILES)(
      `${kind}: %s is refused as the user's file, naming what was expected and found`,
      async (_what, bytes, found) => {
        const err = await importFile(kind, Readable.from([bytes]), testOptions(principal("finance"))).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(AppError);
        const appError = err as AppError;
        expect(appError.status).toBeGreaterThanOrEqual(400);
        expect(appError.status).toBeLessThan(500);
        expect(appError.message).toMatch(/CSV/);
        expect(appError.message).toMatch(found);
        expect(await countRows("import_batches")).toBe(0);
      },
    );
  }
});

describe("sniffNonCsv", () => {
  it.each([
    ["a plain header", "merchantReference,storeId,amount\r\n"],
    ["a UTF-8 BOM", "\ufeffCompany Account,Merchant Account\n"],
    ["a quoted first cell", '"Company Account","Merchant Account"\n'],
    ["a header in brackets", "[merchantReference],storeId\n"],
    ["Latin-1 text", Buffer.from("Filiale,Stra\xdfe,M\xfcnchen\n", "latin1")],
    ["a tab-separated line", "a\tb\tc\n"],
  ])("leaves CSV text alone: %s", (_what, text) => {
    expect(sniffNonCsv(Buffer.isBuffer(text) ? text : Buffer.from(text))).toBeNull();
  });

  it("tells what a file is from its first bytes", () => {
    expect(sniffNonCsv(Buffer.from('  \n{"a":1}'))).toBe("json");
    expect(sniffNonCsv(Buffer.from("[1, 2]"))).toBe("json");
    expect(sniffNonCsv(Buffer.from("%PDF-1.7"))).toBe("pdf");
    expect(sniffNonCsv(Buffer.from("\xff\xfea\x00,\x00", "latin1"))).toBe("utf16");
    expect(sniffNonCsv(Buffer.from("d0cf11e0a1b11ae1", "hex"))).toBe("excel");
  });
});
