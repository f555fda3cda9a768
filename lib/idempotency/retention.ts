// Bounded storage over time: analyses older than IDEMPOTENCY_RETENTION_DAYS are deleted with their findings,
// chains, files and readiness rows; the trend keeps its daily figures (idempotency_daily is keyed by origin, not
// by analysis). The same hourly job records analyses whose process stopped as failed. Space used is measured here.
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ACTIVE_STATUSES, failOrphanedAnalyses } from "@/lib/idempotency/lifecycle";
import { defineJob } from "@/lib/jobs/define";
import { log } from "@/lib/log";

const DAY_MS = 86_400_000;
/** Analyses deleted per run, each in its own statement (one of 100,000 findings takes about a second). */
const PER_RUN = 200;

export async function deleteExpiredAnalyses(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - env().IDEMPOTENCY_RETENTION_DAYS * DAY_MS);
  const expired = await db().idempotencyAnalysis.findMany({
    where: { createdAt: { lt: before }, status: { notIn: [...ACTIVE_STATUSES] } },
    orderBy: { createdAt: "asc" },
    take: PER_RUN,
    select: { id: true },
  });
  for (const { id } of expired) await db().idempotencyAnalysis.delete({ where: { id } });
  return expired.length;
}

export type SpaceUsed = { analyses: number; bytes: number; byTable: { table: string; bytes: number }[] };

const TABLES = [
  "idempotency_findings",
  "idempotency_chains",
  "idempotency_analyses",
  "idempotency_inputs",
  "idempotency_readiness",
  "idempotency_daily",
  "idempotency_key_spill",
] as const;

/** What the checker's tables take on disk, indexes and TOAST included. */
export async function spaceUsed(actor: Actor = "system"): Promise<SpaceUsed> {
  assertCan(actor, "idempotency.read");
  const rows = await db().$queryRawUnsafe<{ table: string; bytes: bigint }[]>(
    `SELECT t AS table, pg_total_relation_size(t::regclass)::bigint AS bytes FROM unnest($1::text[]) AS t`,
    [...TABLES],
  );
  const byTable = rows.map((r) => ({ table: r.table, bytes: Number(r.bytes) })).sort((a, b) => b.bytes - a.bytes);
  return {
    analyses: await db().idempotencyAnalysis.count(),
    bytes: byTable.reduce((a, r) => a + r.bytes, 0),
    byTable,
  };
}

export const retentionJob = defineJob({
  name: "idempotency.retention",
  schema: z.object({}).passthrough(),
  schedule: { everySeconds: 60 * 60 },
  retryLimit: 1,
  run: async () => {
    const orphaned = await failOrphanedAnalyses();
    const deleted = await deleteExpiredAnalyses();
    if (orphaned > 0 || deleted > 0) log.info("idempotency.retention", { orphaned, deleted });
  },
});

export function retentionDays(): number {
  return env().IDEMPOTENCY_RETENTION_DAYS;
}
