// Counts by status (each a link to the table filtered by it), the matched share and what is still open.
import Link from "next/link";
import { formatMinor } from "@/lib/money";
import { RECON_STATUSES } from "@/lib/reconciliation/filters";
import type { ReconSummary } from "@/lib/reconciliation/summary";
import { Card } from "@/components/ui/card";
import { listChange, reconHref, type ReconQuery } from "./recon-query";
import type { Formatter, Translate } from "./recon-rows";
import { StatusBadge } from "./status-badge";

export function SummaryCards({
  summary,
  q,
  t,
  format,
  locale,
}: {
  summary: ReconSummary;
  q: ReconQuery;
  t: Translate;
  format: Formatter;
  locale: string;
}) {
  const total = Object.values(summary.byStatus).reduce((a, b) => a + b, 0);
  const matched = summary.byStatus.matched ?? 0;
  const only = q.filter.status?.length === 1 ? q.filter.status[0] : undefined;
  const open = Object.entries(summary.openByCurrency)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card title={t("summary.byStatus")} className="md:col-span-2">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {RECON_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={reconHref(q.params, listChange({ status: s }))}
                prefetch={false}
                aria-current={only === s ? "true" : undefined}
                className={`flex min-h-11 flex-col gap-1 rounded-md border p-2 hover:bg-slate-50 ${only === s ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200"}`}
              >
                <StatusBadge status={s} label={t(`status.${s}`)} />
                <span className="text-xl font-semibold tabular-nums">{format.number(summary.byStatus[s] ?? 0)}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-600">{t("summary.scopeHint")}</p>
      </Card>
      <div className="grid gap-4">
        <Card title={t("summary.matchedShare")}>
          <p className="text-3xl font-semibold tabular-nums">
            {total ? format.number(matched / total, { style: "percent", maximumFractionDigits: 1 }) : "—"}
          </p>
          <p className="text-sm text-slate-600">
            {t("summary.matchedOf", { matched: format.number(matched), total: format.number(total) })}
          </p>
        </Card>
        <Card title={t("summary.openAmount")}>
          {open.length === 0 ? (
            <p className="text-sm text-slate-600">{t("summary.noOpen")}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {open.map(([currency, value]) => (
                <li key={currency} className="text-lg font-semibold tabular-nums">
                  {formatMinor(value, currency, locale)}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
