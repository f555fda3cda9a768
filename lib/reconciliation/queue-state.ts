// How far matching is behind: pending queue entries and the age of the oldest (health, benchmarks, logs).
import { db } from "@/lib/db";

export async function pendingChanges(): Promise<{ pending: number; oldestQueuedAt: Date | null }> {
  const [row] = await db().$queryRawUnsafe<{ n: bigint; oldest: Date | null }[]>(
    "SELECT count(*) AS n, min(queued_at) AS oldest FROM recon_queue WHERE done_at IS NULL",
  );
  return { pending: Number(row?.n ?? 0), oldestQueuedAt: row?.oldest ?? null };
}
