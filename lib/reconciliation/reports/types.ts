// Shapes shared by the Adyen report parsers.
import type { Readable } from "node:stream";

/** A CSV file as a Node stream or any (async) iterable of chunks, e.g. a web upload adapted to Node. */
export type ReportInput = Readable | AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

/** Why one line of a report was not imported; `field` is the column header as written in the file. */
export type ReportProblem = { line: number; field: string; reason: string };

/** Parsers yield one item per data line, so callers can stream rows to the database as they come. */
export type ReportItem<Row> = { kind: "row"; row: Row } | { kind: "invalid"; line: number; problems: ReportProblem[] };

export type ParseReportOptions = {
  /**
   * Extra or overriding meanings for the TimeZone column, e.g. { CST: "America/Chicago" }.
   * Needed for abbreviations that mean different zones in different regions (CST, IST, AST),
   * which are refused rather than guessed.
   */
  zoneAliases?: Readonly<Record<string, string>>;
};
