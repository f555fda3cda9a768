// Recent import batches for the imports page (finance and admin only: batches span all stores).
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { isImportKind, type ImportKind } from "@/lib/reconciliation/imports/types";

export type ImportBatchRow = {
  id: string;
  kind: ImportKind;
  fileName: string | null;
  rows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  createdBy: string;
  createdAt: Date;
};

export async function listImportBatches(p: Principal, limit = 20): Promise<ImportBatchRow[]> {
  assertCan(p, "imports.read");
  const rows = await db().importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    select: {
      id: true,
      kind: true,
      fileName: true,
      rows: true,
      inserted: true,
      duplicates: true,
      rejected: true,
      createdBy: true,
      createdAt: true,
      summary: true,
    },
  });
  return rows.flatMap(({ summary, ...row }) =>
    isImportKind(row.kind) ? [{ ...row, kind: row.kind, updated: updatedOf(summary) }] : [],
  );
}

function updatedOf(summary: unknown): number {
  if (typeof summary !== "object" || summary === null || !("updated" in summary)) return 0;
  return typeof summary.updated === "number" ? summary.updated : 0;
}
