// The loop shared by every Adyen report parser: header first, then one item per data line.
import { AppError } from "@/lib/errors";
import { readCsvRecords } from "@/lib/reconciliation/reports/csv-records";
import { resolveColumns, type ColumnSpec, type ResolvedHeader } from "@/lib/reconciliation/reports/header";
import { RowReader } from "@/lib/reconciliation/reports/row-reader";
import type { ParseReportOptions, ReportInput, ReportItem } from "@/lib/reconciliation/reports/types";

/** Reads every field of a line through the reader; returns null when a field the row cannot lack is unusable. */
export type RowMapper<K extends string, Row> = (reader: RowReader<K>) => Row | null;

export async function* parseReport<K extends string, Row>(
  input: ReportInput,
  spec: ColumnSpec<K>,
  reportName: string,
  mapRow: RowMapper<K, Row>,
  options: ParseReportOptions = {},
): AsyncGenerator<ReportItem<Row>> {
  let header: ResolvedHeader<K> | undefined;
  for await (const record of readCsvRecords(input, `The ${reportName} import`)) {
    if (header === undefined) {
      header = resolveColumns(record.cells, spec, reportName);
      continue;
    }
    const reader = new RowReader(record, header, spec, options);
    const row = reader.hasHeaderShape() ? mapRow(reader) : null;
    if (row !== null && reader.problems.length === 0) yield { kind: "row", row };
    else yield { kind: "invalid", line: record.line, problems: reader.problems };
  }
  if (header === undefined) throw new AppError("VALIDATION", `This ${reportName} is empty: it has no header line.`);
}
