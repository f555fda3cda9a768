// Adyen Settlement details and Payment accounting reports into settlement_lines, streamed line by line;
// a line already imported (same row key) is counted as a duplicate, so importing a report twice adds nothing.
import {
  parsePaymentAccountingReport,
  parseSettlementReport,
  type ParseReportOptions,
  type ReportInput,
  type ReportItem,
} from "@/lib/reconciliation/reports";
import { runImport } from "@/lib/reconciliation/imports/run-import";
import { reportTally, type ReportSummary } from "@/lib/reconciliation/imports/tallies";
import type { ImportItem, ImportOptions, ImportResult } from "@/lib/reconciliation/imports/types";
import { insertReportLines } from "@/lib/reconciliation/imports/write-settlement-lines";

export type ReportImportOptions = ImportOptions & ParseReportOptions;

export function importSettlementReport(
  input: ReportInput,
  options: ReportImportOptions,
): Promise<ImportResult<ReportSummary>> {
  return runImport(
    {
      kind: "settlement_details",
      items: () => asImportItems(parseSettlementReport(input, options)),
      write: (tx, rows, batchId) => insertReportLines(tx, rows, batchId),
      summarize: reportTally(),
    },
    options,
  );
}

export function importPaymentAccountingReport(
  input: ReportInput,
  options: ReportImportOptions,
): Promise<ImportResult<ReportSummary>> {
  return runImport(
    {
      kind: "payment_accounting",
      items: () => asImportItems(parsePaymentAccountingReport(input, options)),
      write: (tx, rows, batchId) => insertReportLines(tx, rows, batchId),
      summarize: reportTally(),
    },
    options,
  );
}

async function* asImportItems<Row>(items: AsyncIterable<ReportItem<Row>>): AsyncGenerator<ImportItem<Row>> {
  for await (const item of items) {
    if (item.kind === "row") yield { kind: "row", row: item.row };
    else
      yield {
        kind: "invalid",
        line: item.line,
        problems: item.problems.map(({ field, reason }) => ({ field, reason })),
      };
  }
}
