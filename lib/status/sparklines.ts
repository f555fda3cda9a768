// Per-store sparklines for the status table: cloud-link availability in 5-minute buckets over the last hour, for
// the actor's stores only, aggregated in PostgreSQL from the raw runs.
import { db } from "@/lib/db";
import { assertCan, storesFor, type Actor } from "@/lib/auth/permissions";

export const SPARK_BUCKETS = 12;
const BUCKET_S = 300;

export async function getSparklines(
  actor: Actor,
  storeIds: string[],
  now = new Date(),
): Promise<Map<string, (number | null)[]>> {
  assertCan(actor, "status.read");
  const scope = storesFor(actor, "status.read");
  const ids = scope === "all" ? storeIds : storeIds.filter((id) => scope.includes(id));
  const keys = await db().statusStoreKey.findMany({ where: { storeId: { in: ids } } });
  const out = new Map<string, (number | null)[]>(ids.map((id) => [id, Array<number | null>(SPARK_BUCKETS).fill(null)]));
  if (keys.length === 0) return out;
  const end = Math.floor(now.getTime() / (BUCKET_S * 1000)) * BUCKET_S * 1000 + BUCKET_S * 1000;
  const from = new Date(end - SPARK_BUCKETS * BUCKET_S * 1000);
  const rows = await db().$queryRaw<{ key: number; slot: number; up: number; known: number }[]>`
    SELECT k.key, floor(extract(epoch FROM r.started_at - ${from}::timestamptz) / ${BUCKET_S})::int AS slot,
      count(*) FILTER (WHERE r.outcomes[k.key] IN (0, 1))::int AS up,
      count(*) FILTER (WHERE r.outcomes[k.key] IN (0, 1, 2))::int AS known
    FROM status_probe_runs r CROSS JOIN unnest(${keys.map((k) => k.key)}::int[]) AS k(key)
    WHERE r.kind = 'cloud_link' AND r.ok AND r.started_at >= ${from}
    GROUP BY 1, 2`;
  const storeOf = new Map(keys.map((k) => [k.key, k.storeId]));
  for (const r of rows) {
    const line = out.get(storeOf.get(r.key) ?? "");
    if (line && r.slot >= 0 && r.slot < SPARK_BUCKETS && r.known > 0) line[r.slot] = Math.round((r.up / r.known) * 100);
  }
  return out;
}
