// Streams CSV records with their 1-based starting line number; memory stays bounded by one record.
import { Readable, pipeline } from "node:stream";
import { CsvError, parse, type Info } from "csv-parse";
import { AppError } from "@/lib/errors";
import { checkedCsvInput } from "@/lib/reconciliation/reports/file-kind";
import type { ReportInput } from "@/lib/reconciliation/reports/types";

export type CsvRecord = { line: number; cells: string[] };

/** One CSV record (a line, or several inside quotes) may not be longer than this: Adyen's lines are < 4 KiB. */
export const MAX_RECORD_BYTES = 64 * 1024;

type ParsedRecord = { record: string[]; info: Info };

/**
 * `expected` names the import in messages ("The POS orders import"): a file that is not CSV text at all (JSON, a
 * workbook, an image) is refused with what was found before the parser sees it.
 */
export async function* readCsvRecords(input: ReportInput, expected = "This import"): AsyncGenerator<CsvRecord> {
  const source = Readable.from(checkedCsvInput(input, expected));
  const parser = parse({
    bom: true,
    info: true,
    // Column counts are checked per row by the caller, so one short row is a row problem, not a file error.
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    // Without a bound, one unterminated quote makes the parser buffer the rest of the upload as a single field.
    max_record_size: MAX_RECORD_BYTES,
  });
  // pipeline (not pipe) so that a failing source fails the iteration instead of hanging it.
  pipeline(source, parser, () => undefined);
  // csv-parse counts every CR and LF inside a quoted field as a line and reports the line a record ENDS on;
  // subtracting those breaks gives the start line, and CRLF pairs counted twice are carried as drift.
  let drift = 0;
  try {
    for await (const chunk of parser as AsyncIterable<ParsedRecord>) {
      let breaks = 0;
      let pairs = 0;
      for (const cell of chunk.record) {
        if (!cell.includes("\n") && !cell.includes("\r")) continue;
        breaks += countOf(cell, /[\r\n]/g);
        pairs += countOf(cell, /\r\n/g);
      }
      yield { line: chunk.info.lines - drift - breaks, cells: chunk.record };
      drift += pairs;
    }
  } catch (err) {
    // Only csv-parse's own errors describe the file (not all of their codes start with CSV_: INVALID_OPENING_QUOTE,
    // what a JSON file gives); a failing upload stream is not a CSV problem.
    if (!(err instanceof CsvError)) throw err;
    const code = err.code;
    const lines = (err as { lines?: unknown }).lines;
    if (code === "CSV_MAX_RECORD_SIZE") {
      throw new AppError(
        "UNPROCESSABLE",
        `The file cannot be imported: line ${typeof lines === "number" ? lines : "?"} is longer than ${MAX_RECORD_BYTES / 1024} KiB (an unclosed quote?).`,
      );
    }
    const where = typeof lines === "number" ? ` near line ${lines}` : "";
    throw new AppError("VALIDATION", `The file is not valid CSV${where}: ${(err as Error).message}`);
  }
}

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
