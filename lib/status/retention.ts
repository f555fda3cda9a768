// Keeps storage bounded: complete hours of raw probe runs are rolled up per store key; raw runs are kept 48 h,
// rollups, transitions, incidents and alert deliveries for STATUS_RETENTION_DAYS.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const RAW_RETENTION_HOURS = 48;

/** Rolls up every complete hour since the last rollup (again for hours already rolled: idempotent). */
export async function rollUp(now = new Date()): Promise<number> {
  const until = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const last = await db().statusRollup.aggregate({ _max: { hour: true } });
  const from = last._max.hour
    ? new Date(last._max.hour.getTime() + 3_600_000)
    : new Date(until.getTime() - RAW_RETENTION_HOURS * 3_600_000);
  if (from >= until) return 0;
  return db().$executeRaw`
    WITH e AS (
      SELECT date_trunc('hour', r.started_at) AS hour, r.kind, u.o, u.l, u.idx
      FROM status_probe_runs r
      CROSS JOIN LATERAL unnest(
        CASE WHEN cardinality(r.outcomes) > 0 THEN r.outcomes ELSE ARRAY[coalesce(r.outcome, -1)]::smallint[] END,
        CASE WHEN cardinality(r.outcomes) > 0 THEN r.latencies ELSE ARRAY[coalesce(r.latency_ms, -1)] END
      ) WITH ORDINALITY AS u(o, l, idx)
      WHERE r.ok AND r.started_at >= ${from} AND r.started_at < ${until}
    ), runs AS (
      SELECT date_trunc('hour', started_at) AS hour, kind, count(*)::int AS n FROM status_probe_runs
      WHERE ok AND started_at >= ${from} AND started_at < ${until} GROUP BY 1, 2
    ), g AS (
      SELECT hour, kind, idx,
        count(*) FILTER (WHERE o = 0)::int AS up, count(*) FILTER (WHERE o = 1)::int AS deg,
        count(*) FILTER (WHERE o = 2)::int AS down, count(*) FILTER (WHERE o = 3)::int AS unk,
        coalesce(sum(l) FILTER (WHERE l >= 0 AND o >= 0), 0)::bigint AS lsum,
        count(*) FILTER (WHERE l >= 0 AND o >= 0)::int AS ln,
        coalesce(max(l) FILTER (WHERE l >= 0 AND o >= 0), -1)::int AS lmax
      FROM e GROUP BY hour, kind, idx
    )
    INSERT INTO status_rollups (hour, kind, runs, up_counts, deg_counts, down_counts, unk_counts, latency_sum, latency_n, latency_max)
    SELECT g.hour, g.kind, runs.n, array_agg(up ORDER BY idx), array_agg(deg ORDER BY idx), array_agg(down ORDER BY idx),
      array_agg(unk ORDER BY idx), array_agg(lsum ORDER BY idx), array_agg(ln ORDER BY idx), array_agg(lmax ORDER BY idx)
    FROM g JOIN runs USING (hour, kind)
    GROUP BY g.hour, g.kind, runs.n
    ON CONFLICT (kind, hour) DO UPDATE SET runs = excluded.runs, up_counts = excluded.up_counts,
      deg_counts = excluded.deg_counts, down_counts = excluded.down_counts, unk_counts = excluded.unk_counts,
      latency_sum = excluded.latency_sum, latency_n = excluded.latency_n, latency_max = excluded.latency_max`;
}

export async function pruneHistory(now = new Date()): Promise<Record<string, number>> {
  const raw = new Date(now.getTime() - RAW_RETENTION_HOURS * 3_600_000);
  const old = new Date(now.getTime() - env().STATUS_RETENTION_DAYS * 86_400_000);
  const d = db();
  const [runs, snapshots, rollups, transitions, incidents, deliveries] = await Promise.all([
    d.statusProbeRun.deleteMany({ where: { startedAt: { lt: raw } } }),
    d.statusProviderSnapshot.deleteMany({ where: { fetchedAt: { lt: raw } } }),
    d.statusRollup.deleteMany({ where: { hour: { lt: old } } }),
    d.statusTransition.deleteMany({ where: { at: { lt: old } } }),
    d.statusIncident.deleteMany({ where: { endedAt: { lt: old } } }),
    d.alertDelivery.deleteMany({ where: { createdAt: { lt: old } } }),
  ]);
  return {
    runs: runs.count,
    snapshots: snapshots.count,
    rollups: rollups.count,
    transitions: transitions.count,
    incidents: incidents.count,
    deliveries: deliveries.count,
  };
}
