// Valid rows of an import in progress, parked in import_staged_rows while the input still streams in, so that
// no transaction waits on a client: each batch is one short statement of its own, and the rows are applied
// later in one transaction that only reads them back and writes them (see run-import.ts).
import { db } from "@/lib/db";
import type { Tx } from "@/lib/reconciliation/imports/types";

// JSON has no dates: they travel tagged and come back as Date objects.
const DATE_TAG = "$date";

export function serializeRow(row: unknown): string {
  return JSON.stringify(row, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
  });
}

export function deserializeRow<Row>(text: string): Row {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const tagged = (value as Record<string, unknown>)[DATE_TAG];
      if (typeof tagged === "string" && Object.keys(value).length === 1) return new Date(tagged);
    }
    return value;
  }) as Row;
}

/** Appends rows after `firstSeq` (an autocommit statement: visible to nobody but the import that reads them). */
export async function stageRows(batchId: string, firstSeq: number, rows: readonly unknown[]): Promise<void> {
  await db().$executeRawUnsafe(
    `INSERT INTO import_staged_rows (batch_id, seq, row)
     SELECT $1::uuid, $2::int + t.i, t.row FROM unnest($3::text[]) WITH ORDINALITY AS t(row, i)`,
    batchId,
    firstSeq,
    rows.map(serializeRow),
  );
}

/** The staged rows in input order, a batch at a time, read through the applying transaction. */
export async function* readStagedRows<Row>(tx: Tx, batchId: string, size: number): AsyncGenerator<Row[]> {
  let after = -1;
  for (;;) {
    const page = await tx.$queryRawUnsafe<{ seq: number; row: string }[]>(
      "SELECT seq, row FROM import_staged_rows WHERE batch_id = $1::uuid AND seq > $2 ORDER BY seq LIMIT $3",
      batchId,
      after,
      size,
    );
    if (page.length === 0) return;
    after = page[page.length - 1]?.seq ?? after;
    yield page.map((r) => deserializeRow<Row>(r.row));
  }
}

export async function deleteStagedRows(client: Tx, batchId: string): Promise<void> {
  await client.$executeRawUnsafe("DELETE FROM import_staged_rows WHERE batch_id = $1::uuid", batchId);
}

/** Staged rows older than this belong to an import that died (crash, lost connection); a job deletes them. */
export const ABANDONED_AFTER_HOURS = 6;

export async function pruneAbandonedStagedRows(): Promise<number> {
  return db().$executeRawUnsafe(
    "DELETE FROM import_staged_rows WHERE created_at < now() - make_interval(hours => $1)",
    ABANDONED_AFTER_HOURS,
  );
}
