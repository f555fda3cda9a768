// One row per store the user may see: verdict, since when, why, terminals connected, the last hour, and where our
// probes and Adyen's page disagree.
import { getFormatter, getTranslations } from "next-intl/server";
import type { StoreStatus } from "@/lib/status";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import { ReasonText } from "@/components/status/reason-text";
import { Sparkline } from "./sparkline";
import { VerdictBadge, type ShownState } from "./verdict-badge";

const shownState = (s: StoreStatus): ShownState => (s.watchedUntil ? "watching" : s.state);

function Disagreement({ s, label, renderedAt }: { s: StoreStatus; label: string; renderedAt: string }) {
  return s.disagreementWhy ? (
    <p className="mt-1 rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-xs text-amber-950">
      <strong>{label}:</strong> <ReasonText reason={s.disagreementWhy} renderedAt={renderedAt} />
    </p>
  ) : null;
}

export async function StoreTable({
  stores,
  sparks,
  renderedAt,
}: {
  stores: StoreStatus[];
  sparks: Map<string, (number | null)[]>;
  /** When the snapshot the rows come from was read: live durations count on from there. */
  renderedAt: string;
}) {
  const t = await getTranslations("status");
  const format = await getFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" }) : "—";
  return (
    <>
      {/* Phones get one card per store; wider screens the table. */}
      <ul className="flex flex-col gap-3 md:hidden" aria-label={t("stores")}>
        {stores.map((s) => (
          <li key={s.storeId} className="rounded border border-slate-200 p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <span className="font-medium">{s.name}</span>
              <VerdictBadge state={shownState(s)} />
            </div>
            <p className="mt-1">
              <ReasonText reason={s.why} renderedAt={renderedAt} />
            </p>
            <Disagreement s={s} label={t("disagreement")} renderedAt={renderedAt} />
            <p className="mt-1 text-xs text-slate-600">
              {t("since")}: {when(s.since)} · {t("terminals")}:{" "}
              {t("connectedOf", { connected: s.terminals.connected, total: s.terminals.total })}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <SimpleTable
          caption={t("stores")}
          columns={[
            { label: t("store") },
            { label: t("verdict") },
            { label: t("since") },
            { label: t("reason") },
            { label: t("terminals"), align: "right" },
            { label: t("lastHour") },
          ]}
        >
          {stores.map((s) => {
            const spark = sparks.get(s.storeId) ?? [];
            const known = spark.filter((v): v is number => v !== null);
            return (
              <Row key={s.storeId}>
                <Cell>
                  <div className="font-medium">{s.name}</div>
                  <div className="font-mono text-xs text-slate-500">{s.storeId}</div>
                </Cell>
                <Cell>
                  <VerdictBadge state={shownState(s)} />
                </Cell>
                <Cell className="whitespace-nowrap">{when(s.since)}</Cell>
                <Cell>
                  <div>
                    <ReasonText reason={s.why} renderedAt={renderedAt} />
                  </div>
                  <Disagreement s={s} label={t("disagreement")} renderedAt={renderedAt} />
                </Cell>
                <Cell className="whitespace-nowrap text-right tabular-nums">
                  {t("connectedOf", { connected: s.terminals.connected, total: s.terminals.total })}
                </Cell>
                <Cell>
                  <Sparkline
                    values={spark}
                    label={
                      known.length
                        ? t("sparkLabel", { min: Math.min(...known), max: Math.max(...known) })
                        : t("sparkEmpty")
                    }
                  />
                </Cell>
              </Row>
            );
          })}
        </SimpleTable>
      </div>
    </>
  );
}
