// Streams an orders or receipts CSV as chunks of records keyed by header name, so a big file is validated
// and written a batch at a time instead of being held in memory.
import { AppError } from "@/lib/errors";
import { readCsvRecords } from "@/lib/reconciliation/reports/csv-records";
import type { ReportInput } from "@/lib/reconciliation/reports/types";
import { assertCsvHeader, type CsvValues } from "@/lib/validation/csv-rows";

export async function* readCsvChunks(
  input: ReportInput,
  kind: "orders" | "receipts",
  size: number,
): AsyncGenerator<CsvValues[]> {
  let header: string[] | undefined;
  let chunk: CsvValues[] = [];
  const expected = `The ${kind === "orders" ? "POS orders" : "standalone receipts"} import`;
  for await (const { line, cells } of readCsvRecords(input, expected)) {
    if (header === undefined) {
      header = cells.map((cell) => cell.trim());
      // A missing column fails the whole file at once rather than every row.
      assertCsvHeader(header, kind);
      continue;
    }
    const names = header;
    chunk.push({ line, values: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""])) });
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (header === undefined) throw new AppError("VALIDATION", `The ${kind} file is empty: it has no header line.`);
  if (chunk.length > 0) yield chunk;
}
