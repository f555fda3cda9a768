// `ops import orders|receipts|settlement|payment-accounting FILE`: the same imports as the UI and the API.
// A file with invalid rows is rejected whole (problems on stderr, exit 1) unless --skip-invalid.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { openContext, UsageError } from "../context.ts";
import type { Command, Values } from "./types.ts";
import { AppError } from "../../lib/errors.ts";
import { minorToMajorString } from "../../lib/money.ts";
import { stopJobs } from "../../lib/jobs/queue.ts";
import { requestReconcileAndWait } from "../../lib/reconciliation/trigger.ts";
import { importFile, type FileImportResult } from "../../lib/reconciliation/imports/import-file.ts";
import {
  collectRejectedLines,
  rejectedFilePath,
  writeRejectedCsv,
} from "../../lib/reconciliation/imports/rejected-file.ts";
import type { ImportKind, ImportProblem } from "../../lib/reconciliation/imports/types.ts";

const KINDS: { word: string; kind: ImportKind; what: string }[] = [
  { word: "orders", kind: "orders", what: "POS orders from a CSV file (upsert by merchant reference)" },
  { word: "receipts", kind: "receipts", what: "standalone receipts from a CSV file (duplicates are skipped)" },
  {
    word: "settlement",
    kind: "settlement_details",
    what: "an Adyen Settlement details report (lines already imported are skipped)",
  },
  {
    word: "payment-accounting",
    kind: "payment_accounting",
    what: "an Adyen Payment accounting report (lines already imported are skipped)",
  },
];

export const importCommands: Command[] = KINDS.map(({ word, kind, what }) => ({
  words: ["import", word],
  usage: `import ${word} <file> [--skip-invalid] [--json]`,
  summary: `Import ${what}.`,
  options: { "skip-invalid": { type: "boolean" }, json: { type: "boolean" } },
  positionals: true,
  run: (values, positionals) => runImportCommand(kind, values, positionals),
}));

async function runImportCommand(kind: ImportKind, values: Values, positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError("give exactly one file to import");
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const json = values.json === true;
  const skipInvalid = values["skip-invalid"] === true;
  const rejected = collectRejectedLines();
  const ctx = await openContext();
  try {
    const result = await importFile(kind, createReadStream(file), {
      actor: "system",
      fileName: path.basename(file),
      skipInvalid,
      onRejectedRow: rejected.onRejectedRow,
      // The process exits right after: wait until the matching run is queued, then let the queue go.
      reconcile: requestReconcileAndWait,
    });
    if (!result.ok) {
      for (const problem of result.problems) process.stderr.write(`${describe(problem)}\n`);
      if (result.problemCount > result.problems.length)
        process.stderr.write(`… and ${result.problemCount - result.problems.length} more problems\n`);
      throw new AppError(
        "VALIDATION",
        `${result.rejected} of ${result.rows} rows are invalid; nothing was imported (--skip-invalid imports the valid rows).`,
      );
    }
    const rejectedFile = result.rejected > 0 ? rejectedFilePath(file) : undefined;
    if (rejectedFile) await writeRejectedCsv(file, rejected.reasons, rejectedFile);
    printResult(result, json, rejectedFile);
  } finally {
    await stopJobs();
    await ctx.close();
  }
}

function describe(p: ImportProblem): string {
  const where = p.line !== undefined ? `line ${p.line}` : `row ${p.index ?? "?"}`;
  return `${where}: ${p.field}: ${p.reason}`;
}

function printResult(
  result: Extract<FileImportResult, { ok: true }>,
  json: boolean,
  rejectedFile: string | undefined,
): void {
  const { summary } = result;
  if (json) {
    // One JSON object and nothing else on stdout, so scripts can pipe it.
    const counts = {
      rows: result.rows,
      inserted: result.inserted,
      ...(result.updated > 0 ? { updated: result.updated } : {}),
      duplicates: result.duplicates,
    };
    const rejected = rejectedFile ? { rejected: result.rejected, rejectedFile } : {};
    const details =
      "byType" in summary
        ? { byType: summary.byType, netByCurrency: summary.netByCurrency }
        : { byStore: summary.byStore, storeNames: summary.storeNames, amountByCurrency: summary.amountByCurrency };
    process.stdout.write(JSON.stringify({ ...counts, ...details, ...rejected }) + "\n");
    if (rejectedFile) process.stderr.write(`rejected rows written to ${rejectedFile}\n`);
    return;
  }
  const out = (line: string) => process.stdout.write(line + "\n");
  out(
    `${result.rows} rows: ${result.inserted} inserted, ${result.updated} updated, ${result.duplicates} already present, ${result.rejected} rejected`,
  );
  if ("byType" in summary) {
    for (const [type, n] of Object.entries(summary.byType)) out(`  ${type.padEnd(24)} ${n}`);
    for (const [currency, net] of Object.entries(summary.netByCurrency)) {
      out(
        `  net ${currency}: credit ${minorToMajorString(net.credit, currency)}, debit ${minorToMajorString(net.debit, currency)}`,
      );
    }
  } else {
    for (const [storeId, n] of Object.entries(summary.byStore)) {
      out(`  ${summary.storeNames[storeId] ?? storeId} (${storeId}): ${n}`);
    }
    for (const [currency, total] of Object.entries(summary.amountByCurrency))
      out(`  total ${currency}: ${minorToMajorString(total, currency)}`);
  }
  if (rejectedFile) out(`rejected rows written to ${rejectedFile}`);
}
