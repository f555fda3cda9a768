// Trends by store-local day and by store, from the summary's pre-aggregated points.
import { formatMinor } from "@/lib/money";
import type { ReconSummary } from "@/lib/reconciliation/summary";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "@/components/charts/chart-figure";
import { SeriesChart, type SeriesPoint } from "@/components/charts/series-chart";
import type { Formatter, Translate } from "./recon-rows";

type Props = {
  summary: ReconSummary;
  t: Translate;
  format: Formatter;
  locale: string;
  storeNames: Map<string, string>;
};

export function ReconCharts({ summary, t, format, locale, storeNames }: Props) {
  const currency = summary.currency;
  const pct = (share: number) => format.number(share / 100, { style: "percent", maximumFractionDigits: 1 });
  const money = (v: number) => (currency ? formatMinor(v, currency, locale) : "");
  // Days are calendar dates already (store-local); format them as dates without shifting by a time zone.
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const store = (id: string) => storeNames.get(id) ?? id;
  const byStore = [...summary.byStore].sort((a, b) => store(a.storeId).localeCompare(store(b.storeId), locale));
  const shareByDay: SeriesPoint[] = summary.byDay.map((d) => ({
    label: day(d.day),
    value: d.matchedShare,
    display: pct(d.matchedShare),
  }));
  const shareByStore: SeriesPoint[] = byStore.map((s) => ({
    label: store(s.storeId),
    value: s.matchedShare,
    display: pct(s.matchedShare),
  }));
  const openByDay: SeriesPoint[] = currency
    ? summary.byDay.map((d) => ({ label: day(d.day), value: d.open, display: money(d.open) }))
    : [];
  const openByStore: SeriesPoint[] = currency
    ? byStore.map((s) => ({ label: store(s.storeId), value: s.open, display: money(s.open) }))
    : [];
  const openTitle = (key: string) => (currency ? t(key, { currency }) : t("charts.openNoCurrency"));
  const unit = currency ? ({ kind: "minor", currency, locale } as const) : ({ kind: "percent" } as const);
  const share = { kind: "percent" } as const;
  return (
    <Card title={t("charts.title")}>
      {currency ? <p className="mb-3 text-xs text-slate-600">{t("charts.currencyHint", { currency })}</p> : null}
      <div className="grid gap-6 md:grid-cols-2">
        <ChartFigure
          title={t("charts.shareByDay")}
          labelHeader={t("charts.day")}
          valueHeader={t("charts.share")}
          points={shareByDay}
          emptyText={t("charts.noData")}
        >
          <SeriesChart data={shareByDay} kind="line" unit={share} name={t("charts.share")} />
        </ChartFigure>
        <ChartFigure
          title={openTitle("charts.openByDay")}
          labelHeader={t("charts.day")}
          valueHeader={t("charts.open")}
          points={openByDay}
          emptyText={t("charts.noOpen")}
        >
          <SeriesChart data={openByDay} kind="columns" unit={unit} name={t("charts.open")} />
        </ChartFigure>
        <ChartFigure
          title={t("charts.shareByStore")}
          labelHeader={t("charts.store")}
          valueHeader={t("charts.share")}
          points={shareByStore}
          emptyText={t("charts.noData")}
        >
          <SeriesChart data={shareByStore} kind="rows" unit={share} name={t("charts.share")} />
        </ChartFigure>
        <ChartFigure
          title={openTitle("charts.openByStore")}
          labelHeader={t("charts.store")}
          valueHeader={t("charts.open")}
          points={openByStore}
          emptyText={t("charts.noOpen")}
        >
          <SeriesChart data={openByStore} kind="rows" unit={unit} name={t("charts.open")} />
        </ChartFigure>
      </div>
    </Card>
  );
}
