// History per store and component, aggregated in PostgreSQL: raw runs (48 h) for fine buckets and recent hours,
// hourly rollups for the rest. Availability counts degraded as available and leaves unknown results out.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { MERCHANT_KINDS, STORE_KINDS, type ProbeKind } from "@/lib/status/types";

export const BUCKETS = { "5m": 300, "15m": 900, "1h": 3600, "6h": 21_600, "1d": 86_400 } as const;
export type Bucket = keyof typeof BUCKETS;
const MAX_POINTS = 2_000;
const MAX_RANGE_DAYS = 31;

export const historyQuerySchema = z
  .object({
    storeId: z.string().trim().min(1).max(64).optional(),
    from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    bucket: z.enum(Object.keys(BUCKETS) as [Bucket, ...Bucket[]]).optional(),
  })
  .strict()
  .transform((q, ctx) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 86_400_000);
    const rangeS = (to.getTime() - from.getTime()) / 1000;
    if (rangeS <= 0) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
    if (rangeS > MAX_RANGE_DAYS * 86_400)
      ctx.addIssue({ code: "custom", path: ["from"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
    const bucket: Bucket = q.bucket ?? (rangeS <= 26 * 3600 ? "15m" : rangeS <= 8 * 86_400 ? "1h" : "6h");
    if (rangeS / BUCKETS[bucket] > MAX_POINTS)
      ctx.addIssue({
        code: "custom",
        path: ["bucket"],
        message: `too fine for the range (more than ${MAX_POINTS} points)`,
      });
    return { storeId: q.storeId, from, to, bucket };
  });
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export type HistoryPoint = {
  at: string;
  up: number;
  degraded: number;
  down: number;
  unknown: number;
  availability: number | null;
  latencyAvgMs: number | null;
  latencyMaxMs: number | null;
};
export type HistorySeries = { kind: ProbeKind; uptime: number | null; points: HistoryPoint[] };

type Agg = {
  b: Date;
  kind: string;
  up: number;
  deg: number;
  down: number;
  unk: number;
  lsum: number;
  ln: number;
  lmax: number;
};

function availability(a: { up: number; deg: number; down: number }): number | null {
  const known = a.up + a.deg + a.down;
  return known === 0 ? null : Math.round(((a.up + a.deg) / known) * 10_000) / 100;
}

export async function getStatusHistory(actor: Actor, q: HistoryQuery) {
  assertCan(actor, "status.read", { storeId: q.storeId });
  let idx = 1;
  if (q.storeId) {
    const key = await db().statusStoreKey.findUnique({ where: { storeId: q.storeId } });
    const store = await db().store.findUnique({ where: { id: q.storeId }, select: { id: true } });
    if (!store) throw new AppError("NOT_FOUND", `No store ${q.storeId}.`);
    idx = key?.key ?? 0;
  }
  const kinds: readonly ProbeKind[] = q.storeId ? STORE_KINDS : MERCHANT_KINDS;
  const bucketS = BUCKETS[q.bucket];
  const origin = new Date(0);
  const last = await db().statusRollup.aggregate({ _max: { hour: true } });
  const rolledUntil = bucketS >= 3600 && last._max.hour ? new Date(last._max.hour.getTime() + 3_600_000) : q.from;
  const rawFrom = rolledUntil > q.from ? rolledUntil : q.from;
  const rows: Agg[] =
    idx === 0
      ? []
      : [
          ...(rolledUntil <= q.from
            ? []
            : await db().$queryRaw<Agg[]>`
        SELECT date_bin(make_interval(secs => ${bucketS}), hour, ${origin}::timestamptz) AS b, kind,
          sum(up_counts[${idx}])::int AS up, sum(deg_counts[${idx}])::int AS deg, sum(down_counts[${idx}])::int AS down,
          sum(unk_counts[${idx}])::int AS unk, coalesce(sum(latency_sum[${idx}]), 0)::float8 AS lsum,
          coalesce(sum(latency_n[${idx}]), 0)::int AS ln, coalesce(max(latency_max[${idx}]), -1)::int AS lmax
        FROM status_rollups WHERE kind = ANY(${[...kinds]}::text[]) AND hour >= ${q.from} AND hour < ${rolledUntil} AND hour < ${q.to}
        GROUP BY 1, 2`),
          ...(await db().$queryRaw<Agg[]>`
        SELECT date_bin(make_interval(secs => ${bucketS}), started_at, ${origin}::timestamptz) AS b, kind,
          count(*) FILTER (WHERE o = 0)::int AS up, count(*) FILTER (WHERE o = 1)::int AS deg,
          count(*) FILTER (WHERE o = 2)::int AS down, count(*) FILTER (WHERE o = 3)::int AS unk,
          coalesce(sum(l) FILTER (WHERE l >= 0), 0)::float8 AS lsum, count(*) FILTER (WHERE l >= 0)::int AS ln,
          coalesce(max(l) FILTER (WHERE l >= 0), -1)::int AS lmax
        FROM (
          SELECT started_at, kind,
            CASE WHEN cardinality(outcomes) > 0 THEN outcomes[${idx}] ELSE outcome END AS o,
            CASE WHEN cardinality(outcomes) > 0 THEN latencies[${idx}] ELSE latency_ms END AS l
          FROM status_probe_runs
          WHERE ok AND kind = ANY(${[...kinds]}::text[]) AND started_at >= ${rawFrom} AND started_at < ${q.to}
        ) x WHERE o >= 0
        GROUP BY 1, 2`),
        ];
  const series: HistorySeries[] = kinds.map((kind) => {
    const byBucket = new Map<number, Agg>();
    for (const r of rows.filter((x) => x.kind === kind)) {
      const t = new Date(r.b).getTime();
      const a = byBucket.get(t);
      if (!a) byBucket.set(t, { ...r });
      else
        Object.assign(a, {
          up: a.up + r.up,
          deg: a.deg + r.deg,
          down: a.down + r.down,
          unk: a.unk + r.unk,
          lsum: a.lsum + r.lsum,
          ln: a.ln + r.ln,
          lmax: Math.max(a.lmax, r.lmax),
        });
    }
    const points = [...byBucket.entries()]
      .sort(([a], [b]) => a - b)
      .map(([t, a]) => ({
        at: new Date(t).toISOString(),
        up: a.up,
        degraded: a.deg,
        down: a.down,
        unknown: a.unk,
        availability: availability(a),
        latencyAvgMs: a.ln > 0 ? Math.round(a.lsum / a.ln) : null,
        latencyMaxMs: a.lmax >= 0 ? a.lmax : null,
      }));
    const total = points.reduce((s, p) => ({ up: s.up + p.up, deg: s.deg + p.degraded, down: s.down + p.down }), {
      up: 0,
      deg: 0,
      down: 0,
    });
    return { kind, uptime: availability(total), points };
  });
  return { storeId: q.storeId ?? null, from: q.from.toISOString(), to: q.to.toISOString(), bucket: q.bucket, series };
}
