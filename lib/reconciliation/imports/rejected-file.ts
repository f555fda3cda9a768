// `--skip-invalid` in the CLI: the rejected rows go to a CSV next to the input, with a `reason` column, so
// they can be fixed and imported again. The input is read a second time for this, because the report
// parsers hand out problems, not the cells of the lines they rejected.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { readCsvRecords } from "@/lib/reconciliation/reports/csv-records";
import type { RejectedRow } from "@/lib/reconciliation/imports/types";

/** "orders.csv" → "orders.rejected.csv"; other names get ".rejected.csv" appended. */
export function rejectedFilePath(inputPath: string): string {
  return /\.csv$/i.test(inputPath) ? inputPath.replace(/\.csv$/i, ".rejected.csv") : `${inputPath}.rejected.csv`;
}

/** Collects the reasons of rejected rows by source line; memory grows with rejected rows, not with the file. */
export function collectRejectedLines(): { onRejectedRow: (row: RejectedRow) => void; reasons: Map<number, string> } {
  const reasons = new Map<number, string>();
  return {
    reasons,
    onRejectedRow: (row) => {
      if (row.line === undefined) return;
      reasons.set(row.line, row.problems.map((p) => `${p.field}: ${p.reason}`).join("; "));
    },
  };
}

/** Writes the header and every rejected record of the input with its reason; returns how many were written. */
export async function writeRejectedCsv(
  inputPath: string,
  reasons: ReadonlyMap<number, string>,
  outputPath: string,
): Promise<number> {
  const out = createWriteStream(outputPath, { encoding: "utf8" });
  let isHeader = true;
  let written = 0;
  const write = async (cells: readonly string[]) => {
    if (!out.write(cells.map(quote).join(",") + "\r\n")) await once(out, "drain");
  };
  try {
    for await (const { line, cells } of readCsvRecords(createReadStream(inputPath))) {
      if (isHeader) {
        await write([...cells, "reason"]);
        isHeader = false;
        continue;
      }
      const reason = reasons.get(line);
      if (reason === undefined) continue;
      await write([...cells, reason]);
      written += 1;
    }
  } finally {
    out.end();
    await finished(out);
  }
  return written;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
