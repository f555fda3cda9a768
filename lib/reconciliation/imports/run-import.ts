// The one loop every import runs: read items, stage the valid rows, then apply them with the batch record and
// its audit entry in one transaction, so an import is all-or-nothing.
//
// Two phases, so that no transaction is ever open while a client streams its upload (a slow or stalled client
// would otherwise hold a connection, locks and snapshot for as long as it likes):
// 1. Stage: the input streams through validation; valid rows go to import_staged_rows in batches of
//    BATCH_SIZE, each its own short statement. Memory stays at one batch. As soon as an invalid row appears in
//    a non-skipping import, staging stops and the rest of the input is only validated (so the report lists
//    every bad row); the staged rows are then deleted and nothing was written.
// 2. Apply: one transaction reads the staged rows back in batches, writes them (multi-row statements over
//    unnest arrays), deletes them and records the batch and its audit entry. It waits on nothing but the
//    database, so it lasts as long as the writes themselves.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestReconcile } from "@/lib/reconciliation/trigger";
import { actorLabel, assertMayImport } from "@/lib/reconciliation/imports/permissions";
import { BatchWriter } from "@/lib/reconciliation/imports/batch-writer";
import { ProblemLog } from "@/lib/reconciliation/imports/problem-log";
import { deleteStagedRows, readStagedRows, stageRows } from "@/lib/reconciliation/imports/staging";
import type {
  ImportItem,
  ImportKind,
  ImportOptions,
  ImportResult,
  ImportSuccess,
  Tx,
  WriteCounts,
} from "@/lib/reconciliation/imports/types";

export const BATCH_SIZE = 1_000;
// Applying a report of a million lines takes minutes of database work; Prisma's 5 s default would abort it.
const APPLY_TIMEOUT_MS = 15 * 60_000;

export type ImportPlan<Row, S> = {
  kind: ImportKind;
  /** The input as items in input order; lookups go through `client` (no transaction is open while it streams). */
  items: (client: Tx) => AsyncIterable<ImportItem<Row>>;
  write: (tx: Tx, rows: Row[], batchId: string) => Promise<WriteCounts>;
  /** Kind-specific totals for import_batches.summary, fed with every valid row. */
  summarize: { add: (row: Row) => void; result: () => S };
};

type Staged = { rows: number; rejected: number; log: ProblemLog };

/** Phase 1: validates the whole input and stages its valid rows (none once the import is sure to be refused). */
async function stage<Row, S>(plan: ImportPlan<Row, S>, batchId: string, skipInvalid: boolean, options: ImportOptions) {
  const log = new ProblemLog();
  let staged = 0;
  const stager = new BatchWriter<Row>(async (batch) => {
    const first = staged;
    staged += batch.length;
    await stageRows(batchId, first, batch);
    return { inserted: batch.length, updated: 0, duplicates: 0 };
  }, BATCH_SIZE);
  let rows = 0;
  try {
    for await (const item of plan.items(db())) {
      rows += 1;
      if (item.kind === "row") {
        plan.summarize.add(item.row);
        await stager.push(item.row);
        continue;
      }
      log.add(item);
      options.onRejectedRow?.(item);
      if (!skipInvalid) stager.stop();
    }
  } finally {
    await stager.settle();
  }
  await stager.finish();
  return { rows, rejected: log.rows, log } satisfies Staged;
}

/** Phase 2: one transaction that writes every staged row, or none. */
async function apply<Row, S>(plan: ImportPlan<Row, S>, batchId: string, staged: Staged, options: ImportOptions) {
  return db().$transaction(
    async (tx) => {
      const totals: WriteCounts = { inserted: 0, updated: 0, duplicates: 0 };
      for await (const rows of readStagedRows<Row>(tx, batchId, BATCH_SIZE)) {
        const counts = await plan.write(tx, rows, batchId);
        totals.inserted += counts.inserted;
        totals.updated += counts.updated;
        totals.duplicates += counts.duplicates;
      }
      await deleteStagedRows(tx, batchId);
      const result: ImportSuccess<S> = {
        ok: true,
        batchId,
        fileName: options.fileName ?? null,
        kind: plan.kind,
        rows: staged.rows,
        rejected: staged.rejected,
        ...staged.log.report(),
        ...totals,
        summary: plan.summarize.result(),
      };
      await recordBatch(tx, result, options);
      return result;
    },
    { timeout: APPLY_TIMEOUT_MS, maxWait: 10_000 },
  );
}

export async function runImport<Row, S>(plan: ImportPlan<Row, S>, options: ImportOptions): Promise<ImportResult<S>> {
  assertMayImport(options.actor, plan.kind);
  const batchId = randomUUID();
  const skipInvalid = options.skipInvalid ?? false;
  let success: ImportSuccess<S> | undefined;
  try {
    const staged = await stage(plan, batchId, skipInvalid, options);
    if (staged.rejected > 0 && !skipInvalid) {
      return { ok: false, kind: plan.kind, rows: staged.rows, rejected: staged.rejected, ...staged.log.report() };
    }
    success = await apply(plan, batchId, staged, options);
  } finally {
    // Refused, failed or broken off: what was staged goes (the applying transaction deleted it on success).
    if (!success) await deleteStagedRows(db(), batchId).catch(() => undefined);
  }
  await (options.reconcile ?? requestReconcile)(`${plan.kind.replace("_", "-")}-import`);
  return success;
}

async function recordBatch<S>(tx: Tx, result: ImportSuccess<S>, options: ImportOptions): Promise<void> {
  // `duplicates` counts rows that changed nothing; rows that changed an existing record (order resends) are
  // `updated` in the summary. The first problems go in too, so the batch list can say why rows were skipped.
  const summary = {
    ...result.summary,
    updated: result.updated,
    skipped: result.problems.slice(0, 50),
    skippedProblemCount: result.problemCount,
  };
  const counts = {
    rows: result.rows,
    inserted: result.inserted,
    duplicates: result.duplicates,
    rejected: result.rejected,
  };
  await tx.importBatch.create({
    data: {
      id: result.batchId,
      kind: result.kind,
      fileName: result.fileName,
      ...counts,
      summary: JSON.parse(JSON.stringify(summary)) as Prisma.InputJsonValue,
      createdBy: actorLabel(options.actor),
    },
  });
  await recordAudit(tx, options.actor, {
    action: `import.${result.kind}`,
    entityType: "import_batch",
    entityId: result.batchId,
    after: { kind: result.kind, fileName: result.fileName, ...counts, updated: result.updated },
    requestId: options.requestId,
    callerRequestId: options.callerRequestId,
  });
}
