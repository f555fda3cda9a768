// The one loop every import runs: read items, write valid rows in batches, record the batch and its audit
// entry, and either commit everything or nothing.
//
// Rollback strategy: the whole import runs in ONE database transaction while the input streams through it.
// Valid rows are written in batches of BATCH_SIZE as they arrive (multi-row statements over unnest arrays);
// as soon as an invalid row appears in a non-skipping import, writing stops, the rest of the input is only
// validated (so the report lists every bad row), and the transaction is rolled back at the end. Two passes
// over the input would need the input twice, which an HTTP upload streamed into the parser cannot give without
// spooling it somewhere; one transaction needs nothing but the database and keeps memory at one batch.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestReconcile } from "@/lib/reconciliation/trigger";
import { actorLabel, assertMayImport } from "@/lib/reconciliation/imports/permissions";
import { BatchWriter } from "@/lib/reconciliation/imports/batch-writer";
import { ProblemLog } from "@/lib/reconciliation/imports/problem-log";
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
// A report of a million lines takes minutes; Prisma's 5 s default would abort it half-way.
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

export type ImportPlan<Row, S> = {
  kind: ImportKind;
  /** The input as items in input order; reads through `tx` so lookups see the import's own writes. */
  items: (tx: Tx) => AsyncIterable<ImportItem<Row>>;
  write: (tx: Tx, rows: Row[], batchId: string) => Promise<WriteCounts>;
  /** Kind-specific totals for import_batches.summary, fed with every valid row. */
  summarize: { add: (row: Row) => void; result: () => S };
};

class Rejected extends Error {
  constructor(readonly result: ImportResult<never>) {
    super("import rejected");
  }
}

export async function runImport<Row, S>(plan: ImportPlan<Row, S>, options: ImportOptions): Promise<ImportResult<S>> {
  assertMayImport(options.actor, plan.kind);
  const batchId = randomUUID();
  const skipInvalid = options.skipInvalid ?? false;
  let success: ImportSuccess<S>;
  try {
    success = await db().$transaction(
      async (tx) => {
        const log = new ProblemLog();
        const writer = new BatchWriter<Row>((batch) => plan.write(tx, batch, batchId), BATCH_SIZE);
        let rows = 0;
        try {
          for await (const item of plan.items(tx)) {
            rows += 1;
            if (item.kind === "row") {
              plan.summarize.add(item.row);
              await writer.push(item.row);
              continue;
            }
            log.add(item);
            options.onRejectedRow?.(item);
            if (!skipInvalid) writer.stop();
          }
        } finally {
          await writer.settle();
        }
        const totals = await writer.finish();
        const counts = { kind: plan.kind, rows, rejected: log.rows, ...log.report() };
        if (log.rows > 0 && !skipInvalid) throw new Rejected({ ok: false, ...counts });
        const result: ImportSuccess<S> = {
          ok: true,
          batchId,
          fileName: options.fileName ?? null,
          ...counts,
          ...totals,
          summary: plan.summarize.result(),
        };
        await recordBatch(tx, result, options);
        return result;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (err) {
    if (err instanceof Rejected) return err.result;
    throw err;
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
