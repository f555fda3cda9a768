"use client";
// The migration trend: share of requests still sent the legacy way, per environment, on a time axis with Adyen's
// retirement dates marked. The same numbers are in a visually hidden table for screen readers.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormatter, useTranslations } from "next-intl";
import { bucketLabel, type Trend } from "@/lib/idempotency/trend-label";

const TICK = { fontSize: 12 };
const COLORS = { test: "#1d4ed8", live: "#b91c1c" } as const;

export function TrendChart({ trend }: { trend: Trend }) {
  const t = useTranslations("idempotency.trend");
  const format = useFormatter();
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const data = trend.points.map((p) => ({ ...p, x: day(p.t) }));
  const marks = [
    { x: day(trend.retirement.test), label: t("retiredTest") },
    { x: day(trend.retirement.live), label: t("retiredLive") },
  ];
  const xs = [...data.map((d) => d.x), ...marks.map((m) => m.x)];
  const pad = 7 * 86_400_000;
  const domain: [number, number] = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const bucket = bucketLabel(trend.granularity);
  /** A bucket's name (table and tooltip): weeks by their first day. */
  const label = (x: number) => t(bucket.key, { date: format.dateTime(new Date(x), bucket.date) });
  /** An axis tick: a date, without the "week of". */
  const tick = (x: number) => format.dateTime(new Date(x), bucket.date);
  if (data.length === 0) {
    return (
      <p className="flex h-[200px] items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-500">
        {t("empty")}
      </p>
    );
  }
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm text-slate-700">{t(`caption.${trend.granularity}`)}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 320, height: 260 }}>
          <LineChart data={data} margin={{ top: 24, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="x" type="number" scale="time" domain={domain} tickFormatter={tick} tick={TICK} />
            <YAxis
              width={44}
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={TICK}
              allowDecimals={false}
            />
            <Tooltip labelFormatter={(x) => label(Number(x))} formatter={(v, name) => [`${String(v)} %`, name]} />
            <Legend />
            {marks.map((m) => (
              <ReferenceLine
                key={m.label}
                x={m.x}
                stroke="#475569"
                strokeDasharray="4 2"
                label={{ value: m.label, position: "insideTopLeft", fontSize: 11, fill: "#334155" }}
              />
            ))}
            <Line
              type="monotone"
              dataKey="test"
              name={t("test")}
              stroke={COLORS.test}
              strokeWidth={2}
              dot={data.length < 60}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="live"
              name={t("live")}
              stroke={COLORS.live}
              strokeWidth={2}
              dot={data.length < 60}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("test")}</th>
            <th scope="col">{t("live")}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((p) => (
            <tr key={p.t}>
              <th scope="row">{label(p.x)}</th>
              <td>{p.test === null ? "—" : t("cell", { share: p.test, requests: p.testRequests })}</td>
              <td>{p.live === null ? "—" : t("cell", { share: p.live, requests: p.liveRequests })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">
        {t("note", { test: trend.retirement.test, live: trend.retirement.live })}
      </p>
    </figure>
  );
}
