// How far matching is behind: rows changed and not yet matched (at most: a queue entry counts the rows of its id
// range), and the age of the oldest entry (health, benchmarks, logs).
import { db } from "@/lib/db";
import { ENTRY_ROWS } from "@/lib/reconciliation/engine/sql-scope";

export async function pendingChanges(): Promise<{ pending: number; oldestQueuedAt: Date | null }> {
  const [row] = await db().$queryRawUnsafe<{ n: bigint; oldest: Date | null }[]>(
    `SELECT COALESCE(sum(${ENTRY_ROWS}), 0)::bigint AS n, min(queued_at) AS oldest FROM recon_queue WHERE done_at IS NULL`,
  );
  return { pending: Number(row?.n ?? 0), oldestQueuedAt: row?.oldest ?? null };
}
