// History of one store: availability and latency over 24 h / 7 d / 30 d (aggregated on the server), uptime per
// probe kind, and the merchant-wide APIs' uptime. The store and range live in the URL.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HistorySeries } from "@/lib/status";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "@/components/charts/chart-figure";
import { SeriesChart, type SeriesPoint } from "@/components/charts/series-chart";

export const RANGES = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type Range = keyof typeof RANGES;

type Props = {
  storeId: string;
  storeName: string;
  stores: { id: string; name: string }[];
  range: Range;
  series: HistorySeries[];
  apis: HistorySeries[];
};

export async function HistorySection({ storeId, storeName, stores, range, series, apis }: Props) {
  const t = await getTranslations("status.history");
  const format = await getFormatter();
  const label = (at: string) =>
    range === "24h"
      ? format.dateTime(new Date(at), { timeStyle: "short" })
      : format.dateTime(new Date(at), { day: "numeric", month: "short", hour: "2-digit" });
  const pct = (v: number) => format.number(v / 100, { style: "percent", maximumFractionDigits: 1 });
  const cloud = series.find((s) => s.kind === "cloud_link");
  const availability: SeriesPoint[] = (cloud?.points ?? [])
    .filter((p) => p.availability !== null)
    .map((p) => ({ label: label(p.at), value: p.availability ?? 0, display: pct(p.availability ?? 0) }));
  const latency: SeriesPoint[] = (cloud?.points ?? [])
    .filter((p) => p.latencyAvgMs !== null)
    .map((p) => ({ label: label(p.at), value: p.latencyAvgMs ?? 0, display: `${p.latencyAvgMs} ms` }));
  const uptimes = [...series, ...apis];
  return (
    <Card title={t("title", { store: storeName })}>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("store")}
          <select
            name="store"
            defaultValue={storeId}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base"
          >
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="range" value={range} />
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium">
          {t("show")}
        </button>
        <nav aria-label={t("range")} className="flex gap-1">
          {(Object.keys(RANGES) as Range[]).map((r) => (
            <Link
              key={r}
              href={`/status?store=${encodeURIComponent(storeId)}&range=${r}`}
              aria-current={r === range ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${r === range ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
            >
              {t(`ranges.${r}`)}
            </Link>
          ))}
        </nav>
      </form>
      <div className="grid gap-6 md:grid-cols-2">
        <ChartFigure
          title={t("availability", { range: t(`ranges.${range}`) })}
          labelHeader={t("time")}
          valueHeader={t("availabilityValue")}
          points={availability}
          emptyText={t("noData")}
        >
          <SeriesChart data={availability} kind="line" unit={{ kind: "percent" }} name={t("availabilityValue")} />
        </ChartFigure>
        <ChartFigure
          title={t("latency", { range: t(`ranges.${range}`) })}
          labelHeader={t("time")}
          valueHeader={t("latencyValue")}
          points={latency}
          emptyText={t("noData")}
        >
          <SeriesChart data={latency} kind="line" unit={{ kind: "ms" }} name={t("latencyValue")} />
        </ChartFigure>
      </div>
      <h3 className="mt-6 text-sm font-semibold">{t("uptime")}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {uptimes.map((s) => (
          <div key={s.kind} className="rounded border border-slate-200 p-2">
            <dt className="text-slate-600">{t(`kinds.${s.kind}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{s.uptime === null ? "—" : pct(s.uptime)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
