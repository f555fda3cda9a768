// The migration trend: share of requests still sent the legacy way (no key, or the Pragma retry header), by the
// requests' own dates across all analyses (each file or day of this app's calls counted once), per environment,
// with the dates Adyen retired the legacy framework.
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const RETIREMENT_SETTING = "idempotency.legacyRetirement";
/** Adyen's announcement: test on 1 July 2020, live on 15 September 2020. The seed stores these as a setting. */
export const ADYEN_RETIREMENT = { test: "2020-07-01", live: "2020-09-15" } as const;

const retirementSchema = z.object({ test: z.iso.date(), live: z.iso.date() });
export type Retirement = z.infer<typeof retirementSchema>;

export type TrendPoint = {
  t: string;
  test: number | null;
  live: number | null;
  testRequests: number;
  liveRequests: number;
};
export type Trend = { granularity: "day" | "week" | "month"; points: TrendPoint[]; retirement: Retirement };

export async function retirementDates(): Promise<Retirement> {
  const row = await db().appSetting.findUnique({ where: { key: RETIREMENT_SETTING } });
  const parsed = retirementSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...ADYEN_RETIREMENT };
}

const DAY = 86_400_000;

export function granularityFor(first: string, last: string): Trend["granularity"] {
  const span = (Date.parse(last) - Date.parse(first)) / DAY;
  return span <= 120 ? "day" : span <= 3 * 366 ? "week" : "month";
}

type Row = { bucket: Date; environment: string; requests: bigint; legacy: bigint };

export async function loadTrend(actor: Actor): Promise<Trend> {
  assertCan(actor, "idempotency.read");
  const retirement = await retirementDates();
  const span = await db().idempotencyDaily.aggregate({ _min: { day: true }, _max: { day: true } });
  if (!span._min.day || !span._max.day) return { granularity: "day", points: [], retirement };
  const granularity = granularityFor(span._min.day.toISOString(), span._max.day.toISOString());
  // date_trunc's unit comes from the fixed list above, never from input.
  const rows = await db().$queryRawUnsafe<Row[]>(
    `SELECT date_trunc('${granularity}', day)::date AS bucket, environment, sum(requests)::bigint AS requests, sum(legacy)::bigint AS legacy
     FROM idempotency_daily GROUP BY 1, 2 ORDER BY 1`,
  );
  const points = new Map<string, TrendPoint>();
  for (const r of rows) {
    const t = r.bucket.toISOString().slice(0, 10);
    let p = points.get(t);
    if (!p) points.set(t, (p = { t, test: null, live: null, testRequests: 0, liveRequests: 0 }));
    const requests = Number(r.requests);
    const share = requests === 0 ? null : Math.round((Number(r.legacy) / requests) * 1000) / 10;
    if (r.environment === "test") {
      p.test = share;
      p.testRequests = requests;
    } else if (r.environment === "live") {
      p.live = share;
      p.liveRequests = requests;
    }
  }
  return { granularity, points: [...points.values()], retirement };
}
