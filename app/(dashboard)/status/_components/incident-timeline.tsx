// The incident timeline: start, end, duration, affected stores and components, cause.
import { getFormatter, getTranslations } from "next-intl/server";
import type { IncidentView } from "@/lib/status";
import { Card } from "@/components/ui/card";

function duration(s: number): string {
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export async function IncidentTimeline({ incidents }: { incidents: IncidentView[] }) {
  const t = await getTranslations("status.incidents");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
  return (
    <Card title={t("title")}>
      {incidents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t("title")}>
          {incidents.map((i) => (
            <li
              key={i.id}
              className={`rounded border-l-4 p-3 text-sm ${i.worst === "outage" ? "border-red-600 bg-red-50" : "border-amber-500 bg-amber-50"}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <strong>{i.cause}</strong>
                <span className="text-xs font-semibold uppercase">{i.endedAt ? t("ended") : t("ongoing")}</span>
              </div>
              <p className="mt-1 text-slate-700">
                {t("span", {
                  start: when(i.startedAt),
                  end: i.endedAt ? when(i.endedAt) : t("now"),
                  duration: duration(i.durationS),
                })}
              </p>
              <p className="mt-1 text-slate-700">
                {t("affected", {
                  list: [...i.stores.map((s) => s.name), ...i.components].join(", ") || "—",
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
